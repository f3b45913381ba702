-- Vector tiles for the public pages. site_tiles shows what the caller may read (staff: every
-- published site); the public map must show the public view whatever the role (DOMAIN.md, and
-- 20261127090500). The body of site_tiles moves to site_tiles_in(z, x, y, filters), whose
-- filters take only "view" ("caller" | "public"; search filters are not applied to tiles);
-- site_tiles keeps its behaviour and public_view_site_tiles(_base64) serve the public view.
-- Below z 10 the public view reads the `public` grid, as visitors always did.

create function public.site_tiles_in(z integer, x integer, y integer, filters jsonb)
returns bytea
language plpgsql
stable
parallel safe
security definer
set search_path = ''
as $$
declare
  f public.site_filter := public.parse_site_filters(filters);
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
  if filters is not null and jsonb_typeof(filters) = 'object' and exists (select 1 from jsonb_object_keys(filters) as keys(name) where keys.name <> 'view') then
    perform public.raise_invalid_argument('tiles take only the filter "view"', 'filter the tiles'' features by their properties in the client');
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
        and c.cx between -half + site_tiles_in.x * span and -half + (site_tiles_in.x + 1) * span - 1
        and c.cy between half - (site_tiles_in.y + 1) * span and half - site_tiles_in.y * span - 1
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
comment on function public.site_tiles_in(integer, integer, integer, jsonb) is 'site_tiles for a view: filters {"view": "caller" | "public"} (see public.parse_site_filters); other filters are refused.';
revoke execute on function public.site_tiles_in(integer, integer, integer, jsonb) from public, anon, authenticated;

create or replace function public.site_tiles(z integer, x integer, y integer)
returns bytea
language sql
stable
parallel safe
security definer
set search_path = ''
as $$
  select public.site_tiles_in(z, x, y, '{}')
$$;

create function public.public_view_site_tiles(z integer, x integer, y integer)
returns bytea
language sql
stable
parallel safe
security definer
set search_path = ''
as $$
  select public.site_tiles_in(z, x, y, '{"view": "public"}')
$$;
comment on function public.public_view_site_tiles(integer, integer, integer) is
  'site_tiles for the public map: the published public non-confidential sites only, whatever the caller''s role (same layer and properties as site_tiles).';

create function public.public_view_site_tiles_base64(z integer, x integer, y integer)
returns text
language sql
stable
parallel safe
set search_path = ''
as $$
  select encode(public.public_view_site_tiles(z, x, y), 'base64')
$$;
comment on function public.public_view_site_tiles_base64(integer, integer, integer) is 'public_view_site_tiles as base64 text, for supabase-js .rpc() (which parses JSON).';
