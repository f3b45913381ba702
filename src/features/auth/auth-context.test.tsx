// @vitest-environment happy-dom
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AuthProvider, useRole } from './auth-context';
import { DEMO_ORG_KEY, DEMO_ROLE_KEY, DemoAuth } from './demo-auth';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

function ShowRole() {
  return <p>{useRole()}</p>;
}

describe('DemoAuth', () => {
  it('starts as a resident, remembers the chosen role and re-renders its readers', () => {
    const storage = memoryStorage();
    const auth = new DemoAuth(storage);
    render(
      <AuthProvider auth={auth}>
        <ShowRole />
      </AuthProvider>,
    );
    expect(screen.getByText('resident')).toBeTruthy();
    act(() => auth.setDemoRole('coordinator'));
    expect(screen.getByText('coordinator')).toBeTruthy();
    expect(storage.data.get(DEMO_ROLE_KEY)).toBe('coordinator');
    expect(new DemoAuth(storage).getState()).toMatchObject({ status: 'signed-in', role: 'coordinator' });
  });

  it('ignores a stored value that is not a role, and signing out makes a resident', async () => {
    const auth = new DemoAuth(memoryStorage({ [DEMO_ROLE_KEY]: 'superuser' }));
    expect(auth.getState()).toEqual({ status: 'signed-out', role: 'resident' });
    auth.setDemoRole('admin');
    await auth.signOut();
    expect(auth.getState().role).toBe('resident');
  });

  it("gives the demo coordinator the chosen organization, remembered, and nobody else one", () => {
    const storage = memoryStorage();
    const auth = new DemoAuth(storage);
    auth.setDemoRole('coordinator');
    expect(auth.getState()).toMatchObject({ role: 'coordinator', organizationIds: [] });
    auth.setDemoOrganization('org-0007');
    expect(auth.getState()).toMatchObject({ role: 'coordinator', organizationIds: ['org-0007'] });
    expect(storage.data.get(DEMO_ORG_KEY)).toBe('org-0007');
    expect(new DemoAuth(storage).getState()).toMatchObject({ role: 'coordinator', organizationIds: ['org-0007'] });
    auth.setDemoRole('staff');
    expect(auth.getState()).toMatchObject({ role: 'staff', organizationIds: [] });
  });
});
