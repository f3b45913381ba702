// The read RPCs against a brute-force reference over random data, as a visitor (anon):
// - sites_in_bbox returns exactly the visible published sites inside the box that pass the filters
//   (query.ts semantics: any-of within a list, all-of for accessibility and ease, menu-level keys on
//   one menu, keyword through normalizeForSearch), and every result is inside the box;
// - nearest_menus returns the visible menus within the radius, nearest first;
// - search_sites agrees with the same reference;
// - tiles decode as MVT and never carry a confidential, staff-only or unpublished site;
// - bad arguments fail with 22023 and a hint.
import { VectorTile } from '@mapbox/vector-tile'; // comes with maplibre-gl
import { PbfReader } from 'pbf'; // comes with maplibre-gl
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeForSearch } from '../../src/domain/search/normalize';
import { ACCESSIBILITY, CATEGORIES, EASE, FIELDS, HELP_DESK_LABEL, NEEDS, TARGETS } from '../../src/domain/taxonomy';
import { actAs, connect } from './db';
import { mulberry32 } from '../../src/domain/demo/rng.ts';

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const STORED_EASE = EASE.filter((e) => e !== 'free');
const WORDS = ['みんなの', '食堂', 'サロン', 'ひろば', 'カフェ', '北', '南', 'センター', '居場所', 'あおぞら', 'ケア・サポート'];

type Site = {
  id: string; name: string; kana: string; category: string; fields: string[]; lng: number; lat: number;
  accessibility: string[]; description: string; status: string; visibility: string; confidential: boolean;
};
type Menu = {
  id: string; siteId: string; title: string; needs: string[]; targets: string[]; ease: string[];
  free: boolean; weekdays: string[]; status: string; visibility: string;
};
type Filters = {
  text?: string; fields?: string[]; categories?: string[]; helpDesksOnly?: boolean; needs?: string[];
  targets?: string[]; weekdays?: string[]; free?: boolean; accessibility?: string[]; ease?: string[];
};

const rnd = mulberry32(7);
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const some = <T,>(xs: readonly T[], p: number): T[] => xs.filter(() => rnd() < p);
const weighted = (pairs: [string, number][]) => {
  let r = rnd();
  for (const [v, w] of pairs) if ((r -= w) < 0) return v;
  return pairs[pairs.length - 1]![0];
};

// 400 sites in a 0.2° square around 139.0, 36.3; two menus each on average
const sites: Site[] = Array.from({ length: 400 }, (_, i) => {
  const category = pick(CATEGORIES);
  return {
    id: `rt_site_${i}`,
    name: `${pick(WORDS)}${pick(WORDS)}${i}`,
    kana: `${pick(['あ', 'か', 'さ', 'た', 'な'])}${i}`,
    category: category.id,
    fields: [...new Set([...category.fields.slice(0, 1), ...some(FIELDS, 0.2)])],
    lng: 138.9 + rnd() * 0.2,
    lat: 36.2 + rnd() * 0.2,
    accessibility: some(ACCESSIBILITY, 0.3),
    description: rnd() < 0.3 ? `${pick(WORDS)}があります` : '',
    status: weighted([['published', 0.7], ['draft', 0.1], ['pending', 0.1], ['archived', 0.1]]),
    visibility: rnd() < 0.85 ? 'public' : 'staff',
    confidential: rnd() < 0.05,
  };
});
const menus: Menu[] = sites.flatMap((s, i) =>
  Array.from({ length: Math.floor(rnd() * 4) }, (_, j) => ({
    id: `rt_menu_${i}_${j}`,
    siteId: s.id,
    title: `${pick(WORDS)}の会`,
    needs: [pick(NEEDS), ...some(NEEDS, 0.1)].filter((v, k, a) => a.indexOf(v) === k),
    targets: [pick(TARGETS)],
    ease: some(STORED_EASE, 0.3),
    free: rnd() < 0.5,
    weekdays: [pick(WEEKDAYS), ...some(WEEKDAYS, 0.15)].filter((v, k, a) => a.indexOf(v) === k),
    status: rnd() < 0.8 ? 'published' : 'draft',
    visibility: rnd() < 0.85 ? 'public' : 'staff',
  })),
);

