-- Two records of change, both written by triggers only:
--   listing_revisions  what a listing looked like before and after each change (organizations,
--                      areas, sites, menus); coordinators read their own organization's history
--   audit_log          who did what to which row of every table, for admins (DOMAIN.md: admin
--                      actions are audited; later: every read and write of case data, through
--                      public.write_audit()).
-- The trigger functions are security definer so they can insert where callers cannot; nobody can
-- update or delete either table through the API.

create table public.listing_revisions (
  id bigint generated always as identity primary key,
  table_name text not null check (table_name in ('organizations', 'areas', 'sites', 'menus')),
  row_id text not null,
  organization_id text, -- the listing's organization (before or after), for coordinators' access
  action text not null check (action in ('insert', 'update', 'delete')),
  changed_by uuid, -- auth.uid(); null for the service role and migrations
  changed_at timestamptz not null default now(),
  before jsonb,
  after jsonb
);
comment on table public.listing_revisions is 'Revision history of listings (organizations, areas, sites, menus): before/after of every change, by trigger.';
create index listing_revisions_row_idx on public.listing_revisions (table_name, row_id, changed_at desc);
create index listing_revisions_organization_id_idx on public.listing_revisions (organization_id);

create table public.audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor uuid, -- auth.uid(); null for the service role and migrations
  actor_role text, -- app role (admin/staff/coordinator) or database role when there is none
  action text not null check (length(action) between 1 and 64), -- insert/update/delete, or e.g. 'read' later
  table_name text not null,
  row_id text,
  detail jsonb not null default '{}' -- e.g. the changed columns; never personal data
);
comment on table public.audit_log is 'Who did what to which row, for admins; written by triggers and public.write_audit() (cases and referrals log their reads there later).';
create index audit_log_table_row_idx on public.audit_log (table_name, row_id);
create index audit_log_at_idx on public.audit_log (at desc);

-- Extension point for later tables (cases, referrals): log an access explicitly.
create function public.write_audit(action text, table_name text, row_id text, detail jsonb default '{}')
returns void
language sql
volatile
security definer
set search_path = ''
as $$
  insert into public.audit_log (actor, actor_role, action, table_name, row_id, detail)
  values (
    (select auth.uid()),
    coalesce((select public.user_role()), current_setting('role', true), session_user),
    action, table_name, row_id, coalesce(detail, '{}')
  )
$$;
comment on function public.write_audit(text, text, text, jsonb) is 'Appends one audit_log row attributed to the caller (used by triggers, and by case data reads later).';
revoke execute on function public.write_audit(text, text, text, jsonb) from public, anon, authenticated;

-- trigger: one audit row per changed row; tg_argv names the key columns (default: id)
create function public.record_audit()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  r jsonb := to_jsonb(coalesce(new, old));
  key_columns text[] := coalesce(nullif(tg_argv::text[], '{}'), '{id}');
  changed text[];
begin
  if tg_op = 'UPDATE' then
    select array_agg(n.key order by n.key) into changed
    from jsonb_each(to_jsonb(new)) n
    where n.value is distinct from to_jsonb(old) -> n.key
      and n.key not in ('updated_at', 'search_text', 'location_3857');
    if changed is null then
      return null; -- nothing but bookkeeping changed
    end if;
  end if;
  perform public.write_audit(
    lower(tg_op),
    tg_table_name,
    (select string_agg(r ->> k, '/') from unnest(key_columns) as k),
    case when changed is null then '{}'::jsonb else jsonb_build_object('columns', to_jsonb(changed)) end
  );
  return null;
end
$$;
comment on function public.record_audit() is 'Trigger (after, per row): writes audit_log; trigger arguments name the key columns (default id).';

-- trigger: full before/after of a listing
create function public.record_revision()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  before_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) - '{search_text,location_3857}'::text[] end;
  after_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) - '{search_text,location_3857}'::text[] end;
begin
  if tg_op = 'UPDATE' and (before_row - 'updated_at') = (after_row - 'updated_at') then
    return null;
  end if;
  insert into public.listing_revisions (table_name, row_id, organization_id, action, changed_by, before, after)
  values (
    tg_table_name,
    coalesce(after_row, before_row) ->> 'id',
    case tg_table_name
      when 'organizations' then coalesce(after_row, before_row) ->> 'id'
      else coalesce(after_row ->> 'organization_id', before_row ->> 'organization_id')
    end,
    lower(tg_op),
    (select auth.uid()),
    before_row,
    after_row
  );
  return null;
end
$$;
comment on function public.record_revision() is 'Trigger (after, per row): writes listing_revisions with the row before and after.';

create trigger organizations_record_revision after insert or update or delete on public.organizations
  for each row execute function public.record_revision();
create trigger areas_record_revision after insert or update or delete on public.areas
  for each row execute function public.record_revision();
create trigger sites_record_revision after insert or update or delete on public.sites
  for each row execute function public.record_revision();
create trigger menus_record_revision after insert or update or delete on public.menus
  for each row execute function public.record_revision();

create trigger organizations_record_audit after insert or update or delete on public.organizations
  for each row execute function public.record_audit();
create trigger teams_record_audit after insert or update or delete on public.teams
  for each row execute function public.record_audit();
create trigger profiles_record_audit after insert or update or delete on public.profiles
  for each row execute function public.record_audit();
create trigger organization_members_record_audit after insert or update or delete on public.organization_members
  for each row execute function public.record_audit('organization_id', 'user_id');
create trigger areas_record_audit after insert or update or delete on public.areas
  for each row execute function public.record_audit();
create trigger sites_record_audit after insert or update or delete on public.sites
  for each row execute function public.record_audit();
create trigger menus_record_audit after insert or update or delete on public.menus
  for each row execute function public.record_audit();
create trigger fields_record_audit after insert or update or delete on public.fields
  for each row execute function public.record_audit();
create trigger categories_record_audit after insert or update or delete on public.categories
  for each row execute function public.record_audit();
create trigger needs_record_audit after insert or update or delete on public.needs
  for each row execute function public.record_audit();
create trigger targets_record_audit after insert or update or delete on public.targets
  for each row execute function public.record_audit();
create trigger ease_record_audit after insert or update or delete on public.ease
  for each row execute function public.record_audit();
create trigger accessibility_record_audit after insert or update or delete on public.accessibility
  for each row execute function public.record_audit();
create trigger languages_record_audit after insert or update or delete on public.languages
  for each row execute function public.record_audit();
