-- Row-level security of the reference tables, every table × role × operation:
-- taxonomies and areas (everyone reads, admins write), organizations (visitors read those with
-- public listings; coordinators change their own; only admins change trust), teams, profiles and
-- memberships (people read their own; admins manage). A refused update or delete affects 0 rows
-- ('ok 0'); a refused insert raises 42501. anon has no write privilege at all.
begin;
select plan(253);
select tests.create_fixtures();

-- taxonomies: 7 tables × 6 roles × 4 operations ----------------------------------------------------
select is(
  tests.attempt_as(who, format(stmt, t.tbl, t.id)),
  case
    when op = 'select' then 'rows 1'
    when who = 'admin' then 'ok 1'
    when who = 'anon' or op = 'insert' then 'error 42501'
    else 'ok 0'
  end,
  format('%s: %s %s', who, op, t.tbl)
)
from (values
  ('fields', 'poverty'), ('categories', 'childrens_hall'), ('needs', 'meals'), ('targets', 'teens'),
  ('ease', 'online'), ('accessibility', 'captions'), ('languages', 'ne')
) as t(tbl, id)
cross join (values
  ('select', 'select count(*) from public.%I where id = %L'),
  ('insert', 'insert into public.%I (id, label_ja, label_en) select ''zz_'' || %L, ''テスト'', ''Test'''),
  ('update', 'update public.%I set label_en = ''Changed'' where id = %L'),
  ('delete', 'delete from public.%I where id = %L')
) as o(op, stmt)
cross join unnest(array['anon', 'stranger', 'coordinator_a', 'coordinator_b', 'staff', 'admin']) as who
where not (t.tbl = 'categories' and op = 'insert');

-- categories need their default fields on insert
select is(
  tests.attempt_as(who, $$ insert into public.categories (id, label_ja, label_en, fields) values ('zz_new', 'テスト', 'Test', '{community}') $$),
  case who when 'admin' then 'ok 1' else 'error 42501' end,
  format('%s: insert categories', who)
)
from unnest(array['anon', 'stranger', 'coordinator_a', 'coordinator_b', 'staff', 'admin']) as who;

-- areas: 6 roles × 4 operations ---------------------------------------------------------------------
select is(
  tests.attempt_as(who, stmt),
  case
    when op = 'select' then 'rows 2'
    when who = 'admin' then 'ok 1'
    when who = 'anon' or op = 'insert' then 'error 42501'
    else 'ok 0'
  end,
  format('%s: %s areas', who, op)
)
from (values
  ('select', $$ select count(*) from public.areas $$),
  ('insert', $$ insert into public.areas (id, level, name, geom) values ('area_new', 'custom', '新しい圏域', extensions.st_multi(extensions.st_makeenvelope(139, 36, 139.01, 36.01, 4326))) $$),
  ('update', $$ update public.areas set population = 1 where id = 'area_north' $$),
  ('delete', $$ delete from public.areas where id = 'area_north' $$)
) as o(op, stmt)
cross join unnest(array['anon', 'stranger', 'coordinator_a', 'coordinator_b', 'staff', 'admin']) as who;