// what anon may see (RLS) and what the RPCs return (published)
const siteVisible = (s: Site) => s.status === 'published' && s.visibility === 'public' && !s.confidential;
const siteById = new Map(sites.map((s) => [s.id, s]));
const menuVisible = (m: Menu) => m.status === 'published' && m.visibility === 'public' && siteVisible(siteById.get(m.siteId)!);
const helpDesk = new Map<string, boolean>(CATEGORIES.map((c) => [c.id, c.helpDesk]));

function menuMatches(m: Menu, f: Filters): boolean {
  const any = (have: string[], want?: string[]) => !want?.length || want.some((w) => have.includes(w));
  const all = (have: string[], want?: string[]) => !want?.length || want.every((w) => have.includes(w));
  return (
    // a menu for anyone (誰でも) serves every target group
    any(m.needs, f.needs) && any(m.targets, f.targets?.length ? [...f.targets, 'anyone'] : undefined) && any(m.weekdays, f.weekdays) &&
    (!f.free || m.free) && all([...m.ease, ...(m.free ? ['free'] : [])], f.ease)
  );
}
const hasMenuFilters = (f: Filters) => !!(f.needs?.length || f.targets?.length || f.weekdays?.length || f.free || f.ease?.length);
// the keyword text of src/domain/search/keyword-text.ts: parts normalized one by one
const categoryLabels = new Map<string, string[]>(
  CATEGORIES.map((c) => [c.id, [c.label.ja, c.label.en, ...(c.helpDesk ? [HELP_DESK_LABEL.ja, HELP_DESK_LABEL.en] : [])]]),
);

function siteMatches(s: Site, f: Filters): boolean {
  const visibleMenus = menus.filter((m) => m.siteId === s.id && menuVisible(m));
  const q = f.text ? normalizeForSearch(f.text) : '';
  const parts = [s.name, s.kana, s.description, ...categoryLabels.get(s.category)!].map(normalizeForSearch);
  return (
    siteVisible(s) &&
    (!f.fields?.length || f.fields.some((x) => s.fields.includes(x))) &&
    (!f.categories?.length || f.categories.includes(s.category)) &&
    (!f.helpDesksOnly || !!helpDesk.get(s.category)) &&
    (!f.accessibility?.length || f.accessibility.every((x) => s.accessibility.includes(x))) &&
    (!q || parts.some((p) => p.includes(q)) || visibleMenus.some((m) => normalizeForSearch(m.title).includes(q))) &&
    (!hasMenuFilters(f) || visibleMenus.some((m) => menuMatches(m, f)))
  );
}

function randomFilters(): Filters {
  const f: Filters = {};
  if (rnd() < 0.3) f.fields = some(FIELDS, 0.3);
  if (rnd() < 0.2) f.categories = some(CATEGORIES.map((c) => c.id), 0.2);
  if (rnd() < 0.1) f.helpDesksOnly = true;
  if (rnd() < 0.3) f.needs = some(NEEDS, 0.2);
  if (rnd() < 0.2) f.targets = some(TARGETS, 0.3);
  if (rnd() < 0.3) f.weekdays = some(WEEKDAYS, 0.3);
  if (rnd() < 0.2) f.free = true;
  if (rnd() < 0.2) f.accessibility = some(ACCESSIBILITY, 0.1);
  if (rnd() < 0.2) f.ease = some(EASE, 0.15);
  if (rnd() < 0.2) f.text = pick(WORDS);
  return f;
}

