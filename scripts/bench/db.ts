// Database benchmark at national scale: 200,000 sites (the demo generator) in a throwaway
// Postgres + PostGIS migrated like a Supabase project, queried as a visitor (role anon), each
// figure against a baseline measured in the same run:
//   - nearest_menus (3 km, 50 rows) p50 against the same query with index scans off (a seq scan)
//   - site_tiles z 8 (clusters: one row per cell of the level-8 site_cells) p50 against the same tiles with index
//     scans off; its size against the tile's sites as GeoJSON; z 10 (points) p50 likewise
//   - site_tiles z 4 (clusters from the precomputed site_grid) p50 against counting every site at
//     request time (the aggregation the grid replaced)
//   - search_public_sites (a list query: needs, nearest first, in a box) p50 against a seq scan:
//     the retrieval the matching issue builds on
//   - matching_candidates (the 参加支援 retrieval RPC, as a staff member: a three-member
//     household's circle and needs from householdRetrieval) p50 against a seq scan
// Loads with COPY (psql \copy), with the row triggers off and the columns they keep (search
// text, sort key) computed by the same normalization in TypeScript (tests/db/normalize.test.ts
// proves the two equal), then refresh_site_grid() (site_grid and site_cells) and analyze.
//
//   npx tsx scripts/bench/db.ts        prints the figures (also `npm run bench -- --only db`)
//   import { run } from './db.ts'      returns them
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { generateDemoDataset } from '../../src/domain/demo/generate.ts';
import type { Dataset } from '../../src/domain/model.ts';
import { categoryKeywordLabels } from '../../src/domain/search/keyword-text.ts';
import { normalizeForSearch } from '../../src/domain/search/normalize.ts';
import { seedSql } from '../db/seed-sql.ts';
import { startCluster } from '../db/cluster.mjs';
import { prepareDatabase } from '../db/prepare.mjs';
import { percentile, type Figure } from './figure.ts';
import { mulberry32 } from '../../src/domain/demo/rng.ts';
import type { Constraints } from '../../src/domain/case/model.ts';
import { householdRetrieval } from '../../src/domain/matching/retrieval.ts';
import type { MatchInput } from '../../src/domain/matching/types.ts';

const SITES = 200_000;
const SEED = 20261127;
const log = (msg: string) => console.error(`[bench db] ${msg}`);


// --- loading --------------------------------------------------------------------------------------

const csv = (v: string | number | boolean | null | undefined): string =>
  v === null || v === undefined ? '' : `"${String(v).replace(/"/g, '""')}"`;
const arr = (xs: readonly string[]) => `{${xs.join(',')}}`; // ids: no commas, quotes or braces
const line = (vs: (string | number | boolean | null | undefined)[]) => vs.map(csv).join(',');

function writeCsv(dir: string, data: Dataset): { sites: string; menus: string } {
  const sites = data.sites
    .slice()
    .sort((a, b) => Number(a.confidential) - Number(b.confidential)) // contact desks first
    .map((s) =>
      line([
        s.id, s.orgId, s.name, s.kana, s.categoryId, arr(s.fields), `SRID=4326;POINT(${s.location[0]} ${s.location[1]})`,
        s.address, s.municipalityCode, JSON.stringify(s.contact), s.access, arr(s.accessibility), s.description, s.photoUrl,
        s.status, s.visibility, s.confidential, s.publicContactSiteId, arr(s.serviceAreaIds), s.lastVerified, s.updatedAt,
        // what sites_before_write keeps: the app's keyword text and list order
        [s.name, s.kana, s.description, ...categoryKeywordLabels(s.categoryId)].map(normalizeForSearch).join('\n'),
        normalizeForSearch(s.kana) || normalizeForSearch(s.name),
      ]),
    );
  const menus = data.menus.map((m) =>
    line([
      m.id, m.siteId, m.orgId, m.title, m.description, arr(m.needs), arr(m.targets), m.ageMin, m.ageMax, JSON.stringify(m.schedule),
      m.cost.kind, m.cost.amountYen, m.cost.note, m.capacity.capacity, m.capacity.availability, arr(m.ease), arr(m.languages),
      arr(m.serviceAreaIds), m.visibility, m.status, m.lastVerified, m.updatedAt, normalizeForSearch(m.title),
    ]),
  );
  const files = { sites: join(dir, 'sites.csv'), menus: join(dir, 'menus.csv') };
  writeFileSync(files.sites, sites.join('\n') + '\n');
  writeFileSync(files.menus, menus.join('\n') + '\n');
  return files;
}

