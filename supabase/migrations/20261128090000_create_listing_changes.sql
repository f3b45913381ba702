-- Editing with review (issue 4): a coordinator's new listing or change of a site or menu becomes a
-- change request (public.listing_changes) holding the full proposed record; the published row stays
-- as it is until an admin or staff member approves. Admins, staff and coordinators of trusted
-- organizations publish at once (the request is stored as approved, for the record).
--
-- No lost edits: `updated_at` is the optimistic-concurrency token. Every write carries the
-- updated_at it started from (`base_updated_at`, null for a new listing) and is refused when the
-- row has changed since, at submit and again at approval, with SQLSTATE PT409 (HTTP 409 through
-- PostgREST), a message naming the conflict and the current record as JSON in DETAIL
-- (`listing_record(kind, id)` reads it too).
--
-- Records are the tables' columns in snake_case, with `lng`/`lat` instead of the geography column:
--   site: id, organization_id, name, kana, category_id, fields, lng, lat, address, municipality_code,
--         contact, access, accessibility, description, photo_url, status, visibility, confidential,
--         public_contact_site_id, service_area_ids, last_verified (+ updated_at when read)
--   menu: id, site_id, organization_id, title, description, needs, targets, age_min, age_max,
--         schedule, cost_kind, cost_amount_yen, cost_note, capacity, availability, ease, languages,
--         service_area_ids, visibility, status, last_verified (+ updated_at when read)
-- A submitted record may leave keys out: an update keeps the current values, a new listing takes
-- the defaults below. Unknown keys are refused; bookkeeping keys (updated_at, created_at, …) are
-- ignored. Applying a change sets last_verified to today in Japan (editing is confirming).
--
-- History: listing_revisions (trigger-written) gains the changed fields and the change request
-- that caused the row change; listing_history(kind, id) reads it for the owning organization and
-- staff/admins; restore_listing_revision(revision_id, base_updated_at) is a new change.
-- Freshness: confirm_listing_unchanged(kind, id, base_updated_at), stale_listings(days).

-- today in Japan (the domain's todayInJapan): 最終確認日 is a Japanese calendar date ----------------
create function public.today_in_japan()
returns date
language sql
stable
as $$
  select (now() at time zone 'Asia/Tokyo')::date
$$;
comment on function public.today_in_japan() is 'Today''s date in Japan (Asia/Tokyo), for last_verified.';

-- the token must change on every write, also twice in one transaction (now() would not): a trigger
-- named to fire after sites_before_write / menus_before_write (triggers run in name order)
create function public.touch_listing_updated_at()
returns trigger
language plpgsql
as $$
begin
  new.updated_at := clock_timestamp();
  return new;
end
$$;
comment on function public.touch_listing_updated_at() is 'Trigger: updated_at := clock_timestamp() on every update of a site or menu (the concurrency token).';
create trigger sites_touch_updated_at before update on public.sites
  for each row execute function public.touch_listing_updated_at();
create trigger menus_touch_updated_at before update on public.menus
  for each row execute function public.touch_listing_updated_at();

-- history: which fields changed, and which change request caused it ---------------------------------
alter table public.listing_revisions
  add column changed_fields text[] not null default '{}',
  add column change_id bigint;
comment on column public.listing_revisions.changed_fields is 'the columns that differ between before and after (all of them for an insert or delete), bookkeeping columns left out';
comment on column public.listing_revisions.change_id is 'the listing_changes request this revision applied, if any (set by the review RPCs)';

create or replace function public.record_revision()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  before_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) - '{search_text,location_3857}'::text[] end;
  after_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) - '{search_text,location_3857}'::text[] end;
  changed text[];
begin
  if tg_op = 'UPDATE' and (before_row - 'updated_at') = (after_row - 'updated_at') then
    return null;
  end if;
  select coalesce(array_agg(k order by k), '{}') into changed
  from (
    select jsonb_object_keys(coalesce(after_row, before_row)) as k
  ) keys
  where k not in ('updated_at', 'updated_by', 'created_at', 'created_by')
    and (before_row is null or after_row is null or (before_row -> k) is distinct from (after_row -> k));
  insert into public.listing_revisions (table_name, row_id, organization_id, action, changed_by, before, after, changed_fields, change_id)
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
    after_row,
    changed,
    nullif(current_setting('kasane.change_id', true), '')::bigint
  );
  return null;
