-- Who reaches 参加支援 case data (DOMAIN.md "Privacy rules"): the owning team's staff and admins,
-- through the case RPCs only. Three matrices:
--   1. every case table × every API role × select/insert/update/delete directly: refused (42501),
--      for the owning team too: a direct select would bypass the read audit
--   2. the second lock: with the privileges granted by mistake (inside this rolled-back
--      transaction), row-level security still confines every operation to the owning team and
--      admins: anon, a signed-in account without a profile, a coordinator and another team's
--      staff read, change and remove nothing, and cannot add rows for the team
--   3. every case RPC × role: the owning team and admins succeed; anon, the stranger, a
--      coordinator and another team's staff get 42501
-- Fixtures: case_1 of team_1 (staff), case_2 of team_2 (staff_other_team), each with two members,
-- a referral, a note, a shortlist entry and an unmet need.
begin;
select plan(511);
select tests.create_fixtures();

create function tests.constraints() returns jsonb language sql immutable as $$
  select '{"travel": {"mode": "walk", "maxMinutes": 15}, "availability": [{"days": ["TU", "TH"], "from": "13:00", "to": "17:00"}],
           "accessibility": [], "languages": ["ja"], "maxCostYen": null, "ease": ["visit_first"]}'::jsonb
$$;
create function tests.members() returns jsonb language sql immutable as $$
  select '[{"id": "m1", "relationship": "self", "ageBand": "19-39", "targets": ["hikikomori_experience"], "needs": ["place_to_be", "work_experience"]},
           {"id": "m2", "relationship": "parent", "ageBand": "65-74", "targets": [], "needs": ["socializing"],
            "overrides": {"travel": {"mode": "walk", "maxMinutes": 10}}}]'::jsonb
$$;
grant execute on all functions in schema tests to anon, authenticated, service_role;

insert into public.cases (id, team_id, home_point, home_area_id, constraints, opened_on) values
  ('case_1', 'team_1', 'SRID=4326;POINT(139.004 36.332)', 'area_north', tests.constraints(), '2026-11-01'),
  ('case_2', 'team_2', null, 'area_north', tests.constraints(), '2026-11-02');
insert into public.case_members (case_id, team_id, member_id, position, relationship, age_band, targets, needs) values
  ('case_1', 'team_1', 'm1', 0, 'self', '19-39', '{hikikomori_experience}', '{place_to_be,work_experience}'),
  ('case_1', 'team_1', 'm2', 1, 'parent', '65-74', '{}', '{socializing}'),
  ('case_2', 'team_2', 'm1', 0, 'self', '40-64', '{}', '{meals}'),
  ('case_2', 'team_2', 'm2', 1, 'child', '6-12', '{elementary}', '{child_study}');
insert into public.referrals (id, case_id, team_id, member_id, menu_id, menu_title, status, next_follow_up) values
  ('ref_1', 'case_1', 'team_1', 'm1', 'menu_a_staff', '皿洗いの就労体験', 'proposed', '2026-12-01'),
  ('ref_2', 'case_2', 'team_2', 'm1', 'menu_a_pub', '子ども食堂（夕食）', 'proposed', '2026-12-02');
insert into public.case_notes (id, case_id, team_id, referral_id, body) values
  ('note_1', 'case_1', 'team_1', 'ref_1', '見学の前に一度電話で様子を聞く'),
  ('note_2', 'case_2', 'team_2', null, '学校の長期休みに合わせて検討');
insert into public.shortlist_entries (case_id, team_id, member_id, menu_id) values
  ('case_1', 'team_1', 'm1', 'menu_shop_trial'),
  ('case_2', 'team_2', 'm1', 'menu_a_pub');
insert into public.unmet_needs (id, team_id, case_id, member_id, need, area_id, blocking_constraint, recorded_on) values
  ('un_1', 'team_1', 'case_1', 'm2', 'socializing', 'area_north', 'schedule', '2026-11-03'),
  ('un_2', 'team_2', 'case_2', 'm2', 'child_study', 'area_north', 'distance', '2026-11-04');

