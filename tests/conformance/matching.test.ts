// Matching, two ways, one answer (issue 5: "In Supabase mode, retrieval is an RPC on the spatial
// index and the ranking is the same pure function"): for random households in the demo town,
//   local:    buildMatchingIndex(sites, menus) → matchHousehold (the grid index in memory)
//   Supabase: householdRetrieval → matching_candidates (the GIST index, as a signed-in staff
//             member, through the app's fetcher and row mapping) → pairCandidates → matchHousehold
// must give the same matches, near misses, places and unmet needs, deep-equal.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSql } from '../../scripts/db/seed-sql';
import { DEMO_TODAY } from '../../src/data/local/local-source';
import { getMatchingCandidates, type KasaneClient } from '../../src/data/supabase/fetchers';
import { AGE_BANDS, RELATIONSHIPS, TRAVEL_MODES, coarsenPoint, memberTargets, type Constraints, type Member } from '../../src/domain/case/model';
import { generateDemoDataset } from '../../src/domain/demo/generate';
import { mulberry32 } from '../../src/domain/demo/rng';
import { resolveHome } from '../../src/domain/matching/home';
import { buildMatchingIndex, pairCandidates, type MatchingIndex } from '../../src/domain/matching/matching-index';
import { matchHousehold } from '../../src/domain/matching/match';
import { householdRetrieval } from '../../src/domain/matching/retrieval';
import type { MatchInput, MatchOptions } from '../../src/domain/matching/types';
import type { Dataset } from '../../src/domain/model';
import { ACCESSIBILITY, EASE, LANGUAGES, NEEDS, TARGETS } from '../../src/domain/taxonomy';
import { WEEKDAYS } from '../../src/domain/weekdays';
import { actAs, connect } from '../db/db';
import { postgrestOverPg } from './postgrest-over-pg';

const STAFF = '00000000-0000-4000-8000-00000000c0f2';

let data: Dataset;
let client: pg.Client;
let rpc: KasaneClient;
let index: MatchingIndex;

beforeAll(async () => {
  data = generateDemoDataset({ today: DEMO_TODAY });
  index = buildMatchingIndex(data.sites, data.menus);
  client = await connect();
  await client.query('begin');
  await client.query(seedSql(data, 'tests/conformance/matching'));
  await client.query(`insert into public.teams (id, name) values ('matching_team', '参加支援チーム')`);
  await client.query(`insert into auth.users (id, email, role, aud) values ($1, 'matching@conformance.test', 'authenticated', 'authenticated')`, [STAFF]);
  await client.query(`insert into public.profiles (id, role, team_id) values ($1, 'staff', 'matching_team')`, [STAFF]);
  await actAs(client, { sub: STAFF });
  rpc = postgrestOverPg(client) as unknown as KasaneClient;
});

afterAll(async () => {
  await client?.query('rollback');
  await client?.end();
});

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const some = <T>(r: () => number, xs: readonly T[], max: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(r() * max) }, () => pick(r, xs)))];

function randomConstraints(r: () => number): Constraints {
  const mode = pick(r, TRAVEL_MODES);
  const from = 8 + Math.floor(r() * 8);
  return {
    travel: { mode, maxMinutes: pick(r, mode === 'walk' ? [5, 10, 15, 20, 30] : [10, 15, 20, 30, 45]) },
    availability: r() < 0.2 ? [{ days: [...WEEKDAYS], from: '00:00', to: '24:00' }] : [{ days: some(r, WEEKDAYS, 4), from: `${String(from).padStart(2, '0')}:00`, to: `${String(from + 2 + Math.floor(r() * 6)).padStart(2, '0')}:30` }],
    accessibility: r() < 0.2 ? some(r, ACCESSIBILITY, 2) : [],
    languages: r() < 0.8 ? ['ja'] : some(r, LANGUAGES, 3),
    maxCostYen: pick(r, [null, 0, 300, 1000]),
    ease: r() < 0.6 ? some(r, EASE, 3) : [],
  };
}