end
$$;
comment on function public.record_revision() is 'Trigger (after, per row): writes listing_revisions with the row before and after, the changed fields and the change request (setting kasane.change_id) that caused it.';

-- records ---------------------------------------------------------------------------------------
create function public.listing_table(kind text)
returns text
language plpgsql
immutable
as $$
begin
  return case kind when 'site' then 'sites' when 'menu' then 'menus' else null end;
end
$$;
comment on function public.listing_table(text) is 'The table of a listing kind: site → sites, menu → menus (null otherwise).';

create function public.check_listing_kind(kind text)
returns text
language plpgsql
immutable
as $$
begin
  if kind is null or kind not in ('site', 'menu') then
    raise exception '掲載の種類「%」はありません。site か menu を指定してください。', coalesce(kind, 'null')
      using errcode = '22023', hint = 'kind: site or menu';
  end if;
  return public.listing_table(kind);
end
$$;
comment on function public.check_listing_kind(text) is 'Raises 22023 unless kind is site or menu; returns its table.';

-- keys a record may carry, and the values a new listing starts from
create function public.listing_record_keys(kind text)
returns text[]
language sql
immutable
as $$
  select case kind
    when 'site' then array['id', 'organization_id', 'name', 'kana', 'category_id', 'fields', 'lng', 'lat', 'address',
      'municipality_code', 'contact', 'access', 'accessibility', 'description', 'photo_url', 'status', 'visibility',
      'confidential', 'public_contact_site_id', 'service_area_ids', 'last_verified']
    when 'menu' then array['id', 'site_id', 'organization_id', 'title', 'description', 'needs', 'targets', 'age_min',
      'age_max', 'schedule', 'cost_kind', 'cost_amount_yen', 'cost_note', 'capacity', 'availability', 'ease',
      'languages', 'service_area_ids', 'visibility', 'status', 'last_verified']
  end
$$;
comment on function public.listing_record_keys(text) is 'The keys of a listing record of that kind (site or menu).';

-- a row of sites or menus as jsonb (to_jsonb, or a listing_revisions snapshot) → a record
create function public.listing_record_from_row(kind text, row_json jsonb)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select case when row_json is null then null else (
    select coalesce(jsonb_object_agg(e.key, e.value), '{}')
    from jsonb_each(
      case when kind = 'site' and row_json ? 'location' then row_json || jsonb_build_object(
        'lng', extensions.st_x((row_json ->> 'location')::extensions.geography::extensions.geometry),
        'lat', extensions.st_y((row_json ->> 'location')::extensions.geography::extensions.geometry))
      else row_json end
    ) e
    where e.key = any (public.listing_record_keys(kind)) or e.key = 'updated_at'
  ) end
$$;
comment on function public.listing_record_from_row(text, jsonb) is 'A sites/menus row (or a revision snapshot) as a listing record: lng/lat instead of the geography, no bookkeeping but updated_at.';

-- the current record, whatever the caller may read (internal: no API role executes it)
create function public.listing_row_record(kind text, listing_id text, lock boolean default false)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  r jsonb;
begin
  if kind = 'site' then
    if lock then
      select to_jsonb(s) into r from public.sites s where s.id = listing_id for update;
    else
      select to_jsonb(s) into r from public.sites s where s.id = listing_id;
    end if;
  else
    if lock then
      select to_jsonb(m) into r from public.menus m where m.id = listing_id for update;
    else
      select to_jsonb(m) into r from public.menus m where m.id = listing_id;
    end if;
  end if;
  return public.listing_record_from_row(kind, r);
end
$$;
comment on function public.listing_row_record(text, text, boolean) is 'Internal: the current record of a listing, optionally locked for update (no row-level security: callers check access).';
revoke execute on function public.listing_row_record(text, text, boolean) from public, anon, authenticated;

create function public.listing_record(kind text, listing_id text)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  r jsonb;
begin
  perform public.check_listing_kind(kind);
  if kind = 'site' then
    select to_jsonb(s) into r from public.sites s where s.id = listing_id;
  else
    select to_jsonb(m) into r from public.menus m where m.id = listing_id;
  end if;
  return public.listing_record_from_row(kind, r);
end
$$;
comment on function public.listing_record(text, text) is 'The current record of a site or menu (with updated_at, the concurrency token) if the caller may read it under RLS, else null.';

