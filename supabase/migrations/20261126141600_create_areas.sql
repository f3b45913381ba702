-- Areas (圏域) at several levels, nested by parent: 市区町村 > 日常生活圏域 > 小学校区 / 地区社協, or custom.
create table public.areas (
  id text primary key default extensions.gen_random_uuid()::text check (id ~ '^[A-Za-z0-9_.:-]{1,64}$'),
  level text not null check (level in ('municipality', 'daily_life', 'elementary', 'district', 'custom')),
  name text not null check (length(name) between 1 and 200),
  kana text check (length(kana) <= 200),
  parent_id text references public.areas (id) on delete set null check (parent_id <> id),
  population integer check (population >= 0),
  geom extensions.geometry(MultiPolygon, 4326) not null
    check (extensions.st_isvalid(geom) and not extensions.st_isempty(geom)),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.areas is '圏域: areas at several levels (municipality, daily-life area, school district, district council, custom) with optional population for indicators.';
comment on column public.areas.geom is 'WGS84 multipolygon; a Polygon is stored as a one-part MultiPolygon (extensions.st_multi)';
comment on column public.areas.population is 'residents, when known (indicators: menus per 1,000 residents)';
create index areas_geom_idx on public.areas using gist (geom);
create index areas_parent_id_idx on public.areas (parent_id);