-- 1. no direct access for any API role ---------------------------------------------------------------
select is(tests.attempt_as(who, format(stmt, tbl, col)), 'error 42501', format('%s cannot %s %s directly', who, op, tbl))
from (values ('anon'), ('stranger'), ('coordinator_a'), ('staff'), ('staff_other_team'), ('admin')) as w(who)
cross join (values
  ('cases', 'status'), ('case_members', 'needs'), ('referrals', 'next_follow_up'), ('referral_events', 'to_status'),
  ('case_notes', 'body'), ('shortlist_entries', 'added_at'), ('unmet_needs', 'need'), ('case_code_counters', 'last')
) as t(tbl, col)
cross join (values
  ('select', 'select count(*) from public.%I /* %s */'),
  ('insert into', 'insert into public.%I default values /* %s */'),
  ('update', 'update public.%I set %I = %2$I'),
  ('delete from', 'delete from public.%I /* %s */')
) as o(op, stmt);

select is(tests.attempt_as('service_role', 'select count(*) from public.cases'), 'rows 2', 'the service role (server side, bypasses RLS) reads cases');

-- 2. with privileges granted by mistake, row-level security still holds -----------------------------
grant select, insert, update, delete on public.cases, public.case_members, public.referrals, public.referral_events,
  public.case_notes, public.shortlist_entries, public.unmet_needs to anon, authenticated;

select is(tests.attempt_as(who, format('select count(*) from public.%I', tbl)), expected, format('RLS: %s reads %s of %s', who, expected, tbl))
from (values
  ('anon', 'rows 0'), ('stranger', 'rows 0'), ('coordinator_a', 'rows 0'), ('coordinator_ab', 'rows 0'),
  ('staff', 'rows 1'), ('staff_other_team', 'rows 1'), ('admin', 'rows 2')
) as w(who, expected)
cross join (values ('cases'), ('referrals'), ('case_notes'), ('shortlist_entries'), ('unmet_needs')) as t(tbl);

select is(tests.attempt_as(who, format('select count(*) from public.%I where team_id = ''team_1''', tbl)), expected, format('RLS: %s reads %s of team_1''s %s', who, expected, tbl))
from (values ('anon', 'rows 0'), ('stranger', 'rows 0'), ('coordinator_a', 'rows 0'), ('staff', 'rows 2'), ('staff_other_team', 'rows 0'), ('admin', 'rows 2')) as w(who, expected)
cross join (values ('case_members'), ('referral_events')) as t(tbl)
where not (tbl = 'referral_events' and who in ('staff', 'admin'))
union all
select is(tests.attempt_as(who, 'select count(*) from public.referral_events where team_id = ''team_1'''), 'rows 1', format('RLS: %s reads team_1''s referral history', who))
from (values ('staff'), ('admin')) as w(who);

select is(tests.attempt_as(who, format('update public.%I set %I = %2$I where team_id = ''team_1''', tbl, col)), expected, format('RLS: %s changes %s of team_1''s %s', who, expected, tbl))
from (values ('anon', 'ok 0'), ('stranger', 'ok 0'), ('coordinator_a', 'ok 0'), ('staff_other_team', 'ok 0'), ('staff', 'ok N'), ('admin', 'ok N')) as w(who, expected0)
cross join (values ('cases', 'status', 1), ('case_members', 'needs', 2), ('referrals', 'next_follow_up', 1), ('case_notes', 'body', 1),
                   ('shortlist_entries', 'added_at', 1), ('unmet_needs', 'need', 1)) as t(tbl, col, n)
cross join lateral (select replace(expected0, 'N', n::text) as expected) e;

