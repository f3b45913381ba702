-- One row per grid cell for site_tiles at z 7, 8 and 9. A z 8 tile read its ~4,000 cells from
-- site_grid (a row per cell and first field), grouped them to find each cell's most common field
-- and ran ST_AsMVTGeom on every mean position: 29–41 ms p50 at 200,000 sites, over the 20 ms target.
-- site_cells keeps, per audience, level and cell, the count, the mean position and the most common
-- first field (ties: the smallest field id), so a tile at the zoom of a grid level reads its cells
-- with one index range scan and places each point in tile coordinates by arithmetic.
--
-- site_grid stays: it is what the cells are derived from (the most common field of a cell needs
-- the per-field counts) and what tiles below z 7 add up (several cells per cluster). The statement
-- triggers on sites now update site_grid and then recompute the cells the statement touched from
-- it; refresh_site_grid() rebuilds both. Audiences are as before: `public` (visitors, accounts
-- without a role, coordinators) and `published` (staff and admins).

create table public.site_cells (
  audience text not null check (audience in ('public', 'published')),
  level smallint not null check (level in (7, 8, 9)),
  cx integer not null, -- as in site_grid
  cy integer not null,
  n integer not null check (n > 0), -- published sites in the cell
  x double precision not null, -- their mean position, EPSG:3857 metres
  y double precision not null,
  field text not null, -- the most common first field (ties: the smallest id)
  primary key (audience, level, cx, cy)
);
comment on table public.site_cells is 'One row per non-empty site_grid cell: count, mean position and most common first field, derived from site_grid by the same triggers, read by site_tiles at z 7–9. No API role reads it directly.';

alter table public.site_cells enable row level security;
-- no policies: only site_tiles (security definer) and the triggers read or write it
revoke all on public.site_cells from anon, authenticated;

-- the cells of site_grid as site_cells rows, for the given cells (null: all)
create function public.site_cells_from_grid(audiences text[], levels smallint[], cxs integer[], cys integer[])
returns table (audience text, level smallint, cx integer, cy integer, n integer, x double precision, y double precision, field text)
language sql
stable
set search_path = ''
as $$
  select g.audience, g.level, g.cx, g.cy, sum(g.n)::integer,
         sum(g.sum_x) / sum(g.n), sum(g.sum_y) / sum(g.n),
         (array_agg(g.field order by g.n desc, g.field))[1]
  from public.site_grid g
  where g.n > 0
    and (audiences is null
         or (g.audience, g.level, g.cx, g.cy) in (select * from unnest(audiences, levels, cxs, cys)))
  group by g.audience, g.level, g.cx, g.cy
$$;
comment on function public.site_cells_from_grid(text[], smallint[], integer[], integer[]) is 'site_cells rows computed from site_grid for the listed cells (parallel arrays; null: every cell).';
revoke execute on function public.site_cells_from_grid(text[], smallint[], integer[], integer[]) from public, anon, authenticated;

-- applies the statement's changed rows to the grid (+ new rows, − old rows), then recomputes the
-- cells it touched
create or replace function public.site_grid_apply()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  -- the transition tables this event has (an insert has no old rows, a delete no new ones)
  changed text := case tg_op
    when 'INSERT' then 'select 1 as sign, r.* from new_rows r'
    when 'UPDATE' then 'select 1 as sign, r.* from new_rows r union all select -1, r.* from old_rows r'
    else 'select -1 as sign, r.* from old_rows r'
  end;
  audiences text[];
  levels smallint[];
  cxs integer[];
  cys integer[];