const R = 6371008.8; // mean Earth radius, the sphere PostGIS uses for geography without spheroid
function distanceM(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

describe('read RPCs as a visitor', () => {
  let client: pg.Client;

  beforeAll(async () => {
    client = await connect();
    await client.query('begin');
    await client.query(`insert into public.organizations (id, name, kind, trusted) values ('rt_org', 'テスト団体', 'npo', true)`);
    await client.query(
      `insert into public.sites (id, organization_id, name, kana, category_id, fields, location, municipality_code,
                                 accessibility, description, status, visibility, confidential)
       select x.id, 'rt_org', x.name, x.kana, x.category, x.fields,
              extensions.st_setsrid(extensions.st_makepoint(x.lng, x.lat), 4326)::extensions.geography, '102024',
              x.accessibility, x.description, x.status, x.visibility, x.confidential
       from jsonb_to_recordset($1::jsonb) as x(id text, name text, kana text, category text, fields text[], lng float8,
            lat float8, accessibility text[], description text, status text, visibility text, confidential boolean)`,
      [JSON.stringify(sites)],
    );
    await client.query(
      `insert into public.menus (id, site_id, organization_id, title, needs, targets, ease, cost_kind, schedule, status, visibility)
       select x.id, x."siteId", 'rt_org', x.title, x.needs, x.targets, x.ease,
              case when x.free then 'free' else 'fixed' end,
              jsonb_build_object('rules', jsonb_build_array(jsonb_build_object('freq', 'WEEKLY', 'interval', 1,
                'byday', to_jsonb(x.weekdays), 'opensAt', '10:00', 'closesAt', '12:00')),
                'closedOnHolidays', false, 'irregular', false),
              x.status, x.visibility
       from jsonb_to_recordset($1::jsonb) as x(id text, "siteId" text, title text, needs text[], targets text[],
            ease text[], free boolean, weekdays text[], status text, visibility text)`,
      [JSON.stringify(menus)],
    );
    await actAs(client, 'anon');
  });

  afterAll(async () => {
    await client.query('rollback');
    await client.end();
  });

  it('sites_in_bbox: exactly the visible matching sites inside the box, for 60 random boxes and filters', async () => {
    for (let k = 0; k < 60; k++) {
      const w = 138.85 + rnd() * 0.2;
      const s = 36.15 + rnd() * 0.2;
      const box = [w, s, w + 0.02 + rnd() * 0.2, s + 0.02 + rnd() * 0.2] as const;
      const f = randomFilters();
      const { rows } = await client.query<{ id: string; lng: number; lat: number; menu_ids: string[]; total: string }>(
        'select id, lng, lat, menu_ids, total from public.sites_in_bbox($1, $2, $3, $4, $5, 5000)',
        [...box, JSON.stringify(f)],
      );
      const got = rows.filter((r) => r.id.startsWith('rt_'));
      for (const r of got) {
        expect(r.lng).toBeGreaterThanOrEqual(box[0]);
        expect(r.lng).toBeLessThanOrEqual(box[2]);
        expect(r.lat).toBeGreaterThanOrEqual(box[1]);
        expect(r.lat).toBeLessThanOrEqual(box[3]);
      }
      const want = sites
        .filter((x) => x.lng >= box[0] && x.lng <= box[2] && x.lat >= box[1] && x.lat <= box[3] && siteMatches(x, f))
        .map((x) => x.id)
        .sort();
      expect({ f, ids: got.map((r) => r.id).sort() }).toEqual({ f, ids: want });
      for (const r of got) {
        const wantMenus = menus.filter((m) => m.siteId === r.id && menuVisible(m) && menuMatches(m, f)).map((m) => m.id).sort();
        expect(r.menu_ids).toEqual(wantMenus);
      }
    }
  });

  it('sites_in_bbox: max_rows cuts the list and total counts every match', async () => {
    const { rows } = await client.query<{ id: string; total: string }>(
      `select id, total from public.sites_in_bbox(138.9, 36.2, 139.1, 36.4, '{}', 10)`,
    );
    expect(rows).toHaveLength(10);
    expect(Number(rows[0]!.total)).toBe(sites.filter((s) => siteMatches(s, {})).length);
  });

  it('search_sites agrees with the reference for every word', async () => {
    for (const word of WORDS) {
      const { rows } = await client.query<{ id: string }>('select id from public.search_sites($1, $2, 1000)', [word, '{}']);
      const want = sites.filter((s) => siteMatches(s, { text: word })).map((s) => s.id).sort();
      expect({ word, ids: rows.map((r) => r.id).filter((id) => id.startsWith('rt_')).sort() }).toEqual({ word, ids: want });
    }
  });

  it('nearest_menus: visible matching menus within the radius, nearest first, for 30 random points', async () => {
    for (let k = 0; k < 30; k++) {
      const origin: [number, number] = [138.95 + rnd() * 0.1, 36.25 + rnd() * 0.1];
      const radius = 500 + rnd() * 4000;
      const f = rnd() < 0.5 ? {} : { needs: some(NEEDS, 0.3), weekdays: some(WEEKDAYS, 0.4) };
      const { rows } = await client.query<{ menu_id: string; distance_m: number }>(
        'select menu_id, distance_m from public.nearest_menus($1, $2, $3, 500, $4)',
        [...origin, radius, JSON.stringify(f)],
      );
      const got = rows.filter((r) => r.menu_id.startsWith('rt_'));
      for (let i = 1; i < got.length; i++) expect(got[i]!.distance_m).toBeGreaterThanOrEqual(got[i - 1]!.distance_m);
      const want = menus
        .filter((m) => {
          const s = siteById.get(m.siteId)!;
          const d = distanceM(origin, [s.lng, s.lat]);
          return menuVisible(m) && siteMatches(s, f) && menuMatches(m, f) && d <= radius && Math.abs(d - radius) > 0.5;
        })
        .map((m) => m.id)
        .sort();
      const nearBoundary = (id: string) => {
        const s = siteById.get(menus.find((m) => m.id === id)!.siteId)!;
        return Math.abs(distanceM(origin, [s.lng, s.lat]) - radius) <= 0.5;
      };
      expect(got.map((r) => r.menu_id).filter((id) => !nearBoundary(id)).sort()).toEqual(want);
      for (const r of got) {
        const s = siteById.get(menus.find((m) => m.id === r.menu_id)!.siteId)!;
        expect(Math.abs(r.distance_m - distanceM(origin, [s.lng, s.lat]))).toBeLessThan(0.01);
      }
    }
  });

  it('site_tiles: decodes as MVT; points at z ≥ 10 carry only visible published sites, clusters below z 10 count them', async () => {
    const tileOf = (lng: number, lat: number, z: number) => {
      const n = 2 ** z;
      const rad = (lat * Math.PI) / 180;
      return [z, Math.floor(((lng + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)];
    };
    const visibleIds = new Set(sites.filter(siteVisible).map((s) => s.id));
    const seen = new Set<string>();
    for (const z of [10, 11]) {
      const [, x0, y0] = tileOf(138.9, 36.4, z);
      const [, x1, y1] = tileOf(139.1, 36.2, z);
      for (let x = x0!; x <= x1!; x++) {
        for (let y = y0!; y <= y1!; y++) {
          const { rows } = await client.query<{ t: Buffer }>('select public.site_tiles($1, $2, $3) as t', [z, x, y]);
          const layer = new VectorTile(new PbfReader(rows[0]!.t)).layers.sites;
          for (let i = 0; i < (layer?.length ?? 0); i++) {
            const props = layer!.feature(i).properties;
            const id = String(props.id);
            if (!id.startsWith('rt_')) continue;
            expect(visibleIds.has(id)).toBe(true);
            expect(typeof props.name).toBe('string');
            if (z === 11) seen.add(id);
          }
        }
      }
    }
    expect(seen).toEqual(visibleIds); // every visible site is in some tile

    const [z, x, y] = tileOf(139.0, 36.3, 5);
    const { rows } = await client.query<{ t: Buffer }>('select public.site_tiles($1, $2, $3) as t', [z, x, y]);
    const layer = new VectorTile(new PbfReader(rows[0]!.t)).layers.sites!;
    let count = 0;
    for (let i = 0; i < layer.length; i++) {
      const props = layer.feature(i).properties;
      expect(props.cluster).toBe(true);
      count += Number(props.point_count);
    }
    expect(count).toBeGreaterThanOrEqual(visibleIds.size); // the demo rows plus any others in the tile
  });

  it.each([
    ['sites_in_bbox with west > east', `select * from public.sites_in_bbox(139.1, 36.2, 138.9, 36.4)`],
    ['sites_in_bbox with an unknown filter', `select * from public.sites_in_bbox(138.9, 36.2, 139.1, 36.4, '{"color": ["red"]}')`],
    ['nearest_menus outside Japan', `select * from public.nearest_menus(2.35, 48.85)`],
    ['nearest_menus with too many rows', `select * from public.nearest_menus(139.0, 36.3, 1000, 501)`],
    ['search_sites with an empty keyword', `select * from public.search_sites(' ')`],
    ['site_tiles off the map', `select public.site_tiles(3, 8, 0)`],
  ])('%s fails with 22023 and a message', async (_label, sql) => {
    await client.query('savepoint bad_args');
    const error = (await client.query(sql).then(
      () => null,
      (e: unknown) => e,
    )) as (Error & { code?: string; hint?: string }) | null;
    await client.query('rollback to savepoint bad_args');
    expect(error?.code).toBe('22023');
    expect(error?.message.length).toBeGreaterThan(10);
  });
});
