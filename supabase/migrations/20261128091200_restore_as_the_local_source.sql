-- Restore and amended requests as in the local source (tests/conformance/editing.test.ts):
-- - restoring a revision brings back its whole content, 最終確認日 included (it was kept current);
-- - a waiting restore that the coordinator then edits is an ordinary change (restored_from cleared),
--   and one a reviewer edits and publishes is an update in the history.

create or replace function public.restore_listing_revision(revision_id bigint, base_updated_at timestamptz)
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
  -- the listing as this revision left it (for a deletion: as it was before), 最終確認日 included
  target := public.listing_record_from_row(kind, coalesce(rev.after, rev.before));
  change := public.submit_listing_change(kind, target, base_updated_at);
  update public.listing_changes c set restored_from = rev.id where c.id = change.id returning * into change;
  return change;
end
$$;
comment on function public.restore_listing_revision(bigint, timestamptz) is 'Makes a site or menu look as a revision left it, as a new change request (reviewed like any change; PT409 when the listing changed since base_updated_at).';

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
        reviewed_by = auth.uid(), reviewed_at = now(), comment = coalesce(c.comment, '編集して公開'), edited_by_reviewer = true
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
        organization_id = merged ->> 'organization_id', submitted_by = auth.uid(), submitted_at = stamp, restored_from = null
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

create or replace function public.listing_history(kind text, listing_id text)
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
        when c.restored_from is not null and not c.edited_by_reviewer then 'restore'
        when r.action = 'insert' then 'create'
        when r.action = 'delete' then 'delete'
        when r.change_id is null and r.changed_fields <@ '{last_verified}'::text[] then 'verify'
        else 'update'
      end,
      r.changed_at, case when c.edited_by_reviewer then r.changed_by else coalesce(c.submitted_by, r.changed_by) end, p.display_name,
      case when not c.edited_by_reviewer and c.reviewed_by is distinct from c.submitted_by then c.reviewed_by end,
      r.changed_fields, r.change_id,
      public.listing_record_from_row(listing_history.kind, r.before), public.listing_record_from_row(listing_history.kind, r.after)
    from public.listing_revisions r
    left join public.listing_changes c on c.id = r.change_id
    left join public.profiles p on p.id = case when c.edited_by_reviewer then r.changed_by else coalesce(c.submitted_by, r.changed_by) end
    where r.table_name = public.listing_table(listing_history.kind) and r.row_id = listing_history.listing_id
      and (caller_role in ('admin', 'staff') or r.organization_id = any (caller_orgs))
    order by r.changed_at desc, r.id desc;
end
$$;
comment on function public.listing_history(text, text) is 'Revisions of a site or menu, newest first: action (create, update, verify, restore, delete), who (the submitter of a reviewed change; the editor when a reviewer edited and published a waiting proposal) and their display name, approved_by (the reviewer, when someone else), when, which fields, before and after (as records). Admins and staff: any listing; coordinators: their organizations''.';
