-- The rules of case data: codes, the ~100 m home, no personal data in notes, the referral status
-- flow with reason codes and follow-up dates, the audit of every read and write, the suppression
-- of small unmet-need counts outside the owning team, and the matching retrieval RPC.
begin;
select plan(79);
select tests.create_fixtures();

create function tests.constraints() returns jsonb language sql immutable as $$
  select '{"travel": {"mode": "walk", "maxMinutes": 15}, "availability": [{"days": ["TU", "TH"], "from": "13:00", "to": "17:00"}],
           "accessibility": [], "languages": ["ja"], "maxCostYen": null, "ease": ["visit_first"]}'::jsonb
$$;
create function tests.new_case(home jsonb, members jsonb default null) returns jsonb language sql as $$
  select public.create_case(jsonb_build_object('home', home, 'constraints', tests.constraints(), 'openedOn', '2026-11-10',
    'members', coalesce(members, '[{"id": "m1", "relationship": "self", "ageBand": "19-39", "targets": [], "needs": ["place_to_be"]},
                                   {"id": "m2", "relationship": "child", "ageBand": "6-12", "targets": [], "needs": ["child_study", "meals"]}]'::jsonb)))
$$;
grant execute on all functions in schema tests to anon, authenticated, service_role;
create temporary table t_case (k text primary key, v jsonb) on commit drop;
grant all on t_case to authenticated;

-- codes and the home --------------------------------------------------------------------------------
select tests.act_as('staff');
insert into t_case values ('a', tests.new_case('{"kind": "point", "point": [139.004, 36.332], "areaId": "area_north"}'));
insert into t_case values ('b', tests.new_case('{"kind": "area", "areaId": "area_north"}'));
select matches((select v ->> 'code' from t_case where k = 'a'), '^K-2026-\d{4}$', 'a new case gets a code K-<year opened>-<4 digits>');
select is((select (v ->> 'code') from t_case where k = 'b'),
          (select format('K-2026-%s', lpad((substring(v ->> 'code' from 8)::int + 1)::text, 4, '0')) from t_case where k = 'a'),
          'the next case gets the next counter');
select is((select v -> 'home' from t_case where k = 'a'), '{"kind": "point", "point": [139.004, 36.332], "areaId": "area_north"}'::jsonb, 'a point home comes back as given');
select is((select v -> 'members' -> 1 -> 'needs' from t_case where k = 'a'), '["child_study", "meals"]'::jsonb, 'needs keep their priority order');
select is(tests.attempt_as('staff', $$ select count(*) from (select tests.new_case('{"kind": "point", "point": [139.00412, 36.332]}')) x $$),
  'error 22023', 'a home point finer than the ~100 m grid is refused by the RPC');
reset role;
select throws_ok($$ insert into public.cases (team_id, home_point, constraints) values ('team_1', 'SRID=4326;POINT(139.0041 36.332)', tests.constraints()) $$,
  '23514', null, 'and by the table (cases_home_point_coarse), whoever writes');
select throws_ok($$ insert into public.cases (team_id, constraints) values ('team_1', tests.constraints()) $$,
  '23514', null, 'a case needs a home area or point');
select throws_ok($$ update public.cases set code = 'K-2026-9999' where id = (select v ->> 'id' from t_case where k = 'a') $$,
  '23514', 'ケース番号は変更できません', 'a code never changes');
select is(
  array(select column_name::text from information_schema.columns
        where table_schema = 'public' and table_name in ('cases', 'case_members', 'referrals', 'case_notes', 'shortlist_entries', 'unmet_needs')
          and column_name ~ '(name|address|phone|tel|birth|email|kana)'
          and column_name <> 'site_name' -- the listing's name, kept with a referral
        order by 1),
  '{}'::text[], 'no case table has a column for a name, an address, a phone number, an email or a birth date');

select tests.act_as('staff');
select is(tests.attempt_as('staff', format($$ select count(*) from (select public.update_case(%L, jsonb_build_object('home', '{"kind": "area", "areaId": "area_north"}'::jsonb,
  'constraints', tests.constraints() || '{"travel": {"mode": "jet", "maxMinutes": 15}}'))) x $$,
  (select v ->> 'id' from t_case where k = 'a'))), 'error 22023', 'constraints with an unknown travel mode are refused');
select is(tests.attempt_as('staff', format($$ select count(*) from (select public.update_case(%L, jsonb_build_object('home', '{"kind": "area", "areaId": "area_north"}'::jsonb,
  'constraints', tests.constraints(), 'members', '[{"id": "m1", "relationship": "self", "ageBand": "19-39", "targets": [], "needs": ["meals", "meals"]}]'::jsonb))) x $$,
  (select v ->> 'id' from t_case where k = 'a'))), 'error 23514', 'a need listed twice is refused');
select is(tests.attempt_as('staff', format($$ select count(*) from (select public.update_case(%L, jsonb_build_object('home', '{"kind": "area", "areaId": "area_north"}'::jsonb,
  'constraints', tests.constraints(), 'members', '[{"id": "m1", "relationship": "self", "ageBand": "19-39", "targets": [], "needs": ["meals"], "name": "山田"}]'::jsonb))) x $$,
  (select v ->> 'id' from t_case where k = 'a'))), 'error 22023', 'a member with a name field is refused (unknown key)');

-- notes --------------------------------------------------------------------------------------------------
select is(tests.attempt_as('staff', format($$ select count(*) from (select public.add_case_note(%L, %L)) x $$, (select v ->> 'id' from t_case where k = 'a'), note)), expected, label)
from (values
  ('次回は同行して見学する', 'ok', 'a short note is kept'),
  ('連絡先 090-1234-5678', 'error 22023', 'a phone number is refused'),
  ('連絡先 ０９０１２３４５６７８', 'error 22023', 'a full-width phone number is refused'),
  ('〒370-0001 に住んでいる', 'error 22023', 'a postal code is refused'),
  ('メールは someone@example.jp へ', 'error 22023', 'an e-mail address is refused'),
  ('  ', 'error 22023', 'an empty note is refused'),
  ('11月30日 14:00 に見学', 'ok', 'dates and times are not mistaken for phone numbers')
) as t(note, expected0, label)
cross join lateral (select case expected0 when 'ok' then 'rows 1' else expected0 end as expected) e;
reset role;
select throws_ok($$ insert into public.case_notes (case_id, team_id, body) select id, team_id, '電話 03-1234-5678' from public.cases limit 1 $$,
  '23514', null, 'the table refuses a phone number whoever writes');
select tests.act_as('staff');

-- referrals: the status flow -------------------------------------------------------------------------------
create temporary table t_ref (k text primary key, id text) on commit drop;
grant all on t_ref to authenticated;
insert into t_ref select 'r', public.create_referral((select v ->> 'id' from t_case where k = 'a'), 'm1', 'menu_a_staff', '2026-11-20') ->> 'id';
select is((select (public.case_referrals((select v ->> 'id' from t_case where k = 'a')) -> 0) - 'id' - 'caseId' - 'teamId' - 'createdAt' - 'updatedAt' - 'history'),
  '{"memberId": "m1", "menuId": "menu_a_staff", "siteId": "site_a_pub", "menuTitle": "皿洗いの就労体験", "siteName": "みんなの食堂", "status": "proposed", "reason": null, "nextFollowUp": "2026-11-20"}'::jsonb,
  'a new referral starts at 提案 and keeps the menu''s title and site name');
select is(tests.attempt_as('staff', format($$ select count(*) from (select public.create_referral(%L, 'm1', 'menu_a_staff', '2026-12-01')) x $$, (select v ->> 'id' from t_case where k = 'a'))),
  'error 23505', 'the same member cannot be referred to the same menu twice while the first is active');
select is(tests.attempt_as('staff', format($$ select count(*) from (select public.create_referral(%L, 'm1', 'menu_a_pub', null)) x $$, (select v ->> 'id' from t_case where k = 'a'))),
  'error 23514', 'a referral without a follow-up date is refused');
select is(tests.attempt_as('staff', format($$ select count(*) from (select public.create_referral(%L, 'm1', 'menu_a_draft', '2026-12-01')) x $$, (select v ->> 'id' from t_case where k = 'a'))),
  'error 22023', 'a referral to a draft menu is refused');
select is(tests.attempt_as('staff', format($$ select count(*) from (select public.create_referral(%L, 'm9', 'menu_a_pub', '2026-12-01')) x $$, (select v ->> 'id' from t_case where k = 'a'))),
  'error 22023', 'a referral of a member the case does not have is refused');
reset role;
select throws_ok(format($$ insert into public.referrals (case_id, team_id, member_id, menu_id, menu_title, status, next_follow_up) values (%L, 'team_1', 'm1', 'menu_a_pub', 'x', 'continuing', '2026-12-01') $$,
  (select v ->> 'id' from t_case where k = 'a')), '23514', '新しいつなぎは「提案」から始めます', 'a referral starts at 提案, whoever writes');
select tests.act_as('staff');

select is(tests.attempt_as('staff', format($$ select count(*) from (select public.update_referral(%L, %L, %L, %L)) x $$, (select id from t_ref), st, reason, follow_up)), expected, label)
from (values
  ('consented', null, '2026-11-25', 'rows 1', 'proposed → consented with a follow-up date'),
  ('visit_planned', null, '2026-11-25', 'rows 1', 'stages may be skipped (proposed → visit_planned)'),
  ('proposed', null, '2026-11-25', 'rows 1', 'the same status changes only the follow-up date'),
  ('consented', null, null, 'error 23514', 'an active stage without a follow-up date is refused'),
  ('consented', 'health', '2026-11-25', 'error 23514', 'a stage takes no reason code'),
  ('ended', null, null, 'error 23514', 'an exit without a reason code is refused'),
  ('ended', 'full', null, 'error 23503', 'a reason code of another exit is refused (full is for 受け入れ不可)'),
  ('ended', 'goal_met', '2026-12-01', 'error 23514', 'an ended referral keeps no follow-up date'),
  ('paused', 'health', null, 'error 23514', '休止 is still active: it needs a follow-up date'),
  ('paused', 'health', '2026-12-01', 'rows 1', '休止 with a reason and a follow-up date'),
  ('declined', 'anxiety', null, 'rows 1', 'proposed → 本人辞退 with a reason'),
  ('unknown', null, '2026-11-25', 'error 23514', 'an unknown status is refused')
) as t(st, reason, follow_up, expected, label);

select lives_ok(format($$ select public.update_referral(%L, 'continuing', null, '2026-12-10') $$, (select id from t_ref)), 'proposed → continuing');
select throws_ok(format($$ select public.update_referral(%L, 'contacted', null, '2026-12-10') $$, (select id from t_ref)),
  '23514', 'つなぎの段階は戻せません（休止から再開するときは、どの段階にも戻せます）', 'continuing → contacted: no step back');
select lives_ok(format($$ select public.update_referral(%L, 'paused', 'schedule_change', '2026-12-15') $$, (select id from t_ref)), 'continuing → 休止');
select lives_ok(format($$ select public.update_referral(%L, 'contacted', null, '2026-12-12') $$, (select id from t_ref)), '休止 → contacted: resuming may go back to any stage');
select lives_ok(format($$ select public.update_referral(%L, 'refused', 'full', null) $$, (select id from t_ref)), 'contacted → 受け入れ不可 (full)');
select throws_ok(format($$ select public.update_referral(%L, 'continuing', null, '2026-12-12') $$, (select id from t_ref)),
  '23514', 'このつなぎは終わっています（終了・本人辞退・受け入れ不可）。新しいつなぎを作ってください', 'an end is final');
select is(
  (select jsonb_agg(h -> 'status') from jsonb_array_elements(public.case_referrals((select v ->> 'id' from t_case where k = 'a')) -> 0 -> 'history') h),
  '["proposed", "continuing", "paused", "contacted", "refused"]'::jsonb, 'the history records every step in order');
select is(
  (select h - 'at' from jsonb_array_elements(public.case_referrals((select v ->> 'id' from t_case where k = 'a')) -> 0 -> 'history') h where h ->> 'status' = 'paused'),
  jsonb_build_object('by', tests.uid('staff')::text, 'status', 'paused', 'reason', 'schedule_change', 'nextFollowUp', '2026-12-15'),
  'each step keeps who, the reason and the follow-up date');
select lives_ok(format($$ select public.create_referral(%L, 'm1', 'menu_a_staff', '2026-12-20') $$, (select v ->> 'id' from t_case where k = 'a')),
  'after an end the member may be referred to the same menu again');
select throws_ok(format($$ select public.update_case(%L, '{"members": [{"id": "m2", "relationship": "child", "ageBand": "6-12", "targets": [], "needs": ["meals"]}]}') $$, (select v ->> 'id' from t_case where k = 'a')),
  '23503', '世帯員「m1」にはつなぎの記録があるため、外せません', 'a member with referrals cannot be removed from the case');
select is(
  (select array_agg(e ->> 'kind' order by e ->> 'kind') from jsonb_array_elements(public.case_timeline((select v ->> 'id' from t_case where k = 'a'))) e),
  array['case_opened', 'referral_created', 'referral_created', 'referral_status', 'referral_status', 'referral_status', 'referral_status'],
  'the timeline holds the opening and every referral step (the notes above were rolled back)');

-- audit: every read and write, attributed ------------------------------------------------------------------
reset role;
delete from public.audit_log;
select tests.act_as('staff');
insert into t_case values ('c', tests.new_case('{"kind": "area", "areaId": "area_north"}'));
create temporary table t_c (id text) on commit drop;
grant all on t_c to authenticated;
insert into t_c select v ->> 'id' from t_case where k = 'c';
select public.get_case((select id from t_c));
select public.list_cases();
select public.set_shortlisted((select id from t_c), 'm1', 'menu_a_pub', true);
select public.case_shortlist((select id from t_c));
insert into t_ref select 'c', public.create_referral((select id from t_c), 'm1', 'menu_a_pub', '2026-12-01') ->> 'id';
select public.update_referral((select id from t_ref where k = 'c'), 'consented', null, '2026-12-03');
select public.case_referrals((select id from t_c));
select public.add_case_note((select id from t_c), '面談した');
select public.case_timeline((select id from t_c));
select public.record_unmet_needs((select id from t_c), '[{"memberId": "m2", "need": "child_study", "areaId": "area_north", "blockingConstraint": "distance", "date": "2026-11-10"}]');
select public.case_unmet_needs((select id from t_c));
select public.follow_ups_due('2026-12-31');
select public.unmet_needs_summary();
select public.update_case((select id from t_c), '{"status": "paused"}');
select public.delete_case((select v ->> 'id' from t_case where k = 'b'));
reset role;
select is(
  (select count(*)::int from public.audit_log where actor is distinct from tests.uid('staff') or actor_role <> 'staff' or at is null or detail ->> 'actor_team_id' <> 'team_1'),
  0, 'every audit row names who (the staff member, as staff of team_1) and when');
select is(
  array(select format('%s %s %s', action, table_name, detail ->> 'entity') from public.audit_log
        where detail ->> 'case_id' = (select id from t_c) or detail ->> 'entity' = 'unmet_summary'
        order by id),
  array['insert cases case', 'insert case_members case', 'insert case_members case',
        'read cases case', 'read cases case_list',
        'insert shortlist_entries shortlist', 'read cases shortlist',
        'insert referrals referral', 'update referrals referral', 'read referrals referral',
        'insert case_notes note', 'read cases timeline',
        'insert unmet_needs unmet_need', 'read unmet_needs unmet_need',
        'read referrals follow_ups', 'read unmet_needs unmet_summary', 'update cases case'],
  'every read and write of the case leaves an audit row, in order, with the port''s entity');
select is((select count(*)::int from public.audit_log where action = 'read' and detail ->> 'via' = 'list_cases'), 3,
  'list_cases logs one read per case listed (the team''s three cases)');
select ok(exists (select 1 from public.audit_log where action = 'delete' and table_name = 'cases' and row_id = (select v ->> 'id' from t_case where k = 'b')),
  'removing a case is logged');
select is((select count(*)::int from public.audit_log where detail::text ~ '(place_to_be|面談|area_north|proposed|consented)'), 0,
  'the audit log keeps who, when and which row, never the values');
select tests.act_as('staff');
select is(
  jsonb_path_query_array(public.case_audit((select id from t_c), 3), '$[*].action'),
  '["update", "read", "read"]'::jsonb, 'case_audit: the team reads its case''s trail, newest first, create/read/update/delete');
select is(tests.attempt_as('staff_other_team', format($$ select jsonb_array_length(public.case_audit(%L)) $$, (select id from t_c))), 'error 42501',
  'another team cannot read the case''s trail');
select cmp_ok(jsonb_array_length(public.case_audit(null, 1000)), '>', 10, 'without a case, staff read their team''s audit entries');
select is((select count(*)::int from jsonb_array_elements(public.case_audit(null, 1000)) e where e ->> 'actorTeamId' is distinct from 'team_1'), 0,
  'and only their team''s');
select is(tests.attempt_as('staff', $$ select count(*) from public.audit_log $$), 'rows 0', 'staff cannot read the audit log table');
select is(tests.attempt_as('staff', $$ delete from public.audit_log $$), 'error 42501', 'nobody can erase the audit trail through the API');
reset role;

-- unmet needs: counts under 5 outside the owning team are suppressed (summarizeUnmet) ------------------
delete from public.unmet_needs;
insert into public.cases (id, team_id, home_area_id, constraints) values ('case_t1', 'team_1', 'area_north', tests.constraints()), ('case_t2', 'team_2', 'area_north', tests.constraints());
insert into public.case_members (case_id, team_id, member_id, position, relationship, age_band, needs)
select c, t, 'm' || i, i - 1, 'other', '40-64', '{meals}'
from (values ('case_t1', 'team_1'), ('case_t2', 'team_2')) as x(c, t), generate_series(1, 12) i;
insert into public.unmet_needs (team_id, case_id, member_id, need, area_id, blocking_constraint, recorded_on)
select team, case_id, 'm' || i, need, area, blocking, '2026-11-10'
from (values
  ('team_1', 'case_t1', 3, 'place_to_be', 'area_north', 'distance'),
  ('team_2', 'case_t2', 1, 'place_to_be', 'area_north', 'distance'),
  ('team_2', 'case_t2', 6, 'meals', 'area_north', 'schedule'),
  ('team_1', 'case_t1', 2, 'socializing', 'area_city', 'cost')
) as g(team, case_id, n, need, area, blocking), generate_series(1, g.n) i;
insert into public.unmet_needs (team_id, case_id, member_id, need, area_id, blocking_constraint, recorded_on)
values ('team_1', 'case_t1', 'm4', 'meals', 'area_north', 'schedule', '2026-10-01');

create function tests.summary() returns jsonb language sql as $$
  select jsonb_agg(jsonb_build_array(x ->> 'need', x -> 'count', x -> 'ownCount')) from jsonb_array_elements(public.unmet_needs_summary('2026-11-01', '2026-11-30')) x
$$;
grant execute on function tests.summary() to authenticated;

select tests.act_as('staff');
select is(tests.summary(), '[["meals", 6, 0], ["socializing", 2, 2], ["place_to_be", null, 3]]'::jsonb,
  'team_1: another team''s 6 shown; its own 2 shown exactly; 3 + 1 withheld as "<5" (own 3 exact); largest first, withheld last');
select tests.act_as('staff_other_team');
select is(tests.summary(), '[["meals", 6, 6], ["place_to_be", null, 1], ["socializing", null, 0]]'::jsonb,
  'team_2: its 6 shown; 1 + 3 withheld; team_1''s 2 withheld');
select tests.act_as('admin');
select is(tests.summary(), '[["meals", 6, 0], ["place_to_be", 4, 0], ["socializing", 2, 0]]'::jsonb,
  'an admin sees every count');
select tests.act_as('staff');
select is(
  (select jsonb_agg(jsonb_build_array(x ->> 'need', x -> 'count', x -> 'ownCount')) from jsonb_array_elements(public.unmet_needs_summary()) x),
  '[["meals", 7, 1], ["socializing", 2, 2], ["place_to_be", null, 3]]'::jsonb,
  'without a period every record counts (the October one joins meals)');
select is(
  (select x - 'count' - 'ownCount' from jsonb_array_elements(public.unmet_needs_summary()) x limit 1),
  '{"need": "meals", "areaId": "area_north", "blockingConstraint": "schedule"}'::jsonb, 'rows name the need, the area and the blocking constraint');
select throws_ok($$ select public.unmet_needs_summary('2026-12-01', '2026-11-01') $$, '22023', '期間の終わりが始まりより前です', 'an inverted period is refused');
reset role;

-- matching retrieval -------------------------------------------------------------------------------------
update public.menus set service_area_ids = '{area_north}' where id = 'menu_b_outreach';
create function tests.candidates(lng float8, lat float8, radius float8, needs text[] default null, areas text[] default '{}') returns text language sql as $$
  select coalesce((select string_agg(m ->> 0, ',' order by m ->> 0) from json_array_elements(public.matching_candidates(lng, lat, radius, needs, areas) -> 'menus') m), '')
$$;
grant execute on function tests.candidates(float8, float8, float8, text[], text[]) to authenticated;
select tests.act_as('staff');
select is(tests.candidates(139.0036, 36.3319, 10000), 'menu_a_pub,menu_a_staff,menu_b_desk,menu_b_shelter,menu_shop_trial',
  'staff get every published menu in reach: staff-only and at a confidential site included, drafts never');
select is(tests.candidates(139.0036, 36.3319, 10000, '{work_experience}'), 'menu_a_staff,menu_shop_trial', 'needs narrow the candidates');
select is(tests.candidates(139.0036, 36.3319, 100), 'menu_a_pub,menu_a_staff,menu_shop_trial', 'the radius narrows them (site_a_pub is at the point)');
select is(tests.candidates(139.0036, 36.3319, 100, null, '{area_north}'), 'menu_a_pub,menu_a_staff,menu_b_outreach,menu_shop_trial',
  'outreach menus come with the home''s areas');
select is(tests.candidates(139.0036, 36.3319, 100, '{meals}', '{area_north}'), 'menu_a_pub', 'outreach is narrowed by needs too');
select is(
  (select string_agg(s ->> 0 || ':' || (s ->> 5), ',' order by s ->> 0) from json_array_elements(public.matching_candidates(139.0036, 36.3319, 10000) -> 'sites') s),
  'site_a_pub:false,site_b_desk:false,site_b_shelter:true'::text,
  'sites come once each, with the confidential flag the engine gates on') ;
select is(
  tests.candidates(139.0036, 36.3319, 10000),
  (select string_agg(m.id, ',' order by m.id) from public.menus m join public.sites s on s.id = m.site_id
   where m.status = 'published' and s.status = 'published' and extensions.st_dwithin(s.location, 'SRID=4326;POINT(139.0036 36.3319)'::extensions.geography, 10000, false)),
  'the candidates are exactly what staff read under RLS within the radius');
select is(
  (select string_agg(json_array_length(m)::text || ':' || (m ->> 1) || ':' || (m ->> 14) || ':' || ((m -> 6)::jsonb = x.schedule)::text, ',' order by m ->> 0)
   from json_array_elements(public.matching_candidates(139.0036, 36.3319, 100) -> 'menus') m join public.menus x on x.id = m ->> 0),
  (select string_agg('15:' || m.site_id || ':' || m.visibility || ':true', ',' order by m.id) from public.menus m where m.id in ('menu_a_pub', 'menu_a_staff', 'menu_shop_trial')),
  'a menu comes as the 15 columns the engine reads (site id second, schedule seventh, visibility last)');
select is(
  (select string_agg(json_array_length(s)::text || ':' || (s ->> 1)::numeric::text || ':' || (s ->> 2)::numeric::text, ',' order by s ->> 0)
   from json_array_elements(public.matching_candidates(139.0036, 36.3319, 100) -> 'sites') s),
  (select string_agg('6:' || extensions.st_x(s.location::extensions.geometry)::numeric::text || ':' || extensions.st_y(s.location::extensions.geometry)::numeric::text, ',' order by s.id)
   from public.sites s where s.id in (select m.site_id from public.menus m where m.id in ('menu_a_pub', 'menu_a_staff', 'menu_shop_trial'))),
  'a site comes as the 6 columns the engine reads, lng and lat exact');
select throws_ok($$ select public.matching_candidates(0, 0, 1000) $$, '22023', null, 'a point outside Japan is refused');
select is((select string_agg(x ->> 'id', ',' order by x ->> 'id') from jsonb_array_elements(public.staff_catalog() -> 'sites') x), 'site_a_pub,site_a_staff,site_b_desk',
  'the staff catalog: published sites, staff-only included, never confidential, drafts or archives');
select is((select string_agg(x ->> 'id', ',' order by x ->> 'id') from jsonb_array_elements(public.staff_catalog() -> 'menus') x), 'menu_a_pub,menu_a_staff,menu_b_desk,menu_b_outreach,menu_shop_trial',
  'and their published menus with outreach; not the menu at the confidential site');
select throws_ok($$ select public.matching_candidates(139.0, 36.3, 1000, '{no_such_need}') $$, '22023', null, 'an unknown need is refused');
reset role;

select * from finish();
rollback;
