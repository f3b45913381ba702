-- matching_candidates in one statement, unsorted (same arguments, same candidates and columns as
-- 20261130090000; tests/conformance/matching.test.ts): the circle's sites are read once, with the
-- columns the answer sends, instead of once for their ids and again for their rows; the rows are
-- no longer sorted by id (pairCandidates and the engine do not depend on the order: matches are
-- ranked by score, distance and menu id); the schedule goes as stored (taking its note out cost
-- the database more time than sending the note costs). About 20 % less time in the database at
-- 200,000 sites (docs/benchmarks.md ## db).

create or replace function public.matching_candidates(
  lng double precision,
  lat double precision,
  radius_m double precision,
  needs text[] default null,
  area_ids text[] default '{}'
)
returns json
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  origin extensions.geography;
  result json;
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

  with circle as materialized (
    select s.id, s.location, s.accessibility, s.visibility, s.confidential
    from public.sites s
    where extensions.st_dwithin(s.location, origin, radius_m, false) and s.status = 'published'
  ), candidate_menus as materialized (
    select m.id, m.site_id, m.needs, m.targets, m.age_min, m.age_max, m.schedule, m.cost_kind, m.cost_amount_yen,
           m.availability, m.ease, m.languages, m.service_area_ids, m.last_verified, m.visibility
    from public.menus m
    where m.site_id = any (array(select c.id from circle c))
      and m.status = 'published'
      and (matching_candidates.needs is null or m.needs operator(pg_catalog.&&) matching_candidates.needs)
    union all
    select m.id, m.site_id, m.needs, m.targets, m.age_min, m.age_max, m.schedule, m.cost_kind, m.cost_amount_yen,
           m.availability, m.ease, m.languages, m.service_area_ids, m.last_verified, m.visibility
    from public.menus m
    where m.site_id is null
      and m.status = 'published'
      and m.service_area_ids operator(pg_catalog.&&) coalesce(matching_candidates.area_ids, '{}')
      and (matching_candidates.needs is null or m.needs operator(pg_catalog.&&) matching_candidates.needs)
  )
  select json_build_object(
    'sites', coalesce((
      select json_agg(json_build_array(
               s.id, extensions.st_x(s.location::extensions.geometry), extensions.st_y(s.location::extensions.geometry),
               s.accessibility, s.visibility, s.confidential
             ))
      from circle s
      where s.id in (select c.site_id from candidate_menus c)), '[]'::json),
    'menus', coalesce((
      select json_agg(json_build_array(
               c.id, c.site_id, c.needs, c.targets, c.age_min, c.age_max, c.schedule, c.cost_kind, c.cost_amount_yen,
               c.availability, c.ease, c.languages, c.service_area_ids, c.last_verified, c.visibility
             ))
      from candidate_menus c), '[]'::json)
  ) into result;
  return result;
end
$$;
comment on function public.matching_candidates(double precision, double precision, double precision, text[], text[]) is
  'Candidate menus for matching around a home: published menus serving one of needs (null: any) at published sites within radius_m (0–100000 m, sphere; GIST on sites.location), and published outreach menus serving area_ids. json { sites: [[id, lng, lat, accessibility, visibility, confidential]], menus: [[id, site_id, needs, targets, age_min, age_max, schedule, cost_kind, cost_amount_yen, availability, ease, languages, service_area_ids, last_verified, visibility]] }, in no particular order: what the matching engine reads, all published. Staff and admins only (staff-only and confidential listings included).';