function psql(url: string, sql: string): void {
  const r = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url], { input: sql, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
}

export async function load(url: string, data: Dataset): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kasane-bench-'));
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    // secondary indexes are built once after the load instead of row by row during it
    const { rows: indexes } = await c.query<{ name: string; def: string }>(
      `select indexname as name, indexdef as def from pg_indexes i
       where schemaname = 'public' and tablename in ('sites', 'menus')
         and not exists (select 1 from pg_constraint k where k.conname = i.indexname)`,
    );
    await c.query(indexes.map((i) => `drop index public.${i.name};`).join('\n'));
    // organizations and areas are few: the seed's inserts
    const seed = seedSql({ ...data, sites: [], menus: [] }, 'scripts/bench/db.ts');
    psql(url, seed);
    const files = writeCsv(dir, data);
    psql(
      url,
      `alter table public.sites disable trigger user;
       alter table public.menus disable trigger user;
       \\copy public.sites (id, organization_id, name, kana, category_id, fields, location, address, municipality_code, contact, access, accessibility, description, photo_url, status, visibility, confidential, public_contact_site_id, service_area_ids, last_verified, updated_at, search_text, sort_key) from '${files.sites}' with (format csv)
       \\copy public.menus (id, site_id, organization_id, title, description, needs, targets, age_min, age_max, schedule, cost_kind, cost_amount_yen, cost_note, capacity, availability, ease, languages, service_area_ids, visibility, status, last_verified, updated_at, search_text) from '${files.menus}' with (format csv)
       alter table public.sites enable trigger user;
       alter table public.menus enable trigger user;
       ${indexes.map((i) => `${i.def};`).join('\n')}
       select public.refresh_site_grid();
       vacuum analyze;`,
    );
  } finally {
    await c.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

// --- measuring ------------------------------------------------------------------------------------

/**
 * A session as a visitor. `seqScan` turns index and bitmap scans off for the whole session, and
 * nested loops too: without an index the planner's nested loop rescans 460,000 menus once per
 * site near the point (minutes per query); a hash join is the honest best plan without indexes.
 */
async function visitor(url: string, seqScan = false): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`select set_config('request.jwt.claims', '{"role":"anon"}', false)`);
  await c.query('set role anon');
  // JIT compiles the big seq-scan plans again on every call inside the RPCs: seconds of noise
  await c.query('set jit = off');
  if (seqScan) await c.query('set enable_indexscan = off; set enable_bitmapscan = off; set enable_nestloop = off');
  return c;
}

const STAFF = '00000000-0000-4000-8000-0000000be0c1';

/** A session as a 参加支援 staff member (matching_candidates is for staff and admins only). */
async function staffMember(url: string, seqScan = false): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`select set_config('request.jwt.claims', $1, false)`, [JSON.stringify({ sub: STAFF, role: 'authenticated', aud: 'authenticated' })]);
  await c.query('set role authenticated');
  await c.query('set jit = off');
  if (seqScan) await c.query('set enable_indexscan = off; set enable_bitmapscan = off; set enable_nestloop = off');
  return c;
}

