-- Menus (支援メニュー・活動): what happens at a site, or outreach with no fixed site (site_id null).
-- The schedule is jsonb in the domain's Schedule shape, checked by public.schedule_problem().
-- Cost and capacity are columns (the public "free" filter and availability are queried).

create table public.menus (
  id text primary key default extensions.gen_random_uuid()::text check (id ~ '^[A-Za-z0-9_.:-]{1,64}$'),
  site_id text references public.sites (id) on delete cascade,
  organization_id text not null references public.organizations (id) on delete restrict,
  title text not null check (length(title) between 1 and 200),
  description text not null default '' check (length(description) <= 2000),
  needs text[] not null check (cardinality(needs) > 0),
  targets text[] not null check (cardinality(targets) > 0),
  age_min integer check (age_min between 0 and 120),
  age_max integer check (age_max between 0 and 120),
  schedule jsonb not null default '{"rules": [], "closedOnHolidays": false, "irregular": true}'
    constraint menus_schedule_valid check (public.schedule_problem(schedule) is null),
  cost_kind text not null default 'free' check (cost_kind in ('free', 'fixed', 'varies')),
  cost_amount_yen integer check (cost_amount_yen between 0 and 1000000),
  cost_note text check (length(cost_note) <= 200),
  capacity integer check (capacity between 1 and 100000),
  availability text not null default 'unknown' check (availability in ('open', 'few', 'full', 'unknown')),
  ease text[] not null default '{}',
  languages text[] not null default '{}',
  service_area_ids text[] not null default '{}',
  visibility text not null default 'public' check (visibility in ('public', 'staff')),
  status text not null default 'draft' check (status in ('draft', 'pending', 'published', 'archived')),
  last_verified date not null default current_date,
  search_text text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default auth.uid(),
  updated_by uuid default auth.uid(),
  constraint menus_age_range check (age_min is null or age_max is null or age_min <= age_max),
  constraint menus_free_costs_nothing check (cost_kind <> 'free' or coalesce(cost_amount_yen, 0) = 0)
);
comment on table public.menus is '支援メニュー・活動: activities and support at a site, or outreach with no fixed site. Staff-only menus (visibility staff) are arranged by 参加支援 staff for individuals and never public.';
comment on column public.menus.site_id is 'the site where it happens; null for outreach with no fixed place';
comment on column public.menus.schedule is 'domain Schedule: { rules: [{ freq, interval, byday, opensAt, closesAt, validFrom?, validTo? }], closedOnHolidays, irregular, note? }';
comment on column public.menus.ease is '参加のしやすさ ids (public.ease, not derived ones: 無料 comes from cost_kind)';
comment on column public.menus.service_area_ids is 'restriction: only residents of these areas; empty = anyone may come';
comment on column public.menus.availability is 'current availability: open, few (残りわずか), full, unknown';
comment on column public.menus.search_text is 'normalize_search_text(title | description), kept by trigger';

create index menus_site_id_idx on public.menus (site_id);
create index menus_organization_id_idx on public.menus (organization_id);
create index menus_needs_idx on public.menus using gin (needs);
create index menus_targets_idx on public.menus using gin (targets);
create index menus_search_text_idx on public.menus using gin (search_text extensions.gin_trgm_ops);

create function public.menus_before_write()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  problem text;
begin
  perform public.assert_terms(new.needs, 'needs', 'menus.needs');
  perform public.assert_terms(new.targets, 'targets', 'menus.targets');
  perform public.assert_terms(new.ease, 'ease', 'menus.ease');
  perform public.assert_terms(new.languages, 'languages', 'menus.languages');
  if exists (select 1 from public.ease e where e.id = any (new.ease) and e.derived) then
    raise exception 'menus.ease must not store a derived term (free comes from cost_kind)'
      using errcode = '23514', hint = 'set cost_kind = ''free'' instead of listing "free"';
  end if;
  if tg_op = 'INSERT' or new.service_area_ids is distinct from old.service_area_ids then
    perform public.assert_areas(new.service_area_ids, 'menus.service_area_ids');
  end if;
  problem := public.schedule_problem(new.schedule);
  if problem is not null then
    raise exception 'invalid schedule: %', problem
      using errcode = '23514', hint = 'see the Schedule type in src/domain/model.ts';
  end if;
  new.search_text := public.normalize_search_text(concat_ws('|', new.title, new.description));
  if tg_op = 'UPDATE' then
    new.updated_at := now();
    new.updated_by := auth.uid();
  end if;
  return new;
end
$$;
comment on function public.menus_before_write() is 'Trigger: validates term and area ids and the schedule (with a readable error), keeps search_text and updated_at/by.';

create trigger menus_before_write before insert or update on public.menus
  for each row execute function public.menus_before_write();
