-- Duplicate check and import (20261128090200, 20261128090300): similar names within 100 m for the
-- roles that may see them; the import plan in one transaction, all or nothing, updates on re-import,
-- conflicts when the data changed since the preview.
begin;
select plan(47);
select tests.create_fixtures();

-- duplicates ---------------------------------------------------------------------------------------
select is(tests.attempt_as(who, stmt), expected, format('%s: %s', who, label))
from (values
  ('coordinator_a', $$ select count(*) from public.find_duplicate_sites('みんなの　食堂', 139.0037, 36.3319) where id = 'site_a_pub' $$, 'rows 1', 'the same name 9 m away (after normalization)'),
  ('coordinator_a', $$ select count(*) from public.find_duplicate_sites('ミンナノ食堂', 139.0037, 36.3319) $$, 'rows 1', 'katakana for hiragana is the same name'),
  ('coordinator_a', $$ select count(*) from public.find_duplicate_sites('みんなの食堂', 139.0036, 36.3339) $$, 'rows 0', 'the same name 220 m away is not a duplicate'),
  ('coordinator_a', $$ select count(*) from public.find_duplicate_sites('みんなのカフェ', 139.0037, 36.3319) $$, 'rows 0', 'another name at the same place is not a duplicate'),
  ('coordinator_a', $$ select count(*) from public.find_duplicate_sites('みんなの食堂', 139.0037, 36.3319, 'site_a_pub') $$, 'rows 0', 'the listing itself is excluded'),
  ('coordinator_a', $$ select count(*) from public.find_duplicate_sites('シェルター', 139.0200, 36.3500) $$, 'rows 0', 'another organization''s confidential site stays hidden'),
  ('coordinator_a', $$ select count(*) from public.find_duplicate_sites('準備中のサロン', 139.0050, 36.3300) $$, 'rows 1', 'its own draft counts'),
  ('coordinator_b', $$ select count(*) from public.find_duplicate_sites('準備中のサロン', 139.0050, 36.3300) $$, 'rows 0', 'another organization''s draft stays hidden'),
  ('coordinator_b', $$ select count(*) from public.find_duplicate_sites('シェルター', 139.0200, 36.3500) $$, 'rows 1', 'its own confidential site counts'),
  ('staff', $$ select count(*) from public.find_duplicate_sites('シェルター', 139.0200, 36.3500) $$, 'rows 1', 'sees every site'),
  ('service_role', $$ select count(*) from public.find_duplicate_sites('準備中のサロン', 139.0050, 36.3300) $$, 'rows 1', 'sees every site'),
  ('anon', $$ select count(*) from public.find_duplicate_sites('みんなの食堂', 139.0037, 36.3319) $$, 'error 42501', 'cannot use the duplicate check'),
  ('stranger', $$ select count(*) from public.find_duplicate_sites('みんなの食堂', 139.0037, 36.3319) $$, 'error 42501', 'cannot use the duplicate check'),
  ('staff', $$ select count(*) from public.find_duplicate_sites('みんなの食堂', 36.3, 139.0) $$, 'error 22023', 'swapped coordinates are refused')
) as x(who, stmt, expected, label);
select is(round(public.bigram_dice('子育て支援センターゆうゆう広場', '子育て支援センターゆうゆうひろば')::numeric, 3), 0.828, 'bigram_dice: as nameSimilarity in TypeScript (0.828)');
select is(public.bigram_dice('a', 'b'), 0.0::float8, 'bigram_dice: one character, not equal');

-- import -------------------------------------------------------------------------------------------
create temporary table plans (k text primary key, plan jsonb) on commit drop;
grant select on plans to anon, authenticated, service_role;
insert into plans values ('first', $${
  "organizations": [{"op": "create", "record": {"id": "imp_org", "name": "取り込み団体", "kana": null, "kind": "npo", "corporate_number": null}}],
  "sites": [
    {"op": "create", "record": {"id": "imp_site_1", "organization_id": "imp_org", "name": "取り込みサロン", "kana": "とりこみさろん", "category_id": "salon", "fields": ["elderly"], "lng": 139.01, "lat": 36.31, "address": "高崎市1", "municipality_code": "102024", "contact": {"tel": "027-000-0000"}, "accessibility": [], "description": "", "status": "pending", "visibility": "public", "confidential": false, "service_area_ids": [], "last_verified": "2026-11-01"}},
    {"op": "create", "record": {"id": "imp_site_2", "organization_id": "imp_org", "name": "取り込み食堂", "kana": "", "category_id": "kids_cafeteria", "fields": ["children"], "lng": 139.02, "lat": 36.32, "municipality_code": "102024", "status": "published"}}
  ],
  "menus": [
    {"op": "create", "record": {"id": "imp_menu_1", "site_id": "imp_site_2", "organization_id": "imp_org", "title": "夕食会", "needs": ["meals"], "targets": ["anyone"], "schedule": {"rules": [{"freq": "WEEKLY", "interval": 1, "byday": ["TH"], "opensAt": "17:00", "closesAt": "19:00"}], "closedOnHolidays": false, "irregular": false}, "status": "published", "last_verified": "2026-11-01"}}
  ]
}$$);

