-- The filter `today` (open on a date, 祝日-aware) in the read RPCs, targets as the app reads them
-- (a menu for 誰でも serves every target group), the app's list order (sites.sort_key), and three
-- RPCs the app's Supabase data source needs (src/data/supabase/supabase-source.ts):
--   search_public_sites  one call answering the data port's searchPublicSites: totals, every
--                        match's id (the map's filter) and the best hits in a box, nearest first
--                        or in kana order
--   public_points        the compact map points of every visible published site
--   help_desks_at        the areas containing a point and the help desks serving them
-- site_with_menus lists help desks with the same rule as help_desks_at.

alter type public.site_filter add attribute today date;

create or replace function public.parse_site_filters(filters jsonb)
returns public.site_filter
language plpgsql
stable
set search_path = ''
as $$
declare
  f public.site_filter;
  key text;
  ids text[];
  q text;
  lists constant text[] := array['fields', 'categories', 'needs', 'targets', 'weekdays', 'accessibility', 'ease'];
begin
  f.help_desks_only := false;
  f.free := false;
  f.has_menu_filters := false;
  -- who is asking: the same helpers as the RLS policies (they read the JWT claims)
  f.caller_sees_all := public.is_staff() or public.is_admin();
  f.caller_org_ids := public.my_organization_ids();
  if filters is null or filters = 'null'::jsonb then
    return f;
  end if;
  if jsonb_typeof(filters) <> 'object' then
    perform public.raise_invalid_argument('filters must be a JSON object', 'pass {} for no filters');
  end if;
  for key in select jsonb_object_keys(filters) loop
    if key in ('bbox', 'origin') then
      perform public.raise_invalid_argument(
        format('filter "%s" is not supported by this function', key),
        'pass the bounding box or point as the function''s own arguments');
    elsif key not in ('text', 'fields', 'categories', 'helpDesksOnly', 'needs', 'targets', 'weekdays', 'today', 'free', 'accessibility', 'ease') then
      perform public.raise_invalid_argument(format('unknown filter "%s"', key),
        'known filters: text, fields, categories, helpDesksOnly, needs, targets, weekdays, today, free, accessibility, ease');
    end if;
  end loop;

  foreach key in array lists loop
    continue when not filters ? key or filters -> key = 'null'::jsonb;
    if jsonb_typeof(filters -> key) <> 'array'
       or exists (select 1 from jsonb_array_elements(filters -> key) e where jsonb_typeof(e) <> 'string') then
      perform public.raise_invalid_argument(format('filter "%s" must be a list of ids', key), format('e.g. {"%s": ["..."]}', key));
    end if;
    select array_agg(distinct e) into ids from jsonb_array_elements_text(filters -> key) e;
    continue when ids is null; -- an empty list is no filter
    if key = 'weekdays' then
      if not ids <@ array['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] then
        perform public.raise_invalid_argument('weekdays must be MO, TU, WE, TH, FR, SA or SU', 'e.g. {"weekdays": ["TU", "SA"]}');
      end if;
      f.weekdays := ids;
    else
      begin
        perform public.assert_terms(ids, case key when 'categories' then 'categories' else key end, format('filter "%s"', key));
      exception when foreign_key_violation or check_violation then
        perform public.raise_invalid_argument(sqlerrm, format('use ids from public.%s', key));
      end;
      case key
        when 'fields' then f.fields := ids;
        when 'categories' then f.categories := ids;
        when 'needs' then f.needs := ids;
        when 'targets' then f.targets := ids;
        when 'accessibility' then f.accessibility := ids;
        when 'ease' then f.ease := ids;
      end case;
    end if;
  end loop;

  for key in select unnest(array['helpDesksOnly', 'free']) loop
    if filters ? key and jsonb_typeof(filters -> key) not in ('boolean', 'null') then
      perform public.raise_invalid_argument(format('filter "%s" must be true or false', key), null);
    end if;
  end loop;
  f.help_desks_only := coalesce((filters ->> 'helpDesksOnly')::boolean, false);
  f.free := coalesce((filters ->> 'free')::boolean, false);

  if filters ? 'text' and jsonb_typeof(filters -> 'text') not in ('string', 'null') then
    perform public.raise_invalid_argument('filter "text" must be a string', null);
  end if;
  q := public.normalize_search_text(filters ->> 'text');
  if length(q) > 100 then
    perform public.raise_invalid_argument('the keyword is too long (at most 100 characters)', 'use fewer words');
  end if;
  if q <> '' then
    f.text_pattern := '%' || replace(replace(replace(q, '\', '\\'), '%', '\%'), '_', '\_') || '%';
  end if;

  if filters ? 'today' and filters -> 'today' <> 'null'::jsonb then
    if jsonb_typeof(filters -> 'today') <> 'string' or (filters ->> 'today') !~ '^\d{4}-\d{2}-\d{2}$' then
      perform public.raise_invalid_argument('filter "today" must be a date as YYYY-MM-DD', 'e.g. {"today": "2026-04-07"}');
    end if;
    begin
      f.today := (filters ->> 'today')::date;
    exception when others then
      perform public.raise_invalid_argument(format('filter "today": %s is not a calendar date', filters ->> 'today'), 'e.g. {"today": "2026-04-07"}');
    end;
    if extract(year from f.today) not between 1980 and 2099 then
      perform public.raise_invalid_argument('filter "today" must be in 1980–2099 (the years public.holidays covers)', null);
    end if;
  end if;

  f.has_menu_filters := f.today is not null or f.needs is not null or f.targets is not null or f.weekdays is not null or f.free or f.ease is not null;
  return f;
end
$$;
comment on function public.parse_site_filters(jsonb) is 'Validates and parses the public filters (jsonb, keys of the domain SiteQuery, today included) and records what the caller may see; raises 22023 with a hint on a bad filter.';

create or replace function public.menu_matches(m public.menus, f public.site_filter)
returns boolean
language sql
stable
as $$
  select (f.needs is null or m.needs operator(pg_catalog.&&) f.needs)
    -- a menu for anyone (誰でも) serves every target group, as in src/domain/search/query.ts
    and (f.targets is null or m.targets operator(pg_catalog.&&) (f.targets operator(pg_catalog.||) 'anyone'::text))
    and (f.weekdays is null or public.schedule_weekdays(m.schedule) operator(pg_catalog.&&) f.weekdays)
    and (not f.free or m.cost_kind = 'free')
    and (f.ease is null
         or (m.ease operator(pg_catalog.||) case when m.cost_kind = 'free' then '{free}'::text[] else '{}'::text[] end)
            operator(pg_catalog.@>) f.ease)
    and (f.today is null or public.schedule_occurs_on(m.schedule, f.today))
$$;
comment on function public.menu_matches(public.menus, public.site_filter) is 'Menu-level public filters: needs/targets any (anyone serves every target), weekdays any, today (a session on that date, 祝日-aware), free, ease all (free derived from cost_kind).';

-- the list order of the app (sort_key, then id by code point); box edges decided exactly
create or replace function public.sites_in_bbox(
  west double precision,
  south double precision,
  east double precision,
  north double precision,
  filters jsonb default '{}',
  max_rows integer default 500
)
returns setof public.site_hit
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  f public.site_filter := public.parse_site_filters(filters);
  box extensions.geometry;
begin
  if west is null or south is null or east is null or north is null
     or west not between -180 and 180 or east not between -180 and 180
     or south not between -85.06 and 85.06 or north not between -85.06 and 85.06 then
    perform public.raise_invalid_argument('the bounding box needs west/east in −180…180 and south/north in −85.06…85.06 degrees',
      'pass [west, south, east, north] in WGS84 degrees');
  end if;
  if west >= east or south >= north then
    perform public.raise_invalid_argument(format('empty bounding box: west %s ≥ east %s or south %s ≥ north %s', west, east, south, north),
      'west < east and south < north (boxes across the antimeridian are not supported)');
  end if;
  perform public.check_max_rows(max_rows, 5000);
  -- a lon/lat box is an exact rectangle in Web Mercator, so the 3857 index answers it exactly
  box := extensions.st_transform(extensions.st_makeenvelope(west, south, east, north, 4326), 3857);

  return query
  select s.id, s.organization_id, s.name, s.kana, s.category_id, s.fields,
         extensions.st_x(s.location::extensions.geometry), extensions.st_y(s.location::extensions.geometry),
         s.address, s.municipality_code, s.contact, s.access, s.accessibility, s.description,
         s.photo_url, s.service_area_ids, s.last_verified,
         public.matching_menu_ids(s, f),
         null::double precision,
         count(*) over ()
  from public.sites s
  where s.location_3857 operator(extensions.&&) box
    -- && compares float4 index boxes (about a metre at these magnitudes): decide the edges on
    -- the coordinates themselves, as the app does
    and extensions.st_x(s.location::extensions.geometry) between west and east
    and extensions.st_y(s.location::extensions.geometry) between south and north
    and public.site_visible(s, f)
    and public.site_matches(s, f)
  order by s.sort_key, s.id collate "C"
  limit max_rows;
end
$$;
comment on function public.sites_in_bbox(double precision, double precision, double precision, double precision, jsonb, integer) is
  'Published sites visible to the caller inside [west, south, east, north] (WGS84 degrees) that match the filters, ordered by kana; max_rows 1–5000 (default 500); total = all matches in the box.';

create or replace function public.search_sites(query text, filters jsonb default '{}', max_rows integer default 100)
returns setof public.site_hit
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  f public.site_filter;
  q text := public.normalize_search_text(query);
begin
  if q is null or q = '' then
    perform public.raise_invalid_argument('the keyword is empty', 'type at least one character that is not a space or ・');
  end if;
  if filters ? 'text' then
    perform public.raise_invalid_argument('pass the keyword as query, not as filters.text', null);
  end if;
  f := public.parse_site_filters(coalesce(filters, '{}') || jsonb_build_object('text', query));
  perform public.check_max_rows(max_rows, 1000);

  return query
  with hits as (
    -- both trigram indexes answer the like; the union keeps each site once
    select s.id from public.sites s where s.search_text like f.text_pattern and s.status = 'published'
    union
    select m.site_id from public.menus m
    where m.search_text like f.text_pattern and m.status = 'published' and m.site_id is not null
  )
  select s.id, s.organization_id, s.name, s.kana, s.category_id, s.fields,
         extensions.st_x(s.location::extensions.geometry), extensions.st_y(s.location::extensions.geometry),
         s.address, s.municipality_code, s.contact, s.access, s.accessibility, s.description,
         s.photo_url, s.service_area_ids, s.last_verified,
         public.matching_menu_ids(s, f),
         null::double precision,
         count(*) over ()
  from hits h
  join public.sites s on s.id = h.id
  where public.site_visible(s, f)
    and public.site_matches(s, f)
  order by s.sort_key, s.id collate "C"
  limit max_rows;
end
$$;
comment on function public.search_sites(text, jsonb, integer) is
  'Published sites visible to the caller whose name, reading, description, category label or a menu''s title contains the keyword after normalize_search_text; filters as in sites_in_bbox; max_rows 1–1000 (default 100).';

-- the data port's searchPublicSites in one call ---------------------------------------------------
create function public.search_public_sites(
  filters jsonb default '{}',
  bbox double precision[] default null,
  origin double precision[] default null,
  max_rows integer default 50
)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
-- `ids is null or s.id = any (ids)` must be planned with the actual value: a keyword then reads
-- its candidates through the primary key instead of scanning every site
set plan_cache_mode = force_custom_plan
as $$
declare
  f public.site_filter := public.parse_site_filters(filters);
  box extensions.geometry;
  o extensions.geography;
  ids text[];
  result jsonb;
begin
  if bbox is not null then
    if cardinality(bbox) <> 4 or array_position(bbox, null) is not null
       or bbox[1] not between -180 and 180 or bbox[3] not between -180 and 180
       or bbox[2] not between -85.06 and 85.06 or bbox[4] not between -85.06 and 85.06 then
      perform public.raise_invalid_argument('bbox must be [west, south, east, north] with west/east in −180…180 and south/north in −85.06…85.06 degrees',
        'pass null for no box');
    end if;
    if bbox[1] >= bbox[3] or bbox[2] >= bbox[4] then
      perform public.raise_invalid_argument(format('empty bounding box %s', bbox::text),
        'west < east and south < north (boxes across the antimeridian are not supported)');
    end if;
    box := extensions.st_transform(extensions.st_makeenvelope(bbox[1], bbox[2], bbox[3], bbox[4], 4326), 3857);
  end if;
  if origin is not null then
    if cardinality(origin) <> 2 or array_position(origin, null) is not null
       or origin[1] not between -180 and 180 or origin[2] not between -90 and 90 then
      perform public.raise_invalid_argument('origin must be [lng, lat] in WGS84 degrees', 'pass null to sort in kana order');
    end if;
    o := extensions.st_setsrid(extensions.st_makepoint(origin[1], origin[2]), 4326)::extensions.geography;
  end if;
  if max_rows is null or max_rows < 0 or max_rows > 1000 then
    perform public.raise_invalid_argument(format('max_rows must be between 0 and 1000, got %s', coalesce(max_rows::text, 'null')),
      '0 returns the totals and match_ids only');
  end if;
  if f.text_pattern is not null then
    -- both trigram indexes answer the like
    select coalesce(array_agg(h.id), '{}') into ids from (
      select s.id from public.sites s where s.search_text like f.text_pattern and s.status = 'published'
      union
      select m.site_id from public.menus m where m.search_text like f.text_pattern and m.status = 'published' and m.site_id is not null
    ) h;
  end if;

  with matches as materialized (
    select s.id, s.sort_key,
           (box is null
            or (s.location_3857 operator(extensions.&&) box -- float4 boxes: the edges are decided on the coordinates
                and extensions.st_x(s.location::extensions.geometry) between bbox[1] and bbox[3]
                and extensions.st_y(s.location::extensions.geometry) between bbox[2] and bbox[4])) as in_view,
           case when o is not null then extensions.st_distance(s.location, o, false) end as distance_m
    from public.sites s
    where s.status = 'published'
      and (ids is null or s.id = any (ids))
      and public.site_visible(s, f)
      and public.site_matches(s, f)
  ),
  top as (
    select m.id, m.sort_key, m.distance_m from matches m
    where m.in_view
    order by m.distance_m, m.sort_key, m.id collate "C"
    limit max_rows
  )
  select jsonb_build_object(
    'total', (select count(*) from matches),
    'total_in_view', (select count(*) from matches m where m.in_view),
    'match_ids', (select coalesce(jsonb_agg(m.id order by m.id collate "C"), '[]') from matches m),
    'hits', (select coalesce(jsonb_agg(
                      public.public_site_json(s)
                      || jsonb_build_object('menu_ids', to_jsonb(public.matching_menu_ids(s, f)), 'distance_m', t.distance_m)
                      order by t.distance_m, t.sort_key, t.id collate "C"), '[]')
             from top t join public.sites s on s.id = t.id)
  ) into result;
  return result;
end
$$;
comment on function public.search_public_sites(jsonb, double precision[], double precision[], integer) is
  'The app''s public search (data port searchPublicSites) in one call: filters as in sites_in_bbox plus today; bbox [west, south, east, north] or null; origin [lng, lat] or null. Returns { total, total_in_view, match_ids (every match anywhere), hits (≤ max_rows in the box, nearest origin first, else kana order; public site columns + menu_ids + distance_m) }; max_rows 0–1000 (default 50).';

-- the map's points ------------------------------------------------------------------------------------
create function public.public_points()
returns table (id text, lng double precision, lat double precision, field text, category_id text, name text, help_desk boolean)
language sql
stable
set search_path = ''
as $$
  select s.id, extensions.st_x(s.location::extensions.geometry), extensions.st_y(s.location::extensions.geometry),
         s.fields[1], s.category_id, s.name, c.help_desk
  from public.sites s
  join public.categories c on c.id = s.category_id
  where s.status = 'published'
  order by s.id collate "C"
$$;
comment on function public.public_points() is
  'Every published site the caller may read (RLS) as a map point (id, lng, lat, first field, category, name, help desk), ordered by id so pages (PostgREST Range / limit+offset, at most 1000 rows each) are stable. For national data use site_tiles.';

-- help desks ------------------------------------------------------------------------------------------
create function public.help_desks_serving(lng double precision, lat double precision)
returns setof public.sites
language sql
stable
set search_path = ''
as $$
  with pt as (
    select extensions.st_setsrid(extensions.st_makepoint(lng, lat), 4326) as g
  ),
  containing as (
    select a.id, a.level, a.geom from public.areas a, pt where extensions.st_intersects(a.geom, pt.g)
  )
  select d.*
  from public.sites d
  join public.categories c on c.id = d.category_id and c.help_desk
  cross join pt
  where d.status = 'published'
    -- outside every area we list, no desk is responsible
    and exists (select 1 from containing)
    and (d.service_area_ids operator(pg_catalog.&&) array(select k.id from containing k)
         -- no service areas: the desk serves its whole municipality
         or (cardinality(d.service_area_ids) = 0
             and (not exists (select 1 from containing k where k.level = 'municipality')
                  or exists (select 1 from containing k
                             where k.level = 'municipality' and extensions.st_intersects(k.geom, d.location::extensions.geometry)))))
  order by extensions.st_distance(d.location, pt.g::extensions.geography, false), d.id collate "C"
  limit 100
$$;
comment on function public.help_desks_serving(double precision, double precision) is
  'Published help desks the caller may read (RLS) that serve the point: their service areas contain it, or they have none and lie in the same municipality area. Nearest first, at most 100; none outside every area.';

create function public.help_desks_at(lng double precision, lat double precision)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  pt extensions.geography;
begin
  if lng is null or lat is null or lng not between -180 and 180 or lat not between -90 and 90 then
    perform public.raise_invalid_argument(format('the point (%s, %s) is not a WGS84 position', lng, lat), 'pass lng, lat in degrees (lng first)');
  end if;
  pt := extensions.st_setsrid(extensions.st_makepoint(lng, lat), 4326)::extensions.geography;
  return jsonb_build_object(
    'areas', coalesce((select jsonb_agg(jsonb_build_object('id', a.id, 'name', a.name, 'level', a.level)
                                        order by array_position(array['custom', 'district', 'elementary', 'daily_life', 'municipality'], a.level), a.id)
                       from public.areas a where extensions.st_intersects(a.geom, pt::extensions.geometry)), '[]'),
    'desks', coalesce((select jsonb_agg(public.public_site_json(d)
                                        || jsonb_build_object('distance_m', extensions.st_distance(d.location, pt, false)))
                       from public.help_desks_serving(lng, lat) d), '[]')
  );
end
$$;
comment on function public.help_desks_at(double precision, double precision) is
  'The areas containing (lng, lat), most local first, and the help desks serving it (help_desks_serving) with distance_m: { areas, desks }. Security invoker: RLS decides what the caller sees.';

-- the site page lists the help desks of help_desks_serving
create or replace function public.site_with_menus(site_id text)
returns jsonb
language plpgsql
stable
set search_path = public, extensions
as $$
declare
  s public.sites;
  result jsonb;
begin
  if site_id is null or site_id = '' then
    perform public.raise_invalid_argument('site_id is required', 'pass the id of a site');
  end if;
  select * into s from public.sites where sites.id = site_with_menus.site_id and sites.status = 'published';
  if not found then
    return null;
  end if;

  with containing as (
    select a.id, a.name, a.level
    from public.areas a
    where st_intersects(a.geom, s.location::geometry)
    order by array_position(array['custom', 'district', 'elementary', 'daily_life', 'municipality'], a.level), a.id
  ),
  desks as (
    select d.* from public.help_desks_serving(st_x(s.location::geometry), st_y(s.location::geometry)) d
    where d.id <> s.id
  )
  select jsonb_build_object(
    'site', public.public_site_json(s),
    'organization', (select jsonb_build_object('id', o.id, 'name', o.name, 'kind', o.kind)
                     from public.organizations o where o.id = s.organization_id),
    'menus', coalesce((select jsonb_agg(public.public_menu_json(m) order by m.title, m.id)
                       from public.menus m where m.site_id = s.id and m.status = 'published'), '[]'),
    'help_desks', coalesce((select jsonb_agg(public.public_site_json(d) order by st_distance(d.location, s.location, false), d.id collate "C") from desks d), '[]'),
    'areas', coalesce((select jsonb_agg(to_jsonb(c)) from containing c), '[]')
  ) into result;
  return result;
end
$$;
comment on function public.site_with_menus(text) is
  'A published site visible to the caller as jsonb { site, organization, menus, help_desks (public.help_desks_serving, nearest first), areas (most local first) }, or null when there is none.';

-- areas with their geometry as GeoJSON (what the app's Area type holds) --------------------------------
create function public.public_areas()
returns table (id text, level text, name text, kana text, parent_id text, population integer, geometry jsonb)
language sql
stable
set search_path = ''
as $$
  select a.id, a.level, a.name, a.kana, a.parent_id, a.population, extensions.st_asgeojson(a.geom)::jsonb
  from public.areas a
  order by a.id collate "C"
$$;
comment on function public.public_areas() is 'Every area the caller may read (RLS: everyone reads areas) with its geometry as GeoJSON, ordered by id.';