create function public.listing_record_defaults(kind text)
returns jsonb
language sql
immutable
as $$
  select case kind
    when 'site' then '{"kana": "", "address": "", "contact": {}, "access": null, "accessibility": [], "description": "",
      "photo_url": null, "status": "published", "visibility": "public", "confidential": false,
      "public_contact_site_id": null, "service_area_ids": []}'::jsonb
    when 'menu' then '{"site_id": null, "description": "", "age_min": null, "age_max": null,
      "schedule": {"rules": [], "closedOnHolidays": false, "irregular": true}, "cost_kind": "free",
      "cost_amount_yen": null, "cost_note": null, "capacity": null, "availability": "unknown", "ease": [],
      "languages": [], "service_area_ids": [], "visibility": "public", "status": "published"}'::jsonb
  end
$$;
comment on function public.listing_record_defaults(text) is 'What a new listing record starts from (status published: the change request is the review).';

-- defaults (new listing) or the current record, then the submitted keys; refuses unknown keys
create function public.listing_merge(kind text, current_record jsonb, proposed jsonb)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  unknown text[];
  merged jsonb;
begin
  if proposed is null or jsonb_typeof(proposed) <> 'object' then
    raise exception '掲載の内容は JSON のオブジェクトで渡してください。' using errcode = '22023';
  end if;
  select array_agg(k order by k) into unknown
  from jsonb_object_keys(proposed) k
  where k <> all (public.listing_record_keys(kind))
    and k not in ('updated_at', 'created_at', 'created_by', 'updated_by', 'search_text');
  if unknown is not null then
    raise exception '掲載の項目「%」はありません。', array_to_string(unknown, '」「')
      using errcode = '22023', hint = format('%s の項目: %s', kind, array_to_string(public.listing_record_keys(kind), ', '));
  end if;
  merged := coalesce(current_record, public.listing_record_defaults(kind) || jsonb_build_object('id', extensions.gen_random_uuid()::text))
    || (proposed - '{updated_at,created_at,created_by,updated_by,search_text}'::text[]);
  return merged - 'updated_at';
end
$$;
comment on function public.listing_merge(text, jsonb, jsonb) is 'The full record a submission proposes: the current record (or the defaults and a new id) with the submitted keys on top; 22023 for unknown keys.';

-- conflict refusal: PT409 (HTTP 409), the current record in DETAIL
create function public.raise_listing_conflict(kind text, listing_id text, current_record jsonb, base_updated_at timestamptz)
returns void
language plpgsql
as $$
begin
  if current_record is null then
    raise sqlstate 'PT409' using
      message = format('競合: %s「%s」は見つかりません。ほかの人が削除したか、まだ承認されていません。', case kind when 'site' then '拠点' else 'メニュー' end, listing_id),
      detail = 'null',
      hint = '一覧を開き直してください。入力した内容は消えていません。';
  elsif base_updated_at is null then
    raise sqlstate 'PT409' using
      message = format('競合: %s「%s」はすでにあります。新しく追加するのではなく、いまの内容を編集してください。', case kind when 'site' then '拠点' else 'メニュー' end, listing_id),
      detail = current_record::text,
      hint = 'DETAIL にいまの内容があります（listing_record でも読めます）。';
  else
    raise sqlstate 'PT409' using
      message = format('競合: %s「%s」は編集を始めた後にほかの人が変更しました（あなたの版 %s、いまの版 %s）。上書きせずに止めました。',
        case kind when 'site' then '拠点' else 'メニュー' end, listing_id, base_updated_at, current_record ->> 'updated_at'),
      detail = current_record::text,
      hint = 'いまの内容（DETAIL、または listing_record）と見比べて、必要な変更をもう一度保存してください。入力した内容は消えていません。';
  end if;
end
$$;
comment on function public.raise_listing_conflict(text, text, jsonb, timestamptz) is 'Raises PT409 (HTTP 409): the listing changed since base_updated_at, or exists/does not exist contrary to the request; DETAIL holds the current record as JSON.';

create function public.assert_listing_base(kind text, listing_id text, current_record jsonb, base_updated_at timestamptz)
returns void
language plpgsql
as $$
begin
  if (current_record is null) <> (base_updated_at is null)
     or (current_record is not null and (current_record ->> 'updated_at')::timestamptz <> base_updated_at) then
    perform public.raise_listing_conflict(kind, listing_id, current_record, base_updated_at);
  end if;
end
$$;
comment on function public.assert_listing_base(text, text, jsonb, timestamptz) is 'Refuses (PT409) unless the listing is as the writer saw it: absent for a new one (base null), else with updated_at = base.';

