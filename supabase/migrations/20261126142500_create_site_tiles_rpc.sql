-- Vector tiles of the sites (Mapbox Vector Tile, ST_AsMVT) for data too large for GeoJSON through
-- PostgREST (DESIGN.md). Security invoker: each caller's tile holds what RLS lets them see.
--   z ≥ 8  layer "sites": one point per published site with id, name, category_id, field (the
--          first field), help_desk. MVT feature ids must be integers, so `id` is a property: use
--          promoteId: 'id' in MapLibre for feature-state.
--   z < 8  layer "sites": one point per grid cell (64 × 64 cells per tile) with point_count,
--          cluster = true and field (the most common first field), placed at the mean position.
-- site_tiles_base64 is the same tile as base64 text, for supabase-js .rpc() (which parses JSON).
-- Security definer with the caller's visibility applied explicitly, like the other read RPCs (see
-- 20261126142300): under RLS the && on the tile envelope could not use the index.

create function public.site_tiles(z integer, x integer, y integer)
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
  cell double precision;
  tile bytea;
begin
  if z is null or x is null or y is null or z not between 0 and 22 then
    perform public.raise_invalid_argument(format('zoom must be 0…22, got %s', z), 'tiles are addressed as z/x/y (XYZ, y down)');
  end if;
  if x not between 0 and (1 << z) - 1 or y not between 0 and (1 << z) - 1 then
    perform public.raise_invalid_argument(format('tile %s/%s/%s does not exist', z, x, y), format('x and y are 0…%s at zoom %s', (1 << z) - 1, z));
  end if;
  env := extensions.st_tileenvelope(z, x, y);

  if z >= 8 then
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
    cell := (extensions.st_xmax(env) - extensions.st_xmin(env)) / 64;
    select extensions.st_asmvt(t, 'sites', 4096, 'geom')
    into tile
    from (
      select extensions.st_asmvtgeom(
               extensions.st_point(avg(extensions.st_x(s.location_3857)), avg(extensions.st_y(s.location_3857)), 3857),
               env, 4096, 64, true) as geom,
             count(*)::integer as point_count,
             true as cluster,
             mode() within group (order by s.fields[1]) as field
      from public.sites s
      where s.location_3857 operator(extensions.&&) env
        and public.site_visible(s, f)
      group by floor(extensions.st_x(s.location_3857) / cell), floor(extensions.st_y(s.location_3857) / cell)
    ) t
    where t.geom is not null;
  end if;
  return coalesce(tile, ''::bytea);
end
$$;
comment on function public.site_tiles(integer, integer, integer) is
  'MVT tile z/x/y (0 ≤ z ≤ 22) of the published sites visible to the caller, layer "sites": points with id, name, category_id, field, help_desk at z ≥ 8; grid clusters with point_count, cluster, field below z 8.';

create function public.site_tiles_base64(z integer, x integer, y integer)
returns text
language sql
stable
parallel safe
set search_path = ''
as $$
  select encode(public.site_tiles(z, x, y), 'base64')
$$;
comment on function public.site_tiles_base64(integer, integer, integer) is 'site_tiles as base64 text, for clients that can only read JSON (supabase-js .rpc()).';
