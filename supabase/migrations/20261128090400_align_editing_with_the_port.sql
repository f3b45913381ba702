-- The editing RPCs as the app's editing port (src/data/editor-port.ts) needs them, so the Supabase
-- source and the local source (src/data/local/editor-core.ts) behave alike:
-- - One listing has at most one pending change, and "the current version" of a listing with one is
--   the proposal: a second save is checked against the proposal's updated_at (stored in
--   proposed.updated_at, a new token at every save of the proposal) and amends it; an admin, staff
--   member or trusted coordinator who saves it publishes it (the request is approved,
--   「編集して公開」). No more "nothing changed" refusal: saving unchanged content is allowed.
-- - 変更なし on a listing with a pending change rebases the proposal on the confirmed version.
-- - listing_history says create / update / verify / restore / delete, names the submitter as who
--   changed it and the reviewer as approved_by.
-- - Error report kinds are the port's: closed, schedule, contact, location, other (place → location,
--   content → other); messages up to 300 characters (REPORT_MESSAGE_MAX).
-- - Reads for the editor's screens: editor_organizations, editor_listings, editor_listing,
--   editor_changes, editor_reports.

-- error report kinds and length ---------------------------------------------------------------------
update public.error_reports set kind = case kind when 'place' then 'location' else 'other' end where kind in ('place', 'content');
alter table public.error_reports drop constraint error_reports_kind_check;
alter table public.error_reports add constraint error_reports_kind_check check (kind in ('closed', 'schedule', 'contact', 'location', 'other'));
comment on column public.error_reports.kind is 'what is wrong: closed (閉鎖・休止), schedule (日時), contact (連絡先), location (場所), other';

create or replace function public.report_listing_error(site_id text, kind text, message text, menu_id text default null)
returns bigint
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  site public.sites;
  text_in text := btrim(coalesce(message, ''));
  headers jsonb;
  client text;
  hashed text;
  report_id bigint;
begin
  select * into site from public.sites s where s.id = report_listing_error.site_id;
  if not found or not public.is_public_site(site.status, site.visibility, site.confidential) then
    raise exception '報告先の場所が見つかりません。' using errcode = '22023', hint = '公開されている場所のページから送ってください。';
  end if;
  if menu_id is not null and not exists (
    select 1 from public.menus m
    where m.id = report_listing_error.menu_id and m.site_id = report_listing_error.site_id
      and m.status = 'published' and m.visibility = 'public'
  ) then
    raise exception '報告先のメニューが見つかりません。' using errcode = '22023';
  end if;
  if kind is null or kind not in ('closed', 'schedule', 'contact', 'location', 'other') then
    raise exception 'どこが違うかを選んでください。' using errcode = '22023',
      hint = 'kind: closed, schedule, contact, location, other';
  end if;
  if length(text_in) = 0 then
    raise exception '違っている内容を書いてください。' using errcode = '22023';
  end if;
  if length(text_in) > 300 then
    raise exception '300文字以内で書いてください（いま % 文字）。', length(text_in) using errcode = '22023';
  end if;
  if public.looks_like_personal_data(text_in) then
    raise exception '電話番号やメールアドレスのような、個人の連絡先は書かないでください。' using errcode = '22023',
      hint = 'この報告は返信しません。場所の電話番号が違うときは「連絡先が違う」を選んで、番号は書かずに送ってください。';
  end if;

  -- rate limit: one report at a time per site, then count the last hour
  perform pg_advisory_xact_lock(hashtext('kasane.error_reports:' || site.id));
  begin
    headers := nullif(current_setting('request.headers', true), '')::jsonb;
  exception when others then
    headers := null;
  end;
  client := btrim(split_part(coalesce(headers ->> 'x-forwarded-for', headers ->> 'x-real-ip', headers ->> 'cf-connecting-ip', ''), ',', 1));
  if client <> '' then
    hashed := encode(extensions.digest('kasane-error-report:' || public.today_in_japan()::text || ':' || client, 'sha256'), 'hex');
    perform pg_advisory_xact_lock(hashtext('kasane.error_reports:' || hashed));
    if (select count(*) from public.error_report_clients c
        where c.client_hash = hashed and c.created_at > now() - interval '1 hour') >= 5 then
      raise sqlstate 'PT429' using message = '短い時間に報告が多すぎます。1時間ほどたってから、もう一度送ってください。';
    end if;
  end if;
  if (select count(*) from public.error_reports r
      where r.site_id = site.id and r.created_at > now() - interval '1 hour') >= 10 then
    raise sqlstate 'PT429' using message = 'この場所への報告が多すぎます。1時間ほどたってから、もう一度送ってください。';
  end if;

  insert into public.error_reports (site_id, menu_id, organization_id, kind, message)
  values (site.id, menu_id, site.organization_id, kind, text_in)
  returning id into report_id;
  if hashed is not null then
    insert into public.error_report_clients (report_id, client_hash) values (report_id, hashed);
  end if;
  delete from public.error_report_clients c where c.created_at < now() - interval '1 day';
  return report_id;
