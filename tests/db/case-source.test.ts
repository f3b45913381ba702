// The Supabase case port (src/data/supabase/case-source.ts) against the real database: the app's
// own port, its `.rpc()` served by the SQL functions through pg (tests/conformance/postgrest-over-pg),
// signed in as each fixture user in turn. Covers every port method, the team boundary, the
// refusals, the audit trail the database writes, and the Japanese messages that reach the user.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Constraints } from '../../src/domain/case/model';
import { CaseAccessError, type Actor, type NewCase } from '../../src/data/case-port';
import { openSupabaseCasePort, SupabaseCasePort } from '../../src/data/supabase/case-source';
import type { KasaneClient } from '../../src/data/supabase/fetchers';
import { postgrestOverPg } from '../conformance/postgrest-over-pg';
import { actAs, connect } from './db';

const ID = {
  staffA: '00000000-0000-4000-8000-00000000ca01',
  staffB: '00000000-0000-4000-8000-00000000ca02',
  admin: '00000000-0000-4000-8000-00000000ca03',
  coordinator: '00000000-0000-4000-8000-00000000ca04',
};
const actors: Record<keyof typeof ID, Actor> = {
  staffA: { userId: ID.staffA, role: 'staff', teamId: 'cs_team_a' },
  staffB: { userId: ID.staffB, role: 'staff', teamId: 'cs_team_b' },
  admin: { userId: ID.admin, role: 'admin', teamId: null },
  coordinator: { userId: ID.coordinator, role: 'coordinator', teamId: null },
};

const constraints: Constraints = {
  travel: { mode: 'walk', maxMinutes: 20 },
  availability: [{ days: ['TU', 'TH'], from: '13:00', to: '17:00' }],
  accessibility: [],
  languages: ['ja'],
  maxCostYen: null,
  ease: ['visit_first'],
};
const household: NewCase = {
  home: { kind: 'point', point: [139.70012345, 35.68987654] }, // finer than the grid: the port rounds it
  constraints,
  members: [
    { id: 'm1', relationship: 'self', ageBand: '40-64', targets: ['parents'], needs: ['place_to_be', 'socializing'] },
    { id: 'm2', relationship: 'child', ageBand: '6-12', targets: [], needs: ['child_study'], overrides: { travel: { mode: 'walk', maxMinutes: 10 } } },
  ],
};

let client: pg.Client;
let rpc: KasaneClient;

/** runs `fn` signed in as `who` */
async function as<T>(who: keyof typeof ID, fn: (port: SupabaseCasePort) => Promise<T>): Promise<T> {
  await actAs(client, { sub: ID[who] });
  return fn(new SupabaseCasePort(rpc, actors[who]));
}

/** an expected refusal aborts the transaction: run it inside a savepoint */
async function refused(who: keyof typeof ID, fn: (port: SupabaseCasePort) => Promise<unknown>): Promise<Error> {
  await client.query('savepoint refusal');
  try {
    await as(who, fn);
  } catch (e) {
    return e as Error;
  } finally {
    await client.query('rollback to savepoint refusal');
  }
  throw new Error('expected a refusal');
}

