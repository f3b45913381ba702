-- Editing with review (20261128090000): change requests, conflicts on updated_at, history, restore,
-- freshness. Role × operation with the refusals spelled out.
-- Fixtures: org_a (not trusted): site_a_pub, menu_a_pub …; org_b (trusted): site_b_desk …
begin;
select plan(84);
select tests.create_fixtures();

create temporary table t (k text primary key, v text) on commit drop;
grant all on t to anon, authenticated, service_role;
create function pg_temp.base(kind text, id text) returns text language sql as $$
  select (public.listing_record(kind, id) ->> 'updated_at')
$$;
insert into t values ('base_site_a_pub', pg_temp.base('site', 'site_a_pub'));

-- refusals before anything is written ---------------------------------------------------------
select is(tests.attempt_as(who, stmt), expected, format('%s: %s', who, label))
from (values
  ('anon', format($$ select count(*) from public.submit_listing_change('site', '{"id": "site_a_pub", "name": "x"}', %L) $$, pg_temp.base('site', 'site_a_pub')), 'error 42501', 'cannot submit a change'),
  ('stranger', format($$ select count(*) from public.submit_listing_change('site', '{"id": "site_a_pub", "name": "x"}', %L) $$, pg_temp.base('site', 'site_a_pub')), 'error 42501', 'cannot submit a change (no profile)'),
  ('coordinator_b', format($$ select count(*) from public.submit_listing_change('site', '{"id": "site_a_pub", "name": "x"}', %L) $$, pg_temp.base('site', 'site_a_pub')), 'error 42501', 'cannot change another organization''s site'),
  ('coordinator_b', $$ select count(*) from public.submit_listing_change('site', '{"organization_id": "org_a", "name": "x", "category_id": "salon", "fields": ["elderly"], "lng": 139, "lat": 36.3, "municipality_code": "102024"}') $$, 'error 42501', 'cannot add a site to another organization'),
  ('coordinator_a', format($$ select count(*) from public.submit_listing_change('site', '{"id": "site_a_pub", "organization_id": "org_b"}', %L) $$, pg_temp.base('site', 'site_a_pub')), 'error 42501', 'cannot move its site to another organization'),
  ('coordinator_a', format($$ select count(*) from public.submit_listing_change('site', '{"id": "site_a_pub", "nmae": "x"}', %L) $$, pg_temp.base('site', 'site_a_pub')), 'error 22023', 'unknown keys are refused'),
  ('coordinator_a', format($$ select count(*) from public.submit_listing_change('site', '{"id": "site_a_pub", "municipality_code": "102025"}', %L) $$, pg_temp.base('site', 'site_a_pub')), 'error 23514', 'a wrong check digit is refused as the table refuses it'),
  ('coordinator_a', format($$ select count(*) from public.submit_listing_change('site', '{"id": "site_a_pub", "fields": ["nope"]}', %L) $$, pg_temp.base('site', 'site_a_pub')), 'error 23503', 'an unknown term is refused as the table refuses it'),
  ('coordinator_a', format($$ select count(*) from public.submit_listing_change('menu', '{"id": "menu_a_pub", "schedule": {"rules": [{"freq": "WEEKLY", "interval": 1, "byday": ["TU"], "opensAt": "19:00", "closesAt": "17:00"}], "closedOnHolidays": false, "irregular": false}}', %L) $$, pg_temp.base('menu', 'menu_a_pub')), 'error 23514', 'an impossible schedule is refused'),
  ('coordinator_a', format($$ select count(*) from public.submit_listing_change('site', '{"id": "site_a_pub", "lng": 35, "lat": 139}', %L) $$, pg_temp.base('site', 'site_a_pub')), 'error 23514', 'swapped coordinates are refused'),
  ('coordinator_a', format($$ select count(*) from public.submit_listing_change('sight', '{"id": "site_a_pub"}', %L) $$, pg_temp.base('site', 'site_a_pub')), 'error 22023', 'an unknown kind is refused'),
  ('coordinator_a', $$ select count(*) from public.submit_listing_change('site', '{"id": "site_a_pub", "name": "x"}', '2020-01-01T00:00:00Z') $$, 'error PT409', 'a stale base is a conflict'),
  ('coordinator_a', $$ select count(*) from public.submit_listing_change('site', '{"id": "site_a_pub", "name": "x"}', null) $$, 'error PT409', 'adding a listing whose id exists is a conflict'),
  ('coordinator_a', $$ select count(*) from public.submit_listing_change('site', '{"id": "site_nowhere", "name": "x"}', '2020-01-01T00:00:00Z') $$, 'error PT409', 'changing a listing that does not exist is a conflict'),
  ('coordinator_a', $$ select count(*) from public.approve_listing_change(1) $$, 'error 42501', 'cannot approve'),
  ('anon', $$ select count(*) from public.approve_listing_change(1) $$, 'error 42501', 'cannot approve'),
  ('anon', $$ select count(*) from public.listing_changes $$, 'rows 0', 'reads no change request'),
  ('anon', $$ insert into public.listing_changes (kind, listing_id, organization_id, action, proposed) values ('site', 'x', 'org_a', 'create', '{}') $$, 'error 42501', 'cannot write change requests directly'),
  ('coordinator_a', $$ insert into public.listing_changes (kind, listing_id, organization_id, action, proposed) values ('site', 'x', 'org_a', 'create', '{}') $$, 'error 42501', 'cannot write change requests directly'),
  ('admin', $$ update public.listing_changes set status = 'approved' $$, 'error 42501', 'cannot change change requests directly')
) as x(who, stmt, expected, label);

