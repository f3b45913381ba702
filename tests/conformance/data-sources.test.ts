// One fixture, two data sources, the same answers (DESIGN.md "Two data sources, one port"):
// the demo town (600 sites) in the local source (IndexedDB via fake-indexeddb) and in Postgres
// (the seed SQL, inside a transaction that is rolled back), queried through the app's own
// SupabaseDataSource whose `.rpc()` runs the SQL functions as a visitor would (postgrest-over-pg.ts).
// Compared: sites in view, nearest first, keyword search (hiragana/katakana/width variants), each
// filter alone and in random combinations (today with 祝日 included), site pages, help desks, points.
import { IDBFactory } from 'fake-indexeddb';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSql } from '../../scripts/db/seed-sql';
import { LocalDataSource, DEMO_TODAY } from '../../src/data/local/local-source';
import type { DataSource, SearchResult } from '../../src/data/port';
import { SupabaseDataSource } from '../../src/data/supabase/supabase-source';
import type { KasaneClient } from '../../src/data/supabase/fetchers';
import { generateDemoDataset } from '../../src/domain/demo/generate';
import type { Dataset } from '../../src/domain/model';
import { seededRandom } from '../../src/domain/schedule/random-schedule';
import type { BBox, SiteQuery } from '../../src/domain/search/query';
import { ACCESSIBILITY, CATEGORY_IDS, EASE, FIELDS, NEEDS, TARGETS } from '../../src/domain/taxonomy';
import { WEEKDAYS } from '../../src/domain/weekdays';
import { actAs, connect } from '../db/db';
import { postgrestOverPg } from './postgrest-over-pg';

let data: Dataset;
let client: pg.Client;
let local: DataSource;
let remote: DataSource;
let town: BBox;

