// The trigger-kept low-zoom grid (site_grid: per cell and first field; site_cells: one row per cell
// with the count, mean position and most common first field) equals a recount from public.sites
// after random inserts, updates (moves, field, status, visibility and confidentiality changes, edits
// that move nothing) and deletes, one row and many rows per statement; and site_tiles at z 7–9
// serves exactly those cells (count, most common field, the mean placed as ST_AsMVTGeom places it).
import { VectorTile } from '@mapbox/vector-tile'; // comes with maplibre-gl
import type pg from 'pg';
import { PbfReader } from 'pbf'; // comes with maplibre-gl
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/domain/demo/rng.ts';
import { CATEGORIES, FIELDS } from '../../src/domain/taxonomy';
import { actAs, connect } from './db';

const rnd = mulberry32(11);
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const STATUSES = ['published', 'published', 'published', 'draft', 'pending', 'archived'];

type Row = { id: string; category: string; fields: string[]; lng: number; lat: number; status: string; visibility: string; confidential: boolean };
let next = 0;
function randomSite(): Row {
  const category = pick(CATEGORIES);
  return {
    id: `grid_site_${next++}`,
    category: category.id,
    fields: [...new Set([pick(FIELDS), ...FIELDS.filter(() => rnd() < 0.2)])],
    // a small square, so that cells hold several sites at every level
    lng: 139.0 + rnd() * 0.08,
    lat: 36.3 + rnd() * 0.08,
    status: pick(STATUSES),
    visibility: rnd() < 0.8 ? 'public' : 'staff',
    confidential: rnd() < 0.1,
  };
}

const INSERT = `
  insert into public.sites (id, organization_id, name, category_id, fields, location, municipality_code, status, visibility, confidential)
  select x.id, 'grid_org', x.id, x.category, x.fields,
         extensions.st_setsrid(extensions.st_makepoint(x.lng, x.lat), 4326)::extensions.geography, '102024',
         x.status, x.visibility, x.confidential
  from jsonb_to_recordset($1::jsonb) as x(id text, category text, fields text[], lng float8, lat float8, status text, visibility text, confidential boolean)`;

// the recount: what refresh_site_grid() computes, straight from public.sites
const RECOUNT_GRID = `
  select a.audience, l.level,
         floor(extensions.st_x(s.location_3857) / public.site_grid_cell_size(l.level))::integer as cx,
         floor(extensions.st_y(s.location_3857) / public.site_grid_cell_size(l.level))::integer as cy,
         s.fields[1] as field, count(*)::integer as n,
         sum(extensions.st_x(s.location_3857)) as sum_x, sum(extensions.st_y(s.location_3857)) as sum_y
  from public.sites s
  cross join lateral (values ('published'), (case when s.visibility = 'public' and not s.confidential then 'public' end)) as a(audience)
  cross join (values (7), (8), (9)) as l(level)
  where s.status = 'published' and a.audience is not null
  group by 1, 2, 3, 4, 5`;
const RECOUNT_CELLS = `
  select audience, level, cx, cy, sum(n)::integer as n, sum(sum_x) / sum(n) as x, sum(sum_y) / sum(n) as y,
         (array_agg(field order by n desc, field))[1] as field
  from (${RECOUNT_GRID}) g
  group by 1, 2, 3, 4`;

type GridRow = { audience: string; level: number; cx: number; cy: number; field: string; n: number; sum_x: number; sum_y: number };
type CellRow = { audience: string; level: number; cx: number; cy: number; field: string; n: number; x: number; y: number };

