// The case port, two ways, one answer: the local store (IndexedDB via fake-indexeddb) and the
// Supabase port (the SQL RPCs through pg, signed in as the same people) run the same scenario
// and must answer alike, apart from what each store assigns itself (ids, instants).
// Known, documented differences are left out on purpose: the wording of a refused referral step
// (both refuse it), audit granularity, and `case_updated` timeline entries (the database derives
// them from the audit log per transaction, and this test runs in one transaction).
import { IDBFactory } from 'fake-indexeddb';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Constraints } from '../../src/domain/case/model';
import { CaseAccessError, type Actor, type CasePort, type NewCase } from '../../src/data/case-port';
import { openLocalCaseStore } from '../../src/data/local/case-store';
import { SupabaseCasePort } from '../../src/data/supabase/case-source';
import type { KasaneClient } from '../../src/data/supabase/fetchers';
import { actAs, connect } from '../db/db';
import { postgrestOverPg } from './postgrest-over-pg';

const ID = { a: '00000000-0000-4000-8000-00000000cc01', b: '00000000-0000-4000-8000-00000000cc02', admin: '00000000-0000-4000-8000-00000000cc03' };
type Who = keyof typeof ID;
const actor = (who: Who): Actor =>
  who === 'admin' ? { userId: ID.admin, role: 'admin', teamId: null } : { userId: ID[who], role: 'staff', teamId: who === 'a' ? 'cc_team_a' : 'cc_team_b' };

const constraints: Constraints = { travel: { mode: 'bicycle', maxMinutes: 15 }, availability: [{ days: ['MO', 'WE'], from: '10:00', to: '12:00' }], accessibility: ['wheelchair'], languages: ['ja', 'easy_ja'], maxCostYen: 300, ease: [] };
const household: NewCase = {
  home: { kind: 'point', point: [139.70049, 35.69051] },
  constraints,
  members: [
    { id: 'm1', relationship: 'self', ageBand: '19-39', targets: ['hikikomori_experience'], needs: ['place_to_be', 'work_experience'] },
    { id: 'm2', relationship: 'grandparent', ageBand: '75+', targets: [], needs: ['exercise_health'], overrides: { travel: { mode: 'walk', maxMinutes: 10 }, maxCostYen: null } },
  ],
};

let client: pg.Client;
let rpc: KasaneClient;
const factory = new IDBFactory();

/** the same call on both ports, signed in as `who` */
async function both<T>(who: Who, fn: (port: CasePort) => Promise<T>): Promise<[T, T]> {
  const local = await openLocalCaseStore({ actor: actor(who), catalog: async () => ({ sites: [], menus: [], areas: [], organizations: [] }), indexedDB: factory });
  try {
    const l = await fn(local);
    await actAs(client, { sub: ID[who] });
    const r = await fn(new SupabaseCasePort(rpc, actor(who)));
    return [l, r];
  } finally {
    local.close();
  }
}

/** both refuse; the database's refusal runs in a savepoint (it aborts the transaction) */
async function bothRefuse(who: Who, fn: (port: CasePort) => Promise<unknown>): Promise<[unknown, unknown]> {
  const local = await openLocalCaseStore({ actor: actor(who), catalog: async () => ({ sites: [], menus: [], areas: [], organizations: [] }), indexedDB: factory });
  const errors: unknown[] = [];
  try {
    errors.push(await fn(local).then(() => null, (e: unknown) => e));
    await client.query('savepoint refusal');
    await actAs(client, { sub: ID[who] });
    errors.push(await fn(new SupabaseCasePort(rpc, actor(who))).then(() => null, (e: unknown) => e));
    await client.query('rollback to savepoint refusal');
  } finally {
    local.close();
  }
  expect(errors[0], 'the local store refuses').toBeInstanceOf(Error);
  expect(errors[1], 'the database refuses').toBeInstanceOf(Error);
  return [errors[0], errors[1]];
}

/** what each store assigns itself */
const bare = <T extends object>(x: T, drop: readonly string[] = ['id', 'caseId', 'createdAt', 'updatedAt', 'at', 'by', 'recordedAt', 'addedAt']): Partial<T> =>
  Object.fromEntries(Object.entries(x).filter(([k]) => !drop.includes(k))) as Partial<T>;

