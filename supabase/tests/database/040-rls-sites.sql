-- Row-level security of sites, role × operation, with the refusals spelled out: anon writes
-- nothing; nobody reads a draft, a staff-only or a confidential site without the right role; a
-- coordinator never touches another organization's site nor moves one there; only trusted
-- organizations publish without review.
-- Fixtures: org_a (not trusted): site_a_pub, site_a_draft, site_a_pending, site_a_staff (staff-only);
--           org_b (trusted): site_b_desk, site_b_shelter (confidential), site_b_archived.
begin;
select plan(64);
select tests.create_fixtures();

select is(tests.attempt_as(who, stmt), expected, format('%s: %s', who, label))
from (values
  -- reading --------------------------------------------------------------------------------------
  ('anon', $$ select count(*) from public.sites $$, 'rows 2', 'reads the 2 published public sites'),
  ('anon', $$ select count(*) from public.sites where id in ('site_a_draft', 'site_a_pending') $$, 'rows 0', 'cannot read drafts or pending sites'),
  ('anon', $$ select count(*) from public.sites where id = 'site_a_staff' $$, 'rows 0', 'cannot read a staff-only site'),
  ('anon', $$ select count(*) from public.sites where id = 'site_b_shelter' $$, 'rows 0', 'cannot read a confidential site'),
  ('anon', $$ select count(*) from public.sites where extensions.st_dwithin(location, 'SRID=4326;POINT(139.02 36.35)'::extensions.geography, 100) $$, 'rows 0', 'cannot find a confidential site''s point by distance'),
  ('anon', $$ select count(*) from public.sites where id = 'site_b_archived' $$, 'rows 0', 'cannot read an archived site'),
  ('stranger', $$ select count(*) from public.sites $$, 'rows 2', 'reads only what visitors read'),
  ('coordinator_a', $$ select count(*) from public.sites $$, 'rows 5', 'reads public sites and every site of its organization'),
  ('coordinator_b', $$ select count(*) from public.sites where id in ('site_a_draft', 'site_a_pending', 'site_a_staff') $$, 'rows 0', 'cannot read another organization''s draft, pending or staff-only site'),
  ('coordinator_a', $$ select count(*) from public.sites where id = 'site_b_shelter' $$, 'rows 0', 'cannot read another organization''s confidential site'),
  ('coordinator_b', $$ select count(*) from public.sites where id = 'site_b_shelter' $$, 'rows 1', 'reads its own confidential site'),
  ('coordinator_ab', $$ select count(*) from public.sites $$, 'rows 7', 'reads every site of both its organizations'),
  ('staff', $$ select count(*) from public.sites $$, 'rows 4', 'reads every published site'),
  ('staff', $$ select count(*) from public.sites where id in ('site_a_staff', 'site_b_shelter') $$, 'rows 2', 'reads staff-only and confidential published sites'),
  ('staff', $$ select count(*) from public.sites where id in ('site_a_draft', 'site_a_pending', 'site_b_archived') $$, 'rows 0', 'cannot read drafts, pending or archived sites'),
  ('admin', $$ select count(*) from public.sites $$, 'rows 7', 'reads every site'),
  ('service_role', $$ select count(*) from public.sites $$, 'rows 7', 'bypasses row-level security'),

  -- adding ---------------------------------------------------------------------------------------
  ('anon', $$ insert into public.sites (organization_id, name, category_id, fields, location, municipality_code) values ('org_a', 'x', 'salon', '{elderly}', 'SRID=4326;POINT(139 36.3)', '102024') $$, 'error 42501', 'cannot add a site'),
  ('stranger', $$ insert into public.sites (organization_id, name, category_id, fields, location, municipality_code) values ('org_a', 'x', 'salon', '{elderly}', 'SRID=4326;POINT(139 36.3)', '102024') $$, 'error 42501', 'cannot add a site'),
  ('staff', $$ insert into public.sites (organization_id, name, category_id, fields, location, municipality_code) values ('org_a', 'x', 'salon', '{elderly}', 'SRID=4326;POINT(139 36.3)', '102024') $$, 'error 42501', 'cannot add a site'),
  ('coordinator_a', $$ insert into public.sites (organization_id, name, category_id, fields, location, municipality_code) values ('org_a', 'x', 'salon', '{elderly}', 'SRID=4326;POINT(139 36.3)', '102024') $$, 'ok 1', 'adds a draft site to its organization'),
  ('coordinator_a', $$ insert into public.sites (organization_id, name, category_id, fields, location, municipality_code, status) values ('org_a', 'x', 'salon', '{elderly}', 'SRID=4326;POINT(139 36.3)', '102024', 'pending') $$, 'ok 1', 'adds a site for review'),
  ('coordinator_a', $$ insert into public.sites (organization_id, name, category_id, fields, location, municipality_code) values ('org_b', 'x', 'salon', '{elderly}', 'SRID=4326;POINT(139 36.3)', '102024') $$, 'error 42501', 'cannot add a site to another organization'),
  ('coordinator_a', $$ insert into public.sites (organization_id, name, category_id, fields, location, municipality_code, status) values ('org_a', 'x', 'salon', '{elderly}', 'SRID=4326;POINT(139 36.3)', '102024', 'published') $$, 'error 42501', 'cannot publish without review (organization not trusted)'),
  ('coordinator_b', $$ insert into public.sites (organization_id, name, category_id, fields, location, municipality_code, status) values ('org_b', 'x', 'salon', '{elderly}', 'SRID=4326;POINT(139 36.3)', '102024', 'published') $$, 'ok 1', 'publishes directly (trusted organization)'),
  ('admin', $$ insert into public.sites (organization_id, name, category_id, fields, location, municipality_code, status) values ('org_a', 'x', 'salon', '{elderly}', 'SRID=4326;POINT(139 36.3)', '102024', 'published') $$, 'ok 1', 'adds and publishes a site for any organization'),

  -- changing -------------------------------------------------------------------------------------
  ('anon', $$ update public.sites set name = 'x' where id = 'site_a_pub' $$, 'error 42501', 'cannot change a site'),
  ('stranger', $$ update public.sites set name = 'x' $$, 'ok 0', 'changes no site'),
  ('staff', $$ update public.sites set name = 'x' $$, 'ok 0', 'changes no site'),
  ('coordinator_a', $$ update public.sites set last_verified = current_date where id = 'site_a_pub' $$, 'ok 1', 'confirms its own site'),
  ('coordinator_a', $$ update public.sites set name = 'x' where organization_id = 'org_b' $$, 'ok 0', 'cannot change another organization''s sites'),
  ('coordinator_b', $$ update public.sites set name = 'x' where id = 'site_a_pub' $$, 'ok 0', 'cannot change another organization''s published site'),
  ('coordinator_a', $$ update public.sites set organization_id = 'org_b' where id = 'site_a_pub' $$, 'error 42501', 'cannot move its site to another organization'),
  ('coordinator_a', $$ update public.sites set status = 'published' where id = 'site_a_pending' $$, 'error 42501', 'cannot publish its own pending site (not trusted)'),
  ('coordinator_a', $$ update public.sites set status = 'pending' where id = 'site_a_draft' $$, 'ok 1', 'submits its draft for review'),
  ('coordinator_b', $$ update public.sites set status = 'published' where id = 'site_b_archived' $$, 'ok 1', 'republishes its own site (trusted)'),
  ('admin', $$ update public.sites set status = 'published' where id = 'site_a_pending' $$, 'ok 1', 'approves a pending site'),
  ('admin', $$ update public.sites set name = 'x' $$, 'ok 7', 'changes every site'),

  -- removing -------------------------------------------------------------------------------------
  ('anon', $$ delete from public.sites $$, 'error 42501', 'cannot remove sites'),
  ('stranger', $$ delete from public.sites $$, 'ok 0', 'removes no site'),
  ('staff', $$ delete from public.sites $$, 'ok 0', 'removes no site'),
  ('coordinator_a', $$ delete from public.sites where id = 'site_a_draft' $$, 'ok 1', 'removes its own draft'),
  ('coordinator_a', $$ delete from public.sites where id = 'site_a_pub' $$, 'ok 0', 'cannot remove its own published site (archive it instead)'),
  ('coordinator_b', $$ delete from public.sites where id = 'site_a_draft' $$, 'ok 0', 'cannot remove another organization''s draft'),
  ('admin', $$ delete from public.sites where id = 'site_b_archived' $$, 'ok 1', 'removes a site')
) as t(who, stmt, expected, label);

