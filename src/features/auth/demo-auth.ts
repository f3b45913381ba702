// Local mode has no accounts: a clearly labelled demo switch picks the role the UI is shaped for,
// remembered in localStorage. It grants nothing: the local data is the demo's, on this device.
import { ROLES, type AuthService, type AuthState, type Role } from '../../data/auth-port';

export const DEMO_ROLE_KEY = 'kasane.demoRole';
/** the demo staff member's 参加支援 team (cases are the team's; an admin has none and sees all) */
export const DEMO_TEAM_ID = 'demo-team-1';
/** the organization the demo coordinator maintains (one of the demo's organizations) */
export const DEMO_ORG_KEY = 'kasane.demoOrg';

function stateOf(role: Role, orgId: string | null): AuthState {
  if (role === 'resident') return { status: 'signed-out', role: 'resident' };
  const organizationIds = role === 'coordinator' && orgId ? [orgId] : [];
  return { status: 'signed-in', role, user: { id: `demo-${role}`, email: null }, organizationIds, teamId: role === 'staff' ? DEMO_TEAM_ID : null };
}

export class DemoAuth implements AuthService {
  readonly kind = 'demo' as const;
  private state: AuthState;
  private orgId: string | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeLocalStorage()) {
    let stored: string | null = null;
    try {
      stored = storage?.getItem(DEMO_ROLE_KEY) ?? null;
      this.orgId = storage?.getItem(DEMO_ORG_KEY) || null;
    } catch {
      // storage may be unavailable (private mode): start as a resident
    }
    this.state = stateOf((ROLES as readonly string[]).includes(stored ?? '') ? (stored as Role) : 'resident', this.orgId);
  }

  getState(): AuthState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setDemoRole(role: Role): void {
    this.state = stateOf(role, this.orgId);
    this.remember(DEMO_ROLE_KEY, role);
    for (const l of this.listeners) l();
  }

  /** which demo organization the coordinator maintains */
  setDemoOrganization(orgId: string): void {
    this.orgId = orgId;
    this.state = stateOf(this.state.role, orgId);
    this.remember(DEMO_ORG_KEY, orgId);
    for (const l of this.listeners) l();
  }

  private remember(key: string, value: string): void {
    try {
      this.storage?.setItem(key, value);
    } catch {
      // not remembered, but still applied
    }
  }

  async signOut(): Promise<void> {
    this.setDemoRole('resident');
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
