-- 惜しいケース: unmet needs aggregated by need × area × blocking constraint (DOMAIN.md "Privacy
-- rules": aggregates shown outside the owning team suppress small counts, fewer than 5 → "<5").
-- The rule of summarizeUnmet (src/domain/case/unmet-summary.ts), so both data sources agree:
--   count     every team's records in the group; null ("<5") when fewer than 5 and not all of
--             them the caller's team's own; admins see every count
--   ownCount  how many are the caller's team's (always exact: the team can read those cases)
-- Rows largest first, withheld ones after every shown one, then by need|area|constraint.
-- security definer (the table is not readable by API roles), search_path ''; the call is logged.

create function public.unmet_needs_summary(since date default null, until date default null)
returns jsonb
language plpgsql
volatile -- it writes the audit log
security definer
set search_path = ''
as $$
declare
  my_team text := (select public.my_team_id());
  caller_is_admin boolean := (select public.is_admin());
  result jsonb;
begin
  perform public.assert_case_worker();
  if since is not null and until is not null and until < since then
    perform public.raise_invalid_argument('期間の終わりが始まりより前です', 'pass since ≤ until');
  end if;
  perform public.write_case_read('unmet_summary', null, null, 'unmet_needs_summary');
  with groups as (
    select u.need, u.area_id, u.blocking_constraint,
           count(*)::integer as total,
           (count(*) filter (where u.team_id = my_team))::integer as own
    from public.unmet_needs u
    where (since is null or u.recorded_on >= since) and (until is null or u.recorded_on <= until)
    group by u.need, u.area_id, u.blocking_constraint
  ), shown as (
    select g.*, case when caller_is_admin or g.total >= 5 or g.own = g.total then g.total end as count,
           g.need || '|' || coalesce(g.area_id, '') || '|' || g.blocking_constraint as sort_key
    from groups g
  )
  select coalesce(jsonb_agg(jsonb_build_object(
           'need', s.need, 'areaId', s.area_id, 'blockingConstraint', s.blocking_constraint, 'count', s.count, 'ownCount', s.own
         ) order by coalesce(s.count, -1) desc, s.sort_key collate "C"), '[]'::jsonb)
  into result
  from shown s;
  return result;
end
$$;
comment on function public.unmet_needs_summary(date, date) is
  '未充足ニーズ by need × area × blocking constraint, recorded between since and until (inclusive; null: open), as UnmetSummaryRow[]: count null ("<5") when under 5 and not all the caller''s team''s own (admins see every count), ownCount exact. Staff and admins; logged in audit_log.';

revoke execute on function public.unmet_needs_summary(date, date) from public, anon;
grant execute on function public.unmet_needs_summary(date, date) to authenticated;