-- writes a full record (internal: callers check access and the base first)
create function public.write_listing_record(kind text, rec jsonb, is_new boolean)
returns void
language plpgsql
set search_path = ''
as $$
begin
  if kind = 'site' then
    if is_new then
      insert into public.sites (id, organization_id, name, kana, category_id, fields, location, address, municipality_code,
        contact, access, accessibility, description, photo_url, status, visibility, confidential, public_contact_site_id,
        service_area_ids, last_verified)
      select r.id, r.organization_id, r.name, r.kana, r.category_id, r.fields,
        extensions.st_setsrid(extensions.st_makepoint(r.lng, r.lat), 4326)::extensions.geography,
        r.address, r.municipality_code, r.contact, r.access, r.accessibility, r.description, r.photo_url, r.status,
        r.visibility, r.confidential, r.public_contact_site_id, r.service_area_ids, r.last_verified
      from jsonb_to_record(rec) as r(id text, organization_id text, name text, kana text, category_id text, fields text[],
        lng double precision, lat double precision, address text, municipality_code text, contact jsonb, access text,
        accessibility text[], description text, photo_url text, status text, visibility text, confidential boolean,
        public_contact_site_id text, service_area_ids text[], last_verified date);
    else
      update public.sites s set
        organization_id = r.organization_id, name = r.name, kana = r.kana, category_id = r.category_id, fields = r.fields,
        location = extensions.st_setsrid(extensions.st_makepoint(r.lng, r.lat), 4326)::extensions.geography,
        address = r.address, municipality_code = r.municipality_code, contact = r.contact, access = r.access,
        accessibility = r.accessibility, description = r.description, photo_url = r.photo_url, status = r.status,
        visibility = r.visibility, confidential = r.confidential, public_contact_site_id = r.public_contact_site_id,
        service_area_ids = r.service_area_ids, last_verified = r.last_verified
      from jsonb_to_record(rec) as r(id text, organization_id text, name text, kana text, category_id text, fields text[],
        lng double precision, lat double precision, address text, municipality_code text, contact jsonb, access text,
        accessibility text[], description text, photo_url text, status text, visibility text, confidential boolean,
        public_contact_site_id text, service_area_ids text[], last_verified date)
      where s.id = r.id;
    end if;
  else
    if is_new then
      insert into public.menus (id, site_id, organization_id, title, description, needs, targets, age_min, age_max, schedule,
        cost_kind, cost_amount_yen, cost_note, capacity, availability, ease, languages, service_area_ids, visibility, status,
        last_verified)
      select r.id, r.site_id, r.organization_id, r.title, r.description, r.needs, r.targets, r.age_min, r.age_max, r.schedule,
        r.cost_kind, r.cost_amount_yen, r.cost_note, r.capacity, r.availability, r.ease, r.languages, r.service_area_ids,
        r.visibility, r.status, r.last_verified
      from jsonb_to_record(rec) as r(id text, site_id text, organization_id text, title text, description text, needs text[],
        targets text[], age_min integer, age_max integer, schedule jsonb, cost_kind text, cost_amount_yen integer,
        cost_note text, capacity integer, availability text, ease text[], languages text[], service_area_ids text[],
        visibility text, status text, last_verified date);
    else
      update public.menus m set
        site_id = r.site_id, organization_id = r.organization_id, title = r.title, description = r.description,
        needs = r.needs, targets = r.targets, age_min = r.age_min, age_max = r.age_max, schedule = r.schedule,
        cost_kind = r.cost_kind, cost_amount_yen = r.cost_amount_yen, cost_note = r.cost_note, capacity = r.capacity,
        availability = r.availability, ease = r.ease, languages = r.languages, service_area_ids = r.service_area_ids,
        visibility = r.visibility, status = r.status, last_verified = r.last_verified
      from jsonb_to_record(rec) as r(id text, site_id text, organization_id text, title text, description text, needs text[],
        targets text[], age_min integer, age_max integer, schedule jsonb, cost_kind text, cost_amount_yen integer,
        cost_note text, capacity integer, availability text, ease text[], languages text[], service_area_ids text[],
        visibility text, status text, last_verified date)
      where m.id = r.id;
    end if;
  end if;
end
$$;
comment on function public.write_listing_record(text, jsonb, boolean) is 'Internal: inserts or updates a sites/menus row from a full record (the tables'' constraints and triggers apply).';
revoke execute on function public.write_listing_record(text, jsonb, boolean) from public, anon, authenticated;