-- organizations --------------------------------------------------------------------------------------
select is(tests.attempt_as(who, stmt), expected, format('%s: %s', who, label))
from (values
  -- read: visitors see organizations with public listings only (org_shop has staff-only menus)
  ('anon', $$ select count(*) from public.organizations $$, 'rows 2', 'reads the organizations with public listings'),
  ('stranger', $$ select count(*) from public.organizations $$, 'rows 2', 'reads the organizations with public listings'),
  ('anon', $$ select count(*) from public.organizations where id = 'org_shop' $$, 'rows 0', 'cannot see an organization with staff-only menus only'),
  ('coordinator_a', $$ select count(*) from public.organizations $$, 'rows 3', 'reads every organization'),
  ('staff', $$ select count(*) from public.organizations $$, 'rows 3', 'reads every organization'),
  ('admin', $$ select count(*) from public.organizations $$, 'rows 3', 'reads every organization'),
  -- insert: admins only
  ('anon', $$ insert into public.organizations (id, name, kind) values ('org_new', '新団体', 'npo') $$, 'error 42501', 'cannot add an organization'),
  ('stranger', $$ insert into public.organizations (id, name, kind) values ('org_new', '新団体', 'npo') $$, 'error 42501', 'cannot add an organization'),
  ('coordinator_a', $$ insert into public.organizations (id, name, kind) values ('org_new', '新団体', 'npo') $$, 'error 42501', 'cannot add an organization'),
  ('staff', $$ insert into public.organizations (id, name, kind) values ('org_new', '新団体', 'npo') $$, 'error 42501', 'cannot add an organization'),
  ('admin', $$ insert into public.organizations (id, name, kind) values ('org_new', '新団体', 'npo') $$, 'ok 1', 'adds an organization'),
  -- update: admins, and coordinators their own (but not its trust)
  ('anon', $$ update public.organizations set name = 'x' where id = 'org_a' $$, 'error 42501', 'cannot change an organization'),
  ('stranger', $$ update public.organizations set name = 'x' where id = 'org_a' $$, 'ok 0', 'cannot change an organization'),
  ('coordinator_a', $$ update public.organizations set name = 'NPO法人 かさねの会' where id = 'org_a' $$, 'ok 1', 'changes its own organization'),
  ('coordinator_ab', $$ update public.organizations set kana = 'みどりかい' where id = 'org_b' $$, 'ok 1', 'changes its second organization'),
  ('coordinator_b', $$ update public.organizations set name = 'x' where id = 'org_a' $$, 'ok 0', 'cannot change another organization'),
  ('coordinator_a', $$ update public.organizations set id = 'org_a2' where id = 'org_b' $$, 'ok 0', 'cannot take over another organization'),
  ('coordinator_a', $$ update public.organizations set trusted = true where id = 'org_a' $$, 'error 42501', 'cannot make its own organization trusted'),
  ('staff', $$ update public.organizations set name = 'x' where id = 'org_a' $$, 'ok 0', 'cannot change an organization'),
  ('admin', $$ update public.organizations set trusted = true where id = 'org_a' $$, 'ok 1', 'makes an organization trusted'),
  -- delete: admins only
  ('anon', $$ delete from public.organizations where id = 'org_shop' $$, 'error 42501', 'cannot remove an organization'),
  ('stranger', $$ delete from public.organizations where id = 'org_shop' $$, 'ok 0', 'cannot remove an organization'),
  ('coordinator_a', $$ delete from public.organizations where id = 'org_a' $$, 'ok 0', 'cannot remove its own organization'),
  ('staff', $$ delete from public.organizations where id = 'org_shop' $$, 'ok 0', 'cannot remove an organization'),
  ('admin', $$ delete from public.organizations where id = 'org_new_none' $$, 'ok 0', 'removes nothing that is not there'),
  ('admin', $$ delete from public.organizations where id = 'org_a' $$, 'error 23503', 'cannot remove an organization that still has sites')
) as t(who, stmt, expected, label);

