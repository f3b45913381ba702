-- The editing RPCs as the editing port uses them (20261128090400): the proposal is the current
-- version while it waits (a second save amends it; staff editing it publish it), 変更なし rebases a
-- waiting proposal, history actions, and the editor's reads by role.
begin;
select plan(48);
select tests.create_fixtures();

create temporary table t (k text primary key, v text) on commit drop;
grant all on t to anon, authenticated;

-- a coordinator saves twice: the second save is checked against the proposal and amends it ---------
select tests.act_as('coordinator_a');
insert into t select 'c1', (public.submit_listing_change('menu', '{"id": "menu_a_pub", "title": "子ども食堂（夕食）第1版"}',
  (public.listing_record('menu', 'menu_a_pub') ->> 'updated_at')::timestamptz)).id::text;
insert into t select 'token1', public.editor_listing('menu', 'menu_a_pub') #>> '{pending,proposed,updated_at}';
select throws_ok($$ select public.submit_listing_change('menu', '{"id": "menu_a_pub", "title": "古い版から"}',
  (public.listing_record('menu', 'menu_a_pub') ->> 'updated_at')::timestamptz) $$, 'PT409', null,
  'coordinator_a: saving from the published version while a proposal waits is a conflict');
insert into t select 'c2', (public.submit_listing_change('menu', '{"id": "menu_a_pub", "title": "子ども食堂（夕食）第2版"}',
  (select v::timestamptz from t where k = 'token1'))).id::text;