-- the table's checks without keeping the row: write in a subtransaction, then undo it
create function public.validate_listing_record(kind text, rec jsonb, is_new boolean)
returns void
language plpgsql
set search_path = ''
as $$
declare
  state text;
  msg text;
  hint text;
begin
  begin
    perform public.write_listing_record(kind, rec, is_new);
    raise exception using errcode = 'P0001', message = 'kasane: validated';
  exception when others then
    get stacked diagnostics state = returned_sqlstate, msg = message_text, hint = pg_exception_hint;
    if msg <> 'kasane: validated' then
      if hint is null or hint = '' then
        raise exception using errcode = state, message = '内容を保存できません: ' || msg;
      end if;
      raise exception using errcode = state, message = '内容を保存できません: ' || msg, hint = hint;
    end if;
  end;
end
$$;
comment on function public.validate_listing_record(text, jsonb, boolean) is 'Internal: raises the error the table would raise for the record (same SQLSTATE, message prefixed), writing nothing.';
revoke execute on function public.validate_listing_record(text, jsonb, boolean) from public, anon, authenticated;

-- change requests ---------------------------------------------------------------------------------
create table public.listing_changes (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('site', 'menu')),
  listing_id text not null,
  organization_id text not null references public.organizations (id) on delete cascade,
  action text not null check (action in ('create', 'update')),
  proposed jsonb not null check (jsonb_typeof(proposed) = 'object'),
  changed_fields text[] not null default '{}',
  base_updated_at timestamptz,
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'withdrawn')),
  comment text check (length(comment) <= 1000),
  restored_from bigint references public.listing_revisions (id) on delete set null,
  submitted_by uuid default auth.uid(),
  submitted_at timestamptz not null default now(),
  reviewed_by uuid,
  reviewed_at timestamptz,
  constraint listing_changes_rejection_has_a_comment check (status <> 'rejected' or length(btrim(coalesce(comment, ''))) > 0),
  constraint listing_changes_create_has_no_base check ((action = 'create') = (base_updated_at is null))
);
comment on table public.listing_changes is 'Change requests for sites and menus (new listings and edits): the full proposed record, waiting for an admin''s or staff member''s review unless the submitter may publish at once. Written through the RPCs only.';
comment on column public.listing_changes.proposed is 'the full record that approval writes (listing record keys, snake_case, lng/lat)';
comment on column public.listing_changes.changed_fields is 'keys of proposed that differ from the listing when submitted (all keys for a new listing)';
comment on column public.listing_changes.base_updated_at is 'updated_at of the listing the submitter started from (null for a new listing); approval is refused when the listing has changed since';
comment on column public.listing_changes.comment is 'the reviewer''s comment; required when rejecting';
comment on column public.listing_changes.restored_from is 'the revision this change restores, for restore_listing_revision';
create unique index listing_changes_one_pending_idx on public.listing_changes (kind, listing_id) where status = 'pending';
create index listing_changes_organization_id_idx on public.listing_changes (organization_id, status);
create index listing_changes_pending_idx on public.listing_changes (submitted_at) where status = 'pending';
create index listing_revisions_change_id_idx on public.listing_revisions (change_id) where change_id is not null;

alter table public.listing_changes enable row level security;
revoke insert, update, delete on public.listing_changes from anon, authenticated;
create policy "coordinators can read their organizations' change requests" on public.listing_changes
  for select to authenticated
  using (organization_id = any ((select public.my_organization_ids())::text[]));
create policy "staff and admins can read every change request" on public.listing_changes
  for select to authenticated
  using ((select public.is_admin()) or (select public.is_staff()));

create trigger listing_changes_record_audit after insert or update or delete on public.listing_changes
  for each row execute function public.record_audit();

-- may the caller write listings of these organizations? (admin and staff: any; coordinators: their own)
create function public.assert_may_edit(org_ids text[])
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  role text := public.user_role();
begin
  if role is null then
    raise exception '掲載を変更できるのは、サインインした担当者（コーディネーター・職員・管理者）だけです。'
      using errcode = '42501', hint = 'サインインしてください。';
  end if;
  if role = 'coordinator' and exists (
    select 1 from unnest(org_ids) o where o is not null and not (o = any (public.my_organization_ids()))
  ) then
    raise exception 'ほかの団体の掲載は変更できません。'
      using errcode = '42501', hint = '自分の団体の掲載だけを編集できます。';
  end if;
  return role;