-- teams, profiles, memberships -----------------------------------------------------------------------
select is(tests.attempt_as(who, stmt), expected, format('%s: %s', who, label))
from (values
  ('anon', $$ select count(*) from public.teams $$, 'rows 0', 'reads no team'),
  ('stranger', $$ select count(*) from public.teams $$, 'rows 0', 'reads no team'),
  ('coordinator_a', $$ select count(*) from public.teams $$, 'rows 0', 'reads no team'),
  ('staff', $$ select count(*) from public.teams $$, 'rows 1', 'reads its own team only'),
  ('admin', $$ select count(*) from public.teams $$, 'rows 2', 'reads every team'),
  ('staff', $$ insert into public.teams (id, name) values ('team_3', '新チーム') $$, 'error 42501', 'cannot add a team'),
  ('coordinator_a', $$ insert into public.teams (id, name) values ('team_3', '新チーム') $$, 'error 42501', 'cannot add a team'),
  ('admin', $$ insert into public.teams (id, name) values ('team_3', '新チーム') $$, 'ok 1', 'adds a team'),
  ('staff', $$ update public.teams set name = 'x' where id = 'team_1' $$, 'ok 0', 'cannot rename its team'),
  ('admin', $$ update public.teams set name = 'x' where id = 'team_1' $$, 'ok 1', 'renames a team'),
  ('staff', $$ delete from public.teams where id = 'team_1' $$, 'ok 0', 'cannot remove its team'),
  ('admin', $$ delete from public.teams where id = 'team_2' $$, 'error 23503', 'cannot remove a team that has staff'),

  ('anon', $$ select count(*) from public.profiles $$, 'rows 0', 'reads no profile'),
  ('stranger', $$ select count(*) from public.profiles $$, 'rows 0', 'has no profile to read'),
  ('coordinator_a', $$ select count(*) from public.profiles $$, 'rows 1', 'reads its own profile only'),
  ('staff', $$ select count(*) from public.profiles $$, 'rows 1', 'reads its own profile only'),
  ('admin', $$ select count(*) from public.profiles $$, 'rows 6', 'reads every profile'),
  ('stranger', format($$ insert into public.profiles (id, role) values (%L, 'admin') $$, tests.uid('stranger')), 'error 42501', 'cannot give itself a profile'),
  ('coordinator_a', format($$ update public.profiles set role = 'admin' where id = %L $$, tests.uid('coordinator_a')), 'ok 0', 'cannot make itself admin'),
  ('staff', format($$ update public.profiles set team_id = 'team_2' where id = %L $$, tests.uid('staff')), 'ok 0', 'cannot change its own team'),
  ('admin', format($$ insert into public.profiles (id, role) values (%L, 'coordinator') $$, tests.uid('stranger')), 'ok 1', 'gives an account a profile'),
  ('admin', format($$ update public.profiles set role = 'staff' where id = %L $$, tests.uid('coordinator_a')), 'error 23514', 'cannot make staff without a team'),
  ('admin', format($$ update public.profiles set role = 'staff', team_id = 'team_1' where id = %L $$, tests.uid('coordinator_a')), 'ok 1', 'makes a coordinator staff of a team'),
  ('coordinator_a', format($$ delete from public.profiles where id = %L $$, tests.uid('coordinator_b')), 'ok 0', 'cannot remove another profile'),
  ('admin', format($$ delete from public.profiles where id = %L $$, tests.uid('coordinator_b')), 'ok 1', 'removes a profile'),

  ('anon', $$ select count(*) from public.organization_members $$, 'rows 0', 'reads no membership'),
  ('coordinator_a', $$ select count(*) from public.organization_members $$, 'rows 1', 'reads its own membership only'),
  ('coordinator_ab', $$ select count(*) from public.organization_members $$, 'rows 2', 'reads both of its memberships'),
  ('staff', $$ select count(*) from public.organization_members $$, 'rows 0', 'reads no membership'),
  ('admin', $$ select count(*) from public.organization_members $$, 'rows 4', 'reads every membership'),
  ('coordinator_a', format($$ insert into public.organization_members (organization_id, user_id) values ('org_b', %L) $$, tests.uid('coordinator_a')), 'error 42501', 'cannot join another organization'),
  ('coordinator_a', $$ update public.organization_members set organization_id = 'org_b' $$, 'ok 0', 'cannot move its membership'),
  ('coordinator_a', $$ delete from public.organization_members $$, 'ok 0', 'cannot remove memberships'),
  ('admin', format($$ insert into public.organization_members (organization_id, user_id) values ('org_b', %L) $$, tests.uid('coordinator_a')), 'ok 1', 'adds a coordinator to an organization'),
  ('admin', $$ delete from public.organization_members where organization_id = 'org_a' $$, 'ok 2', 'removes memberships')
) as t(who, stmt, expected, label);

select * from finish();
rollback;