-- the conflict message names the listing and carries the current record
select tests.act_as('coordinator_a');
select throws_ok(
  $$ select public.submit_listing_change('site', '{"id": "site_a_pub", "name": "x"}', '2020-01-01T00:00:00Z') $$,
  'PT409', null, 'coordinator_a: a stale save is refused with PT409'
);
do $$
declare d text; m text;
begin
  perform public.submit_listing_change('site', '{"id": "site_a_pub", "name": "x"}', '2020-01-01T00:00:00Z');
exception when others then
  get stacked diagnostics d = pg_exception_detail, m = message_text;
  insert into t values ('conflict_detail', d), ('conflict_message', m);
end
$$;
reset role;
select is((select v::jsonb ->> 'name' from t where k = 'conflict_detail'), 'みんなの食堂', 'the conflict''s DETAIL is the current record');
select ok((select v from t where k = 'conflict_message') ~ 'site_a_pub.*変更しました', 'the conflict message names the listing and says it changed');

-- an untrusted coordinator's change waits; the published row stays --------------------------------
select tests.act_as('coordinator_a');
insert into t select 'change1', (public.submit_listing_change('site', '{"id": "site_a_pub", "name": "みんなの食堂（新）", "description": "毎週火曜と木曜"}',
  (select v::timestamptz from t where k = 'base_site_a_pub'))).id::text;
reset role;
select is((select status from public.listing_changes where id = (select v::bigint from t where k = 'change1')), 'pending', 'coordinator_a (untrusted): the change waits for review');
select is((select changed_fields from public.listing_changes where id = (select v::bigint from t where k = 'change1')), '{description,name}', 'the request names the changed fields');
select is((select submitted_by from public.listing_changes where id = (select v::bigint from t where k = 'change1')), tests.uid('coordinator_a'), 'the request names who submitted it');
select is((select name from public.sites where id = 'site_a_pub'), 'みんなの食堂', 'the published row is unchanged while the change waits');
select is(tests.attempt_as('anon', $$ select count(*) from public.sites where name = 'みんなの食堂' $$), 'rows 1', 'anon: still reads the published version');