end
$$;
comment on function public.assert_may_edit(text[]) is 'Raises 42501 unless the caller may edit listings of every given organization; returns the caller''s role.';

create function public.apply_listing_change(change public.listing_changes)
returns void
language plpgsql
set search_path = ''
as $$
declare
  current_record jsonb := public.listing_row_record(change.kind, change.listing_id, true);
begin
  perform public.assert_listing_base(change.kind, change.listing_id, current_record, change.base_updated_at);
  perform set_config('kasane.change_id', change.id::text, true);
  perform public.write_listing_record(change.kind, change.proposed || jsonb_build_object('last_verified', public.today_in_japan()), current_record is null);
  perform set_config('kasane.change_id', '', true);
end
$$;
comment on function public.apply_listing_change(public.listing_changes) is 'Internal: writes a change request''s record after checking the base again (PT409 on conflict); revisions name the request.';
revoke execute on function public.apply_listing_change(public.listing_changes) from public, anon, authenticated;

create function public.submit_listing_change(kind text, record jsonb, base_updated_at timestamptz default null)
returns public.listing_changes
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  lid text;
  current_record jsonb;
  merged jsonb;
  role text;
  changed text[];
  publish_now boolean;
  change public.listing_changes;
begin
  perform public.check_listing_kind(kind);
  if public.user_role() is null then
    perform public.assert_may_edit('{}');
  end if;
  lid := record ->> 'id';
  if lid is not null then
    current_record := public.listing_row_record(kind, lid, true);
  end if;
  merged := public.listing_merge(kind, current_record, record);
  lid := merged ->> 'id';
  role := public.assert_may_edit(array[merged ->> 'organization_id', current_record ->> 'organization_id']);
  perform public.assert_listing_base(kind, lid, current_record, base_updated_at);
  if exists (select 1 from public.listing_changes c where c.kind = submit_listing_change.kind and c.listing_id = lid and c.status = 'pending') then
    raise sqlstate 'PT409' using
      message = format('競合: この%sには確認待ちの変更がすでにあります。', case kind when 'site' then '拠点' else 'メニュー' end),
      hint = '確認待ちの変更を取り下げてから、もう一度送ってください。';
  end if;
  select coalesce(array_agg(k order by k), '{}') into changed
  from jsonb_object_keys(merged) k
  where current_record is null or (merged -> k) is distinct from (current_record -> k);
  if current_record is not null and cardinality(changed) = 0 then
    raise exception '変更がありません。内容が今と同じです。'
      using errcode = '22023', hint = '内容を確認しただけなら confirm_listing_unchanged（変更なし）を使ってください。';
  end if;
  if merged ->> 'organization_id' is null or not exists (select 1 from public.organizations o where o.id = merged ->> 'organization_id') then
    raise exception '内容を保存できません: 団体「%」がありません。', coalesce(merged ->> 'organization_id', '（未指定）')
      using errcode = '23503', hint = 'organization_id に登録済みの団体を指定してください。';
  end if;
  publish_now := role in ('admin', 'staff')
    or coalesce((select o.trusted from public.organizations o where o.id = merged ->> 'organization_id'), false);

  insert into public.listing_changes (kind, listing_id, organization_id, action, proposed, changed_fields, base_updated_at,
                                      status, reviewed_by, reviewed_at)
  values (kind, lid, merged ->> 'organization_id', case when current_record is null then 'create' else 'update' end,
          merged, changed, base_updated_at,
          case when publish_now then 'approved' else 'pending' end,
          case when publish_now then auth.uid() end,
          case when publish_now then now() end)
  returning * into change;

  if publish_now then
    perform public.apply_listing_change(change);
  else
    perform public.validate_listing_record(kind, merged || jsonb_build_object('last_verified', public.today_in_japan()), current_record is null);
  end if;
  return change;
end
$$;
comment on function public.submit_listing_change(text, jsonb, timestamptz) is 'Proposes a new or changed site/menu record. Admins, staff and coordinators of trusted organizations publish at once (status approved); other coordinators'' requests wait (pending) while the published row stays. Checked like the tables (same errors), PT409 when the listing changed since base_updated_at.';

