-- Sites (拠点・活動場所): places on the map. WGS84 point as geography (metres for distances and
-- KNN), plus the same point in Web Mercator as a stored generated column for vector tiles, so
-- site_tiles() compares against ST_TileEnvelope with an index instead of transforming every row.

create function public.contact_problem(contact jsonb)
returns text
language sql
immutable
parallel safe
as $$
  select case
    when contact is null or jsonb_typeof(contact) <> 'object' then 'contact must be an object'
    when exists (select 1 from jsonb_object_keys(contact) k where k not in ('tel', 'email', 'url', 'hours'))
      then 'contact may only have tel, email, url and hours'
    when exists (select 1 from jsonb_each(contact) e where jsonb_typeof(e.value) <> 'string' or length(e.value #>> '{}') > 300)
      then 'contact values must be text of at most 300 characters'
  end
$$;
comment on function public.contact_problem(jsonb) is 'Why a contact object is invalid (keys tel, email, url, hours; text values); null when valid.';

create table public.sites (
  id text primary key default extensions.gen_random_uuid()::text check (id ~ '^[A-Za-z0-9_.:-]{1,64}$'),
  organization_id text not null references public.organizations (id) on delete restrict,
  name text not null check (length(name) between 1 and 200),
  kana text not null default '' check (length(kana) <= 200),
  category_id text not null references public.categories (id) on update cascade,
  fields text[] not null check (cardinality(fields) > 0),
  location extensions.geography(Point, 4326) not null,
  location_3857 extensions.geometry(Point, 3857)
    generated always as (extensions.st_transform(location::extensions.geometry, 3857)) stored,
  address text not null default '' check (length(address) <= 300),
  municipality_code text not null check (public.is_valid_municipality_code(municipality_code)),
  contact jsonb not null default '{}' check (public.contact_problem(contact) is null),
  access text check (length(access) <= 500),
  accessibility text[] not null default '{}',
  description text not null default '' check (length(description) <= 2000),
  photo_url text check (length(photo_url) <= 2000),
  status text not null default 'draft' check (status in ('draft', 'pending', 'published', 'archived')),
  visibility text not null default 'public' check (visibility in ('public', 'staff')),
  confidential boolean not null default false,
  public_contact_site_id text references public.sites (id) on delete set null check (public_contact_site_id <> id),
  service_area_ids text[] not null default '{}',
  last_verified date not null default current_date,
  search_text text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default auth.uid(),
  updated_by uuid default auth.uid(),
  -- Japan with a margin: 122–154°E, 20–46°N (the same range as the domain's lngLatSchema)
  constraint sites_location_in_japan check (
    extensions.st_x(location::extensions.geometry) between 122 and 154
    and extensions.st_y(location::extensions.geometry) between 20 and 46
  ),
  constraint sites_confidential_not_its_own_contact check (not confidential or public_contact_site_id is distinct from id)
);
comment on table public.sites is '拠点・活動場所: places on the map. A confidential site (e.g. a shelter) is never shown to the public; its public_contact_site_id names the desk to contact instead.';
comment on column public.sites.location is 'WGS84 point (geography): metres for distances, KNN with <->';
comment on column public.sites.location_3857 is 'the same point in Web Mercator, generated, for vector tiles (site_tiles)';
comment on column public.sites.fields is 'field ids (public.fields), at least one';
comment on column public.sites.accessibility is 'accessibility ids (public.accessibility)';
comment on column public.sites.municipality_code is '全国地方公共団体コード, 6 digits with check digit';
comment on column public.sites.contact is '{ tel?, email?, url?, hours? } as in the domain Contact';
comment on column public.sites.service_area_ids is 'for help desks: areas served (ids in public.areas); empty = the whole municipality';
comment on column public.sites.search_text is 'normalize_search_text(name | kana | address | description | category label), kept by trigger';
comment on column public.sites.last_verified is '最終確認日: when the organization last confirmed the listing';

create index sites_location_idx on public.sites using gist (location);
create index sites_location_3857_idx on public.sites using gist (location_3857);
-- what anonymous visitors may see (the RLS predicate), for the public map and nearest queries
create index sites_public_location_idx on public.sites using gist (location)
  where status = 'published' and visibility = 'public' and not confidential;
create index sites_organization_id_idx on public.sites (organization_id);
create index sites_category_id_idx on public.sites (category_id);
create index sites_public_contact_site_id_idx on public.sites (public_contact_site_id);
create index sites_fields_idx on public.sites using gin (fields);
create index sites_search_text_idx on public.sites using gin (search_text extensions.gin_trgm_ops);

-- area ids in service_area_ids must exist (no foreign key from array elements)
create function public.assert_areas(ids text[], column_label text)
returns void
language plpgsql
stable
set search_path = ''
as $$
declare
  unknown text[];
begin
  select array_agg(x order by x) into unknown
  from unnest(ids) as x
  where x is null or not exists (select 1 from public.areas a where a.id = x);
  if unknown is not null then
    raise exception 'unknown area id(s) in %: %', column_label, array_to_string(unknown, ', ', 'null')
      using errcode = '23503', hint = 'use ids from public.areas';
  end if;
end
$$;
comment on function public.assert_areas(text[], text) is 'Raises (23503) when an id in a service_area_ids column is not an area.';

create function public.sites_before_write()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  category_label text;
begin
  perform public.assert_terms(new.fields, 'fields', 'sites.fields');
  perform public.assert_terms(new.accessibility, 'accessibility', 'sites.accessibility');
  if tg_op = 'INSERT' or new.service_area_ids is distinct from old.service_area_ids then
    perform public.assert_areas(new.service_area_ids, 'sites.service_area_ids');
  end if;
  if new.public_contact_site_id is not null
     and (tg_op = 'INSERT' or new.public_contact_site_id is distinct from old.public_contact_site_id)
     and exists (select 1 from public.sites s where s.id = new.public_contact_site_id and s.confidential) then
    raise exception 'public_contact_site_id % is itself confidential', new.public_contact_site_id
      using errcode = '23514', hint = 'name a public help desk as the contact of a confidential site';
  end if;
  select c.label_ja into category_label from public.categories c where c.id = new.category_id;
  new.search_text := public.normalize_search_text(
    concat_ws('|', new.name, new.kana, new.address, new.description, category_label)
  );
  if tg_op = 'UPDATE' then
    new.updated_at := now();
    new.updated_by := auth.uid();
  end if;
  return new;
end
$$;
comment on function public.sites_before_write() is 'Trigger: validates term and area ids and the contact desk, keeps search_text and updated_at/by.';

create trigger sites_before_write before insert or update on public.sites
  for each row execute function public.sites_before_write();