begin
  execute format($sql$
    with d as (
      select a.audience, l.level::smallint as level,
             floor(s.x / public.site_grid_cell_size(l.level))::integer as cx, floor(s.y / public.site_grid_cell_size(l.level))::integer as cy,
             s.field, sum(s.sign) as n, sum(s.sign * s.x) as sum_x, sum(s.sign * s.y) as sum_y
      from (select r.sign, extensions.st_x(r.location_3857) as x, extensions.st_y(r.location_3857) as y, r.fields[1] as field,
                   r.visibility = 'public' and not r.confidential as is_public
            from (%s) r
            where r.status = 'published') s
      cross join lateral (values ('published'), (case when s.is_public then 'public' end)) as a(audience)
      cross join (values (7), (8), (9)) as l(level)
      where a.audience is not null
      group by 1, 2, 3, 4, 5
      -- an edit that moved nothing (most edits) adds nothing
      having sum(s.sign) <> 0 or sum(s.sign * s.x) <> 0 or sum(s.sign * s.y) <> 0
    ),
    written as (
      insert into public.site_grid as g (audience, level, cx, cy, field, n, sum_x, sum_y)
      select d.audience, d.level, d.cx, d.cy, d.field, d.n, d.sum_x, d.sum_y from d
      on conflict (audience, level, cx, cy, field) do update
        set n = g.n + excluded.n, sum_x = g.sum_x + excluded.sum_x, sum_y = g.sum_y + excluded.sum_y
    )
    select array_agg(k.audience), array_agg(k.level), array_agg(k.cx), array_agg(k.cy)
    from (select distinct d.audience, d.level, d.cx, d.cy from d) k
  $sql$, changed)
  into audiences, levels, cxs, cys;
  if audiences is null then
    return null; -- nothing published changed
  end if;
  delete from public.site_grid g where g.n <= 0;
  delete from public.site_cells c
  using unnest(audiences, levels, cxs, cys) as t(audience, level, cx, cy)
  where c.audience = t.audience and c.level = t.level and c.cx = t.cx and c.cy = t.cy;
  insert into public.site_cells (audience, level, cx, cy, n, x, y, field)
  select * from public.site_cells_from_grid(audiences, levels, cxs, cys);
  return null;
end
$$;
comment on function public.site_grid_apply() is 'Trigger (after, per statement, transition tables): adds the statement''s published sites to site_grid, removes the old ones, and recomputes the site_cells rows of the cells it touched.';

create or replace function public.refresh_site_grid()
returns void
language sql
security definer
set search_path = ''
as $$
  delete from public.site_grid;
  insert into public.site_grid (audience, level, cx, cy, field, n, sum_x, sum_y)
  select a.audience, l.level,
         floor(extensions.st_x(s.location_3857) / public.site_grid_cell_size(l.level))::integer,
         floor(extensions.st_y(s.location_3857) / public.site_grid_cell_size(l.level))::integer,
         s.fields[1], count(*), sum(extensions.st_x(s.location_3857)), sum(extensions.st_y(s.location_3857))
  from public.sites s
  cross join lateral (values ('published'), (case when s.visibility = 'public' and not s.confidential then 'public' end)) as a(audience)
  cross join (values (7), (8), (9)) as l(level)
  where s.status = 'published' and a.audience is not null
  group by 1, 2, 3, 4, 5;
  delete from public.site_cells;
  insert into public.site_cells (audience, level, cx, cy, n, x, y, field)
  select * from public.site_cells_from_grid(null, null, null, null);
$$;
comment on function public.refresh_site_grid() is 'Rebuilds site_grid and site_cells from public.sites (after loading with triggers disabled). Service role and owner only.';
revoke execute on function public.refresh_site_grid() from public, anon, authenticated;

select public.refresh_site_grid();

create or replace function public.site_tiles(z integer, x integer, y integer)
returns bytea
language plpgsql
stable
parallel safe
security definer
set search_path = ''
as $$
declare
  f public.site_filter := public.parse_site_filters('{}');
  grid_audience text := case when f.caller_sees_all then 'published' else 'public' end;
  env extensions.geometry;
  grid_level integer; -- the grid the clusters are read from
  k integer; -- grid cells per cell of this zoom, along each axis
  span integer; -- grid cells per tile along each axis
  half integer; -- grid cells from the world's edge to its centre
  x0 double precision; -- the tile's left and top edges, EPSG:3857 metres
  y1 double precision;
  scale double precision; -- tile units (4096 per tile) per metre
  tile bytea;
