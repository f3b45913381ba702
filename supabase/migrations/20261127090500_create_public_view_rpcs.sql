-- The public view, asked for explicitly. DOMAIN.md: public pages never read staff-only menus,
-- drafts or confidential sites. The read RPCs return what the caller may read, so a signed-in
-- staff member's public map, list and site pages showed staff-only menus and confidential sites.
-- The app's public pages now call these instead, which return published ∧ public ∧ not
-- confidential listings (menus: published ∧ public at such a site) whatever the caller's role:
--   public_view_search(filters, bbox, origin, max_rows)  = search_public_sites for the public view
--   public_view_points()                                 = public_points, public sites only
--   public_view_site(site_id)                            = site_with_menus, public parts only
--   public_view_help_desks_at(lng, lat)                  = help_desks_at, public desks only
-- and the filter key "view" ("public" | "caller", default "caller") does the same for every RPC
-- that takes filters (sites_in_bbox, search_sites, nearest_menus, search_public_sites).
-- The wrappers are security invoker: RLS still applies, the explicit public filter narrows it
-- (every role may read the public listings, so the answer is the same public set for all).

-- "view" in the filters: parse_site_filters keeps its body under a new name and is wrapped
alter function public.parse_site_filters(jsonb) rename to parse_site_filters_for_caller;
comment on function public.parse_site_filters_for_caller(jsonb) is 'parse_site_filters without the "view" key (see public.parse_site_filters).';

create function public.parse_site_filters(filters jsonb)
returns public.site_filter
language plpgsql
stable
set search_path = ''
as $$
declare
  f public.site_filter;
  view text;
begin
  if filters is not null and jsonb_typeof(filters) = 'object' and filters ? 'view' then
    if jsonb_typeof(filters -> 'view') not in ('string', 'null') or coalesce(filters ->> 'view', 'caller') not in ('public', 'caller') then
      perform public.raise_invalid_argument('filter "view" must be "public" or "caller"',
        '"public": published public listings only, whatever the caller''s role (public pages); "caller": what the caller may read');
    end if;
    view := filters ->> 'view';
    filters := filters - 'view';
  end if;
  f := public.parse_site_filters_for_caller(filters);
  if view = 'public' then
    f.caller_sees_all := false;
    f.caller_org_ids := '{}';
  end if;
  return f;
end
$$;
comment on function public.parse_site_filters(jsonb) is 'Validates and parses the public filters (jsonb, keys of the domain SiteQuery, today included, plus "view": "public" for the public view whatever the caller''s role) and records what the caller may see; raises 22023 with a hint on a bad filter.';

-- is a site part of the public view? (security invoker: RLS applies as well)
create function public.is_public_listing(site_id text)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (select 1 from public.sites s
                 where s.id = site_id and s.status = 'published' and s.visibility = 'public' and not s.confidential)
$$;
comment on function public.is_public_listing(text) is 'The site is published, public and not confidential (the public view).';

create function public.public_view_search(
  filters jsonb default '{}',
  bbox double precision[] default null,
  origin double precision[] default null,
  max_rows integer default 50
)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select public.search_public_sites(coalesce(filters, '{}') || '{"view": "public"}', bbox, origin, max_rows)
$$;
comment on function public.public_view_search(jsonb, double precision[], double precision[], integer) is
  'search_public_sites for the public pages: published public listings only, whatever the caller''s role (filters as there, without "view").';

create function public.public_view_points()
returns table (id text, lng double precision, lat double precision, field text, category_id text, name text, help_desk boolean)
language sql
stable
set search_path = ''
as $$
  select p.* from public.public_points() p
  where public.is_public_listing(p.id)
  order by p.id collate "C"
$$;
comment on function public.public_view_points() is
  'public_points for the public map: published public non-confidential sites only, whatever the caller''s role; ordered by id (pages of at most 1000 rows).';

create function public.public_view_site(site_id text)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  detail jsonb;
begin
  if site_id is null or site_id = '' then
    perform public.raise_invalid_argument('site_id is required', 'pass the id of a site');
  end if;
  if not public.is_public_listing(site_id) then
    return null;
  end if;
  detail := public.site_with_menus(site_id);
  if detail is null then
    return null;
  end if;
  return detail
    || jsonb_build_object(
      'menus', coalesce((select jsonb_agg(m.value order by m.ordinality)
                         from jsonb_array_elements(detail -> 'menus') with ordinality m
                         where exists (select 1 from public.menus x
                                       where x.id = m.value ->> 'id' and x.status = 'published' and x.visibility = 'public')), '[]'),
      'help_desks', coalesce((select jsonb_agg(d.value order by d.ordinality)
                              from jsonb_array_elements(detail -> 'help_desks') with ordinality d
                              where public.is_public_listing(d.value ->> 'id')), '[]'));
end
$$;
comment on function public.public_view_site(text) is
  'site_with_menus for the public site page: null unless the site is published, public and not confidential; its published public menus and public help desks only, whatever the caller''s role.';

create function public.public_view_help_desks_at(lng double precision, lat double precision)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select r || jsonb_build_object(
    'desks', coalesce((select jsonb_agg(d.value order by d.ordinality)
                       from jsonb_array_elements(r -> 'desks') with ordinality d
                       where public.is_public_listing(d.value ->> 'id')), '[]'))
  from public.help_desks_at(lng, lat) r
$$;
comment on function public.public_view_help_desks_at(double precision, double precision) is
  'help_desks_at for the public pages: { areas, desks } with the published public desks only, whatever the caller''s role.';