-- the coordinator's insert records who did it, and history follows it
select is(
  tests.attempt_as('coordinator_a', $$ select count(*) from public.sites where created_by = auth.uid() $$),
  'rows 0', 'coordinator_a: created_by is empty for rows it did not create'
);
select tests.act_as('coordinator_a');
insert into public.sites (id, organization_id, name, category_id, fields, location, municipality_code)
values ('site_a_new', 'org_a', '新しいサロン', 'salon', '{elderly}', 'SRID=4326;POINT(139.001 36.301)', '102024');
update public.sites set description = '毎月第2水曜' where id = 'site_a_new';
reset role;
select is((select created_by from public.sites where id = 'site_a_new'), tests.uid('coordinator_a'), 'created_by is the coordinator');
select is((select updated_by from public.sites where id = 'site_a_new'), tests.uid('coordinator_a'), 'updated_by is the coordinator');
select is(
  (select array_agg(action order by id) from public.listing_revisions where table_name = 'sites' and row_id = 'site_a_new'),
  array['insert', 'update'], 'both changes are in listing_revisions'
);
select is(
  (select after ->> 'description' from public.listing_revisions where table_name = 'sites' and row_id = 'site_a_new' and action = 'update'),
  '毎月第2水曜', 'the revision holds the row after the change'
);
select is(
  (select changed_by from public.listing_revisions where table_name = 'sites' and row_id = 'site_a_new' and action = 'update'),
  tests.uid('coordinator_a'), 'the revision names who changed it'
);
select is(
  (select detail -> 'columns' from public.audit_log where table_name = 'sites' and row_id = 'site_a_new' and action = 'update'),
  '["description"]'::jsonb, 'the audit log names the changed columns'
);
select is(
  (select actor_role from public.audit_log where table_name = 'sites' and row_id = 'site_a_new' and action = 'insert'),
  'coordinator', 'the audit log names the actor''s role'
);

