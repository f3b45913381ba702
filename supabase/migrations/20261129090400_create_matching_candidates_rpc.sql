-- Retrieval for matching (docs/matching.md): the candidate menus around a home, from the GIST index
-- on sites.location, for the pure ranking function of src/domain/matching to rank. The database
-- only narrows; the engine decides (gates, hard constraints, score, reasons), so the local source
-- and Supabase give the same results (tests/conformance/matching.test.ts).
--
-- matching_candidates(lng, lat, radius_m, needs = null, area_ids = '{}') → { sites, menus }
--   sites: published sites within radius_m (sphere, straight line) holding at least one candidate
--          menu: the public columns + status, visibility, confidential
--   menus: published menus at those sites serving one of `needs` (null: any need), plus published
--          outreach menus (no site) whose service areas include one of `area_ids`: the public
--          columns + status, visibility
-- Staff-only menus and sites and confidential sites are included (the engine shows confidential
-- ones only when asked); drafts, pending and archived listings never. Staff and admins only.
-- Pair them with pairCandidates(sites, menus) (src/domain/matching/matching-index.ts).

create function public.matching_candidates(
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

  with located as (
    select s, m
    from public.sites s
    join public.menus m on m.site_id = s.id
    where extensions.st_dwithin(s.location, origin, radius_m, false)
      and s.status = 'published'
      and m.status = 'published'
      and (matching_candidates.needs is null or m.needs operator(pg_catalog.&&) matching_candidates.needs)
  ), outreach as (
    select m
    from public.menus m
    where m.site_id is null
      and m.status = 'published'
      and m.service_area_ids operator(pg_catalog.&&) coalesce(matching_candidates.area_ids, '{}')
      and (matching_candidates.needs is null or m.needs operator(pg_catalog.&&) matching_candidates.needs)
  )
  select jsonb_build_object(
    'sites', coalesce((
      select jsonb_agg(public.public_site_json(x.s)
                       || jsonb_build_object('status', (x.s).status, 'visibility', (x.s).visibility, 'confidential', (x.s).confidential)
                       order by (x.s).id)
      from (select distinct on ((l.s).id) l.s from located l order by (l.s).id) x), '[]'::jsonb),
    'menus', coalesce((
      select jsonb_agg(public.public_menu_json(y.m)
                       || jsonb_build_object('status', (y.m).status, 'visibility', (y.m).visibility)
                       order by (y.m).id)
      from (select l.m from located l union all select o.m from outreach o) y), '[]'::jsonb)
  ) into result;
  return result;
end
$$;
comment on function public.matching_candidates(double precision, double precision, double precision, text[], text[]) is
  'Candidate menus for matching around a home: published menus serving one of needs (null: any) at published sites within radius_m (0–100000 m, sphere; GIST on sites.location), and published outreach menus serving area_ids; { sites, menus } with status, visibility and confidential for the engine''s gates. Staff and admins only (staff-only and confidential listings included).';

revoke execute on function public.matching_candidates(double precision, double precision, double precision, text[], text[]) from public, anon;
grant execute on function public.matching_candidates(double precision, double precision, double precision, text[], text[]) to authenticated;
