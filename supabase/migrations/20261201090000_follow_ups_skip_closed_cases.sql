-- 今週の伴走予定 no longer lists the referrals of a closed case (they kept their next follow-up date
-- when the case was closed). Reopening the case brings them back. Same signature and audit rows
-- as before, now only for the referrals it returns.
create or replace function public.follow_ups_due(until_date date)
returns jsonb
language plpgsql
volatile -- it writes the audit log
security definer
set search_path = ''
as $$
declare
  result jsonb;
begin
  perform public.assert_case_worker();
  if until_date is null then
    perform public.raise_invalid_argument('until_date（この日までの予定）を指定してください', 'e.g. the end of this week');
  end if;
  perform public.write_case_read('follow_ups', r.case_id, r.id, 'follow_ups_due')
  from public.referrals r join public.cases c on c.id = r.case_id
  where public.can_access_team(r.team_id) and r.next_follow_up <= until_date and c.status <> 'closed';
  select coalesce(jsonb_agg(public.referral_json(r) || jsonb_build_object('caseCode', c.code) order by r.next_follow_up, c.code, r.id), '[]'::jsonb)
  into result
  from public.referrals r join public.cases c on c.id = r.case_id
  where public.can_access_team(r.team_id) and r.next_follow_up <= until_date and c.status <> 'closed';
  return result;
end
$$;
comment on function public.follow_ups_due(date) is '今週の伴走予定: active referrals of the caller''s team (admins: all) in cases not closed, with a next follow-up on or before until_date (overdue included), soonest first (FollowUp[]); one audit_log read row per referral.';