create function public.approve_listing_change(change_id bigint)
returns public.listing_changes
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  change public.listing_changes;
begin
  if not (public.is_admin() or public.is_staff()) then
    raise exception '変更を承認できるのは管理者と職員だけです。' using errcode = '42501';
  end if;
  select * into change from public.listing_changes c where c.id = change_id for update;
  if not found then
    raise exception '変更依頼 % はありません。', change_id using errcode = '22023';
  end if;
  if change.status <> 'pending' then
    raise sqlstate 'PT409' using message = format('競合: 変更依頼 %s はすでに処理されています（%s）。', change_id, change.status);
  end if;
  perform public.apply_listing_change(change);
  update public.listing_changes c set status = 'approved', reviewed_by = auth.uid(), reviewed_at = now()
  where c.id = change_id returning * into change;
  return change;
end
$$;
comment on function public.approve_listing_change(bigint) is 'Admins and staff: publishes a pending change request (PT409 when the listing changed since it was submitted, or the request was already decided).';

create function public.reject_listing_change(change_id bigint, comment text)
returns public.listing_changes
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  change public.listing_changes;
begin
  if not (public.is_admin() or public.is_staff()) then
    raise exception '変更を差し戻せるのは管理者と職員だけです。' using errcode = '42501';
  end if;
  if length(btrim(coalesce(comment, ''))) = 0 then
    raise exception '差し戻す理由（コメント）を書いてください。' using errcode = '22023', hint = '何を直せばよいかを書くと、担当者が直しやすくなります。';
  end if;
  select * into change from public.listing_changes c where c.id = change_id for update;
  if not found then
    raise exception '変更依頼 % はありません。', change_id using errcode = '22023';
  end if;
  if change.status <> 'pending' then
    raise sqlstate 'PT409' using message = format('競合: 変更依頼 %s はすでに処理されています（%s）。', change_id, change.status);
  end if;
  update public.listing_changes c set status = 'rejected', comment = btrim(reject_listing_change.comment),
    reviewed_by = auth.uid(), reviewed_at = now()
  where c.id = change_id returning * into change;
  return change;
end
$$;
comment on function public.reject_listing_change(bigint, text) is 'Admins and staff: rejects a pending change request with a comment (required).';

create function public.withdraw_listing_change(change_id bigint)
returns public.listing_changes
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  change public.listing_changes;
begin
  select * into change from public.listing_changes c where c.id = change_id for update;
  if not found
     or not (change.submitted_by = auth.uid() or change.organization_id = any (public.my_organization_ids()) or public.is_admin()) then
    raise exception '変更依頼 % は取り下げられません（ないか、あなたの団体のものではありません）。', change_id using errcode = '42501';
  end if;
  if change.status <> 'pending' then
    raise sqlstate 'PT409' using message = format('競合: 変更依頼 %s はすでに処理されています（%s）。', change_id, change.status);
  end if;
  update public.listing_changes c set status = 'withdrawn', reviewed_at = now()
  where c.id = change_id returning * into change;
  return change;
end
$$;
comment on function public.withdraw_listing_change(bigint) is 'The submitter, a coordinator of the organization, or an admin withdraws a pending change request.';

-- history ------------------------------------------------------------------------------------------
create function public.listing_history(kind text, listing_id text)
returns table (
  revision_id bigint, action text, changed_at timestamptz, changed_by uuid, changed_by_name text,
  changed_fields text[], change_id bigint, before jsonb, after jsonb
)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  caller_role text := public.user_role();
  caller_orgs text[] := public.my_organization_ids();
begin
  perform public.check_listing_kind(kind);
  if caller_role is null then
    raise exception '履歴を見られるのは、サインインした担当者だけです。' using errcode = '42501';
  end if;
  return query
    select r.id, r.action, r.changed_at, r.changed_by, p.display_name, r.changed_fields, r.change_id,
      public.listing_record_from_row(kind, r.before), public.listing_record_from_row(kind, r.after)
    from public.listing_revisions r
    left join public.profiles p on p.id = r.changed_by
    where r.table_name = public.listing_table(kind) and r.row_id = listing_id
      and (caller_role in ('admin', 'staff') or r.organization_id = any (caller_orgs))
    order by r.changed_at desc, r.id desc;
end
$$;
comment on function public.listing_history(text, text) is 'Revisions of a site or menu, newest first: who (id and display name), when, which fields, before and after (as records). Admins and staff: any listing; coordinators: their organizations''.';

create function public.restore_listing_revision(revision_id bigint, base_updated_at timestamptz)
returns public.listing_changes
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  rev public.listing_revisions;
  kind text;
  target jsonb;
  change public.listing_changes;