select is(tests.attempt_as(who, format('delete from public.%I where team_id = ''team_1''', tbl)), expected, format('RLS: %s removes %s of team_1''s %s', who, expected, tbl))
from (values ('anon', 'ok 0'), ('stranger', 'ok 0'), ('coordinator_a', 'ok 0'), ('staff_other_team', 'ok 0'), ('staff', 'ok N'), ('admin', 'ok N')) as w(who, expected0)
cross join (values ('cases', 1), ('case_notes', 1), ('shortlist_entries', 1), ('unmet_needs', 1)) as t(tbl, n)
cross join lateral (select replace(expected0, 'N', n::text) as expected) e;

-- referrals and members are removed with their case; directly only by the team
select is(tests.attempt_as(who, 'delete from public.referrals where id = ''ref_1'''), expected, format('RLS: %s removes %s of team_1''s referrals', who, expected))
from (values ('anon', 'ok 0'), ('coordinator_a', 'ok 0'), ('staff_other_team', 'ok 0'), ('staff', 'ok 1'), ('admin', 'ok 1')) as w(who, expected);
select is(tests.attempt_as(who, 'delete from public.case_members where case_id = ''case_1'' and member_id = ''m2'''), expected, format('RLS: %s removes %s of team_1''s members', who, expected))
from (values ('anon', 'ok 0'), ('coordinator_a', 'ok 0'), ('staff_other_team', 'ok 0'), ('staff', 'ok 1'), ('admin', 'ok 1')) as w(who, expected);

select is(tests.attempt_as(who, stmt), expected, format('RLS: %s adds to team_1''s %s: %s', who, tbl, expected))
from (values ('anon', 'error 42501'), ('stranger', 'error 42501'), ('coordinator_a', 'error 42501'), ('staff_other_team', 'error 42501'),
             ('staff', 'ok 1'), ('admin', 'ok 1')) as w(who, expected)
cross join (values
  ('cases', $$ insert into public.cases (team_id, home_area_id, constraints) values ('team_1', 'area_north', tests.constraints()) $$),
  ('case_members', $$ insert into public.case_members (case_id, team_id, member_id, position, relationship, age_band, needs) values ('case_1', 'team_1', 'm3', 2, 'child', '0-5', '{parenting_peers}') $$),
  ('referrals', $$ insert into public.referrals (case_id, team_id, member_id, menu_id, menu_title, next_follow_up) values ('case_1', 'team_1', 'm2', 'menu_b_desk', '介護の相談', '2026-12-10') $$),
  ('case_notes', $$ insert into public.case_notes (case_id, team_id, body) values ('case_1', 'team_1', '次回は同行する') $$),
  ('shortlist_entries', $$ insert into public.shortlist_entries (case_id, team_id, member_id, menu_id) values ('case_1', 'team_1', 'm2', 'menu_b_desk') $$),
  ('unmet_needs', $$ insert into public.unmet_needs (team_id, case_id, member_id, need, area_id, blocking_constraint) values ('team_1', 'case_1', 'm1', 'meals', 'area_north', 'cost') $$)
) as t(tbl, stmt);

select is(tests.attempt_as('staff', $$ insert into public.cases (team_id, home_area_id, constraints) values ('team_2', 'area_north', tests.constraints()) $$),
  'error 42501', 'RLS: staff cannot add a case for another team');
select is(tests.attempt_as('staff', $$ update public.cases set team_id = 'team_2' where id = 'case_1' $$),
  'error 42501', 'RLS: staff cannot hand their case to another team');
select is(tests.attempt_as('staff', $$ insert into public.referral_events (referral_id, case_id, team_id, to_status) values ('ref_1', 'case_1', 'team_1', 'continuing') $$),
  'error 42501', 'RLS: nobody writes referral history directly, not even the team');

revoke select, insert, update, delete on public.cases, public.case_members, public.referrals, public.referral_events,
  public.case_notes, public.shortlist_entries, public.unmet_needs from anon, authenticated;

-- 3. the case RPCs × roles ------------------------------------------------------------------------------
select is(tests.attempt_as(who, stmt), case when who in ('staff', 'admin') then ok else 'error 42501' end,
          format('%s: %s', who, label))