beforeAll(async () => {
  client = await connect();
  rpc = postgrestOverPg(client) as unknown as KasaneClient;
  await client.query('begin');
  await client.query(`
    insert into auth.users (id, email, role, aud) values
      ('${ID.a}', 'a@cc.test', 'authenticated', 'authenticated'), ('${ID.b}', 'b@cc.test', 'authenticated', 'authenticated'), ('${ID.admin}', 'admin@cc.test', 'authenticated', 'authenticated');
    insert into public.teams (id, name) values ('cc_team_a', 'A'), ('cc_team_b', 'B');
    insert into public.profiles (id, role, team_id) values ('${ID.a}', 'staff', 'cc_team_a'), ('${ID.b}', 'staff', 'cc_team_b'), ('${ID.admin}', 'admin', null);
    insert into public.organizations (id, name, kind) values ('cc_org', 'NPO法人 くらべ', 'npo');
    insert into public.areas (id, level, name, geom) values ('cc_area', 'daily_life', '中央圏域', extensions.st_multi(extensions.st_makeenvelope(139.69, 35.68, 139.71, 35.70, 4326)));
    insert into public.sites (id, organization_id, name, kana, category_id, fields, location, municipality_code, status, visibility) values
      ('cc_site', 'cc_org', 'くらべの居場所', 'くらべのいばしょ', 'multigenerational_place', '{community}', 'SRID=4326;POINT(139.701 35.691)', '131041', 'published', 'public');
    insert into public.menus (id, site_id, organization_id, title, needs, targets, status, visibility) values
      ('cc_menu', 'cc_site', 'cc_org', 'くらべのサロン', '{place_to_be}', '{anyone}', 'published', 'public');
  `);
});

afterAll(async () => {
  await client?.query('rollback');
  await client?.end();
});

