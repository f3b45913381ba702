-- An applied change keeps the record's last_verified, as the local source does: confirming is
-- 変更なし (confirm_listing_unchanged), and the form carries the date it shows. Before, applying a
-- change set last_verified to today. A new listing without one still starts today.
-- (tests/conformance/editing.test.ts runs the same edits through both sources and compares.)
create or replace function public.apply_listing_change(change public.listing_changes)
returns void
language plpgsql
set search_path = ''
as $$
declare
  current_record jsonb := public.listing_row_record(change.kind, change.listing_id, true);
begin
  perform public.assert_listing_base(change.kind, change.listing_id, current_record, change.base_updated_at);
  perform set_config('kasane.change_id', change.id::text, true);
  perform public.write_listing_record(change.kind,
    change.proposed || case when change.proposed ->> 'last_verified' is null
                            then jsonb_build_object('last_verified', public.today_in_japan()) else '{}'::jsonb end,
    current_record is null);
  perform set_config('kasane.change_id', '', true);
end
$$;
comment on function public.apply_listing_change(public.listing_changes) is 'Internal: writes a change request''s record (its last_verified, or today for a new listing without one) after checking the base again (PT409 on conflict); revisions name the request.';
revoke execute on function public.apply_listing_change(public.listing_changes) from public, anon, authenticated;