select is(tests.attempt_as(who, format('select count(*) from public.import_listings((select plan from plans where k = %L))', k)), expected, format('%s: %s', who, label))
from (values
  ('anon', 'first', 'error 42501', 'cannot import'),
  ('stranger', 'first', 'error 42501', 'cannot import (RLS: no organization may be added)'),
  ('coordinator_a', 'first', 'error 42501', 'cannot import a new organization'),
  ('staff', 'first', 'error 42501', 'cannot import'),
  ('admin', 'first', 'rows 1', 'imports'),
  ('service_role', 'first', 'rows 1', 'imports')
) as x(who, k, expected, label);

select tests.act_as('service_role');
select is(public.import_listings((select plan from plans where k = 'first')),
  '{"created": {"organizations": 1, "sites": 2, "menus": 1}, "updated": {"organizations": 0, "sites": 0, "menus": 0}}'::jsonb,
  'service_role: the first import creates everything');
reset role;
select is((select count(*)::int from public.sites where organization_id = 'imp_org'), 2, 'the sites are there');
select is((select last_verified from public.sites where id = 'imp_site_2'), public.today_in_japan(), 'a record without last_verified is confirmed today');
select is((select last_verified from public.menus where id = 'imp_menu_1'), '2026-11-01'::date, 'the file''s last_verified is kept');
select is((select count(*)::int from public.listing_revisions where organization_id = 'imp_org'), 4, 'every imported row has a revision');

