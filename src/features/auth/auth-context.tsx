// The signed-in user (or the demo role) for the whole app. The role shapes the UI only: what a
// user may read or change is decided by row-level security in Postgres.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { AuthService, AuthState, Role } from '../../data/auth-port';

const AuthContext = createContext<AuthService | null>(null);

export function AuthProvider({ auth, children }: { auth: AuthService; children: ReactNode }) {
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

export function useAuthService(): AuthService {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>');
  return auth;
}

/** the current state; re-renders when it changes (sign-in, sign-out, token refresh, demo switch) */
export function useAuth(): AuthState & { service: AuthService } {
  const service = useAuthService();
  const state = useSyncExternalStore(
    (listener) => service.subscribe(listener),
    () => service.getState(),
  );
  return { ...state, service };
}

/** the role the UI is shaped for: 'resident' when signed out */
export function useRole(): Role {
  return useAuth().role;
}