select is(tests.attempt_as(who, stmt), expected, format('%s: %s', who, label))
from (values
  ('coordinator_a', $$ select count(*) from public.listing_changes $$, 'rows 1', 'reads its organization''s change request'),
  ('coordinator_ab', $$ select count(*) from public.listing_changes $$, 'rows 1', 'reads the change request of one of its organizations'),
  ('coordinator_b', $$ select count(*) from public.listing_changes $$, 'rows 0', 'cannot read another organization''s change request'),
  ('staff', $$ select count(*) from public.listing_changes $$, 'rows 1', 'reads every change request'),
  ('admin', $$ select count(*) from public.listing_changes $$, 'rows 1', 'reads every change request'),
  ('stranger', $$ select count(*) from public.listing_changes $$, 'rows 0', 'reads no change request'),
  ('coordinator_a', format($$ select count(*) from public.submit_listing_change('site', '{"id": "site_a_pub", "name": "y"}', %L) $$, pg_temp.base('site', 'site_a_pub')), 'error PT409', 'a second change while one waits is a conflict'),
  ('coordinator_b', format($$ select count(*) from public.withdraw_listing_change(%s) $$, (select v from t where k = 'change1')), 'error 42501', 'cannot withdraw another organization''s request'),
  ('staff', format($$ select count(*) from public.reject_listing_change(%s, '  ') $$, (select v from t where k = 'change1')), 'error 22023', 'cannot reject without a comment'),
  ('coordinator_a', format($$ select count(*) from public.reject_listing_change(%s, 'no') $$, (select v from t where k = 'change1')), 'error 42501', 'cannot reject')
) as x(who, stmt, expected, label);

-- someone else changes the listing meanwhile: approval is refused, nothing is overwritten -----------
select tests.act_as('admin');
update public.sites set description = '管理者が直した説明' where id = 'site_a_pub';
select tests.act_as('staff');
select throws_ok(format($$ select public.approve_listing_change(%s) $$, (select v from t where k = 'change1')), 'PT409', null,
  'staff: approving a change to a listing that changed since is refused (conflict)');
reset role;
select is((select description from public.sites where id = 'site_a_pub'), '管理者が直した説明', 'the other edit is kept');
select is((select status from public.listing_changes where id = (select v::bigint from t where k = 'change1')), 'pending', 'the request still waits');

-- withdraw, submit again from the current version, approve ----------------------------------------
select tests.act_as('coordinator_a');
select is((public.withdraw_listing_change((select v::bigint from t where k = 'change1'))).status, 'withdrawn', 'coordinator_a: withdraws its request');
insert into t select 'change2', (public.submit_listing_change('site', '{"id": "site_a_pub", "name": "みんなの食堂（新）"}',
  (public.listing_record('site', 'site_a_pub') ->> 'updated_at')::timestamptz)).id::text;
select tests.act_as('staff');
select is((public.approve_listing_change((select v::bigint from t where k = 'change2'))).status, 'approved', 'staff: approves the request');
select throws_ok(format($$ select public.approve_listing_change(%s) $$, (select v from t where k = 'change2')), 'PT409', null,
  'staff: approving twice is refused');
reset role;
select is((select name || ' / ' || description from public.sites where id = 'site_a_pub'), 'みんなの食堂（新） / 管理者が直した説明',
  'the approved change is published, the other edit kept');
select is((select last_verified from public.sites where id = 'site_a_pub'), current_date, 'approval keeps the record''s 最終確認日 (confirming is 変更なし)');
select is((select reviewed_by from public.listing_changes where id = (select v::bigint from t where k = 'change2')), tests.uid('staff'), 'the request names its reviewer');
select is(
  (select array[changed_by::text, array_to_string(changed_fields, ','), change_id::text, before ->> 'name', after ->> 'name']
   from public.listing_revisions where table_name = 'sites' and row_id = 'site_a_pub' order by id desc limit 1),
  array[tests.uid('staff')::text, 'name', (select v from t where k = 'change2'), 'みんなの食堂', 'みんなの食堂（新）'],
  'the revision records who, which fields, the request, before and after'
);

-- trusted organizations, staff and admins publish at once ------------------------------------------
select tests.act_as('coordinator_b');
select is((public.submit_listing_change('site', '{"id": "site_b_desk", "description": "高齢者と家族の総合相談"}', (public.listing_record('site', 'site_b_desk') ->> 'updated_at')::timestamptz)).status,
  'approved', 'coordinator_b (trusted organization): publishes at once');
