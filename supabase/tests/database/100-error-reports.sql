-- Error reports (20261128090100, kinds and length as the port's since 20261128090400): anyone reports through the RPC only, no personal data, rate
-- limited per client and per site, moderated by staff and admins, read by the organization.
begin;
select plan(48);
select tests.create_fixtures();

-- who may report what ---------------------------------------------------------------------------
select is(tests.attempt_as(who, stmt), expected, format('%s: %s', who, label))
from (values
  ('anon', $$ select (public.report_listing_error('site_a_pub', 'schedule', '火曜日は休みになったようです') > 0)::int $$, 'rows 1', 'reports an error on a public site'),
  ('anon', $$ select (public.report_listing_error('site_b_desk', 'contact', '電話番号が変わっていました', 'menu_b_desk') > 0)::int $$, 'rows 1', 'reports an error on a public menu'),
  ('stranger', $$ select (public.report_listing_error('site_a_pub', 'closed', '閉まっていました') > 0)::int $$, 'rows 1', 'reports too (signed in, no profile)'),
  ('anon', $$ select public.report_listing_error('site_b_shelter', 'place', 'ここにはありません') $$, 'error 22023', 'cannot report on a confidential site (it is not public)'),
  ('anon', $$ select public.report_listing_error('site_a_draft', 'place', 'ここにはありません') $$, 'error 22023', 'cannot report on a draft'),
  ('anon', $$ select public.report_listing_error('site_a_pub', 'schedule', '違います', 'menu_a_staff') $$, 'error 22023', 'cannot report on a staff-only menu'),
  ('anon', $$ select public.report_listing_error('site_a_pub', 'schedule', '違います', 'menu_b_desk') $$, 'error 22023', 'cannot name a menu of another site'),
  ('anon', $$ select public.report_listing_error('site_a_pub', 'rude', '違います') $$, 'error 22023', 'an unknown kind is refused'),
  ('anon', $$ select public.report_listing_error('site_a_pub', 'other', '   ') $$, 'error 22023', 'an empty message is refused'),
  ('anon', $$ select public.report_listing_error('site_a_pub', 'other', repeat('あ', 301)) $$, 'error 22023', 'a message over 300 characters is refused'),
  ('anon', $$ select (public.report_listing_error('site_a_pub', 'other', repeat('あ', 300)) > 0)::int $$, 'rows 1', 'a message of 300 characters is accepted'),
  ('anon', $$ select public.report_listing_error('site_a_pub', 'place', 'ここにはありません') $$, 'error 22023', 'the kinds are the port''s (place is location)'),
  ('anon', $$ select (public.report_listing_error('site_a_pub', 'location', 'ここにはありません') > 0)::int $$, 'rows 1', 'reports a wrong location'),
  ('anon', $$ select public.report_listing_error('site_a_pub', 'contact', '私の電話は090-1234-5678です') $$, 'error 22023', 'a phone number is refused (personal data)'),
  ('anon', $$ select public.report_listing_error('site_a_pub', 'contact', '０３（１２３４）５６７８に電話して') $$, 'error 22023', 'a full-width phone number is refused'),
  ('anon', $$ select public.report_listing_error('site_a_pub', 'contact', '連絡は taro@example.jp まで') $$, 'error 22023', 'an e-mail address is refused'),
  ('anon', $$ select (public.report_listing_error('site_a_pub', 'schedule', '2026.11.28 10:00〜12:00 は休みでした') > 0)::int $$, 'rows 1', 'dates and times are not mistaken for phone numbers'),
  ('anon', $$ insert into public.error_reports (site_id, organization_id, kind, message) values ('site_a_pub', 'org_a', 'other', 'x') $$, 'error 42501', 'cannot insert directly'),
  ('coordinator_a', $$ insert into public.error_reports (site_id, organization_id, kind, message) values ('site_a_pub', 'org_a', 'other', 'x') $$, 'error 42501', 'cannot insert directly'),
  ('admin', $$ update public.error_reports set status = 'resolved' $$, 'error 42501', 'cannot update directly (through the RPCs only)'),
  ('anon', $$ select count(*) from public.error_report_clients $$, 'error 42501', 'cannot read the rate limit''s hashes'),
  ('admin', $$ select count(*) from public.error_report_clients $$, 'error 42501', 'cannot read the rate limit''s hashes')
) as x(who, stmt, expected, label);

-- rate limit: 5 per client per hour, 10 per site per hour -------------------------------------------
-- (attempt_as undoes each statement, so these report for real)
select tests.act_as('anon');
select set_config('request.headers', '{"x-forwarded-for": "203.0.113.5"}', true);
select lives_ok($$ select public.report_listing_error('site_b_desk', 'schedule', format('%s回目', n)) from generate_series(1, 5) n $$, 'anon: 5 reports from one client');
select throws_ok($$ select public.report_listing_error('site_b_desk', 'schedule', '6回目') $$, 'PT429', null, 'anon: the 6th from the same client is refused');
select throws_ok($$ select public.report_listing_error('site_a_pub', 'schedule', '別の場所でも') $$, 'PT429', null, 'anon: also on another site (the limit is per client)');
select set_config('request.headers', '{"x-forwarded-for": "198.51.100.7"}', true);
select lives_ok($$ select public.report_listing_error('site_b_desk', 'schedule', '別の人から') $$, 'anon: another client may report');
select set_config('request.headers', '', true);
select lives_ok($$ select public.report_listing_error('site_b_desk', 'schedule', format('ヘッダなし %s', n)) from generate_series(1, 4) n $$, 'anon: without a client header, reports count per site');
select throws_ok($$ select public.report_listing_error('site_b_desk', 'schedule', '11件目') $$, 'PT429', null, 'anon: the 11th report on one site within an hour is refused');
reset role;
select is((select count(*)::int from public.error_reports where site_id = 'site_b_desk'), 10, '10 reports were stored for the site');
select is((select count(distinct client_hash)::int from public.error_report_clients), 2, 'two clients, stored as hashes');
select ok((select bool_and(client_hash ~ '^[0-9a-f]{64}$' and client_hash !~ '203') from public.error_report_clients), 'no address is stored, only a SHA-256');

-- reading ---------------------------------------------------------------------------------------
insert into public.error_reports (site_id, organization_id, kind, message) values
  ('site_a_pub', 'org_a', 'closed', '閉まっていました'), ('site_a_pub', 'org_a', 'other', '広告です');
select is(tests.attempt_as(who, stmt), expected, format('%s: %s', who, label))
from (values
  ('anon', $$ select count(*) from public.error_reports $$, 'rows 0', 'reads no report'),
  ('stranger', $$ select count(*) from public.error_reports $$, 'rows 0', 'reads no report'),
  ('coordinator_a', $$ select count(*) from public.error_reports $$, 'rows 2', 'reads the reports on its organization''s listings'),
  ('coordinator_b', $$ select count(*) from public.error_reports $$, 'rows 10', 'reads the reports on its organization''s listings'),
  ('coordinator_ab', $$ select count(*) from public.error_reports $$, 'rows 12', 'reads the reports of both its organizations'),
  ('staff', $$ select count(*) from public.error_reports $$, 'rows 12', 'reads every report'),
  ('admin', $$ select count(*) from public.error_reports $$, 'rows 12', 'reads every report')
) as x(who, stmt, expected, label);

-- moderation ----------------------------------------------------------------------------------------
create temporary table r on commit drop as
  select (select id from public.error_reports where message = '閉まっていました') as closed_id,
         (select id from public.error_reports where message = '広告です') as spam_id;
grant select on r to anon, authenticated;
select is(tests.attempt_as(who, stmt), expected, format('%s: %s', who, label))
from (values
  ('anon', $$ select count(*) from public.dismiss_error_report((select spam_id from r)) $$, 'error 42501', 'cannot moderate'),
  ('coordinator_a', $$ select count(*) from public.dismiss_error_report((select spam_id from r)) $$, 'error 42501', 'cannot dismiss (staff and admins moderate)'),
  ('coordinator_b', $$ select count(*) from public.resolve_error_report((select closed_id from r)) $$, 'error 42501', 'cannot resolve another organization''s report'),
  ('staff', $$ select count(*) from public.moderate_error_report((select spam_id from r), 'deleted') $$, 'error 22023', 'an unknown status is refused')
) as x(who, stmt, expected, label);
select tests.act_as('staff');
select is((public.dismiss_error_report((select spam_id from r), '広告')).status, 'dismissed', 'staff: dismisses spam');
select tests.act_as('coordinator_a');
select is((public.resolve_error_report((select closed_id from r), '休止を掲載に反映しました')).status, 'resolved', 'coordinator_a: resolves a report on its listing');
select is((select count(*)::int from public.error_reports), 1, 'coordinator_a: no longer sees the dismissed report');
select tests.act_as('admin');
select is((select moderated_by from public.error_reports where id = (select spam_id from r)), tests.uid('staff'), 'admin: the moderator is recorded');
select is((public.moderate_error_report((select spam_id from r), 'open')).status, 'open', 'admin: reopens a report');
reset role;
select is((select count(*)::int from public.audit_log where table_name = 'error_reports' and action = 'update'), 3, 'moderation is in the audit log');

select * from finish();
rollback;