-- history is readable by the right people only, and written by triggers only
select is(tests.attempt_as(who, stmt), expected, format('%s: %s', who, label))
from (values
  ('anon', $$ select count(*) from public.listing_revisions $$, 'rows 0', 'reads no revision'),
  ('coordinator_a', $$ select count(*) from public.listing_revisions where row_id = 'site_a_new' $$, 'rows 2', 'reads its organization''s revisions'),
  ('coordinator_b', $$ select count(*) from public.listing_revisions where organization_id = 'org_a' $$, 'rows 0', 'cannot read another organization''s revisions'),
  ('staff', $$ select count(*) from public.listing_revisions $$, 'rows 0', 'reads no revision'),
  ('admin', $$ select count(*) from public.listing_revisions where row_id = 'site_a_new' $$, 'rows 2', 'reads every revision'),
  ('coordinator_a', $$ select count(*) from public.audit_log $$, 'rows 0', 'cannot read the audit log'),
  ('admin', $$ select (count(*) > 0)::int from public.audit_log $$, 'rows 1', 'reads the audit log'),
  ('admin', $$ delete from public.audit_log $$, 'error 42501', 'cannot erase the audit log'),
  ('admin', $$ update public.listing_revisions set after = null $$, 'error 42501', 'cannot rewrite history'),
  ('coordinator_a', $$ insert into public.listing_revisions (table_name, row_id, action) values ('sites', 'x', 'insert') $$, 'error 42501', 'cannot forge a revision'),
  ('anon', $$ select public.write_audit('read', 'sites', 'x') $$, 'error 42501', 'cannot write the audit log directly')
) as t(who, stmt, expected, label);

select * from finish();
rollback;