-- the same file again: updates (from the current updated_at), no copies
insert into plans select 'again', jsonb_build_object(
  'organizations', '[{"op": "update", "record": {"id": "imp_org", "name": "取り込み団体（改称）", "kana": null, "kind": "npo", "corporate_number": null}}]'::jsonb,
  'sites', jsonb_build_array(jsonb_build_object('op', 'update', 'record', (select plan #> '{sites,0,record}' from plans where k = 'first') || '{"description": "毎週月曜"}',
    'base_updated_at', (select updated_at from public.sites where id = 'imp_site_1'))),
  'menus', '[]'::jsonb);
select tests.act_as('service_role');
select is(public.import_listings((select plan from plans where k = 'again')) -> 'updated',
  '{"organizations": 1, "sites": 1, "menus": 0}'::jsonb, 'service_role: importing again updates');
reset role;
select is((select count(*)::int from public.sites where organization_id = 'imp_org'), 2, 'no site was added twice');
select is((select description from public.sites where id = 'imp_site_1'), '毎週月曜', 'the change is written');
select is((select name from public.organizations where id = 'imp_org'), '取り込み団体（改称）', 'the organization is updated');

-- all or nothing: an error in the last item leaves everything as it was
insert into plans select 'broken', jsonb_build_object(
  'organizations', '[{"op": "create", "record": {"id": "imp_org_2", "name": "二つ目の団体", "kind": "npo"}}]'::jsonb,
  'sites', jsonb_build_array(
    jsonb_build_object('op', 'create', 'record', (select plan #> '{sites,1,record}' from plans where k = 'first') || '{"id": "imp_site_3", "organization_id": "imp_org_2"}'),
    jsonb_build_object('op', 'update', 'record', jsonb_build_object('id', 'imp_site_2', 'name', '名前を変える'), 'base_updated_at', (select updated_at from public.sites where id = 'imp_site_2')),
    jsonb_build_object('op', 'create', 'record', (select plan #> '{sites,1,record}' from plans where k = 'first') || '{"id": "imp_site_4", "name": "壊れた行", "municipality_code": "102025"}')),
  'menus', '[]'::jsonb);
insert into plans select 'stale', jsonb_build_object(
  'sites', jsonb_build_array(
    jsonb_build_object('op', 'create', 'record', (select plan #> '{sites,1,record}' from plans where k = 'first') || '{"id": "imp_site_5"}'),
    jsonb_build_object('op', 'update', 'record', jsonb_build_object('id', 'imp_site_1', 'name', '古いプレビュー'), 'base_updated_at', '2020-01-01T00:00:00Z')));
insert into plans select 'exists', jsonb_build_object(
  'sites', jsonb_build_array(jsonb_build_object('op', 'create', 'record', (select plan #> '{sites,1,record}' from plans where k = 'first'))));
select tests.act_as('service_role');
select throws_ok($$ select public.import_listings((select plan from plans where k = 'broken')) $$, '23514', null,
  'service_role: an invalid row half-way fails the import with the table''s error');
select throws_like($$ select public.import_listings((select plan from plans where k = 'broken')) $$, '%何も変更していません%sites[2]「壊れた行」(imp_site_4)%',
  'the error says nothing was changed and names the item');
select throws_ok($$ select public.import_listings((select plan from plans where k = 'stale')) $$, 'PT409', null,
  'service_role: an update of a listing changed since the preview is a conflict');
select throws_ok($$ select public.import_listings((select plan from plans where k = 'exists')) $$, 'PT409', null,
  'service_role: a create whose id exists is a conflict');
select throws_ok($$ select public.import_listings('{"sites": {}}') $$, '22023', null, 'service_role: a malformed plan is refused');
select throws_ok($$ select public.import_listings('{"sites": [{"op": "upsert", "record": {"id": "x"}}]}') $$, '22023', null, 'service_role: an unknown op is refused');
select throws_like($$ select public.import_listings(jsonb_build_object('sites', jsonb_build_array(
    jsonb_build_object('op', 'create', 'record', (select plan #> '{sites,1,record}' from plans where k = 'first') || '{"id": "imp_twice"}'),
    jsonb_build_object('op', 'create', 'record', (select plan #> '{sites,1,record}' from plans where k = 'first') || '{"id": "imp_twice"}')))) $$,
  '%sites[1]%同じ id が計画に2回%', 'service_role: the same id twice in a plan is refused, naming the second');
reset role;
select is((select count(*)::int from public.organizations where id = 'imp_org_2'), 0, 'the organization before the error was not added');
select is((select count(*)::int from public.sites where id in ('imp_site_3', 'imp_site_4', 'imp_site_5')), 0, 'no site of the failed imports was added');
select is((select name from public.sites where id = 'imp_site_2'), '取り込み食堂', 'the update before the error was undone');
select is((select name from public.sites where id = 'imp_site_1'), '取り込みサロン', 'the stale update was not written');

-- a coordinator imports into its own organization only, unpublished unless trusted
insert into plans values ('coord', $${"sites": [{"op": "create", "record": {"id": "imp_a_1", "organization_id": "org_a", "name": "A の新しい場所", "category_id": "salon", "fields": ["elderly"], "lng": 139.03, "lat": 36.33, "municipality_code": "102024", "status": "pending"}}]}$$),
  ('coord_pub', $${"sites": [{"op": "create", "record": {"id": "imp_a_2", "organization_id": "org_a", "name": "A の公開", "category_id": "salon", "fields": ["elderly"], "lng": 139.03, "lat": 36.33, "municipality_code": "102024", "status": "published"}}]}$$);
select is(tests.attempt_as(who, format('select count(*) from public.import_listings((select plan from plans where k = %L))', k)), expected, format('%s: %s', who, label))
from (values
  ('coordinator_a', 'coord', 'rows 1', 'imports a pending site into its organization'),
  ('coordinator_a', 'coord_pub', 'error 42501', 'cannot import a published site (organization not trusted)'),
  ('coordinator_b', 'coord', 'error 42501', 'cannot import into another organization')
) as x(who, k, expected, label);

-- export
select is(tests.attempt_as(who, stmt), expected, format('%s: %s', who, label))
from (values
  ('anon', $$ select jsonb_array_length(public.listing_export() -> 'sites') $$, 'error 42501', 'cannot export'),
  ('coordinator_a', $$ select jsonb_array_length(public.listing_export() -> 'sites') $$, 'rows 6', 'exports what it may read (its 4 sites, 2 public ones)')
) as x(who, stmt, expected, label);

select * from finish();
rollback;