from (values ('anon'), ('stranger'), ('coordinator_a'), ('coordinator_ab'), ('staff_other_team'), ('staff'), ('admin')) as w(who)
cross join (values
  ('case_referrals of team_1', $$ select jsonb_array_length(public.case_referrals('case_1')) $$, 'rows 1'),
  ('case_timeline of team_1', $$ select jsonb_array_length(public.case_timeline('case_1')) $$, 'rows 4'),
  ('case_shortlist of team_1', $$ select jsonb_array_length(public.case_shortlist('case_1')) $$, 'rows 1'),
  ('case_unmet_needs of team_1', $$ select jsonb_array_length(public.case_unmet_needs('case_1')) $$, 'rows 1'),
  ('case_audit of team_1''s case', $$ select jsonb_array_length(public.case_audit('case_1')) $$, 'rows 7'),
  ('update_case of team_1', $$ select jsonb_array_length(public.update_case('case_1', jsonb_build_object('home', '{"kind": "area", "areaId": "area_north"}'::jsonb, 'constraints', tests.constraints(), 'members', tests.members())) -> 'members') $$, 'rows 2'),
  ('update_case status only', $$ select (public.update_case('case_1', '{"status": "paused"}') ->> 'status' = 'paused')::int $$, 'rows 1'),
  ('delete_case of team_1', $$ select count(*) from (select public.delete_case('case_1')) x $$, 'rows 1'),
  ('set_shortlisted in team_1''s case', $$ select count(*) from (select public.set_shortlisted('case_1', 'm2', 'menu_b_desk', true)) x $$, 'rows 1'),
  ('create_referral in team_1''s case', $$ select (public.create_referral('case_1', 'm2', 'menu_b_desk', '2026-12-20') ->> 'status' = 'proposed')::int $$, 'rows 1'),
  ('update_referral of team_1', $$ select (public.update_referral('ref_1', 'consented', null, '2026-12-05') ->> 'status' = 'consented')::int $$, 'rows 1'),
  ('add_case_note to team_1''s case', $$ select (public.add_case_note('case_1', '本人と面談した') ->> 'kind' = 'note')::int $$, 'rows 1'),
  ('record_unmet_needs for team_1''s case', $$ select jsonb_array_length(public.record_unmet_needs('case_1', '[{"memberId": "m1", "need": "meals", "areaId": "area_north", "blockingConstraint": "cost", "date": "2026-11-20"}]')) $$, 'rows 1')
) as t(label, stmt, ok);

-- get_case: another team's case and an unknown one are both simply not there
select is(tests.attempt_as(who, $$ select count(public.get_case('case_1')) $$), expected, format('%s: get_case of team_1 (%s)', who, expected))
from (values ('anon', 'error 42501'), ('stranger', 'error 42501'), ('coordinator_a', 'error 42501'),
             ('staff_other_team', 'rows 0'), ('staff', 'rows 1'), ('admin', 'rows 1')) as w(who, expected);
select is(tests.attempt_as('staff', $$ select count(public.get_case('no-such-case')) $$), 'rows 0', 'staff: get_case of an unknown case is null, like another team''s');

-- the same RPCs on team_2's case: only its staff and admins
select is(tests.attempt_as(who, $$ select jsonb_array_length(public.case_timeline('case_2')) $$),
          case when who in ('staff_other_team', 'admin') then 'rows 4' else 'error 42501' end, format('%s: case_timeline of team_2', who))