// the households of the matching bench (scripts/bench/matching.ts): parent, child, grandparent
const TRAVELS: Constraints['travel'][] = [
  { mode: 'walk', maxMinutes: 15 },
  { mode: 'walk', maxMinutes: 20 },
  { mode: 'bicycle', maxMinutes: 15 },
  { mode: 'bus', maxMinutes: 30 },
];
function household(rand: () => number, point: [number, number]): MatchInput {
  const constraints = (travel: Constraints['travel']): Constraints => ({
    travel,
    availability: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], from: '09:00', to: '17:00' }],
    accessibility: [],
    languages: ['ja'],
    maxCostYen: null,
    ease: [],
  });
  const travel = TRAVELS[Math.floor(rand() * TRAVELS.length)]!;
  return {
    home: { point: [Math.round(point[0] * 1000) / 1000, Math.round(point[1] * 1000) / 1000], areaIds: [], areaId: null },
    members: [
      { id: 'm1', ageBand: '19-39', targets: [], needs: ['place_to_be', 'work_experience', 'socializing'], constraints: constraints(travel) },
      { id: 'm2', ageBand: '6-12', targets: [], needs: ['child_study', 'place_to_be', 'meals'], constraints: constraints(travel) },
      { id: 'm3', ageBand: '75+', targets: [], needs: ['exercise_health', 'socializing', 'watching_over'], constraints: constraints({ mode: 'walk', maxMinutes: 10 }) },
    ],
  };
}

async function timed(c: pg.Client, sql: string, params: unknown[]): Promise<{ ms: number; rows: pg.QueryResult['rows'] }> {
  const t0 = performance.now();
  const r = await c.query(sql, params);
  return { ms: performance.now() - t0, rows: r.rows };
}

async function p50(c: pg.Client, sql: string, paramSets: unknown[][], warmup = 3): Promise<number> {
  for (const p of paramSets.slice(0, warmup)) await c.query(sql, p);
  const times: number[] = [];
  for (const p of paramSets) times.push((await timed(c, sql, p)).ms);
  return percentile(times.sort((a, b) => a - b), 50);
}

