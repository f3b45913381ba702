// The local case store against a real IndexedDB implementation (fake-indexeddb): access by role
// and team, the audit entry of every read and write, the referral flow, unmet needs, rounding.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ANY_TIME, type Constraints } from '../../domain/case/model';
import type { Actor, NewCase, StaffCatalog } from '../case-port';
import { CASE_DB_NAME, openLocalCaseStore } from './case-store';

const catalog: StaffCatalog = { sites: [], menus: [], areas: [], organizations: [] };
const constraints: Constraints = { travel: { mode: 'walk', maxMinutes: 20 }, availability: [...ANY_TIME], accessibility: [], languages: ['ja'], maxCostYen: null, ease: [] };
const household: NewCase = {
  home: { kind: 'point', point: [139.70012345, 35.68987654] },
  constraints,
  members: [
    { id: 'm1', relationship: 'self', ageBand: '40-64', targets: ['parents'], needs: ['place_to_be', 'socializing'] },
    { id: 'm2', relationship: 'child', ageBand: '6-12', targets: [], needs: ['child_study'] },
  ],
};

const staffA: Actor = { userId: 'u-a', role: 'staff', teamId: 'team-a' };
const staffB: Actor = { userId: 'u-b', role: 'staff', teamId: 'team-b' };
const admin: Actor = { userId: 'u-admin', role: 'admin', teamId: null };

function clock(start = '2026-11-26T01:00:00Z') {
  let t = Date.parse(start);
  return () => new Date((t += 1000));
}

function setup() {
  const factory = new IDBFactory();
  const now = clock();
  const open = (actor: Actor) => openLocalCaseStore({ actor, catalog: async () => catalog, indexedDB: factory, now });
  return { factory, open };
}

