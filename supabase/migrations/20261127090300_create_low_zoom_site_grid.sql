-- Precomputed clusters for site_tiles. Below z 10 a tile shows one point per grid cell (64 × 64
-- cells per tile). Counting every site at request time took 0.6–0.9 s for a z 4 tile over
-- 200,000 sites, and a z 8 tile of points over a dense region held ~40,000 points (1.9 MB, 0.3 s):
-- more than a 256-pixel tile can show. Now statement-level triggers keep per-cell sums on three
-- grids: level 7 (8,192 cells across the world, ~4.9 km at the equator) for tiles at z ≤ 7, and
-- levels 8 and 9 (~2.4 and ~1.2 km) for z 8 and z 9; a tile adds up the cells inside it (a zoom's
-- grid nests exactly in a finer one: all are aligned to the Web Mercator origin). Points from z 10.
--
-- Two audiences, because tiles show what the caller may read: `public` (visitors and signed-in
-- accounts without a role) and `published` (staff and admins: every published site). A
-- coordinator gets the public grid below z 10, i.e. their organizations' staff-only or
-- confidential sites appear from z 10 on: fewer points, never more than RLS allows.
-- public.refresh_site_grid() rebuilds the table from scratch (after a bulk load with triggers off).

create table public.site_grid (
  audience text not null check (audience in ('public', 'published')),
  level smallint not null check (level in (7, 8, 9)), -- the zoom whose tiles have 64 cells: cell = world width / (64 · 2^level)
  cx integer not null, -- floor(x / cell), x in EPSG:3857 metres
  cy integer not null, -- floor(y / cell)
  field text not null, -- the sites' first field
  n integer not null, -- published sites in the cell with this first field
  sum_x double precision not null, -- sums of their x and y, for the mean position
  sum_y double precision not null,
  primary key (audience, level, cx, cy, field)
);
comment on table public.site_grid is 'Per-cell counts of published sites on the z 7, 8 and 9 grids (64 cells per tile), kept by triggers on sites, read by site_tiles below z 10. No API role reads it directly.';
create index site_grid_empty_idx on public.site_grid (audience) where n <= 0;

alter table public.site_grid enable row level security;
-- no policies: only site_tiles (security definer) and the triggers read or write it
revoke all on public.site_grid from anon, authenticated;

create function public.site_grid_cell_size(level integer)
returns double precision
language sql
immutable
parallel safe
set search_path = ''
as $$
  select 2 * 20037508.342789244 / (64 * (1 << level))
$$;
comment on function public.site_grid_cell_size(integer) is 'Cell size of a site_grid level in EPSG:3857 metres: the world width over 64 · 2^level (the level''s tiles × 64 cells).';

-- applies the statement's changed rows to the grid: + new rows, − old rows
create function public.site_grid_apply()
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
begin
  execute format($sql$
    insert into public.site_grid as g (audience, level, cx, cy, field, n, sum_x, sum_y)
    select a.audience, l.level, floor(d.x / public.site_grid_cell_size(l.level))::integer, floor(d.y / public.site_grid_cell_size(l.level))::integer,
           d.field, sum(d.sign), sum(d.sign * d.x), sum(d.sign * d.y)
    from (select r.sign, extensions.st_x(r.location_3857) as x, extensions.st_y(r.location_3857) as y, r.fields[1] as field,
                 r.visibility = 'public' and not r.confidential as is_public
          from (%s) r
          where r.status = 'published') d
    cross join lateral (values ('published'), (case when d.is_public then 'public' end)) as a(audience)
    cross join (values (7), (8), (9)) as l(level)
    where a.audience is not null
    group by 1, 2, 3, 4, 5
    -- an edit that moved nothing (most edits) adds nothing
    having sum(d.sign) <> 0 or sum(d.sign * d.x) <> 0 or sum(d.sign * d.y) <> 0
    on conflict (audience, level, cx, cy, field) do update
      set n = g.n + excluded.n, sum_x = g.sum_x + excluded.sum_x, sum_y = g.sum_y + excluded.sum_y
  $sql$, changed);
  delete from public.site_grid g where g.n <= 0;
  return null;
end
$$;
comment on function public.site_grid_apply() is 'Trigger (after, per statement, transition tables): adds the statement''s published sites to site_grid and removes the old ones.';

create trigger sites_site_grid_insert after insert on public.sites
  referencing new table as new_rows for each statement execute function public.site_grid_apply();
create trigger sites_site_grid_update after update on public.sites
  referencing old table as old_rows new table as new_rows for each statement execute function public.site_grid_apply();
create trigger sites_site_grid_delete after delete on public.sites
  referencing old table as old_rows for each statement execute function public.site_grid_apply();

create function public.refresh_site_grid()
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
$$;
comment on function public.refresh_site_grid() is 'Rebuilds site_grid from public.sites (after loading with triggers disabled). Service role and owner only.';
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
  env extensions.geometry;
  grid_level integer; -- the grid the clusters are summed from
  k integer; -- grid cells per cell of this zoom, along each axis
  span integer; -- grid cells per tile along each axis
  half integer; -- grid cells from the world's edge to its centre
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
  else
    -- the tile's grid cells: x from the left edge of the world, y down from its top edge
    grid_level := greatest(z, 7);
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
        where g.audience = case when f.caller_sees_all then 'published' else 'public' end
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
  'MVT tile z/x/y (0 ≤ z ≤ 22) of the published sites visible to the caller, layer "sites": points with id, name, category_id, field, help_desk at z ≥ 10; below z 10 clusters (point_count, cluster, field = most common first field) from the precomputed site_grid (z ≤ 7: level 7, z 8 and 9: their own level) (visitors: public sites; staff and admins: every published site; coordinators: the public grid).';