beforeAll(async () => {
  data = generateDemoDataset({ today: DEMO_TODAY });
  client = await connect();
  await client.query('begin');
  await client.query(seedSql(data, 'tests/conformance'));
  await actAs(client, 'anon');
  local = new LocalDataSource({ indexedDB: new IDBFactory(), generate: async () => structuredClone(data) });
  remote = new SupabaseDataSource(postgrestOverPg(client) as unknown as KasaneClient);
  const lngs = data.sites.map((s) => s.location[0]);
  const lats = data.sites.map((s) => s.location[1]);
  town = [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
});

afterAll(async () => {
  await client?.query('rollback');
  await client?.end();
});

/** the same answer: totals, every match, the hits in order with their menus, sites and distances */
async function expectSame(query: SiteQuery, limit = 50) {
  const context = JSON.stringify({ query, limit });
  const [a, b]: [SearchResult, SearchResult] = await Promise.all([local.searchPublicSites(query, { limit }), remote.searchPublicSites(query, { limit })]);
  expect({ context, total: b.total, totalInView: b.totalInView }).toEqual({ context, total: a.total, totalInView: a.totalInView });
  expect({ context, matchIds: [...b.matchIds].sort() }).toEqual({ context, matchIds: [...a.matchIds].sort() });
  expect({ context, hits: b.hits.map((h) => h.site.id) }).toEqual({ context, hits: a.hits.map((h) => h.site.id) });
  a.hits.forEach((h, i) => {
    const r = b.hits[i]!;
    expect({ context, id: h.site.id, menuIds: [...r.menuIds].sort() }).toEqual({ context, id: h.site.id, menuIds: [...h.menuIds].sort() });
    expect(r.site, context).toEqual(h.site);
    if (h.distanceM === undefined) expect(r.distanceM, context).toBeUndefined();
    else expect(Math.abs(r.distanceM! - h.distanceM), context).toBeLessThan(0.01);
  });
  return a;
}

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const some = <T>(rand: () => number, xs: readonly T[], p: number): T[] => {
  const out = xs.filter(() => rand() < p);
  return out.length > 0 ? out : [pick(rand, xs)];
};
function randomBox(rand: () => number): BBox {
  const [w, s, e, n] = town;
  const width = (e - w) * (0.05 + rand() * 0.6);
  const height = (n - s) * (0.05 + rand() * 0.6);
  const x = w + rand() * (e - w - width);
  const y = s + rand() * (n - s - height);
  return [x, y, x + width, y + height];
}
function randomQuery(rand: () => number): SiteQuery {
  const todays = ['2026-11-03', '2026-11-05', '2026-11-14', '2026-11-23', '2026-12-31'];
  const q: SiteQuery = {};
  if (rand() < 0.3) q.fields = some(rand, FIELDS, 0.3);
  if (rand() < 0.15) q.categories = some(rand, CATEGORY_IDS, 0.15);
  if (rand() < 0.1) q.helpDesksOnly = true;
  if (rand() < 0.35) q.needs = some(rand, NEEDS, 0.2);
  if (rand() < 0.25) q.targets = some(rand, TARGETS, 0.25);
  if (rand() < 0.3) q.weekdays = some(rand, WEEKDAYS, 0.3);
  if (rand() < 0.15) q.today = pick(rand, todays);
  if (rand() < 0.2) q.free = true;
  if (rand() < 0.15) q.accessibility = some(rand, ACCESSIBILITY, 0.1);
  if (rand() < 0.2) q.ease = some(rand, EASE, 0.12);
  if (rand() < 0.15) q.text = pick(rand, ['サロン', 'ひろば', '食堂', 'カフェ', '相談', 'こども']);
  if (rand() < 0.5) q.bbox = randomBox(rand);
  if (rand() < 0.4) q.origin = randomPoint(rand);
  return q;
}
function randomPoint(rand: () => number): [number, number] {
  const [w, s, e, n] = town;
  return [w + rand() * (e - w), s + rand() * (n - s)];
}

describe('local source and SQL RPCs give the same answers', () => {
  it('everything, in kana order, with every limit', async () => {
    for (const limit of [0, 1, 50, 1000]) await expectSame({}, limit);
  });

  it('sites in view: 25 random boxes', async () => {
    const rand = seededRandom(11);
    for (let i = 0; i < 25; i++) await expectSame({ bbox: randomBox(rand) }, 100);
  });

  it('nearest first: 20 random points, with and without a box', async () => {
    const rand = seededRandom(12);
    for (let i = 0; i < 20; i++) {
      const origin = randomPoint(rand);
      await expectSame({ origin }, 20);
      await expectSame({ origin, bbox: randomBox(rand) }, 20);
    }
  });

  it('keywords, with hiragana/katakana, full- and half-width variants of the same word', async () => {
    const words = ['サロン', 'さろん', 'ｻﾛﾝ', '食堂', 'しょくどう', 'ショクドウ', 'ひろば', 'ヒロバ', 'カフェ', 'ｶﾌｪ', '相談', '相談窓口', 'Help desk', 'ＨＥＬＰ', 'salon', 'ＮＰＯ', 'こども', '子ども', '・', 'ー'];
    const rand = seededRandom(13);
    // and pieces of real names and titles, which reach both the site and the menu text
    for (let i = 0; i < 20; i++) {
      const text = i % 2 === 0 ? pick(rand, data.sites).name : pick(rand, data.menus).title;
      const start = Math.floor(rand() * Math.max(1, text.length - 3));
      words.push(text.slice(start, start + 2 + Math.floor(rand() * 3)));
    }
    for (const text of words) await expectSame({ text }, 30);
    // the variants really are the same search
    const counts = await Promise.all(['サロン', 'さろん', 'ｻﾛﾝ'].map(async (text) => (await remote.searchPublicSites({ text })).total));
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]!).toBeGreaterThan(0);
  });

  it('each filter alone', async () => {
    const queries: SiteQuery[] = [
      ...FIELDS.map((f) => ({ fields: [f] })),
      ...CATEGORY_IDS.map((c) => ({ categories: [c] })),
      { helpDesksOnly: true },
      ...NEEDS.map((n) => ({ needs: [n] })),
      ...TARGETS.map((t) => ({ targets: [t] })),
      ...WEEKDAYS.map((d) => ({ weekdays: [d] })),
      { free: true },
      ...ACCESSIBILITY.map((a) => ({ accessibility: [a] })),
      ...EASE.map((e) => ({ ease: [e] })),
      // today: ordinary days, 文化の日 (Tue 11/3), 勤労感謝の日 (Mon 11/23), a 5th Sunday, 元日
      ...['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-23', '2026-11-29', '2026-11-27', '2027-01-01', '2026-12-12'].map((today) => ({ today })),
    ];
    let nonEmpty = 0;
    for (const q of queries) if ((await expectSame(q, 20)).total > 0) nonEmpty++;
    expect(nonEmpty).toBeGreaterThan(queries.length / 2); // the fixture exercises most filters
  });

  it('a 祝日 closes what is closed on holidays: fewer matches on 文化の日 than on the Tuesday after', async () => {
    const holiday = await remote.searchPublicSites({ today: '2026-11-03' }, { limit: 0 });
    const tuesday = await remote.searchPublicSites({ today: '2026-11-10' }, { limit: 0 });
    expect(holiday.total).toBeLessThan(tuesday.total);
  });

  it('150 random combinations of filters, keyword, box and origin', async () => {
    const rand = seededRandom(14);
    for (let i = 0; i < 150; i++) {
      const q = randomQuery(rand);
      await expectSame(q, pick(rand, [0, 5, 50]));
    }
  });

  it('the map points: the same public sites with the same fields', async () => {
    const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(await remote.getPublicPoints())).toEqual(byId(await local.getPublicPoints()));
  });

  it('areas: the same ids, names, levels and populations', async () => {
    const shape = (xs: Awaited<ReturnType<DataSource['getAreas']>>) =>
      xs.map(({ id, name, level, kana, parentId, population }) => ({ id, name, level, kana, parentId, population })).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(shape(await remote.getAreas())).toEqual(shape(await local.getAreas()));
  });

  it('site pages: site, organization, menus, help desks and areas, for 40 sites and a hidden one', async () => {
    const rand = seededRandom(15);
    const points = await local.getPublicPoints();
    const ids = Array.from({ length: 40 }, () => pick(rand, points).id);
    const hidden = data.sites.find((s) => s.confidential || s.status !== 'published' || s.visibility !== 'public')!;
    ids.push(hidden.id, 'no-such-site');
    for (const id of ids) {
      const [a, b] = await Promise.all([local.getPublicSite(id), remote.getPublicSite(id)]);
      if (a === null) {
        expect(b, id).toBeNull();
        continue;
      }
      expect(b, id).not.toBeNull();
      expect(b!.site, id).toEqual(a.site);
      expect(b!.organization, id).toEqual(a.organization);
      const sorted = <T extends { id: string }>(xs: T[]) => [...xs].sort((x, y) => (x.id < y.id ? -1 : 1));
      expect(sorted(b!.menus), id).toEqual(sorted(a.menus));
      expect(b!.helpDesks.map((d) => d.id), id).toEqual(a.helpDesks.map((d) => d.id));
      expect(b!.areas, id).toEqual(a.areas);
    }
  });

  it('help desks: the same areas and desks, nearest first, at 30 points and outside the town', async () => {
    const rand = seededRandom(16);
    const points: [number, number][] = [...Array.from({ length: 30 }, () => randomPoint(rand)), [135.5, 34.7]];
    for (const p of points) {
      const [a, b] = await Promise.all([local.findHelpDesks(p), remote.findHelpDesks(p)]);
      expect(b.areas, String(p)).toEqual(a.areas);
      expect(b.desks.map((d) => d.id), String(p)).toEqual(a.desks.map((d) => d.id));
      b.desks.forEach((d, i) => expect(Math.abs(d.distanceM - a.desks[i]!.distanceM)).toBeLessThan(0.01));
    }
  });
});