select is((select v from t where k = 'c2'), (select v from t where k = 'c1'), 'coordinator_a: a save from the proposal amends the same request');
select is(public.editor_listing('menu', 'menu_a_pub') #>> '{pending,proposed,title}', '子ども食堂（夕食）第2版', 'the proposal is the second version');
select isnt(public.editor_listing('menu', 'menu_a_pub') #>> '{pending,proposed,updated_at}', (select v from t where k = 'token1'), 'the proposal has a new token');
select is(public.editor_listing('menu', 'menu_a_pub') #>> '{published,title}', '子ども食堂（夕食）', 'the published version is unchanged');
select is((public.editor_listing('menu', 'menu_a_pub') ->> 'publishes_directly')::boolean, false, 'coordinator_a (untrusted) does not publish directly');

-- 変更なし while a proposal waits: confirmed, and the proposal rebased ----------------------------------
reset role;
update public.menus set last_verified = '2026-01-01' where id = 'menu_a_pub';
select tests.act_as('coordinator_a');
select is((public.confirm_listing_unchanged('menu', 'menu_a_pub', (public.editor_listing('menu', 'menu_a_pub') #>> '{pending,proposed,updated_at}')::timestamptz) ->> 'last_verified')::date,
  public.today_in_japan(), 'coordinator_a: 変更なし with the proposal''s token confirms the published version');
select is((select (base_updated_at = (public.listing_record('menu', 'menu_a_pub') ->> 'updated_at')::timestamptz) from public.listing_changes where id = (select v::bigint from t where k = 'c1')),
  true, 'the waiting proposal is rebased on the confirmed version');

-- staff open the proposal and save it: published, the request approved -------------------------------
select tests.act_as('staff');
select is((public.editor_listing('menu', 'menu_a_pub') ->> 'publishes_directly')::boolean, true, 'staff publish directly');
select is((public.submit_listing_change('menu', '{"id": "menu_a_pub", "title": "子ども食堂（夕食）"}',
  (public.editor_listing('menu', 'menu_a_pub') #>> '{pending,proposed,updated_at}')::timestamptz)).status, 'approved',
  'staff: saving over a waiting proposal publishes it');
reset role;
select is((select status || ' ' || comment from public.listing_changes where id = (select v::bigint from t where k = 'c1')), 'approved 編集して公開', 'the waiting request is approved (編集して公開)');
select is((select count(*)::int from public.listing_changes where status = 'pending'), 0, 'nothing waits any more');

-- history actions --------------------------------------------------------------------------------------
select tests.act_as('admin');
select is(array(select action from public.listing_history('menu', 'menu_a_pub')), array['update', 'verify', 'verify', 'create'],
  'admin: history says update, verify (変更なし), verify (a date-only edit), create, newest first');
select is((select array[changed_by, approved_by] from public.listing_history('menu', 'menu_a_pub') limit 1), array[tests.uid('staff'), null],
  'the proposal staff edited and published: the history names staff, no separate approver (as the local source)');
select is((select submitted_by from public.listing_changes where id = (select v::bigint from t where k = 'c1')), tests.uid('coordinator_a'), 'the request keeps its submitter');
select is((select approved_by from public.listing_history('menu', 'menu_a_pub') where action = 'verify' limit 1), null, '変更なし has no approver');

-- a rejection shows on the listing until the next save --------------------------------------------------
select tests.act_as('coordinator_a');
insert into t select 'c3', (public.submit_listing_change('site', '{"id": "site_a_pub", "description": "木曜も"}',
  (public.listing_record('site', 'site_a_pub') ->> 'updated_at')::timestamptz)).id::text;
insert into t select 'new', (public.submit_listing_change('site', '{"id": "site_a_new", "organization_id": "org_a", "name": "新しい場所", "category_id": "salon", "fields": ["elderly"], "lng": 139.01, "lat": 36.33, "municipality_code": "102024"}')).id::text;
select tests.act_as('staff');
select lives_ok(format($$ select public.reject_listing_change(%s, '曜日を確認してください') $$, (select v from t where k = 'c3')), 'staff: rejects');
select tests.act_as('coordinator_a');
select is((select rejected_comment from public.editor_listings() where id = 'site_a_pub'), '曜日を確認してください', 'coordinator_a: its list shows the rejection and its comment');
select is((select status || ' ' || (pending_change_id is not null)::text from public.editor_listings() where id = 'site_a_new'), 'published true',
  'coordinator_a: a new listing waiting for approval is in its list');
select is(public.editor_listing('site', 'site_a_new') -> 'published', 'null'::jsonb, 'a new listing has no published version');

-- the editor's reads by role ------------------------------------------------------------------------------
reset role;
insert into public.error_reports (site_id, organization_id, kind, message) values ('site_a_pub', 'org_a', 'schedule', '火曜は休み');
update public.sites set last_verified = public.today_in_japan() - 200 where id = 'site_a_pub';
select is(tests.attempt_as(who, stmt), expected, format('%s: %s', who, label))
from (values
  ('anon', $$ select count(*) from public.editor_listings() $$, 'error 42501', 'cannot list listings'),
  ('stranger', $$ select count(*) from public.editor_listings() $$, 'error 42501', 'cannot list listings'),
  ('coordinator_a', $$ select count(*) from public.editor_listings() where organization_id <> 'org_a' $$, 'rows 0', 'lists its organization''s listings only'),
  ('coordinator_a', $$ select count(*) from public.editor_listings('org_b') $$, 'error 42501', 'cannot list another organization''s listings'),
  ('coordinator_a', $$ select open_reports from public.editor_listings() where id = 'site_a_pub' $$, 'rows 1', 'sees the open report count'),
  ('coordinator_a', $$ select count(*) from public.editor_listings(null, true) $$, 'rows 1', 'the stale filter'),
  ('staff', $$ select count(*) from public.editor_listings('org_b') $$, 'rows 6', 'lists any organization''s listings (3 sites, 3 menus)'),
  ('coordinator_b', $$ select count(*) from public.editor_listing('site', 'site_a_pub') $$, 'error 42501', 'cannot open another organization''s listing'),
  ('coordinator_b', $$ select count(*) from public.editor_changes() $$, 'rows 0', 'sees no other organization''s requests'),
  ('coordinator_a', $$ select count(*) from public.editor_changes('pending') $$, 'rows 1', 'sees its organization''s pending request'),
  ('anon', $$ select count(*) from public.editor_changes() $$, 'error 42501', 'cannot list requests'),
  ('staff', $$ select count(*) from public.editor_reports('open') $$, 'rows 1', 'lists open reports'),
  ('coordinator_b', $$ select count(*) from public.editor_reports() $$, 'rows 0', 'sees no reports on other organizations'' listings'),
  ('anon', $$ select count(*) from public.editor_reports() $$, 'error 42501', 'cannot list reports'),
  ('coordinator_a', $$ select count(*) from public.editor_organizations() $$, 'rows 3', 'lists organizations'),
  ('anon', $$ select count(*) from public.editor_organizations() $$, 'error 42501', 'cannot list organizations for editing'),
  ('coordinator_a', $$ delete from public.listing_changes $$, 'error 42501', 'cannot delete change requests'),
  ('admin', $$ delete from public.listing_changes $$, 'error 42501', 'cannot delete change requests (history)'),
  ('staff', $$ delete from public.error_reports $$, 'error 42501', 'cannot delete error reports'),
  ('staff', $$ update public.error_reports set message = 'x' $$, 'error 42501', 'cannot rewrite error reports'),
  ('staff', format($$ select count(*) from public.submit_listing_change('site', '{"id": "site_b_desk", "description": "職員が直した"}', %L) where status = 'approved' $$,
    (select updated_at from public.sites where id = 'site_b_desk')), 'rows 1', 'publishes a change at once'),
  ('coordinator_b', format($$ select count(*) from public.submit_listing_change('site', '{"id": "site_b_desk", "visibility": "staff"}', %L) where status = 'approved' $$,
    (select updated_at from public.sites where id = 'site_b_desk')), 'rows 1', 'publishes at once (trusted organization)')
) as x(who, stmt, expected, label);

-- stale is more than 180 days (isStale), and a report about a menu counts on the menu
reset role;
update public.sites set last_verified = public.today_in_japan() - 180 where id = 'site_b_desk';
update public.menus set last_verified = public.today_in_japan() - 181 where id = 'menu_b_outreach';
insert into public.error_reports (site_id, menu_id, organization_id, kind, message) values ('site_b_desk', 'menu_b_desk', 'org_b', 'schedule', '曜日が違う');
select tests.act_as('coordinator_b');
select is(array(select id from public.editor_listings(null, true) order by id), array['menu_b_outreach'], 'coordinator_b: 180 days is not yet stale, 181 is');
select is(array(select id from public.stale_listings() order by id), array['menu_b_outreach'], 'coordinator_b: stale_listings agrees');
select is((select array_agg(open_reports order by kind) from public.editor_listings() where id in ('site_b_desk', 'menu_b_desk')), array[1, 0],
  'coordinator_b: the report about the menu counts on the menu, not on its site');

-- 変更なし on a listing already confirmed today still leaves a line in the history
select tests.act_as('coordinator_b');
select lives_ok($$ select public.confirm_listing_unchanged('menu', 'menu_b_desk', (public.listing_record('menu', 'menu_b_desk') ->> 'updated_at')::timestamptz) $$, 'coordinator_b: confirms its menu');
select lives_ok($$ select public.confirm_listing_unchanged('menu', 'menu_b_desk', (public.listing_record('menu', 'menu_b_desk') ->> 'updated_at')::timestamptz) $$, 'coordinator_b: confirms it again the same day');
select is((select count(*)::int from public.listing_history('menu', 'menu_b_desk') where action = 'verify'), 2, 'both confirmations are in the history');
reset role;

select * from finish();
rollback;
