-- matching_candidates, faster (same arguments, same answer; tests/conformance/matching.test.ts):
-- the first version joined sites and menus in one statement; the planner could not estimate how
-- many sites ST_DWithin keeps, and with a long list of needs it hashed a scan of every published
-- menu (122 ms p50 at 200,000 sites, docs/benchmarks.md). Now the GIST index gives the site ids
-- first, the menus come from menus_site_id_idx for exactly those ids, and the JSON is built inline
-- (no per-row helper calls with their own search_path).

create or replace function public.matching_candidates(
  lng double precision,
  lat double precision,
  radius_m double precision,
  needs text[] default null,
  area_ids text[] default '{}'
)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  origin extensions.geography;
  site_ids text[];
  result jsonb;
begin
  perform public.assert_case_worker();
  if lng is null or lat is null or lng not between 122 and 154 or lat not between 20 and 46 then
    perform public.raise_invalid_argument(format('the point (%s, %s) is not in Japan', lng, lat),
      'pass lng 122…154 and lat 20…46 (WGS84 degrees, lng first)');
  end if;
  if radius_m is null or radius_m < 0 or radius_m > 100000 then
    perform public.raise_invalid_argument(format('radius_m must be between 0 and 100000, got %s', radius_m),
      'twice a 60-minute bus ride is about 23 km');
  end if;
  if needs is not null then
    begin
      perform public.assert_terms(needs, 'needs', 'needs');
    exception when foreign_key_violation or check_violation or not_null_violation then
      perform public.raise_invalid_argument(sqlerrm, 'use ids from public.needs');
    end;
  end if;
  origin := extensions.st_setsrid(extensions.st_makepoint(lng, lat), 4326)::extensions.geography;

  -- 1. the published sites in the circle (GIST on sites.location)
  select coalesce(array_agg(s.id), '{}') into site_ids
  from public.sites s
  where extensions.st_dwithin(s.location, origin, radius_m, false) and s.status = 'published';

  -- 2. their published menus serving a need (menus_site_id_idx), and outreach for the home's areas
  with candidate_menus as (
    select m.* from public.menus m
    where m.site_id = any (site_ids)
      and m.status = 'published'
      and (matching_candidates.needs is null or m.needs operator(pg_catalog.&&) matching_candidates.needs)
    union all
    select m.* from public.menus m
    where m.site_id is null
      and m.status = 'published'
      and m.service_area_ids operator(pg_catalog.&&) coalesce(matching_candidates.area_ids, '{}')
      and (matching_candidates.needs is null or m.needs operator(pg_catalog.&&) matching_candidates.needs)
  )
  select jsonb_build_object(
    'sites', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', s.id, 'organization_id', s.organization_id, 'name', s.name, 'kana', s.kana,
               'category_id', s.category_id, 'fields', s.fields,
               'lng', extensions.st_x(s.location::extensions.geometry), 'lat', extensions.st_y(s.location::extensions.geometry),
               'address', s.address, 'municipality_code', s.municipality_code, 'contact', s.contact,
               'access', s.access, 'accessibility', s.accessibility, 'description', s.description,
               'photo_url', s.photo_url, 'service_area_ids', s.service_area_ids, 'last_verified', s.last_verified,
               'status', s.status, 'visibility', s.visibility, 'confidential', s.confidential
             ) order by s.id)
      from public.sites s
      where s.id in (select c.site_id from candidate_menus c where c.site_id is not null)), '[]'::jsonb),
    'menus', coalesce((
      select jsonb_agg(to_jsonb(c) - '{search_text,created_at,updated_at,created_by,updated_by}'::text[] order by c.id)
      from candidate_menus c), '[]'::jsonb)
  ) into result;
  return result;
end
$$;
