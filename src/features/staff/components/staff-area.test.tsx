// @vitest-environment happy-dom
// Who gets into the staff area: residents and coordinators see a refusal and the case port is never
// opened (nothing is read); staff open it as themselves, with their team.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { Role } from '../../../data/auth-port';
import type { Actor, CasePortFactory } from '../../../data/case-port';
import { CasePortProvider } from '../../../data/case-port-context';
import { openLocalCaseStore } from '../../../data/local/case-store';
import { I18nProvider } from '../../../i18n/i18n';
import { AuthProvider } from '../../auth/auth-context';
import { DemoAuth } from '../../auth/demo-auth';
import { StaffArea } from './staff-area';

function renderAs(role: Role, open: CasePortFactory, path = '/staff') {
  const auth = new DemoAuth(null);
  auth.setDemoRole(role);
  const { hook } = memoryLocation({ path });
  return render(
    <I18nProvider locale="ja">
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <AuthProvider auth={auth}>
          <CasePortProvider open={open}>
            <Router hook={hook}>
              <StaffArea />
            </Router>
          </CasePortProvider>
        </AuthProvider>
      </QueryClientProvider>
    </I18nProvider>,
  );
}

const localFactory = (factory: IDBFactory) => (actor: Actor) => openLocalCaseStore({ actor, indexedDB: factory, catalog: async () => ({ sites: [], menus: [], areas: [], organizations: [] }) });

afterEach(cleanup);

describe('StaffArea', () => {
  it.each(['resident', 'coordinator'] as const)('refuses a %s without opening the case port', async (role) => {
    const open = vi.fn<CasePortFactory>();
    renderAs(role, open, '/staff/cases/some-id');
    expect(await screen.findByRole('heading', { name: 'このページは見られません' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: '参加支援のメニュー' })).toBeNull();
    expect(open).not.toHaveBeenCalled();
  });

  it('opens the port as the staff member, with their team, and lists the team’s cases', async () => {
    const factory = new IDBFactory();
    const seed = await localFactory(factory)({ userId: 'someone', role: 'staff', teamId: 'demo-team-1' });
    const c = await seed.createCase({
      home: { kind: 'area', areaId: 'a1' },
      constraints: { travel: { mode: 'walk', maxMinutes: 15 }, availability: [{ days: ['TU'], from: '13:00', to: '17:00' }], accessibility: [], languages: ['ja'], maxCostYen: 0, ease: [] },
      members: [{ id: 'm1', relationship: 'self', ageBand: '65-74', targets: [], needs: ['socializing'] }],
    });
    const open = vi.fn<CasePortFactory>(localFactory(factory));
    renderAs('staff', open);
    await waitFor(() => expect(screen.getByRole('link', { name: c.code })).toBeTruthy());
    expect(open).toHaveBeenCalledWith({ userId: 'demo-staff', role: 'staff', teamId: 'demo-team-1' });
    expect(screen.getByRole('cell', { name: '本人（65〜74歳）' })).toBeTruthy();
  });

  it('shows an admin every case but no 新しいケース link', async () => {
    const factory = new IDBFactory();
    await (await localFactory(factory)({ userId: 'x', role: 'staff', teamId: 'other-team' })).createCase({
      home: { kind: 'area', areaId: 'a1' },
      constraints: { travel: { mode: 'bus', maxMinutes: 30 }, availability: [{ days: ['SA'], from: '09:00', to: '12:00' }], accessibility: [], languages: ['ja'], maxCostYen: null, ease: [] },
      members: [{ id: 'm1', relationship: 'self', ageBand: '19-39', targets: [], needs: ['work_experience'] }],
    });
    renderAs('admin', localFactory(factory));
    await waitFor(() => expect(screen.getAllByRole('row').length).toBe(2));
    expect(screen.queryByRole('link', { name: '新しいケース' })).toBeNull();
  });
});