/** a household of 1–3 members at a random point in the town (sometimes an area home), resolved as the app does */
function randomHousehold(r: () => number): MatchInput {
  const anchor = pick(r, data.sites).location;
  const areaHome = r() < 0.15 ? data.areas.find((a) => a.level === 'daily_life') : undefined;
  const home = areaHome
    ? resolveHome({ kind: 'area', areaId: areaHome.id }, data.areas)
    : resolveHome({ kind: 'point', point: coarsenPoint([anchor[0] + (r() - 0.5) * 0.03, anchor[1] + (r() - 0.5) * 0.03]) }, data.areas);
  const household = randomConstraints(r);
  const members: Member[] = Array.from({ length: 1 + Math.floor(r() * 3) }, (_, i) => ({
    id: `m${i + 1}`,
    relationship: pick(r, RELATIONSHIPS),
    ageBand: pick(r, AGE_BANDS),
    targets: r() < 0.5 ? some(r, TARGETS, 2) : [],
    needs: some(r, NEEDS, 3),
    overrides: r() < 0.3 ? { travel: randomConstraints(r).travel } : undefined,
  }));
  return {
    home,
    members: members.map((m) => ({ id: m.id, ageBand: m.ageBand, targets: memberTargets(m), needs: m.needs, constraints: { ...household, ...m.overrides } })),
  };
}

async function expectSame(input: MatchInput, options: MatchOptions, context: string) {
  const local = matchHousehold(input, index, options);
  const { sites, menus } = await getMatchingCandidates(rpc, householdRetrieval(input));
  const remote = matchHousehold(input, pairCandidates(sites, menus), options);
  expect(remote, context).toEqual(local);
  return local;
}

describe('matching: local index + ranking = matching_candidates RPC + the same ranking', () => {
  it('120 random households in the demo town, unlimited lists', async () => {
    const r = mulberry32(20261129);
    let matches = 0;
    let nearMisses = 0;
    let unmet = 0;
    for (let i = 0; i < 120; i++) {
      const input = randomHousehold(r);
      const result = await expectSame(input, { today: DEMO_TODAY, limit: Infinity, nearMissLimit: Infinity }, `household ${i}`);
      for (const m of result.members) {
        matches += m.matches.length;
        nearMisses += m.nearMisses.length;
      }
      unmet += result.unmetNeeds.length;
    }
    // the fixture exercises every part of the answer
    expect(matches).toBeGreaterThan(200);
    expect(nearMisses).toBeGreaterThan(100);
    expect(unmet).toBeGreaterThan(10);
  });

  it('default limits, staff-only menus and confidential places on request', async () => {
    const r = mulberry32(7);
    let staffOnly = 0;
    const staffMenus = new Set(data.menus.filter((m) => m.visibility === 'staff').map((m) => m.id));
    for (let i = 0; i < 40; i++) {
      const input = randomHousehold(r);
      const result = await expectSame(input, { today: DEMO_TODAY, includeConfidential: i % 2 === 0 }, `household ${i}`);
      for (const m of result.members) staffOnly += m.matches.filter((x) => staffMenus.has(x.menuId)).length;
    }
    expect(staffOnly).toBeGreaterThan(0); // staff see the menus arranged for individuals
  });

  it('retrieval is narrower than the town: the RPC returns only what is in reach', async () => {
    const input = randomHousehold(mulberry32(3));
    const q = householdRetrieval(input);
    const { menus } = await getMatchingCandidates(rpc, { ...q, radiusM: 300 });
    const all = await getMatchingCandidates(rpc, { ...q, radiusM: 100_000 });
    expect(menus.length).toBeLessThan(all.menus.length);
    const published = new Set(data.menus.filter((m) => m.status === 'published').map((m) => m.id));
    expect(all.menus.length).toBeGreaterThan(0);
    expect(all.menus.every((m) => published.has(m.id))).toBe(true); // drafts, pending and archived never come
  });

  it('refuses a visitor', async () => {
    await client.query('savepoint visitor');
    await actAs(client, 'anon');
    try {
      await expect(getMatchingCandidates(rpc, householdRetrieval(randomHousehold(mulberry32(4))))).rejects.toThrow(/matching_candidates/);
    } finally {
      await client.query('rollback to savepoint visitor'); // the refusal aborted the transaction
      await actAs(client, { sub: STAFF });
    }
  });
});