describe('local case store', () => {
  it('refuses residents, coordinators and staff without a team, before opening the database', async () => {
    const { factory, open } = setup();
    await expect(open({ userId: 'r', role: 'resident', teamId: null })).rejects.toThrow('参加支援の担当者と管理者だけ');
    await expect(open({ userId: 'c', role: 'coordinator', teamId: null })).rejects.toThrow('参加支援の担当者と管理者だけ');
    await expect(open({ userId: 's', role: 'staff', teamId: null })).rejects.toThrow('チームが設定されていない');
    expect((await factory.databases()).map((d) => d.name)).not.toContain(CASE_DB_NAME);
  });

  it('creates cases with consecutive codes, the home rounded to the ~100 m grid, owned by the team', async () => {
    const { open } = setup();
    const store = await open(staffA);
    const a = await store.createCase(household);
    const b = await store.createCase(household);
    expect(a.code).toBe('K-2026-0001');
    expect(b.code).toBe('K-2026-0002');
    expect(a.home).toEqual({ kind: 'point', point: [139.7, 35.69] });
    expect(a).toMatchObject({ teamId: 'team-a', status: 'active', openedOn: '2026-11-26' });
    expect((await store.listCases()).map((c) => c.code)).toEqual(['K-2026-0002', 'K-2026-0001']);
  });

  it('shows a team only its own cases; an admin sees all; another team cannot read or change one', async () => {
    const { open } = setup();
    const a = await open(staffA);
    const b = await open(staffB);
    const c = await a.createCase(household);
    await b.createCase(household);
    expect((await a.listCases()).length).toBe(1);
    expect(await b.getCase(c.id)).toBeNull();
    await expect(b.listReferrals(c.id)).rejects.toThrow('ケースが見つかりません');
    await expect(b.addNote(c.id, '見学に前向き')).rejects.toThrow('ケースが見つかりません');
    await expect(b.updateCase(c.id, { status: 'closed' })).rejects.toThrow('ケースが見つかりません');
    expect((await (await open(admin)).listCases()).length).toBe(2);
  });

  it('writes one audit entry per read and write, with who, when and what', async () => {
    const { open } = setup();
    const store = await open(staffA);
    const c = await store.createCase(household);
    await store.getCase(c.id);
    await store.addNote(c.id, '火曜午後なら出かけられる');
    await store.getTimeline(c.id);
    const audit = await store.listAudit({ caseId: c.id });
    expect(audit.map((e) => [e.action, e.entity])).toEqual([
      ['read', 'timeline'],
      ['create', 'note'],
      ['read', 'case'],
      ['create', 'case'],
    ]);
    for (const e of audit) expect(e).toMatchObject({ actorId: 'u-a', actorRole: 'staff', actorTeamId: 'team-a', caseId: c.id });
    expect(audit[0]!.at > audit[3]!.at).toBe(true);
    await store.listCases();
    expect((await store.listAudit()).some((e) => e.entity === 'case_list' && e.action === 'read')).toBe(true);
  });

  it('writes nothing, not even the audit line, when a write is refused', async () => {
    const { open } = setup();
    const store = await open(staffA);
    const c = await store.createCase(household);
    await expect(store.addNote(c.id, '電話 090-1234-5678')).rejects.toThrow('電話番号');
    await expect(store.createReferral(c.id, { memberId: 'm1', menuId: 'x', siteId: null, menuTitle: 'x', siteName: null, nextFollowUp: '2026-11-01' })).rejects.toThrow('今日以降');
    expect(await store.listReferrals(c.id)).toEqual([]);
    expect((await store.listAudit({ caseId: c.id })).map((e) => e.entity)).toEqual(['referral', 'case']);
  });

  it('walks a referral through the flow, keeps its history, and lists it when its follow-up is due', async () => {
    const { open } = setup();
    const store = await open(staffA);
    const c = await store.createCase(household);
    const r = await store.createReferral(c.id, { memberId: 'm2', menuId: 'menu-1', siteId: 'site-1', menuTitle: '学習支援', siteName: '公民館', nextFollowUp: '2026-12-10' });
    expect(r.status).toBe('proposed');
    await expect(store.createReferral(c.id, { memberId: 'm2', menuId: 'menu-1', siteId: 'site-1', menuTitle: '学習支援', siteName: '公民館', nextFollowUp: '2026-12-10' })).rejects.toThrow('すでにつないで');
    const v = await store.updateReferral(r.id, { status: 'visit_planned', reason: null, nextFollowUp: '2026-11-28' });
    expect(v.history.map((h) => h.status)).toEqual(['proposed', 'visit_planned']);
    await expect(store.updateReferral(r.id, { status: 'consented', reason: null, nextFollowUp: '2026-11-28' })).rejects.toThrow('進めません');
    expect((await store.listFollowUps('2026-11-29')).map((f) => [f.caseCode, f.status, f.nextFollowUp])).toEqual([['K-2026-0001', 'visit_planned', '2026-11-28']]);
    expect(await store.listFollowUps('2026-11-27')).toEqual([]);
    expect(await (await open(staffB)).listFollowUps('2030-01-01')).toEqual([]);
    // a closed case has no follow-ups; reopened, they are back
    await store.updateCase(c.id, { status: 'closed' });
    expect(await store.listFollowUps('2026-11-29')).toEqual([]);
    await store.updateCase(c.id, { status: 'paused' });
    expect((await store.listFollowUps('2026-11-29')).map((f) => f.caseCode)).toEqual(['K-2026-0001']);
    await store.updateReferral(r.id, { status: 'declined', reason: 'anxiety', nextFollowUp: null });
    expect(await store.listFollowUps('2030-01-01')).toEqual([]);
    const timeline = await store.getTimeline(c.id);
    expect(timeline.map((e) => e.kind)).toEqual(['referral_status', 'case_updated', 'case_updated', 'referral_status', 'referral_created', 'case_opened']);
  });

  it('keeps one unmet-need record per member × need, and suppresses small counts for other teams', async () => {
    const { open } = setup();
    const a = await open(staffA);
    const c = await a.createCase(household);
    const need = { memberId: 'm1', need: 'place_to_be' as const, areaId: 'north', blockingConstraint: 'schedule' as const, date: '2026-11-26' };
    await a.recordUnmetNeeds(c.id, [need]);
    await a.recordUnmetNeeds(c.id, [need]);
    expect((await a.listUnmetNeeds(c.id)).length).toBe(1);
    expect(await a.getUnmetSummary()).toEqual([{ need: 'place_to_be', areaId: 'north', blockingConstraint: 'schedule', count: 1, ownCount: 1 }]);
    expect(await (await open(staffB)).getUnmetSummary()).toEqual([{ need: 'place_to_be', areaId: 'north', blockingConstraint: 'schedule', count: null, ownCount: 0 }]);
    expect((await (await open(admin)).getUnmetSummary())[0]!.count).toBe(1);
  });

  it('keeps a shortlist per case without duplicates', async () => {
    const { open } = setup();
    const store = await open(staffA);
    const c = await store.createCase(household);
    await store.addToShortlist(c.id, 'm1', 'menu-1');
    await store.addToShortlist(c.id, 'm1', 'menu-1');
    await store.addToShortlist(c.id, 'm2', 'menu-2');
    expect((await store.getShortlist(c.id)).map((s) => s.menuId)).toEqual(['menu-1', 'menu-2']);
    await store.removeFromShortlist(c.id, 'm1', 'menu-1');
    expect((await store.getShortlist(c.id)).map((s) => s.menuId)).toEqual(['menu-2']);
  });
});
