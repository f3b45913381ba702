-- Row-level security of menus, role × operation. Staff-only menus (a job trial at a shop that does
-- not want to be listed) are read by staff, their organization's coordinators and admins only; a
-- public menu at a confidential site stays hidden with its site; drafts only by their organization.
-- Fixtures: menu_a_pub, menu_a_staff (staff-only), menu_a_draft at site_a_pub (org_a);
--           menu_b_desk, menu_b_shelter (at the confidential site), menu_b_outreach (no site) (org_b);
--           menu_shop_trial (org_shop, staff-only, at site_a_pub).
begin;
select plan(40);
select tests.create_fixtures();

select is(tests.attempt_as(who, stmt), expected, format('%s: %s', who, label))
from (values
  -- reading --------------------------------------------------------------------------------------
  ('anon', $$ select count(*) from public.menus $$, 'rows 3', 'reads the 3 published public menus at public sites or outreach'),
  ('anon', $$ select count(*) from public.menus where id in ('menu_a_staff', 'menu_shop_trial') $$, 'rows 0', 'cannot read staff-only menus'),
  ('anon', $$ select count(*) from public.menus where id = 'menu_a_draft' $$, 'rows 0', 'cannot read a draft menu'),
  ('anon', $$ select count(*) from public.menus where id = 'menu_b_shelter' $$, 'rows 0', 'cannot read a menu at a confidential site'),
  ('stranger', $$ select count(*) from public.menus $$, 'rows 3', 'reads only what visitors read'),
  ('coordinator_a', $$ select count(*) from public.menus $$, 'rows 5', 'reads public menus and every menu of its organization'),
  ('coordinator_a', $$ select count(*) from public.menus where id = 'menu_shop_trial' $$, 'rows 0', 'cannot read another organization''s staff-only menu at its own site'),
  ('coordinator_b', $$ select count(*) from public.menus where id in ('menu_a_staff', 'menu_a_draft') $$, 'rows 0', 'cannot read another organization''s staff-only or draft menu'),
  ('staff', $$ select count(*) from public.menus $$, 'rows 6', 'reads every published menu'),
  ('staff', $$ select count(*) from public.menus where id in ('menu_a_staff', 'menu_shop_trial') $$, 'rows 2', 'reads staff-only menus'),
  ('staff', $$ select count(*) from public.menus where id = 'menu_a_draft' $$, 'rows 0', 'cannot read a draft menu'),
  ('admin', $$ select count(*) from public.menus $$, 'rows 7', 'reads every menu'),
  ('service_role', $$ select count(*) from public.menus $$, 'rows 7', 'bypasses row-level security'),

  -- adding ---------------------------------------------------------------------------------------
  ('anon', $$ insert into public.menus (organization_id, site_id, title, needs, targets) values ('org_a', 'site_a_pub', 'x', '{meals}', '{anyone}') $$, 'error 42501', 'cannot add a menu'),
  ('stranger', $$ insert into public.menus (organization_id, site_id, title, needs, targets) values ('org_a', 'site_a_pub', 'x', '{meals}', '{anyone}') $$, 'error 42501', 'cannot add a menu'),
  ('staff', $$ insert into public.menus (organization_id, site_id, title, needs, targets) values ('org_a', 'site_a_pub', 'x', '{meals}', '{anyone}') $$, 'error 42501', 'cannot add a menu'),
  ('coordinator_a', $$ insert into public.menus (organization_id, site_id, title, needs, targets) values ('org_a', 'site_a_pub', 'x', '{meals}', '{anyone}') $$, 'ok 1', 'adds a draft menu to its organization'),
  ('coordinator_a', $$ insert into public.menus (organization_id, site_id, title, needs, targets, status) values ('org_a', 'site_a_pub', 'x', '{meals}', '{anyone}', 'published') $$, 'error 42501', 'cannot publish a menu without review'),
  ('coordinator_a', $$ insert into public.menus (organization_id, site_id, title, needs, targets) values ('org_b', 'site_b_desk', 'x', '{meals}', '{anyone}') $$, 'error 42501', 'cannot add a menu to another organization'),
  ('coordinator_b', $$ insert into public.menus (organization_id, title, needs, targets, status) values ('org_b', 'x', '{watching_over}', '{older_adults}', 'published') $$, 'ok 1', 'publishes an outreach menu directly (trusted)'),
  ('admin', $$ insert into public.menus (organization_id, site_id, title, needs, targets, status, visibility) values ('org_shop', 'site_a_pub', 'x', '{work_experience}', '{young_adults}', 'published', 'staff') $$, 'ok 1', 'adds a staff-only menu for any organization'),

  -- changing -------------------------------------------------------------------------------------
  ('anon', $$ update public.menus set title = 'x' $$, 'error 42501', 'cannot change a menu'),
  ('stranger', $$ update public.menus set title = 'x' $$, 'ok 0', 'changes no menu'),
  ('staff', $$ update public.menus set availability = 'full' $$, 'ok 0', 'changes no menu'),
  ('coordinator_a', $$ update public.menus set availability = 'few' where id = 'menu_a_pub' $$, 'ok 1', 'updates its menu''s availability'),
  ('coordinator_a', $$ update public.menus set visibility = 'public' where id = 'menu_shop_trial' $$, 'ok 0', 'cannot make another organization''s staff-only menu public'),
  ('coordinator_b', $$ update public.menus set title = 'x' where organization_id = 'org_a' $$, 'ok 0', 'cannot change another organization''s menus'),
  ('coordinator_a', $$ update public.menus set organization_id = 'org_b' where id = 'menu_a_pub' $$, 'error 42501', 'cannot move its menu to another organization'),
  ('coordinator_a', $$ update public.menus set status = 'published' where id = 'menu_a_draft' $$, 'error 42501', 'cannot publish its draft menu (not trusted)'),
  ('coordinator_b', $$ update public.menus set status = 'archived' where id = 'menu_b_desk' $$, 'ok 1', 'archives its own menu'),
  ('admin', $$ update public.menus set status = 'published' where id = 'menu_a_draft' $$, 'ok 1', 'approves a draft menu'),

  -- removing -------------------------------------------------------------------------------------
  ('anon', $$ delete from public.menus $$, 'error 42501', 'cannot remove menus'),
  ('stranger', $$ delete from public.menus $$, 'ok 0', 'removes no menu'),
  ('staff', $$ delete from public.menus $$, 'ok 0', 'removes no menu'),
  ('coordinator_a', $$ delete from public.menus where id = 'menu_a_draft' $$, 'ok 1', 'removes its own draft menu'),
  ('coordinator_a', $$ delete from public.menus where id = 'menu_a_pub' $$, 'ok 0', 'cannot remove its published menu'),
  ('coordinator_b', $$ delete from public.menus where id = 'menu_a_draft' $$, 'ok 0', 'cannot remove another organization''s draft'),
  ('admin', $$ delete from public.menus where id = 'menu_shop_trial' $$, 'ok 1', 'removes a menu')
) as t(who, stmt, expected, label);

-- removing a site removes its menus with it (and the history keeps both)
delete from public.sites where id = 'site_b_shelter';
select is((select count(*)::int from public.menus where id = 'menu_b_shelter'), 0, 'a site''s menus go with it');
select is(
  (select count(*)::int from public.listing_revisions where table_name = 'menus' and row_id = 'menu_b_shelter' and action = 'delete'),
  1, 'the removed menu is kept in listing_revisions'
);

select * from finish();
rollback;
