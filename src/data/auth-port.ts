// Who is using the app, for shaping the UI only: security lives in Postgres (RLS), never here.
// Two implementations: Supabase Auth (src/data/supabase/supabase-auth.ts) and, in local mode, a
// clearly labelled demo role switch (src/features/auth/demo-auth.ts).

/** resident = no account (or an account without a role): what the public sees */
export type Role = 'resident' | 'coordinator' | 'staff' | 'admin';
export const ROLES: readonly Role[] = ['resident', 'coordinator', 'staff', 'admin'];

export type AuthState =
  | { status: 'loading'; role: 'resident' }
  | { status: 'signed-out'; role: 'resident' }
  | {
      status: 'signed-in';
      role: Role;
      user: { id: string; email: string | null };
      /** organizations the user maintains as a coordinator */
      organizationIds: string[];
      /** the staff member's 参加支援 team */
      teamId: string | null;
    };

export interface AuthService {
  /** 'demo': a role switch with no account behind it (local data source) */
  readonly kind: 'supabase' | 'demo';
  /** the current state; the same object until it changes (for useSyncExternalStore) */
  getState(): AuthState;
  /** calls `listener` after every change; returns the unsubscribe function */
  subscribe(listener: () => void): () => void;
  signOut(): Promise<void>;
  /** Supabase only */
  signInWithPassword?(email: string, password: string): Promise<void>;
  /** Supabase only: sends a sign-in link that returns to `redirectTo` */
  sendMagicLink?(email: string, redirectTo: string): Promise<void>;
  /** demo only */
  setDemoRole?(role: Role): void;
  /** demo only: the organization the demo coordinator maintains */
  setDemoOrganization?(orgId: string): void;
}