begin
  select * into rev from public.listing_revisions r where r.id = revision_id;
  if not found or rev.table_name not in ('sites', 'menus') then
    raise exception '履歴 % はありません。', revision_id using errcode = '22023';
  end if;
  kind := case rev.table_name when 'sites' then 'site' else 'menu' end;
  perform public.assert_may_edit(array[rev.organization_id]);
  -- the listing as this revision left it (for a deletion: as it was before)
  target := public.listing_record_from_row(kind, coalesce(rev.after, rev.before));
  change := public.submit_listing_change(kind, target - 'last_verified', base_updated_at);
  update public.listing_changes c set restored_from = rev.id where c.id = change.id returning * into change;
  return change;
end
$$;
comment on function public.restore_listing_revision(bigint, timestamptz) is 'Makes a site or menu look as a revision left it, as a new change request (reviewed like any change; PT409 when the listing changed since base_updated_at).';

-- freshness ----------------------------------------------------------------------------------------
create function public.confirm_listing_unchanged(kind text, listing_id text, base_updated_at timestamptz)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  current_record jsonb;
begin
  perform public.check_listing_kind(kind);
  perform public.assert_may_edit('{}');
  current_record := public.listing_row_record(kind, listing_id, true);
  if current_record is null then
    perform public.raise_listing_conflict(kind, listing_id, null, base_updated_at);
  end if;
  perform public.assert_may_edit(array[current_record ->> 'organization_id']);
  perform public.assert_listing_base(kind, listing_id, current_record, base_updated_at);
  if kind = 'site' then
    update public.sites s set last_verified = public.today_in_japan() where s.id = listing_id;
  else
    update public.menus m set last_verified = public.today_in_japan() where m.id = listing_id;
  end if;
  return public.listing_row_record(kind, listing_id);
end
$$;
comment on function public.confirm_listing_unchanged(text, text, timestamptz) is '「変更なし（内容を確認しました）」: sets last_verified to today in Japan without review; returns the record with its new updated_at. PT409 when the listing changed since base_updated_at.';

create function public.stale_listings(days integer default 180)
returns table (
  kind text, id text, organization_id text, name text, status text, last_verified date, days_since integer, updated_at timestamptz
)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  caller_role text := public.user_role();
  caller_orgs text[] := public.my_organization_ids();
  cutoff date;
begin
  if caller_role is null then
    raise exception '確認が古い掲載の一覧は、サインインした担当者だけが見られます。' using errcode = '42501';
  end if;
  if days is null or days < 1 or days > 3650 then
    raise exception '日数は 1 から 3650 の間で指定してください（いま %）。', days using errcode = '22023';
  end if;
  cutoff := public.today_in_japan() - days;
  return query
    select x.kind, x.id, x.organization_id, x.name, x.status, x.last_verified, public.today_in_japan() - x.last_verified, x.updated_at
    from (
      select 'site'::text as kind, s.id, s.organization_id, s.name, s.status, s.last_verified, s.updated_at
      from public.sites s where s.last_verified <= cutoff and s.status <> 'archived'
      union all
      select 'menu', m.id, m.organization_id, m.title, m.status, m.last_verified, m.updated_at
      from public.menus m where m.last_verified <= cutoff and m.status <> 'archived'
    ) x
    where caller_role in ('admin', 'staff') or x.organization_id = any (caller_orgs)
    order by x.last_verified, x.kind, x.id;
end
$$;
comment on function public.stale_listings(integer) is 'Sites and menus (not archived) whose last_verified is at least `days` (default 180) days ago in Japan, oldest first. Coordinators: their organizations''; staff and admins: all.';

revoke execute on function public.submit_listing_change(text, jsonb, timestamptz), public.approve_listing_change(bigint),
  public.reject_listing_change(bigint, text), public.withdraw_listing_change(bigint), public.listing_history(text, text),
  public.restore_listing_revision(bigint, timestamptz), public.confirm_listing_unchanged(text, text, timestamptz),
  public.stale_listings(integer), public.listing_record(text, text)
  from public, anon;
grant execute on function public.submit_listing_change(text, jsonb, timestamptz), public.approve_listing_change(bigint),
  public.reject_listing_change(bigint, text), public.withdraw_listing_change(bigint), public.listing_history(text, text),
  public.restore_listing_revision(bigint, timestamptz), public.confirm_listing_unchanged(text, text, timestamptz),
  public.stale_listings(integer), public.listing_record(text, text)
  to authenticated, service_role;