end
$$;
comment on function public.report_listing_error(text, text, text, text) is 'Anyone: reports an error on a public site (and optionally one of its public menus). kind closed/schedule/contact/location/other; message 1–300 characters without phone numbers or e-mail addresses (22023); at most 5 per client and 10 per site per hour (PT429). Returns the report id.';

-- saves: the proposal is the current version while it waits -----------------------------------------
create or replace function public.submit_listing_change(kind text, record jsonb, base_updated_at timestamptz default null)
returns public.listing_changes
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  lid text;
  published jsonb;
  pending public.listing_changes;
  current_record jsonb;
  merged jsonb;
  role text;
  changed text[];
  publish_now boolean;
  stamp timestamptz := clock_timestamp();
  change public.listing_changes;
begin
  perform public.check_listing_kind(kind);
  if public.user_role() is null then
    perform public.assert_may_edit('{}');
  end if;
  lid := record ->> 'id';
  if lid is not null then
    published := public.listing_row_record(kind, lid, true);
    select * into pending from public.listing_changes c
    where c.kind = submit_listing_change.kind and c.listing_id = lid and c.status = 'pending'
    for update;
  end if;
  current_record := case when pending.id is not null then pending.proposed else published end;
  merged := public.listing_merge(kind, current_record, record);
  lid := merged ->> 'id';
  role := public.assert_may_edit(array[merged ->> 'organization_id', current_record ->> 'organization_id']);
  perform public.assert_listing_base(kind, lid, current_record, base_updated_at);
  if merged ->> 'organization_id' is null or not exists (select 1 from public.organizations o where o.id = merged ->> 'organization_id') then
    raise exception '内容を保存できません: 団体「%」がありません。', coalesce(merged ->> 'organization_id', '（未指定）')
      using errcode = '23503', hint = 'organization_id に登録済みの団体を指定してください。';
  end if;
  select coalesce(array_agg(k order by k), '{}') into changed
  from jsonb_object_keys(merged) k
  where published is null or (merged -> k) is distinct from (published -> k);
  publish_now := role in ('admin', 'staff')
    or coalesce((select o.trusted from public.organizations o where o.id = merged ->> 'organization_id'), false);

  if publish_now then
    if pending.id is not null then
      -- the proposal is absorbed: published as edited, the request approved
      update public.listing_changes c set proposed = merged, changed_fields = changed, status = 'approved',
        reviewed_by = auth.uid(), reviewed_at = now(), comment = coalesce(c.comment, '編集して公開')
      where c.id = pending.id returning * into change;
    else
      insert into public.listing_changes (kind, listing_id, organization_id, action, proposed, changed_fields, base_updated_at,
                                          status, reviewed_by, reviewed_at)
      values (kind, lid, merged ->> 'organization_id', case when published is null then 'create' else 'update' end,
              merged, changed, (published ->> 'updated_at')::timestamptz, 'approved', auth.uid(), now())
      returning * into change;
    end if;
    perform public.apply_listing_change(change);
  else
    if pending.id is not null then
      update public.listing_changes c set proposed = merged || jsonb_build_object('updated_at', stamp), changed_fields = changed,
        organization_id = merged ->> 'organization_id', submitted_by = auth.uid(), submitted_at = stamp
      where c.id = pending.id returning * into change;
    else
      insert into public.listing_changes (kind, listing_id, organization_id, action, proposed, changed_fields, base_updated_at,
                                          status, submitted_at)
      values (kind, lid, merged ->> 'organization_id', case when published is null then 'create' else 'update' end,
              merged || jsonb_build_object('updated_at', stamp), changed, (published ->> 'updated_at')::timestamptz, 'pending', stamp)
      returning * into change;
    end if;
    perform public.validate_listing_record(kind, merged || jsonb_build_object('last_verified', public.today_in_japan()), published is null);
  end if;
  return change;