function tileOf(lng: number, lat: number, z: number): [number, number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return [z, Math.floor(((lng + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)];
}

const figure = (value: number, unit: string, baseline: number, target: string, met: boolean): Figure => ({
  value,
  unit,
  baseline,
  ratio: value / baseline,
  target,
  met,
});

export async function run(): Promise<Record<string, Figure>> {
  let t0 = performance.now();
  const data = generateDemoDataset({ sites: SITES });
  log(`generated ${data.sites.length} sites, ${data.menus.length} menus (${Math.round(performance.now() - t0)} ms)`);
  const db = await startCluster({ log });
  const clients: pg.Client[] = [];
  const stopOnSignal = () => {
    db.stop();
    process.exit(130);
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    await prepareDatabase(db, { log });
    t0 = performance.now();
    await load(db.url, data);
    log(`loaded with COPY (${Math.round(performance.now() - t0)} ms)`);

    const fast = await visitor(db.url);
    const slow = await visitor(db.url, true);
    clients.push(fast, slow);
    const rand = mulberry32(SEED);
    const published = data.sites.filter((s) => s.status === 'published' && s.visibility === 'public' && !s.confidential);
    const near = () => {
      const s = published[Math.floor(rand() * published.length)]!;
      return [s.location[0] + (rand() - 0.5) * 0.02, s.location[1] + (rand() - 0.5) * 0.02] as const;
    };

    // nearest menus
    const nearest = 'select count(*) from public.nearest_menus($1, $2, 3000, 50)';
    const points = Array.from({ length: 200 }, () => [...near()]);
    const nearestFast = await p50(fast, nearest, points);
    const nearestSlow = await p50(slow, nearest, points.slice(0, 3), 0);
    log(`nearest_menus p50 ${nearestFast.toFixed(2)} ms, seq scan ${nearestSlow.toFixed(1)} ms`);

    // tiles at z 8: the tiles of random public sites (dense and sparse alike)
    const tile = 'select public.site_tiles($1, $2, $3) as t';
    const z8 = Array.from({ length: 60 }, () => tileOf(...near(), 8));
    const z8Fast = await p50(fast, tile, z8);
    const z8Slow = await p50(slow, tile, z8.slice(0, 5), 1);
    const sizes: number[] = [];
    const geojsonSizes: number[] = [];
    for (const [z, x, y] of z8.slice(0, 20)) {
      sizes.push((await fast.query(tile, [z, x, y])).rows[0].t.length);
      const { rows } = await fast.query(
        `select coalesce(sum(length(json_build_object('type', 'Feature', 'id', s.id, 'geometry', extensions.st_asgeojson(s.location)::json,
                  'properties', json_build_object('name', s.name, 'category_id', s.category_id, 'field', s.fields[1]))::text)), 0) as n
         from public.sites s where s.location_3857 operator(extensions.&&) extensions.st_tileenvelope($1, $2, $3)`,
        [z, x, y],
      );
      geojsonSizes.push(Number(rows[0].n));
    }
    const z8Size = percentile(sizes.sort((a, b) => a - b), 50) / 1024;
    const z8Geojson = percentile(geojsonSizes.sort((a, b) => a - b), 50) / 1024;
    log(`site_tiles z8 p50 ${z8Fast.toFixed(2)} ms (${z8Size.toFixed(1)} kB), seq scan ${z8Slow.toFixed(1)} ms, GeoJSON ${z8Geojson.toFixed(1)} kB`);

    // tiles at z 10: one point per site
    const z10 = Array.from({ length: 60 }, () => tileOf(...near(), 10));
    const z10Fast = await p50(fast, tile, z10);
    const z10Slow = await p50(slow, tile, z10.slice(0, 5), 1);
    const z10Sizes: number[] = [];
    for (const [z, x, y] of z10.slice(0, 20)) z10Sizes.push((await fast.query(tile, [z, x, y])).rows[0].t.length);
    const z10Size = percentile(z10Sizes.sort((a, b) => a - b), 50) / 1024;
    log(`site_tiles z10 p50 ${z10Fast.toFixed(2)} ms (${z10Size.toFixed(1)} kB), seq scan ${z10Slow.toFixed(1)} ms`);

    // tiles at z 4: clusters from site_grid, against counting the sites per request (the old way)
    const z4 = [...new Set(published.map((s) => tileOf(s.location[0], s.location[1], 4).join('/')))].map((k) => k.split('/').map(Number));
    const z4Fast = await p50(fast, tile, Array.from({ length: 30 }, (_, i) => z4[i % z4.length]!));
    const live = `
      select extensions.st_asmvt(t, 'sites', 4096, 'geom') from (
        select extensions.st_asmvtgeom(extensions.st_point(avg(extensions.st_x(s.location_3857)), avg(extensions.st_y(s.location_3857)), 3857),
                 extensions.st_tileenvelope($1, $2, $3), 4096, 64, true) as geom,
               count(*)::integer as point_count, true as cluster, mode() within group (order by s.fields[1]) as field
        from public.sites s
        where s.location_3857 operator(extensions.&&) extensions.st_tileenvelope($1, $2, $3)
          and s.status = 'published' and s.visibility = 'public' and not s.confidential
        group by floor(extensions.st_x(s.location_3857) / ((extensions.st_xmax(extensions.st_tileenvelope($1, $2, $3)) - extensions.st_xmin(extensions.st_tileenvelope($1, $2, $3))) / 64)),
                 floor(extensions.st_y(s.location_3857) / ((extensions.st_xmax(extensions.st_tileenvelope($1, $2, $3)) - extensions.st_xmin(extensions.st_tileenvelope($1, $2, $3))) / 64))
      ) t where t.geom is not null`;
    const z4Live = await p50(fast, live, Array.from({ length: 6 }, (_, i) => z4[i % z4.length]!), 1);
    log(`site_tiles z4 p50 ${z4Fast.toFixed(2)} ms, counted live ${z4Live.toFixed(1)} ms`);

    // the list query: a keyword, nearest first, in a ~2 km box (the trigram indexes find the
    // candidates). A filter without a keyword (e.g. needs only) checks every site's menus to count
    // all matches: seconds at 200,000 sites, measured once below as the honest cost of that case.
    const search = 'select public.search_public_sites($1::jsonb, $2::float8[], $3::float8[], 50) as r';
    const words = ['サロン', 'ひろば', '食堂', 'カフェ', '相談'];
    const searches = Array.from({ length: 20 }, () => {
      const [lng, lat] = near();
      return [JSON.stringify({ text: words[Math.floor(rand() * words.length)] }), [lng - 0.01, lat - 0.01, lng + 0.01, lat + 0.01], [lng, lat]];
    });
    const searchFast = await p50(fast, search, searches, 2);
    const searchSlow = await p50(slow, search, searches.slice(0, 1), 0);
    const needsOnly = (await timed(fast, search, [JSON.stringify({ needs: ['meals'] }), searches[0]![1], searches[0]![2]])).ms;
    log(`search_public_sites needs-only (every site's menus checked) ${needsOnly.toFixed(0)} ms`);
    log(`search_public_sites p50 ${searchFast.toFixed(1)} ms, seq scan ${searchSlow.toFixed(1)} ms`);

    // the matching retrieval RPC, as staff: one call per household (the largest reach of its
    // members, the union of their needs), as the Supabase case source makes it
    const owner = new pg.Client({ connectionString: db.url });
    await owner.connect();
    clients.push(owner);
    await owner.query(`insert into public.teams (id, name) values ('bench_team', '参加支援チーム')`);
    await owner.query(`insert into auth.users (id, email, role, aud) values ($1, 'bench@example.test', 'authenticated', 'authenticated')`, [STAFF]);
    await owner.query(`insert into public.profiles (id, role, team_id) values ($1, 'staff', 'bench_team')`, [STAFF]);
    const staff = await staffMember(db.url);
    const staffSlow = await staffMember(db.url, true);
    clients.push(staff, staffSlow);
    const retrieval = 'select public.matching_candidates($1, $2, $3, $4::text[], $5::text[]) as r';
    const households = Array.from({ length: 100 }, () => {
      const q = householdRetrieval(household(rand, [...near()]));
      return [q.point[0], q.point[1], q.radiusM, q.needs, q.areaIds];
    });
    const retrievalFast = await p50(staff, retrieval, households);
    const retrievalSlow = await p50(staffSlow, retrieval, households.slice(0, 3), 0);
    const sizes2: number[] = [];
    for (const h of households.slice(0, 30)) sizes2.push((await staff.query(retrieval, h)).rows[0].r.menus.length);
    const retrievalMenus = percentile(sizes2.sort((a, b) => a - b), 50);
    log(`matching_candidates p50 ${retrievalFast.toFixed(2)} ms (median ${retrievalMenus} candidate menus), seq scan ${retrievalSlow.toFixed(1)} ms`);

    return {
      db_nearest_menus_p50_ms: figure(nearestFast, 'ms', nearestSlow, 'p50 ≤ 10 ms and ≥ 20× faster than a seq scan (ratio ≤ 0.05)', nearestFast <= 10 && nearestFast / nearestSlow <= 0.05),
      db_tile_z8_p50_ms: figure(z8Fast, 'ms', z8Slow, 'p50 ≤ 20 ms (baseline: seq scan)', z8Fast <= 20),
      db_tile_z10_points_p50_ms: figure(z10Fast, 'ms', z10Slow, `informational (tile p50 ${z10Size.toFixed(0)} kB; baseline: seq scan)`, true),
      db_tile_z8_p50_kb: figure(z8Size, 'kB', z8Geojson, 'smaller than the same points as GeoJSON', z8Size < z8Geojson),
      db_tile_z4_p50_ms: figure(z4Fast, 'ms', z4Live, 'p50 ≤ 200 ms (baseline: counted per request)', z4Fast <= 200),
      db_search_keyword_p50_ms: figure(searchFast, 'ms', searchSlow, 'informational (keyword list query, all matches counted; baseline: seq scan)', true),
      db_matching_candidates_p50_ms: figure(retrievalFast, 'ms', retrievalSlow, `p50 ≤ 15 ms (three-member households, median ${retrievalMenus} candidate menus; baseline: seq scan)`, retrievalFast <= 15),
      db_search_needs_only_ms: figure(needsOnly, 'ms', searchFast, 'informational: a filter without keyword checks every site (baseline: keyword query)', true),
    };
  } finally {
    for (const c of clients) await c.end().catch(() => undefined);
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
    db.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figures = await run();
  for (const [name, f] of Object.entries(figures)) console.log(`${f.met ? 'met ' : 'MISS'} ${name}: ${f.value.toFixed(2)} ${f.unit} (baseline ${f.baseline.toFixed(2)}, ratio ${f.ratio.toFixed(3)}) target ${f.target}`);
}