from (values ('anon'), ('coordinator_b'), ('staff'), ('staff_other_team'), ('admin')) as w(who);
select is(tests.attempt_as('staff', $$ select count(*) from (select public.update_referral('ref_2', 'consented', null, '2026-12-05')) x $$), 'error 42501', 'staff: update_referral of team_2');
select is(tests.attempt_as('staff', $$ select count(*) from (select public.set_shortlisted('case_2', 'm1', 'menu_b_desk', true)) x $$), 'error 42501', 'staff: set_shortlisted in team_2''s case');
select is(tests.attempt_as('staff', $$ select count(*) from (select public.delete_case('case_2')) x $$), 'error 42501', 'staff: delete_case of team_2');
select is(tests.attempt_as('staff', $$ select count(*) from (select public.add_case_note('case_2', 'x')) x $$), 'error 42501', 'staff: add_case_note to team_2''s case');
select is(tests.attempt_as('staff', $$ select count(*) from (select public.case_referrals('no-such-case')) x $$), 'error 42501', 'staff: an unknown case gives the same refusal as another team''s');
select is(tests.attempt_as(who, $$ select jsonb_array_length(public.case_audit()) $$), expected, format('%s: the case audit trail without a case (staff: their team''s entries; the fixtures were written by the owner): %s', who, expected))
from (values ('staff', 'rows 0'), ('staff_other_team', 'rows 0'), ('coordinator_a', 'error 42501'), ('anon', 'error 42501'), ('admin', 'rows 14')) as w(who, expected);
select is(tests.attempt_as(who, $$ select jsonb_array_length(public.staff_catalog() -> 'menus') $$), expected, format('%s: staff_catalog: %s', who, expected))
from (values ('anon', 'error 42501'), ('stranger', 'error 42501'), ('coordinator_a', 'error 42501'), ('staff', 'rows 5'), ('staff_other_team', 'rows 5'), ('admin', 'rows 5')) as w(who, expected);