reset role;
select is((select description from public.sites where id = 'site_b_desk'), '高齢者と家族の総合相談', 'the trusted change is published');
select tests.act_as('admin');
select is((public.submit_listing_change('menu', '{"id": "menu_a_pub", "title": "子ども食堂（夕食・無料）"}', (public.listing_record('menu', 'menu_a_pub') ->> 'updated_at')::timestamptz)).status,
  'approved', 'admin: publishes at once');

-- new listings: wait, then rejected (with a comment) or approved ---------------------------------
select tests.act_as('coordinator_a');
insert into t select 'new_menu', (public.submit_listing_change('menu', '{"id": "menu_a_new", "site_id": "site_a_pub", "organization_id": "org_a", "title": "夏休みの学習会", "needs": ["child_study"], "targets": ["elementary"]}')).id::text;
insert into t select 'new_site', (public.submit_listing_change('site', '{"organization_id": "org_a", "name": "新しいサロン", "category_id": "salon", "fields": ["elderly"], "lng": 139.01, "lat": 36.33, "municipality_code": "102024"}')).id::text;
reset role;
select is((select count(*)::int from public.menus where id = 'menu_a_new'), 0, 'a new listing does not exist until approved');
select ok((select listing_id from public.listing_changes where id = (select v::bigint from t where k = 'new_site')) is not null, 'a new listing without an id gets one');
select tests.act_as('staff');
select is((public.reject_listing_change((select v::bigint from t where k = 'new_menu'), '対象の学年を書いてください')).status, 'rejected', 'staff: rejects with a comment');
select tests.act_as('admin');
select is((public.approve_listing_change((select v::bigint from t where k = 'new_site'))).status, 'approved', 'admin: approves a new site');
reset role;
select is((select count(*)::int from public.menus where id = 'menu_a_new'), 0, 'the rejected listing was never written');
select is((select comment from public.listing_changes where id = (select v::bigint from t where k = 'new_menu')), '対象の学年を書いてください', 'the rejection keeps its comment');
select is((select s.status from public.sites s join public.listing_changes c on c.listing_id = s.id where c.id = (select v::bigint from t where k = 'new_site')),
  'published', 'the approved new site is published');

-- history ------------------------------------------------------------------------------------------
select is(tests.attempt_as(who, stmt), expected, format('%s: %s', who, label))
from (values
  ('coordinator_a', $$ select count(*) from public.listing_history('site', 'site_a_pub') $$, 'rows 3', 'reads its site''s history (added, edited by an admin, the approved change)'),
  ('coordinator_b', $$ select count(*) from public.listing_history('site', 'site_a_pub') $$, 'rows 0', 'reads nothing of another organization''s history'),
  ('staff', $$ select count(*) from public.listing_history('site', 'site_a_pub') $$, 'rows 3', 'reads every history'),
  ('stranger', $$ select count(*) from public.listing_history('site', 'site_a_pub') $$, 'error 42501', 'cannot read history'),
  ('anon', $$ select count(*) from public.listing_history('site', 'site_a_pub') $$, 'error 42501', 'cannot read history')
) as x(who, stmt, expected, label);
select tests.act_as('coordinator_a');
select is((select changed_by_name || ': ' || array_to_string(changed_fields, ',') || ' / ' || approved_by::text from public.listing_history('site', 'site_a_pub') limit 1),
  'コーディネーターA: name / ' || tests.uid('staff')::text, 'coordinator_a: the newest entry names the submitter, the fields and the reviewer');
select ok((select (after ->> 'lng')::float8 = 139.0036 and before ? 'lat' from public.listing_history('site', 'site_a_pub') limit 1),
  'history entries are records with lng/lat');