beforeAll(async () => {
  client = await connect();
  rpc = postgrestOverPg(client) as unknown as KasaneClient;
  await client.query('begin');
  await client.query(`
    insert into auth.users (id, email, role, aud) values
      ('${ID.staffA}', 'a@case.test', 'authenticated', 'authenticated'), ('${ID.staffB}', 'b@case.test', 'authenticated', 'authenticated'),
      ('${ID.admin}', 'admin@case.test', 'authenticated', 'authenticated'), ('${ID.coordinator}', 'c@case.test', 'authenticated', 'authenticated');
    insert into public.organizations (id, name, kind) values ('cs_org', 'NPO法人 ためし', 'npo');
    insert into public.teams (id, name) values ('cs_team_a', '参加支援チームA'), ('cs_team_b', '参加支援チームB');
    insert into public.profiles (id, role, team_id) values
      ('${ID.staffA}', 'staff', 'cs_team_a'), ('${ID.staffB}', 'staff', 'cs_team_b'), ('${ID.admin}', 'admin', null), ('${ID.coordinator}', 'coordinator', null);
    insert into public.organization_members (organization_id, user_id) values ('cs_org', '${ID.coordinator}');
    insert into public.areas (id, level, name, geom) values
      ('cs_area', 'daily_life', '中部圏域', extensions.st_multi(extensions.st_makeenvelope(139.69, 35.68, 139.71, 35.70, 4326)));
    insert into public.sites (id, organization_id, name, kana, category_id, fields, location, municipality_code, status, visibility, confidential, public_contact_site_id) values
      ('cs_site', 'cs_org', 'ためしの居場所', 'ためしのいばしょ', 'multigenerational_place', '{community}', 'SRID=4326;POINT(139.701 35.691)', '131041', 'published', 'public', false, null),
      ('cs_shelter', 'cs_org', '非公開の場所', 'ひこうかいのばしょ', 'self_reliance_support', '{poverty}', 'SRID=4326;POINT(139.702 35.692)', '131041', 'published', 'public', true, 'cs_site');
    insert into public.menus (id, site_id, organization_id, title, needs, targets, status, visibility) values
      ('cs_menu', 'cs_site', 'cs_org', 'ためしのサロン', '{place_to_be,socializing}', '{anyone}', 'published', 'public'),
      ('cs_trial', 'cs_site', 'cs_org', '職場体験', '{work_experience}', '{young_adults}', 'published', 'staff'),
      ('cs_draft', 'cs_site', 'cs_org', '準備中', '{meals}', '{anyone}', 'draft', 'public'),
      ('cs_hidden', 'cs_shelter', 'cs_org', '相談', '{consultation}', '{anyone}', 'published', 'public');
  `);
});

afterAll(async () => {
  await client?.query('rollback');
  await client?.end();
});