begin
  if z is null or x is null or y is null or z not between 0 and 22 then
    perform public.raise_invalid_argument(format('zoom must be 0…22, got %s', z), 'tiles are addressed as z/x/y (XYZ, y down)');
  end if;
  if x not between 0 and (1 << z) - 1 or y not between 0 and (1 << z) - 1 then
    perform public.raise_invalid_argument(format('tile %s/%s/%s does not exist', z, x, y), format('x and y are 0…%s at zoom %s', (1 << z) - 1, z));
  end if;
  env := extensions.st_tileenvelope(z, x, y);

  if z >= 10 then
    select extensions.st_asmvt(t, 'sites', 4096, 'geom')
    into tile
    from (
      select extensions.st_asmvtgeom(s.location_3857, env, 4096, 64, true) as geom,
             s.id, s.name, s.category_id, s.fields[1] as field, c.help_desk
      from public.sites s
      join public.categories c on c.id = s.category_id
      where s.location_3857 operator(extensions.&&) extensions.st_expand(env, (extensions.st_xmax(env) - extensions.st_xmin(env)) * 64 / 4096)
        and public.site_visible(s, f)
    ) t
    where t.geom is not null;
  elsif z >= 7 then
    -- one stored row per cluster: a cell's mean lies inside the cell, so inside the tile, and its
    -- tile coordinates are plain arithmetic (what ST_AsMVTGeom computes for a point: scaled,
    -- y flipped, rounded)
    half := 32 << z;
    span := 64;
    x0 := extensions.st_xmin(env);
    y1 := extensions.st_ymax(env);
    scale := 4096 / (extensions.st_xmax(env) - x0);
    select extensions.st_asmvt(t, 'sites', 4096, 'geom')
    into tile
    from (
      select extensions.st_point(round((c.x - x0) * scale), round((y1 - c.y) * scale)) as geom,
             c.n as point_count,
             true as cluster,
             c.field
      from public.site_cells c
      where c.audience = grid_audience
        and c.level = z
        and c.cx between -half + site_tiles.x * span and -half + (site_tiles.x + 1) * span - 1
        and c.cy between half - (site_tiles.y + 1) * span and half - site_tiles.y * span - 1
    ) t;
  else
    -- the tile's level-7 cells: x from the left edge of the world, y down from its top edge
    grid_level := 7;
    k := 1 << (grid_level - z);
    span := 64 * k;
    half := 32 << grid_level;
    select extensions.st_asmvt(t, 'sites', 4096, 'geom')
    into tile
    from (
      select extensions.st_asmvtgeom(extensions.st_point(sum(p.sx) / sum(p.n), sum(p.sy) / sum(p.n), 3857), env, 4096, 64, true) as geom,
             sum(p.n)::integer as point_count,
             true as cluster,
             (array_agg(p.field order by p.n desc, p.field))[1] as field -- the most common first field
      from (
        select floor(g.cx::double precision / k) as ccx, floor(g.cy::double precision / k) as ccy, g.field,
               sum(g.n) as n, sum(g.sum_x) as sx, sum(g.sum_y) as sy
        from public.site_grid g
        where g.audience = grid_audience
          and g.level = grid_level
          and g.cx between -half + x * span and -half + (x + 1) * span - 1
          and g.cy between half - (y + 1) * span and half - y * span - 1
        group by 1, 2, 3
      ) p
      group by p.ccx, p.ccy
    ) t
    where t.geom is not null;
  end if;
  return coalesce(tile, ''::bytea);
end
$$;
comment on function public.site_tiles(integer, integer, integer) is
  'MVT tile z/x/y (0 ≤ z ≤ 22) of the published sites visible to the caller, layer "sites": points with id, name, category_id, field, help_desk at z ≥ 10; below z 10 clusters (point_count, cluster, field = most common first field): z 7–9 one stored row per cell of site_cells, z ≤ 6 summed from the level-7 site_grid (visitors: public sites; staff and admins: every published site; coordinators: the public grid).';