// DOMAIN.md: public pages never read staff-only menus, drafts or confidential sites. The port's
// methods serve the public pages, so a signed-in staff member (whom RLS lets read staff-only and
// confidential listings) must get exactly a visitor's answers from them.
describe('signed in as staff, the public methods still answer as a visitor', () => {
  const staff = '00000000-0000-4000-8000-00000000c0f1';
  beforeAll(async () => {
    await actAs(client, 'owner');
    await client.query('savepoint as_staff');
    await client.query(`insert into public.teams (id, name) values ('conformance_team', '参加支援チーム')`);
    await client.query(`insert into auth.users (id, email, role, aud) values ($1, 'staff@conformance.test', 'authenticated', 'authenticated')`, [staff]);
    await client.query(`insert into public.profiles (id, role, team_id) values ($1, 'staff', 'conformance_team')`, [staff]);
    await actAs(client, { sub: staff });
    // the premise: through RLS this user reads staff-only and confidential sites
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from public.sites where status = 'published' and (visibility = 'staff' or confidential)`,
    );
    expect(rows[0]!.n).toBeGreaterThan(0);
  });

  afterAll(async () => {
    await client.query('rollback to savepoint as_staff');
    await actAs(client, 'anon');
  });

  it('search: everything, a keyword and random filters give the visitor answers', async () => {
    await expectSame({}, 1000);
    await expectSame({ bbox: town, origin: [(town[0] + town[2]) / 2, (town[1] + town[3]) / 2] }, 50);
    const rand = seededRandom(17);
    for (let i = 0; i < 20; i++) await expectSame(randomQuery(rand), 50);
  });

  it('map points, site pages (hidden sites included) and help desks as a visitor gets them', async () => {
    const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(await remote.getPublicPoints())).toEqual(byId(await local.getPublicPoints()));
    const hidden = data.sites.filter((s) => s.confidential || s.status !== 'published' || s.visibility !== 'public').map((s) => s.id);
    expect(hidden.length).toBeGreaterThan(0);
    for (const id of hidden) expect(await remote.getPublicSite(id), id).toBeNull();
    const withStaffMenus = [...new Set(data.menus.filter((m) => m.visibility === 'staff' && m.siteId).map((m) => m.siteId!))];
    for (const id of withStaffMenus.slice(0, 20)) {
      const [a, b] = await Promise.all([local.getPublicSite(id), remote.getPublicSite(id)]);
      expect(b?.menus.map((m) => m.id).sort() ?? null, id).toEqual(a?.menus.map((m) => m.id).sort() ?? null);
      expect(b?.helpDesks.map((d) => d.id) ?? null, id).toEqual(a?.helpDesks.map((d) => d.id) ?? null);
    }
    const rand = seededRandom(18);
    for (let i = 0; i < 10; i++) {
      const p = randomPoint(rand);
      const [a, b] = await Promise.all([local.findHelpDesks(p), remote.findHelpDesks(p)]);
      expect(b.desks.map((d) => d.id), String(p)).toEqual(a.desks.map((d) => d.id));
    }
  });
});
