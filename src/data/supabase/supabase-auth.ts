// Supabase Auth: email + password and magic links, the session kept by supabase-js
// (onAuthStateChange), and the user's role from public.profiles (RLS lets a user read their
// own profile and memberships). The role only shapes the UI; what the user may read or change is
// decided by row-level security.
import type { Session } from '@supabase/supabase-js';
import type { AuthService, AuthState, Role } from '../auth-port';
import type { KasaneClient } from './fetchers';

const LOADING: AuthState = { status: 'loading', role: 'resident' };
const SIGNED_OUT: AuthState = { status: 'signed-out', role: 'resident' };

function roleOf(value: string | undefined): Role {
  return value === 'admin' || value === 'staff' || value === 'coordinator' ? value : 'resident';
}

export class SupabaseAuth implements AuthService {
  readonly kind = 'supabase' as const;
  private state: AuthState = LOADING;
  private readonly listeners = new Set<() => void>();
  private loadedFor: string | null = null; // the user id whose role is loaded (token refreshes keep it)

  constructor(private readonly client: KasaneClient) {
    client.auth.onAuthStateChange((_event, session) => {
      // supabase-js holds a lock while this callback runs: calling the client from inside it can
      // deadlock (https://github.com/supabase/auth-js/issues/762), so read the role afterwards
      setTimeout(() => void this.update(session), 0);
    });
  }

  getState(): AuthState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(state: AuthState): void {
    this.state = state;
    for (const l of this.listeners) l();
  }

  private async update(session: Session | null): Promise<void> {
    if (!session) {
      this.loadedFor = null;
      this.set(SIGNED_OUT);
      return;
    }
    const user = session.user;
    if (this.loadedFor === user.id && this.state.status === 'signed-in') return;
    this.loadedFor = user.id;
    const [profile, members] = await Promise.all([
      this.client.from('profiles').select('role, team_id').eq('id', user.id).maybeSingle(),
      this.client.from('organization_members').select('organization_id').eq('user_id', user.id),
    ]);
    if (this.loadedFor !== user.id) return; // signed out or switched meanwhile
    // an account without a profile sees what a visitor sees (RLS does the same)
    this.set({
      status: 'signed-in',
      role: roleOf(profile.data?.role),
      user: { id: user.id, email: user.email ?? null },
      organizationIds: (members.data ?? []).map((m) => m.organization_id),
      teamId: profile.data?.team_id ?? null,
    });
  }

  async signInWithPassword(email: string, password: string): Promise<void> {
    const { error } = await this.client.auth.signInWithPassword({ email, password });
    if (error) throw error;
  }

  async sendMagicLink(email: string, redirectTo: string): Promise<void> {
    // accounts are invited by an admin (sign-up is off): never create one from the sign-in page
    const { error } = await this.client.auth.signInWithOtp({ email, options: { emailRedirectTo: redirectTo, shouldCreateUser: false } });
    if (error) throw error;
  }

  async signOut(): Promise<void> {
    const { error } = await this.client.auth.signOut();
    if (error) throw error;
  }
}