end
$$;
comment on function public.submit_listing_change(text, jsonb, timestamptz) is 'Saves a new or changed site/menu record against the current version (the pending proposal if one waits, else the published row; PT409 when base_updated_at is not its updated_at). Admins, staff and coordinators of trusted organizations publish at once (a waiting proposal is approved as edited); other coordinators'' saves wait (pending, one request per listing, amended by later saves) while the published row stays. Checked like the tables (same errors).';

-- 変更なし: also rebases a waiting proposal -----------------------------------------------------------
create or replace function public.confirm_listing_unchanged(kind text, listing_id text, base_updated_at timestamptz)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  published jsonb;
  pending public.listing_changes;
  current_record jsonb;
  confirmed jsonb;
begin
  perform public.check_listing_kind(kind);
  perform public.assert_may_edit('{}');
  published := public.listing_row_record(kind, listing_id, true);
  select * into pending from public.listing_changes c
  where c.kind = confirm_listing_unchanged.kind and c.listing_id = confirm_listing_unchanged.listing_id and c.status = 'pending'
  for update;
  if published is null and pending.id is not null then
    raise exception '承認前の新しい掲載は、確認済みにできません。' using errcode = '22023';
  end if;
  if published is null then
    perform public.raise_listing_conflict(kind, listing_id, null, base_updated_at);
  end if;
  perform public.assert_may_edit(array[published ->> 'organization_id']);
  current_record := case when pending.id is not null then pending.proposed else published end;
  perform public.assert_listing_base(kind, listing_id, current_record, base_updated_at);
  if kind = 'site' then
    update public.sites s set last_verified = public.today_in_japan() where s.id = listing_id;
  else
    update public.menus m set last_verified = public.today_in_japan() where m.id = listing_id;
  end if;
  confirmed := public.listing_row_record(kind, listing_id);
  if pending.id is not null then
    update public.listing_changes c set base_updated_at = (confirmed ->> 'updated_at')::timestamptz,
      proposed = c.proposed || jsonb_build_object('last_verified', public.today_in_japan(), 'updated_at', clock_timestamp())
    where c.id = pending.id;
  end if;
  return confirmed;
end
$$;
comment on function public.confirm_listing_unchanged(text, text, timestamptz) is '「変更なし（内容を確認しました）」: sets last_verified to today in Japan without review and returns the record with its new updated_at; a waiting proposal is rebased on it. PT409 when the current version (the proposal if one waits) is not base_updated_at.';