-- listing and creating: each sees its own
select is(tests.attempt_as(who, stmt), expected, format('%s: %s', who, label))
from (values
  ('anon', 'list_cases', $$ select jsonb_array_length(public.list_cases()) $$, 'error 42501'),
  ('stranger', 'list_cases', $$ select jsonb_array_length(public.list_cases()) $$, 'error 42501'),
  ('coordinator_a', 'list_cases', $$ select jsonb_array_length(public.list_cases()) $$, 'error 42501'),
  ('staff', 'list_cases: its team''s case', $$ select jsonb_array_length(public.list_cases()) $$, 'rows 1'),
  ('staff_other_team', 'list_cases: its team''s case', $$ select jsonb_array_length(public.list_cases()) $$, 'rows 1'),
  ('admin', 'list_cases: every case', $$ select jsonb_array_length(public.list_cases()) $$, 'rows 2'),
  ('anon', 'follow_ups_due', $$ select jsonb_array_length(public.follow_ups_due('2026-12-31')) $$, 'error 42501'),
  ('coordinator_a', 'follow_ups_due', $$ select jsonb_array_length(public.follow_ups_due('2026-12-31')) $$, 'error 42501'),
  ('staff', 'follow_ups_due: its team''s referral', $$ select jsonb_array_length(public.follow_ups_due('2026-12-31')) $$, 'rows 1'),
  ('staff', 'follow_ups_due: nothing due before', $$ select jsonb_array_length(public.follow_ups_due('2026-11-30')) $$, 'rows 0'),
  ('staff_other_team', 'follow_ups_due: its team''s referral', $$ select jsonb_array_length(public.follow_ups_due('2026-12-31')) $$, 'rows 1'),
  ('admin', 'follow_ups_due: every team''s', $$ select jsonb_array_length(public.follow_ups_due('2026-12-31')) $$, 'rows 2'),
  ('anon', 'create_case', $$ select (public.create_case(jsonb_build_object('home', '{"kind": "area", "areaId": "area_north"}'::jsonb, 'constraints', tests.constraints(), 'members', tests.members())) ? 'code')::int $$, 'error 42501'),
  ('stranger', 'create_case', $$ select (public.create_case(jsonb_build_object('home', '{"kind": "area", "areaId": "area_north"}'::jsonb, 'constraints', tests.constraints(), 'members', tests.members())) ? 'code')::int $$, 'error 42501'),
  ('coordinator_a', 'create_case', $$ select (public.create_case(jsonb_build_object('home', '{"kind": "area", "areaId": "area_north"}'::jsonb, 'constraints', tests.constraints(), 'members', tests.members())) ? 'code')::int $$, 'error 42501'),
  ('staff', 'create_case for its team', $$ select (public.create_case(jsonb_build_object('home', '{"kind": "area", "areaId": "area_north"}'::jsonb, 'constraints', tests.constraints(), 'members', tests.members())) ->> 'teamId' = 'team_1')::int $$, 'rows 1'),
  ('staff', 'create_case for another team', $$ select (public.create_case(jsonb_build_object('teamId', 'team_2', 'home', '{"kind": "area", "areaId": "area_north"}'::jsonb, 'constraints', tests.constraints(), 'members', tests.members())) ? 'code')::int $$, 'error 42501'),
  ('admin', 'create_case without a team', $$ select (public.create_case(jsonb_build_object('home', '{"kind": "area", "areaId": "area_north"}'::jsonb, 'constraints', tests.constraints(), 'members', tests.members())) ? 'code')::int $$, 'error 22023'),
  ('admin', 'create_case for a team', $$ select (public.create_case(jsonb_build_object('teamId', 'team_2', 'home', '{"kind": "area", "areaId": "area_north"}'::jsonb, 'constraints', tests.constraints(), 'members', tests.members())) ->> 'teamId' = 'team_2')::int $$, 'rows 1'),
  ('staff', 'update_case cannot move its case to another team', $$ select count(*) from (select public.update_case('case_1', jsonb_build_object('teamId', 'team_2'))) x $$, 'error 42501'),
  ('admin', 'update_case moves a case to another team', $$ select (public.update_case('case_1', jsonb_build_object('teamId', 'team_2')) ->> 'teamId' = 'team_2')::int $$, 'rows 1'),
  ('anon', 'unmet_needs_summary', $$ select jsonb_array_length(public.unmet_needs_summary()) $$, 'error 42501'),
  ('coordinator_a', 'unmet_needs_summary', $$ select jsonb_array_length(public.unmet_needs_summary()) $$, 'error 42501'),
  ('staff', 'unmet_needs_summary', $$ select jsonb_array_length(public.unmet_needs_summary()) $$, 'rows 2'),
  ('admin', 'unmet_needs_summary', $$ select jsonb_array_length(public.unmet_needs_summary()) $$, 'rows 2'),
  ('anon', 'matching_candidates', $$ select json_array_length(public.matching_candidates(139.0036, 36.3219, 3000) -> 'menus') $$, 'error 42501'),
  ('stranger', 'matching_candidates', $$ select json_array_length(public.matching_candidates(139.0036, 36.3219, 3000) -> 'menus') $$, 'error 42501'),
  ('coordinator_a', 'matching_candidates', $$ select json_array_length(public.matching_candidates(139.0036, 36.3219, 3000) -> 'menus') $$, 'error 42501'),
  ('staff', 'matching_candidates', $$ select json_array_length(public.matching_candidates(139.0036, 36.3219, 3000) -> 'menus') $$, 'rows 4'),
  ('staff_other_team', 'matching_candidates', $$ select json_array_length(public.matching_candidates(139.0036, 36.3219, 3000) -> 'menus') $$, 'rows 4'),
  ('admin', 'matching_candidates', $$ select json_array_length(public.matching_candidates(139.0036, 36.3219, 3000) -> 'menus') $$, 'rows 4')
) as t(who, label, stmt, expected);

-- the helpers behind the RPCs are not callable through the API
select is(tests.attempt_as(who, format('select count((%s)::text)', call)), 'error 42501', format('%s cannot call %s', who, call))
from (values ('anon'), ('staff'), ('admin')) as w(who)
cross join (values ($$public.write_case_members('case_1', 'team_1', '[]')$$), ($$public.accessible_case('case_1')$$),
                   ($$public.write_case_read('case', 'case_1', 'case_1', 'forged')$$), ($$public.write_audit('read', 'cases', 'case_1', '{}')$$)) as f(call);

select * from finish();
rollback;