describe('site_grid and site_cells follow every edit of sites', () => {
  let client: pg.Client;

  beforeAll(async () => {
    client = await connect();
    await client.query('begin');
    await client.query(`insert into public.organizations (id, name, kind, trusted) values ('grid_org', 'グリッド団体', 'npo', true)`);
  });

  afterAll(async () => {
    await client.query('rollback');
    await client.end();
  });

  async function expectRecount(step: string): Promise<void> {
    const key = (r: { audience: string; level: number; cx: number; cy: number; field?: string }) =>
      `${r.audience}/${r.level}/${r.cx}/${r.cy}${r.field === undefined ? '' : `/${r.field}`}`;
    const order = 'order by audience, level, cx, cy';
    const grid = (await client.query<GridRow>(`select audience, level, cx, cy, field, n, sum_x, sum_y from public.site_grid ${order}, field`)).rows;
    const gridWant = (await client.query<GridRow>(`select * from (${RECOUNT_GRID}) g ${order}, field`)).rows;
    expect({ step, keys: grid.map(key) }).toEqual({ step, keys: gridWant.map(key) });
    grid.forEach((r, i) => {
      const w = gridWant[i]!;
      expect({ step, key: key(r), n: r.n }).toEqual({ step, key: key(w), n: w.n });
      expect(Math.abs(r.sum_x - w.sum_x)).toBeLessThan(1e-3 * r.n);
      expect(Math.abs(r.sum_y - w.sum_y)).toBeLessThan(1e-3 * r.n);
    });
    const cells = (await client.query<CellRow>(`select audience, level, cx, cy, n, x, y, field from public.site_cells ${order}`)).rows;
    const cellsWant = (await client.query<CellRow>(`select * from (${RECOUNT_CELLS}) c ${order}`)).rows;
    expect({ step, keys: cells.map(key) }).toEqual({ step, keys: cellsWant.map(key) });
    cells.forEach((r, i) => {
      const w = cellsWant[i]!;
      expect({ step, key: key(r), n: r.n, field: r.field }).toEqual({ step, key: key(w), n: w.n, field: w.field });
      expect(Math.abs(r.x - w.x)).toBeLessThan(1e-3);
      expect(Math.abs(r.y - w.y)).toBeLessThan(1e-3);
    });
  }

  it('equals a recount after random inserts, updates and deletes', async () => {
    const live = new Map<string, Row>();
    const insert = async (rows: Row[]) => {
      await client.query(INSERT, [JSON.stringify(rows)]);
      for (const r of rows) live.set(r.id, r);
    };
    await insert(Array.from({ length: 300 }, randomSite));
    await expectRecount('bulk insert');

    for (let step = 0; step < 60; step++) {
      const ids = [...live.keys()];
      const some = () => ids.filter(() => rnd() < 0.05 + rnd() * 0.1);
      const op = Math.floor(rnd() * 8);
      if (op === 0) {
        await insert(Array.from({ length: 1 + Math.floor(rnd() * 20) }, randomSite));
      } else if (op === 1) {
        // moves, one statement for many rows, each to its own random point
        const moved = some().map((id) => ({ id, lng: 139.0 + rnd() * 0.08, lat: 36.3 + rnd() * 0.08 }));
        await client.query(
          `update public.sites s set location = extensions.st_setsrid(extensions.st_makepoint(x.lng, x.lat), 4326)::extensions.geography
           from jsonb_to_recordset($1::jsonb) as x(id text, lng float8, lat float8) where s.id = x.id`,
          [JSON.stringify(moved)],
        );
      } else if (op === 2) {
        await client.query(`update public.sites set fields = $2 where id = any($1)`, [some(), [pick(FIELDS), pick(FIELDS)].filter((v, i, a) => a.indexOf(v) === i)]);
      } else if (op === 3) {
        await client.query(`update public.sites set status = $2 where id = any($1)`, [some(), pick(STATUSES)]);
      } else if (op === 4) {
        await client.query(`update public.sites set visibility = $2 where id = any($1)`, [some(), rnd() < 0.5 ? 'public' : 'staff']);
      } else if (op === 5) {
        await client.query(`update public.sites set confidential = not confidential where id = any($1)`, [some()]);
      } else if (op === 6) {
        // an edit that moves nothing
        await client.query(`update public.sites set description = 'edited' where id = any($1)`, [some()]);
      } else {
        const gone = some();
        await client.query(`delete from public.sites where id = any($1)`, [gone]);
        for (const id of gone) live.delete(id);
      }
      if (step % 10 === 9) await expectRecount(`step ${step}`);
    }
    // one site: move it across cells and back, then delete it
    const [first] = live.keys();
    await client.query(`update public.sites set status = 'published', location = 'SRID=4326;POINT(139.5 36.5)' where id = $1`, [first]);
    await client.query(`update public.sites set location = 'SRID=4326;POINT(139.01 36.31)' where id = $1`, [first]);
    await client.query(`delete from public.sites where id = $1`, [first]);
    await expectRecount('one site');

    // the z 7, 8 and 9 tiles over the square hold the recounted public cells, as a visitor sees them
    for (const z of [7, 8, 9]) {
      const n = 2 ** z;
      const [x, y] = [Math.floor(((139.04 + 180) / 360) * n), Math.floor(((1 - Math.asinh(Math.tan((36.34 * Math.PI) / 180)) / Math.PI) / 2) * n)];
      const { rows: want } = await client.query<{ key: string }>(
        `select c.n || ' ' || c.field || ' ' || extensions.st_astext(extensions.st_asmvtgeom(extensions.st_point(c.x, c.y, 3857),
                  extensions.st_tileenvelope($1, $2, $3), 4096, 64, true)) as key
         from (${RECOUNT_CELLS}) c
         where c.audience = 'public' and c.level = $1
           and extensions.st_point(c.x, c.y, 3857) operator(extensions.&&) extensions.st_tileenvelope($1, $2, $3)
         order by 1`,
        [z, x, y],
      );
      await client.query('savepoint tile');
      await actAs(client, 'anon');
      const { rows } = await client.query<{ t: Buffer }>('select public.site_tiles($1, $2, $3) as t', [z, x, y]);
      await client.query('rollback to savepoint tile');
      await actAs(client, 'owner');
      const layer = new VectorTile(new PbfReader(rows[0]!.t)).layers.sites!;
      const got = Array.from({ length: layer.length }, (_, i) => {
        const f = layer.feature(i);
        const pt = f.loadGeometry()[0]?.[0];
        expect(f.properties.cluster).toBe(true);
        return `${String(f.properties.point_count)} ${String(f.properties.field)} POINT(${pt!.x} ${pt!.y})`;
      }).sort();
      expect({ z, got }).toEqual({ z, got: want.map((r) => r.key).sort() });
      expect(got.length).toBeGreaterThan(0);
    }

    // and refresh_site_grid() gives the same as the triggers
    const before = (await client.query(`select audience, level, cx, cy, n, field from public.site_cells order by 1, 2, 3, 4`)).rows;
    await client.query('select public.refresh_site_grid()');
    const after = (await client.query(`select audience, level, cx, cy, n, field from public.site_cells order by 1, 2, 3, 4`)).rows;
    expect(after).toEqual(before);
  });
});
