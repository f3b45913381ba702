-- Read RPCs of the map and the list (docs/database.md lists their arguments and limits).
-- They return published listings only (a coordinator's drafts stay out of the map), and of those
-- exactly what the caller's row-level security lets them read: a visitor gets the public listings,
-- staff and admins also staff-only and confidential ones, a coordinator also their organizations'.
--
-- Why security definer, with the visibility applied explicitly (public.site_visible,
-- public.menu_visible) instead of through RLS: under RLS, Postgres may use a qual from the query
-- in an index scan only if its operator is leakproof, and PostGIS's && / ST_DWithin and text LIKE
-- are not. Through RLS every spatial or keyword query became a scan of all public rows (seconds at
-- 200,000 sites); as definer the GIST and trigram indexes answer them. The pgTAP tests run every RPC
-- as each role against the RLS results, so the two cannot drift apart silently.
-- Bad arguments raise 22023 (invalid_parameter_value, HTTP 400 through PostgREST) with a hint.
--
-- Filters are the public search query of src/domain/search/query.ts as jsonb, camelCase keys:
--   { text?, fields?, categories?, helpDesksOnly?, needs?, targets?, weekdays?, free?,
--     accessibility?, ease? }
-- Within a list the choices are alternatives (any), except accessibility and ease, which are all
-- required; keys combine with AND; the menu-level keys (needs, targets, weekdays, free, ease) must
-- all hold on the same published menu of the site. An empty list is no filter. `today` (open on a
-- date, 祝日-aware) is not supported here yet and is refused rather than ignored.

create type public.site_filter as (
  text_pattern text, -- like-pattern over normalized text, or null
  fields text[],
  categories text[],
  help_desks_only boolean,
  needs text[],
  targets text[],
  weekdays text[],
  free boolean,
  accessibility text[],
  ease text[],
  has_menu_filters boolean, -- true when any menu-level key is set
  caller_sees_all boolean, -- the caller is staff or admin: every published listing
  caller_org_ids text[] -- organizations the caller maintains as a coordinator
);
comment on type public.site_filter is 'Parsed public filters and what the caller may see (see public.parse_site_filters).';

create function public.raise_invalid_argument(message text, hint text)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if hint is null then
    raise exception using errcode = '22023', message = message;
  end if;
  raise exception using errcode = '22023', message = message, hint = hint;
end
$$;
comment on function public.raise_invalid_argument(text, text) is 'Raises invalid_parameter_value (22023) with a message and a hint; used by RPC argument checks.';

create function public.parse_site_filters(filters jsonb)
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
    if key in ('today', 'bbox', 'origin') then
      perform public.raise_invalid_argument(
        format('filter "%s" is not supported by this function', key),
        case key when 'today' then 'filter by weekdays, then check dates in the app'
                 else 'pass the bounding box or point as the function''s own arguments' end);
    elsif key not in ('text', 'fields', 'categories', 'helpDesksOnly', 'needs', 'targets', 'weekdays', 'free', 'accessibility', 'ease') then
      perform public.raise_invalid_argument(format('unknown filter "%s"', key),
        'known filters: text, fields, categories, helpDesksOnly, needs, targets, weekdays, free, accessibility, ease');
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

  f.has_menu_filters := f.needs is not null or f.targets is not null or f.weekdays is not null or f.free or f.ease is not null;
  return f;
end
$$;
comment on function public.parse_site_filters(jsonb) is 'Validates and parses the public filters (jsonb, keys of the domain SiteQuery) and records what the caller may see; raises 22023 with a hint on a bad filter.';

-- what the read RPCs show of a site or a menu: published, and readable by the caller under RLS
create function public.site_is_public(s public.sites)
returns boolean
language sql
immutable
as $$
  select s.status = 'published' and s.visibility = 'public' and not s.confidential
$$;
comment on function public.site_is_public(public.sites) is 'The visitors'' filter of a site (the RLS policy for anon): published, public, not confidential.';

create function public.site_visible(s public.sites, f public.site_filter)
returns boolean
language sql
stable
as $$
  select s.status = 'published'
    and ((s.visibility = 'public' and not s.confidential) or f.caller_sees_all or s.organization_id = any (f.caller_org_ids))
$$;
comment on function public.site_visible(public.sites, public.site_filter) is 'A published site the caller may read under RLS (the read RPCs apply it as security definer).';

create function public.menu_visible(m public.menus, site_is_public boolean, f public.site_filter)
returns boolean
language sql
stable
as $$
  select m.status = 'published'
    and ((m.visibility = 'public' and (m.site_id is null or site_is_public)) or f.caller_sees_all or m.organization_id = any (f.caller_org_ids))
$$;
comment on function public.menu_visible(public.menus, boolean, public.site_filter) is 'A published menu the caller may read under RLS, given whether its site is public (the read RPCs apply it as security definer).';

-- does a menu satisfy the menu-level filters? (caller checks status)
create function public.menu_matches(m public.menus, f public.site_filter)
returns boolean
language sql
stable
as $$
  select (f.needs is null or m.needs operator(pg_catalog.&&) f.needs)
    and (f.targets is null or m.targets operator(pg_catalog.&&) f.targets)
    and (f.weekdays is null or public.schedule_weekdays(m.schedule) operator(pg_catalog.&&) f.weekdays)
    and (not f.free or m.cost_kind = 'free')
    and (f.ease is null
         or (m.ease operator(pg_catalog.||) case when m.cost_kind = 'free' then '{free}'::text[] else '{}'::text[] end)
            operator(pg_catalog.@>) f.ease)
$$;
comment on function public.menu_matches(public.menus, public.site_filter) is 'Menu-level public filters: needs/targets any, weekdays any, free, ease all (free derived from cost_kind).';

-- does a site satisfy the filters? menus are read through the caller's RLS
create function public.site_matches(s public.sites, f public.site_filter)
returns boolean
language sql
stable
as $$
  select (f.fields is null or s.fields operator(pg_catalog.&&) f.fields)
    and (f.categories is null or s.category_id = any (f.categories))
    and (not f.help_desks_only or exists (select 1 from public.categories c where c.id = s.category_id and c.help_desk))
    and (f.accessibility is null or s.accessibility operator(pg_catalog.@>) f.accessibility)
    and (f.text_pattern is null
         or s.search_text like f.text_pattern
         or exists (select 1 from public.menus m
                    where m.site_id = s.id and m.search_text like f.text_pattern
                      and public.menu_visible(m, public.site_is_public(s), f)))
    and (not f.has_menu_filters
         or exists (select 1 from public.menus m
                    where m.site_id = s.id and public.menu_matches(m, f)
                      and public.menu_visible(m, public.site_is_public(s), f)))
$$;
comment on function public.site_matches(public.sites, public.site_filter) is 'Site-level public filters plus: some menu visible to the caller satisfies every menu-level filter; text matches the site or one of its visible menus.';

-- ids of a site's menus visible to the caller that satisfy the menu-level filters (all of them without filters)
create function public.matching_menu_ids(s public.sites, f public.site_filter)
returns text[]
language sql
stable
as $$
  select coalesce(array_agg(m.id order by m.id), '{}')
  from public.menus m
  where m.site_id = s.id and public.menu_matches(m, f) and public.menu_visible(m, public.site_is_public(s), f)
$$;
comment on function public.matching_menu_ids(public.sites, public.site_filter) is 'Menus of a site visible to the caller that satisfy the menu-level filters.';

-- one site in a result list: the public columns, its position, the matching menus
create type public.site_hit as (
  id text,
  organization_id text,
  name text,
  kana text,
  category_id text,
  fields text[],
  lng double precision,
  lat double precision,
  address text,
  municipality_code text,
  contact jsonb,
  access text,
  accessibility text[],
  description text,
  photo_url text,
  service_area_ids text[],
  last_verified date,
  menu_ids text[], -- published menus that satisfy the menu-level filters (all if none)
  distance_m double precision, -- from the query point when there is one, else null
  total bigint -- matches before max_rows cut the list
);
comment on type public.site_hit is 'A site as the public may see it, with the ids of its matching menus (result row of sites_in_bbox and search_sites).';

create function public.check_max_rows(max_rows integer, upper_limit integer)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if max_rows is null or max_rows < 1 or max_rows > upper_limit then
    perform public.raise_invalid_argument(format('max_rows must be between 1 and %s, got %s', upper_limit, coalesce(max_rows::text, 'null')),
      'for more sites use site_tiles (vector tiles)');
  end if;
end
$$;
comment on function public.check_max_rows(integer, integer) is 'Raises 22023 unless 1 ≤ max_rows ≤ upper_limit.';

-- sites in a bounding box ------------------------------------------------------------------------
create function public.sites_in_bbox(
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
    and public.site_visible(s, f)
    and public.site_matches(s, f)
  order by s.kana, s.id
  limit max_rows;
end
$$;
comment on function public.sites_in_bbox(double precision, double precision, double precision, double precision, jsonb, integer) is
  'Published sites visible to the caller inside [west, south, east, north] (WGS84 degrees) that match the filters, ordered by kana; max_rows 1–5000 (default 500); total = all matches in the box.';

-- keyword search -----------------------------------------------------------------------------------
create function public.search_sites(query text, filters jsonb default '{}', max_rows integer default 100)
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
  order by s.kana, s.id
  limit max_rows;
end
$$;
comment on function public.search_sites(text, jsonb, integer) is
  'Published sites visible to the caller whose name, reading, address, description, category or a menu''s title/description contains the keyword after normalize_search_text; filters as in sites_in_bbox; max_rows 1–1000 (default 100).';

-- nearest menus --------------------------------------------------------------------------------------
create type public.menu_hit as (
  menu_id text,
  title text,
  needs text[],
  targets text[],
  ease text[],
  cost_kind text,
  availability text,
  schedule jsonb,
  site_id text,
  site_name text,
  category_id text,
  lng double precision,
  lat double precision,
  distance_m double precision -- straight line on the sphere, metres
);
comment on type public.menu_hit is 'A menu near a point with its site and the straight-line distance (result row of nearest_menus).';

create function public.nearest_menus(
  lng double precision,
  lat double precision,
  radius_m double precision default 3000,
  max_rows integer default 50,
  filters jsonb default '{}'
)
returns setof public.menu_hit
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  f public.site_filter := public.parse_site_filters(filters);
  origin extensions.geography;
begin
  if lng is null or lat is null or lng not between 122 and 154 or lat not between 20 and 46 then
    perform public.raise_invalid_argument(format('the point (%s, %s) is not in Japan', lng, lat),
      'pass lng 122…154 and lat 20…46 (WGS84 degrees, lng first)');
  end if;
  if radius_m is null or radius_m <= 0 or radius_m > 50000 then
    perform public.raise_invalid_argument(format('radius_m must be more than 0 and at most 50000, got %s', radius_m),
      'a 15-minute walk is about 1200 m');
  end if;
  perform public.check_max_rows(max_rows, 500);
  origin := extensions.st_setsrid(extensions.st_makepoint(lng, lat), 4326)::extensions.geography;

  -- the GIST index on sites.location finds the sites within the radius; nearest first
  return query
  select m.id, m.title, m.needs, m.targets, m.ease, m.cost_kind, m.availability, m.schedule,
         s.id, s.name, s.category_id,
         extensions.st_x(s.location::extensions.geometry), extensions.st_y(s.location::extensions.geometry),
         extensions.st_distance(s.location, origin, false)
  from public.sites s
  join public.menus m on m.site_id = s.id
  where extensions.st_dwithin(s.location, origin, radius_m, false)
    and public.site_visible(s, f)
    and public.site_matches(s, f)
    and public.menu_matches(m, f)
    and public.menu_visible(m, public.site_is_public(s), f)
  order by s.location operator(extensions.<->) origin, s.id, m.id
  limit max_rows;
end
$$;
comment on function public.nearest_menus(double precision, double precision, double precision, integer, jsonb) is
  'Published menus visible to the caller at sites within radius_m (0 < r ≤ 50000, default 3000) of (lng, lat), nearest first (GIST index on sites.location); filters as in sites_in_bbox; max_rows 1–500 (default 50). Outreach menus without a site are not included.';
