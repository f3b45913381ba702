-- One site with what its public page shows: organization, menus, the help desks serving it and the
-- areas it lies in. Security invoker: a site the caller may not see returns null, as if it did not
-- exist; menus and desks are filtered by the caller's RLS too. Keys are the column names (snake
-- case), the same mapping as the tables.

create function public.public_site_json(s public.sites)
returns jsonb
language sql
stable
set search_path = public, extensions
as $$
  select jsonb_build_object(
    'id', s.id, 'organization_id', s.organization_id, 'name', s.name, 'kana', s.kana,
    'category_id', s.category_id, 'fields', s.fields,
    'lng', st_x(s.location::geometry), 'lat', st_y(s.location::geometry),
    'address', s.address, 'municipality_code', s.municipality_code, 'contact', s.contact,
    'access', s.access, 'accessibility', s.accessibility, 'description', s.description,
    'photo_url', s.photo_url, 'service_area_ids', s.service_area_ids, 'last_verified', s.last_verified
  )
$$;
comment on function public.public_site_json(public.sites) is 'The public columns of a site as jsonb (no status, visibility, confidential, contact desk or bookkeeping).';

create function public.public_menu_json(m public.menus)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select to_jsonb(m) - '{status,visibility,search_text,created_at,updated_at,created_by,updated_by}'::text[]
$$;
comment on function public.public_menu_json(public.menus) is 'The public columns of a menu as jsonb.';

create function public.site_with_menus(site_id text)
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
    select d.*
    from public.sites d
    join public.categories c on c.id = d.category_id and c.help_desk
    where d.status = 'published'
      and d.id <> s.id
      and (d.service_area_ids && array(select id from containing)
           or (cardinality(d.service_area_ids) = 0 and d.municipality_code = s.municipality_code))
    order by d.location <-> s.location, d.id
    limit 20
  )
  select jsonb_build_object(
    'site', public.public_site_json(s),
    'organization', (select jsonb_build_object('id', o.id, 'name', o.name, 'kind', o.kind)
                     from public.organizations o where o.id = s.organization_id),
    'menus', coalesce((select jsonb_agg(public.public_menu_json(m) order by m.title, m.id)
                       from public.menus m where m.site_id = s.id and m.status = 'published'), '[]'),
    'help_desks', coalesce((select jsonb_agg(public.public_site_json(d)) from desks d), '[]'),
    'areas', coalesce((select jsonb_agg(to_jsonb(c)) from containing c), '[]')
  ) into result;
  return result;
end
$$;
comment on function public.site_with_menus(text) is
  'A published site visible to the caller as jsonb { site, organization, menus, help_desks (≤ 20, nearest first), areas (most local first) }, or null when there is none.';