describe('Supabase case port', () => {
  it('opens for staff with a team and admins only', async () => {
    await expect(openSupabaseCasePort(rpc, actors.coordinator)).rejects.toBeInstanceOf(CaseAccessError);
    await expect(openSupabaseCasePort(rpc, { userId: 'x', role: 'resident', teamId: null })).rejects.toBeInstanceOf(CaseAccessError);
    await expect(openSupabaseCasePort(rpc, { userId: ID.staffA, role: 'staff', teamId: null })).rejects.toThrow('チームが設定されていない');
    // and the database refuses a coordinator who skips the port's check
    const e = await refused('coordinator', (p) => p.listCases());
    expect(e).toBeInstanceOf(CaseAccessError);
    expect(e.message).toBe('ケースを扱えるのは参加支援の職員と管理者だけです');
  });

  let caseId = '';
  let code = '';
  let referralId = '';

  it('creates cases with consecutive codes for the team, the home on the ~100 m grid; lists newest first', async () => {
    const [a, b] = await as('staffA', async (p) => [await p.createCase(household), await p.createCase(household)] as const);
    expect(a.code).toMatch(/^K-\d{4}-\d{4}$/);
    expect(Number(b.code.slice(7))).toBe(Number(a.code.slice(7)) + 1);
    expect(a).toMatchObject({ teamId: 'cs_team_a', status: 'active', home: { kind: 'point', point: [139.7, 35.69] }, constraints, members: household.members });
    caseId = a.id;
    code = a.code;
    await as('staffA', async (p) => {
      expect((await p.listCases()).map((c) => c.code)).toEqual([b.code, a.code]);
      expect(await p.getCase(a.id)).toEqual(a);
      const paused = await p.updateCase(a.id, { status: 'paused' });
      expect(paused).toMatchObject({ status: 'paused', code: a.code, members: household.members, home: a.home });
      expect(await p.updateCase(a.id, { status: 'active', home: { kind: 'area', areaId: 'cs_area' } })).toMatchObject({ status: 'active', home: { kind: 'area', areaId: 'cs_area' } });
    });
    // an admin has no team: cases are opened by staff
    expect(await refused('admin', (p) => p.createCase(household))).toBeInstanceOf(CaseAccessError);
  });

  it('refers, moves the referral along the flow, and lists what is due', async () => {
    await as('staffA', async (p) => {
      const r = await p.createReferral(caseId, { memberId: 'm1', menuId: 'cs_menu', siteId: 'cs_site', menuTitle: 'ためしのサロン', siteName: 'ためしの居場所', nextFollowUp: '2099-01-10' });
      expect(r).toMatchObject({ caseId, teamId: 'cs_team_a', memberId: 'm1', menuId: 'cs_menu', siteId: 'cs_site', menuTitle: 'ためしのサロン', siteName: 'ためしの居場所', status: 'proposed', reason: null, nextFollowUp: '2099-01-10' });
      referralId = r.id;
      const v = await p.updateReferral(r.id, { status: 'visit_planned', reason: null, nextFollowUp: '2099-01-12' });
      expect(v.history.map((h) => [h.status, h.nextFollowUp, h.by])).toEqual([
        ['proposed', '2099-01-10', ID.staffA],
        ['visit_planned', '2099-01-12', ID.staffA],
      ]);
      expect((await p.listReferrals(caseId)).map((x) => x.status)).toEqual(['visit_planned']);
      const due = await p.listFollowUps('2099-01-31');
      expect(due.map((f) => [f.caseCode, f.status, f.nextFollowUp])).toEqual([[code, 'visit_planned', '2099-01-12']]);
      expect(await p.listFollowUps('2099-01-11')).toEqual([]);
      await expect(p.createReferral(caseId, { memberId: 'm2', menuId: 'cs_menu', siteId: 'cs_site', menuTitle: 'x', siteName: null, nextFollowUp: '2000-01-01' })).rejects.toThrow('今日以降');
    });
    expect((await refused('staffA', (p) => p.updateReferral(referralId, { status: 'contacted', reason: null, nextFollowUp: '2099-01-12' }))).message).toBe(
      'つなぎの段階は戻せません（休止から再開するときは、どの段階にも戻せます）',
    );
    expect((await refused('staffA', (p) => p.updateReferral(referralId, { status: 'ended', reason: null, nextFollowUp: null }))).message).toBe(
      '休止・終了・本人辞退・受け入れ不可には理由を選んでください',
    );
    expect((await refused('staffA', (p) => p.createReferral(caseId, { memberId: 'm1', menuId: 'cs_menu', siteId: 'cs_site', menuTitle: 'x', siteName: null, nextFollowUp: '2099-02-01' }))).message).toBe(
      'この世帯員は、この活動にすでにつないでいます',
    );
    expect((await refused('staffA', (p) => p.createReferral(caseId, { memberId: 'm1', menuId: 'cs_draft', siteId: 'cs_site', menuTitle: 'x', siteName: null, nextFollowUp: '2099-02-01' }))).message).toMatch('公開中の活動');
  });

  it('keeps notes (never a phone number), a timeline, a shortlist and unmet needs', async () => {
    await as('staffA', async (p) => {
      const note = await p.addNote(caseId, '  見学に同行する  ', 'm1');
      expect(note).toMatchObject({ caseId, kind: 'note', memberId: 'm1', text: '見学に同行する', by: ID.staffA, referralId: null, status: null });
      await expect(p.addNote(caseId, '連絡先 090-1234-5678')).rejects.toThrow('電話番号');
      const kinds = (await p.getTimeline(caseId)).map((e) => e.kind).sort();
      expect(kinds).toEqual(['case_opened', 'note', 'referral_created', 'referral_status']);

      await p.addToShortlist(caseId, 'm1', 'cs_trial');
      await p.addToShortlist(caseId, 'm1', 'cs_trial'); // twice is once
      expect((await p.getShortlist(caseId)).map((s) => [s.memberId, s.menuId, s.addedBy])).toEqual([['m1', 'cs_trial', ID.staffA]]);
      await p.removeFromShortlist(caseId, 'm1', 'cs_trial');
      expect(await p.getShortlist(caseId)).toEqual([]);

      const need = { memberId: 'm2', need: 'child_study', areaId: 'cs_area', blockingConstraint: 'distance', date: '2026-11-26' } as const;
      const [stored] = await p.recordUnmetNeeds(caseId, [need]);
      expect(stored).toMatchObject({ ...need, caseId, teamId: 'cs_team_a', recordedBy: ID.staffA });
      const [again] = await p.recordUnmetNeeds(caseId, [{ ...need, blockingConstraint: 'schedule' }]);
      expect(again!.id).toBe(stored!.id); // one per case × member × need: recording again replaces it
      expect((await p.listUnmetNeeds(caseId)).map((u) => u.blockingConstraint)).toEqual(['schedule']);
      expect(await p.getUnmetSummary()).toEqual([{ need: 'child_study', areaId: 'cs_area', blockingConstraint: 'schedule', count: 1, ownCount: 1 }]);
    });
  });

  it('another team sees nothing of the case; the summary withholds its small count; an admin sees all', async () => {
    await as('staffB', async (p) => {
      expect(await p.listCases()).toEqual([]);
      expect(await p.getCase(caseId)).toBeNull();
      expect(await p.listFollowUps('2099-12-31')).toEqual([]);
      expect(await p.getUnmetSummary()).toEqual([{ need: 'child_study', areaId: 'cs_area', blockingConstraint: 'schedule', count: null, ownCount: 0 }]);
    });
    for (const read of [(p: SupabaseCasePort) => p.listReferrals(caseId), (p: SupabaseCasePort) => p.getTimeline(caseId), (p: SupabaseCasePort) => p.listAudit({ caseId })]) {
      const e = await refused('staffB', read);
      expect(e).toBeInstanceOf(CaseAccessError);
      expect(e.message).toBe('ケースが見つからないか、このケースを扱う権限がありません');
    }
    expect(await refused('staffB', (p) => p.addNote(caseId, 'x'))).toBeInstanceOf(CaseAccessError);
    await as('admin', async (p) => {
      expect((await p.listCases()).length).toBe(2);
      expect((await p.getCase(caseId))?.code).toBe(code);
      expect(await p.getUnmetSummary()).toEqual([{ need: 'child_study', areaId: 'cs_area', blockingConstraint: 'schedule', count: 1, ownCount: 0 }]);
    });
  });

  it('every read and write of the case is in its audit trail, attributed', async () => {
    const trail = await as('staffA', (p) => p.listAudit({ caseId }));
    expect(trail.length).toBeGreaterThan(10);
    const seen = new Set(trail.filter((e) => e.actorId === ID.staffA).map((e) => `${e.action} ${e.entity}`));
    for (const x of ['create case', 'read case', 'read case_list', 'update case', 'create referral', 'update referral', 'read referral', 'read follow_ups', 'create note', 'read timeline', 'create shortlist', 'delete shortlist', 'read shortlist', 'create unmet_need', 'update unmet_need', 'read unmet_need']) {
      expect(seen, x).toContain(x);
    }
    expect(trail.every((e) => e.caseId === caseId && e.at && e.actorRole)).toBe(true);
    // the other team's attempts to read the case were refused, so they read nothing and left no read
    expect(trail.some((e) => e.actorId === ID.staffB)).toBe(false);
    // an admin's read is recorded too
    expect((await as('staffA', (p) => p.listAudit({ caseId, limit: 50 }))).some((e) => e.actorId === ID.admin && e.action === 'read')).toBe(true);
    // without a case: staff get their team's entries, admins everything
    const mine = await as('staffA', (p) => p.listAudit({ limit: 1000 }));
    expect(mine.every((e) => e.actorTeamId === 'cs_team_a')).toBe(true);
    expect((await as('admin', (p) => p.listAudit({ limit: 1000 }))).length).toBeGreaterThan(mine.length);
  });

  it('the staff catalog holds staff-only menus, never drafts or confidential places', async () => {
    const catalog = await as('staffA', (p) => p.getStaffCatalog());
    const menuIds = catalog.menus.map((m) => m.id);
    expect(menuIds).toEqual(expect.arrayContaining(['cs_menu', 'cs_trial']));
    expect(menuIds).not.toContain('cs_draft');
    expect(menuIds).not.toContain('cs_hidden');
    expect(catalog.sites.map((s) => s.id)).toContain('cs_site');
    expect(catalog.sites.map((s) => s.id)).not.toContain('cs_shelter');
    expect(catalog.areas.map((a) => a.id)).toContain('cs_area');
    expect(catalog.organizations).toContainEqual({ id: 'cs_org', name: 'NPO法人 ためし', kind: 'npo' });
    expect(await refused('coordinator', (p) => p.getStaffCatalog())).toBeInstanceOf(CaseAccessError);
  });
});