describe('case port: local store = Supabase', () => {
  const ids: { local: string; remote: string }[] = [];
  const refIds = { local: '', remote: '' };
  const caseOf = (i: number) => (port: CasePort) => (port.kind === 'local' ? ids[i]!.local : ids[i]!.remote);

  it('creates and lists cases alike: codes, the rounded home, the team, the members', async () => {
    for (let i = 0; i < 2; i++) {
      const [l, r] = await both('a', (p) => p.createCase(household));
      expect(bare(r)).toEqual(bare(l));
      ids.push({ local: l.id, remote: r.id });
    }
    const [l, r] = await both('a', (p) => p.listCases());
    expect(r.map((c) => bare(c))).toEqual(l.map((c) => bare(c)));
    const [lu, ru] = await both('a', (p) => p.updateCase(caseOf(0)(p), { status: 'paused', members: household.members.slice(0, 1) }));
    expect(bare(ru)).toEqual(bare(lu));
    const [lb, rb] = await both('b', async (p) => [await p.listCases(), await p.getCase(caseOf(0)(p))] as const);
    expect(rb).toEqual(lb);
    expect(lb).toEqual([[], null]);
    const [la, ra] = await both('admin', async (p) => (await p.listCases()).map((c) => c.code));
    expect(ra).toEqual(la);
  });

  it('refers and follows up alike', async () => {
    const input = { memberId: 'm1', menuId: 'cc_menu', siteId: 'cc_site', menuTitle: 'くらべのサロン', siteName: 'くらべの居場所', nextFollowUp: '2099-03-01' };
    const [l, r] = await both('a', (p) => p.createReferral(caseOf(0)(p), input));
    const strip = (x: object) => ({ ...bare(x, ['id', 'caseId', 'createdAt', 'updatedAt']), history: (x as { history: object[] }).history.map((h) => bare(h)) });
    expect(strip(r)).toEqual(strip(l));
    refIds.local = l.id;
    refIds.remote = r.id;
    const ref = (p: CasePort) => (p.kind === 'local' ? refIds.local : refIds.remote);
    for (const step of [
      { status: 'visit_planned', reason: null, nextFollowUp: '2099-03-05' },
      { status: 'paused', reason: 'health', nextFollowUp: '2099-04-01' },
      { status: 'first_attended', reason: null, nextFollowUp: '2099-04-10' },
    ] as const) {
      const [ls, rs] = await both('a', (p) => p.updateReferral(ref(p), step));
      expect(strip(rs)).toEqual(strip(ls));
    }
    await bothRefuse('a', (p) => p.updateReferral(ref(p), { status: 'contacted', reason: null, nextFollowUp: '2099-04-10' }));
    await bothRefuse('a', (p) => p.updateReferral(ref(p), { status: 'refused', reason: 'health', nextFollowUp: null }));
    await bothRefuse('a', (p) => p.createReferral(caseOf(0)(p), input)); // already referred
    const [lf, rf] = await both('a', async (p) => (await p.listFollowUps('2099-12-31')).map((f) => [f.caseCode, f.memberId, f.menuId, f.status, f.nextFollowUp]));
    expect(rf).toEqual(lf);
    expect(lf).toHaveLength(1);
    // a closed case's referrals are not due; reopened (paused, as before), they are again
    await both('a', (p) => p.updateCase(caseOf(0)(p), { status: 'closed' }));
    const [lc, rc] = await both('a', async (p) => (await p.listFollowUps('2099-12-31')).length);
    expect([lc, rc]).toEqual([0, 0]);
    await both('a', (p) => p.updateCase(caseOf(0)(p), { status: 'paused' }));
    const [lp, rp] = await both('a', async (p) => (await p.listFollowUps('2099-12-31')).length);
    expect([lp, rp]).toEqual([1, 1]);
    const [lr, rr] = await both('a', async (p) => (await p.listReferrals(caseOf(0)(p))).map(strip));
    expect(rr).toEqual(lr);
    const [lo, ro] = await bothRefuse('b', (p) => p.listReferrals(caseOf(0)(p)));
    expect(lo).toBeInstanceOf(CaseAccessError);
    expect(ro).toBeInstanceOf(CaseAccessError);
  });

  it('notes, timeline, shortlist and unmet needs alike', async () => {
    const [ln, rn] = await both('a', (p) => p.addNote(caseOf(0)(p), '  初回は同行する ', 'm1'));
    expect(bare(rn)).toEqual(bare(ln));
    const [le, re] = await bothRefuse('a', (p) => p.addNote(caseOf(0)(p), '電話 03-1234-5678'));
    expect((re as Error).message).toBe((le as Error).message);
    const kinds = (xs: { kind: string }[]) => xs.map((x) => x.kind).filter((k) => k !== 'case_updated').sort();
    const [lt, rt] = await both('a', async (p) => kinds(await p.getTimeline(caseOf(0)(p))));
    expect(rt).toEqual(lt);

    const [ls, rs] = await both('a', async (p) => {
      await p.addToShortlist(caseOf(1)(p), 'm2', 'cc_menu');
      await p.addToShortlist(caseOf(1)(p), 'm2', 'cc_menu');
      const before = (await p.getShortlist(caseOf(1)(p))).map((x) => bare(x));
      await p.removeFromShortlist(caseOf(1)(p), 'm2', 'cc_menu');
      return [before, await p.getShortlist(caseOf(1)(p))];
    });
    expect(rs).toEqual(ls);

    const need = { memberId: 'm2', need: 'exercise_health', areaId: 'cc_area', blockingConstraint: 'distance', date: '2026-11-26' } as const;
    const [lu, ru] = await both('a', async (p) => {
      await p.recordUnmetNeeds(caseOf(1)(p), [need]);
      const again = await p.recordUnmetNeeds(caseOf(1)(p), [{ ...need, blockingConstraint: 'cost' }]);
      return [again.map((x) => bare(x)), (await p.listUnmetNeeds(caseOf(1)(p))).map((x) => bare(x)), await p.getUnmetSummary()];
    });
    expect(ru).toEqual(lu);
    const [lb, rb] = await both('b', (p) => p.getUnmetSummary());
    expect(rb).toEqual(lb);
    expect(lb).toEqual([{ need: 'exercise_health', areaId: 'cc_area', blockingConstraint: 'cost', count: null, ownCount: 0 }]);
    const [lad, rad] = await both('admin', (p) => p.getUnmetSummary());
    expect(rad).toEqual(lad);
  });

  it('both keep an audit trail of the case that another team cannot read', async () => {
    const [l, r] = await both('a', async (p) => new Set((await p.listAudit({ caseId: caseOf(0)(p) })).map((e) => `${e.action} ${e.entity}`)));
    // the database logs per row written as well as per call, so its trail holds every kind of entry the local one has
    for (const x of l) expect(r, x).toContain(x);
    await bothRefuse('b', (p) => p.listAudit({ caseId: caseOf(0)(p) }));
  });
});