-- restore: the version before the rename, as a new change (reviewed: org_a is not trusted) ---------
insert into t select 'restore', (public.restore_listing_revision(
  (select revision_id from public.listing_history('site', 'site_a_pub') where after ->> 'name' = 'みんなの食堂' order by changed_at desc limit 1),
  (public.listing_record('site', 'site_a_pub') ->> 'updated_at')::timestamptz)).id::text;
reset role;
select is((select status || ' ' || array_to_string(changed_fields, ',') || ' ' || (restored_from is not null)::text from public.listing_changes where id = (select v::bigint from t where k = 'restore')),
  'pending name true', 'coordinator_a: restoring a revision is a change request for the fields that differ');
select tests.act_as('staff');
select lives_ok(format($$ select public.approve_listing_change(%s) $$, (select v from t where k = 'restore')), 'staff: approves the restore');
reset role;
select is((select name from public.sites where id = 'site_a_pub'), 'みんなの食堂', 'the old name is back');
select is(tests.attempt_as('coordinator_b', format($$ select count(*) from public.restore_listing_revision(%s, now()) $$,
  (select min(revision_id) from public.listing_history('site', 'site_a_pub')))), 'error 42501', 'coordinator_b: cannot restore another organization''s listing');

-- freshness -----------------------------------------------------------------------------------------
update public.sites set last_verified = public.today_in_japan() - 200 where id = 'site_a_pub';
update public.menus set last_verified = public.today_in_japan() - 400 where id = 'menu_b_desk';
select is(tests.attempt_as(who, stmt), expected, format('%s: %s', who, label))
from (values
  ('coordinator_a', $$ select count(*) from public.stale_listings() where id = 'site_a_pub' $$, 'rows 1', 'its site not confirmed for 200 days is stale'),
  ('coordinator_a', $$ select count(*) from public.stale_listings() where organization_id <> 'org_a' $$, 'rows 0', 'sees only its organizations'' stale listings'),
  ('coordinator_b', $$ select count(*) from public.stale_listings() $$, 'rows 1', 'sees its own stale menu only'),
  ('staff', $$ select count(*) from public.stale_listings() $$, 'rows 2', 'sees every stale listing'),
  ('admin', $$ select count(*) from public.stale_listings(365) $$, 'rows 1', 'a longer window lists fewer'),
  ('admin', $$ select min(days_since) from public.stale_listings(180) $$, 'rows 200', 'days since the last confirmation'),
  ('admin', $$ select count(*) from public.stale_listings(0) $$, 'error 22023', 'days must be at least 1'),
  ('anon', $$ select count(*) from public.stale_listings() $$, 'error 42501', 'cannot list stale listings'),
  ('stranger', $$ select count(*) from public.stale_listings() $$, 'error 42501', 'cannot list stale listings'),
  ('coordinator_b', format($$ select count(*) from public.confirm_listing_unchanged('site', 'site_a_pub', %L) $$, pg_temp.base('site', 'site_a_pub')), 'error 42501', 'cannot confirm another organization''s listing'),
  ('anon', format($$ select count(*) from public.confirm_listing_unchanged('site', 'site_a_pub', %L) $$, pg_temp.base('site', 'site_a_pub')), 'error 42501', 'cannot confirm'),
  ('coordinator_a', $$ select count(*) from public.confirm_listing_unchanged('site', 'site_a_pub', '2020-01-01T00:00:00Z') $$, 'error PT409', 'confirming from a stale version is a conflict')
) as x(who, stmt, expected, label);
select tests.act_as('coordinator_a');
insert into t values ('before_confirm', pg_temp.base('site', 'site_a_pub'));
select is((public.confirm_listing_unchanged('site', 'site_a_pub', (select v::timestamptz from t where k = 'before_confirm')) ->> 'last_verified')::date,
  public.today_in_japan(), 'coordinator_a: 変更なし sets 最終確認日 to today, without review');
select ok(pg_temp.base('site', 'site_a_pub') <> (select v from t where k = 'before_confirm'), 'confirming gives the listing a new updated_at');
select is((select count(*)::int from public.stale_listings() where id = 'site_a_pub'), 0, 'the confirmed site is no longer stale');
reset role;

select * from finish();
rollback;