-- history in the port's terms --------------------------------------------------------------------------
drop function public.listing_history(text, text);
create function public.listing_history(kind text, listing_id text)
returns table (
  revision_id bigint, action text, changed_at timestamptz, changed_by uuid, changed_by_name text, approved_by uuid,
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
    select r.id,
      case
        when c.restored_from is not null then 'restore'
        when r.action = 'insert' then 'create'
        when r.action = 'delete' then 'delete'
        when r.change_id is null and r.changed_fields <@ '{last_verified}'::text[] then 'verify'
        else 'update'
      end,
      r.changed_at, coalesce(c.submitted_by, r.changed_by), p.display_name,
      case when c.reviewed_by is distinct from c.submitted_by then c.reviewed_by end,
      r.changed_fields, r.change_id,
      public.listing_record_from_row(listing_history.kind, r.before), public.listing_record_from_row(listing_history.kind, r.after)
    from public.listing_revisions r
    left join public.listing_changes c on c.id = r.change_id
    left join public.profiles p on p.id = coalesce(c.submitted_by, r.changed_by)
    where r.table_name = public.listing_table(listing_history.kind) and r.row_id = listing_history.listing_id
      and (caller_role in ('admin', 'staff') or r.organization_id = any (caller_orgs))
    order by r.changed_at desc, r.id desc;
end
$$;
comment on function public.listing_history(text, text) is 'Revisions of a site or menu, newest first: action (create, update, verify, restore, delete), who (the submitter of a reviewed change) and their display name, approved_by (the reviewer, when someone else), when, which fields, before and after (as records). Admins and staff: any listing; coordinators: their organizations''.';
revoke execute on function public.listing_history(text, text) from public, anon;
grant execute on function public.listing_history(text, text) to authenticated, service_role;

-- reads for the editor's screens ------------------------------------------------------------------------
create function public.editor_organizations()
returns table (id text, name text, kind text, trusted boolean, listings integer)
language sql
stable
security invoker
set search_path = ''
as $$
  select o.id, o.name, o.kind, o.trusted,
    ((select count(*) from public.sites s where s.organization_id = o.id)
     + (select count(*) from public.menus m where m.organization_id = o.id))::integer
  from public.organizations o
  order by o.name, o.id
$$;
comment on function public.editor_organizations() is 'Organizations the caller may read with the number of their sites and menus the caller may read (row-level security).';

create function public.editor_listings(org_id text default null, stale_only boolean default false, stale_after_days integer default 180, max_rows integer default 1000)
returns table (
  kind text, id text, organization_id text, name text, site_id text, status text, last_verified date, updated_at timestamptz,
  stale boolean, pending_change_id bigint, rejected_change_id bigint, rejected_comment text, rejected_at timestamptz, open_reports integer
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
    raise exception '掲載の一覧は、サインインした担当者だけが見られます。' using errcode = '42501';
  end if;
  if caller_role = 'coordinator' and org_id is not null and not (org_id = any (caller_orgs)) then
    raise exception 'ほかの団体の掲載は見られません。' using errcode = '42501';
  end if;
  if stale_after_days is null or stale_after_days < 1 or stale_after_days > 3650 then
    raise exception '日数は 1 から 3650 の間で指定してください。' using errcode = '22023';
  end if;
  if max_rows is null or max_rows < 1 or max_rows > 10000 then
    raise exception 'max_rows は 1 から 10000 の間で指定してください。' using errcode = '22023';
  end if;
  cutoff := public.today_in_japan() - stale_after_days;
  return query
    with listed as (
      select 'site'::text as kind, s.id, s.organization_id, s.name, null::text as site_id, s.status, s.last_verified, s.updated_at
      from public.sites s
      union all
      select 'menu', m.id, m.organization_id, m.title, m.site_id, m.status, m.last_verified, m.updated_at
      from public.menus m
      union all -- new listings that wait for approval exist only as proposals
      select c.kind, c.listing_id, c.organization_id, coalesce(c.proposed ->> 'name', c.proposed ->> 'title'), c.proposed ->> 'site_id',
        c.proposed ->> 'status', coalesce((c.proposed ->> 'last_verified')::date, c.submitted_at::date), (c.proposed ->> 'updated_at')::timestamptz
      from public.listing_changes c where c.status = 'pending' and c.action = 'create'
    )
    select l.kind, l.id, l.organization_id, l.name, l.site_id, l.status, l.last_verified,
      coalesce((p.proposed ->> 'updated_at')::timestamptz, l.updated_at),
      l.last_verified <= cutoff,
      p.id,
      rj.id, rj.comment, rj.reviewed_at,
      (select count(*)::integer from public.error_reports e
       where e.status = 'open' and (case l.kind when 'site' then e.site_id = l.id else e.menu_id = l.id end))
    from listed l
    left join public.listing_changes p on p.kind = l.kind and p.listing_id = l.id and p.status = 'pending'
    left join lateral (
      select c.id, c.comment, c.reviewed_at, c.status from public.listing_changes c
      where c.kind = l.kind and c.listing_id = l.id and c.status <> 'withdrawn'
      order by c.submitted_at desc, c.id desc limit 1
    ) latest on true
    left join lateral (select latest.id, latest.comment, latest.reviewed_at where latest.status = 'rejected') rj on true
    where (caller_role in ('admin', 'staff') or l.organization_id = any (caller_orgs))
      and (org_id is null or l.organization_id = org_id)
      and (not stale_only or (l.last_verified <= cutoff and l.status <> 'archived'))
    order by l.name, l.kind, l.id
    limit max_rows;
end
$$;
comment on function public.editor_listings(text, boolean, integer, integer) is 'The listings the caller maintains (coordinators: their organizations''; staff and admins: any, org_id to narrow), including new ones that wait for approval: token (the proposal''s while one waits), stale (last_verified at least stale_after_days ago), the pending request, the latest decision when it was a rejection (comment), open error reports.';

create function public.editor_listing(kind text, listing_id text)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  caller_role text := public.user_role();
  published jsonb;
  pending public.listing_changes;
  org public.organizations;
begin
  perform public.check_listing_kind(kind);
  if caller_role is null then
    raise exception '掲載の編集は、サインインした担当者だけができます。' using errcode = '42501';
  end if;
  published := public.listing_row_record(kind, listing_id);
  select * into pending from public.listing_changes c
  where c.kind = editor_listing.kind and c.listing_id = editor_listing.listing_id and c.status = 'pending';
  if published is null and pending.id is null then
    return null;
  end if;
  select * into org from public.organizations o
  where o.id = coalesce(pending.proposed, published) ->> 'organization_id';
  if caller_role = 'coordinator' and not (org.id = any (public.my_organization_ids())) then
    raise exception 'ほかの団体の掲載は編集できません。' using errcode = '42501';
  end if;
  return jsonb_build_object(
    'published', published,
    'pending', case when pending.id is null then null else to_jsonb(pending) end,
    'organization', jsonb_build_object('id', org.id, 'name', org.name, 'trusted', org.trusted),
    'publishes_directly', caller_role in ('admin', 'staff') or org.trusted
  );
end
$$;
comment on function public.editor_listing(text, text) is 'A listing opened for editing: {published (record or null for a new one waiting), pending (the request or null), organization {id, name, trusted}, publishes_directly}; null when neither exists. Coordinators: their organizations'' only.';

create function public.editor_changes(status text default null, listing_id text default null, change_id bigint default null)
returns setof public.listing_changes
language sql
stable
security invoker
set search_path = ''
as $$
  select * from public.listing_changes c
  where (editor_changes.status is null or c.status = editor_changes.status)
    and (editor_changes.listing_id is null or c.listing_id = editor_changes.listing_id)
    and (editor_changes.change_id is null or c.id = editor_changes.change_id)
  order by c.submitted_at desc, c.id desc
$$;
comment on function public.editor_changes(text, text, bigint) is 'Change requests the caller may read (row-level security: coordinators their organizations'', staff and admins all), newest first, optionally by status, listing or id.';

create function public.editor_reports(status text default null, site_id text default null)
returns setof public.error_reports
language sql
stable
security invoker
set search_path = ''
as $$
  select * from public.error_reports r
  where (editor_reports.status is null or r.status = editor_reports.status)
    and (editor_reports.site_id is null or r.site_id = editor_reports.site_id)
  order by r.created_at desc, r.id desc
$$;
comment on function public.editor_reports(text, text) is 'Error reports the caller may read (row-level security: staff and admins all, coordinators their organizations'' not dismissed), newest first.';

revoke execute on function public.editor_organizations(), public.editor_listings(text, boolean, integer, integer),
  public.editor_listing(text, text), public.editor_changes(text, text, bigint), public.editor_reports(text, text) from public, anon;
grant execute on function public.editor_organizations(), public.editor_listings(text, boolean, integer, integer),
  public.editor_listing(text, text), public.editor_changes(text, text, bigint), public.editor_reports(text, text)
  to authenticated, service_role;
