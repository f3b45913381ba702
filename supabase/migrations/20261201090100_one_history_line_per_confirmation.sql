-- One history line per 「変更なし」, never two. confirm_listing_unchanged added its own line when
-- the record it returns had not changed, but the revision trigger also writes one when a column it
-- does not show changes: a listing already verified today, confirmed by someone other than its last
-- editor (updated_by changes), got both. Now the function adds its line only when the update wrote
-- no revision. (The pgTAP test in 120-editor-rpcs.sql failed whenever the fixture's last_verified
-- was already today in Japan, between 00:00 and 15:00 UTC.)
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
  last_revision bigint;
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
  select max(r.id) into last_revision from public.listing_revisions r
  where r.table_name = public.listing_table(kind) and r.row_id = listing_id;
  if kind = 'site' then
    update public.sites s set last_verified = public.today_in_japan() where s.id = listing_id;
  else
    update public.menus m set last_verified = public.today_in_japan() where m.id = listing_id;
  end if;
  confirmed := public.listing_row_record(kind, listing_id);
  if not exists (select 1 from public.listing_revisions r
                 where r.table_name = public.listing_table(kind) and r.row_id = listing_id and r.id > coalesce(last_revision, 0)) then
    -- the update wrote no revision (confirmed again on the same day: the trigger skips a change of
    -- the bookkeeping alone), but a confirmation is worth one line in the history (as in the local
    -- source)
    insert into public.listing_revisions (table_name, row_id, organization_id, action, changed_by, before, after, changed_fields)
    select public.listing_table(kind), listing_id, published ->> 'organization_id', 'update', auth.uid(),
      to_jsonb(s) - '{search_text,location_3857}'::text[] || jsonb_build_object('updated_at', published ->> 'updated_at'),
      to_jsonb(s) - '{search_text,location_3857}'::text[], '{}'::text[]
    from public.sites s where kind = 'site' and s.id = listing_id
    union all
    select public.listing_table(kind), listing_id, published ->> 'organization_id', 'update', auth.uid(),
      to_jsonb(m) - '{search_text}'::text[] || jsonb_build_object('updated_at', published ->> 'updated_at'),
      to_jsonb(m) - '{search_text}'::text[], '{}'::text[]
    from public.menus m where kind = 'menu' and m.id = listing_id;
  end if;
  if pending.id is not null then
    update public.listing_changes c set base_updated_at = (confirmed ->> 'updated_at')::timestamptz,
      proposed = c.proposed || jsonb_build_object('last_verified', public.today_in_japan(), 'updated_at', clock_timestamp())
    where c.id = pending.id;
  end if;
  return confirmed;
end
$$;
comment on function public.confirm_listing_unchanged(text, text, timestamptz) is '「変更なし（内容を確認しました）」: sets last_verified to today in Japan without review, always with a revision (also when it was already today), and returns the record with its new updated_at; a waiting proposal is rebased on it. PT409 when the current version (the proposal if one waits) is not base_updated_at.';
