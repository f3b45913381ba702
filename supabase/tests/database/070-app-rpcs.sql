-- What the app's Supabase data source calls (20261127090000…090300): the filter today with 祝日,
-- search_public_sites, public_points, help_desks_at, public_areas, holidays and the low-zoom grid,
-- each as the roles that must and must not see things.
begin;
select plan(29);
select tests.create_fixtures();

-- today: both public menus are weekly and closed on 祝日 (cafeteria TU, desk MO–FR)
select tests.act_as('anon');
select is((select string_agg(id, ',' order by id) from public.sites_in_bbox(138.9, 36.2, 139.1, 36.4, '{"today": "2026-11-10"}')),
  'site_a_pub,site_b_desk', 'anon: today a Tuesday: the cafeteria and the desk');
select is((select string_agg(id, ',' order by id) from public.sites_in_bbox(138.9, 36.2, 139.1, 36.4, '{"today": "2026-11-09"}')),
  'site_b_desk', 'anon: today a Monday: the desk only');
select is((select string_agg(id, ',' order by id) from public.sites_in_bbox(138.9, 36.2, 139.1, 36.4, '{"today": "2026-11-03"}')),
  null, 'anon: today 文化の日 (a Tuesday): both closed on holidays');
select is((select string_agg(id, ',' order by id) from public.sites_in_bbox(138.9, 36.2, 139.1, 36.4, '{"today": "2026-11-10", "weekdays": ["SA"]}')),
  null, 'anon: today and weekdays must hold on the same menu');

-- schedule_occurs_on, the rule kinds
select ok(public.schedule_occurs_on('{"rules": [{"freq": "MONTHLY", "interval": 1, "byday": ["-1FR"], "opensAt": "10:00", "closesAt": "11:00"}], "closedOnHolidays": false, "irregular": false}', '2026-11-27'),
  'the last Friday of November 2026 is the 27th');
select ok(not public.schedule_occurs_on('{"rules": [{"freq": "MONTHLY", "interval": 1, "byday": ["-1FR"], "opensAt": "10:00", "closesAt": "11:00"}], "closedOnHolidays": false, "irregular": false}', '2026-11-20'),
  'the 20th is not the last Friday');
select ok(public.schedule_occurs_on('{"rules": [{"freq": "MONTHLY", "interval": 1, "byday": ["2WE", "4WE"], "opensAt": "10:00", "closesAt": "11:00"}], "closedOnHolidays": false, "irregular": false}', '2026-11-11'),
  'the 2nd Wednesday');
select ok(not public.schedule_occurs_on('{"rules": [{"freq": "WEEKLY", "interval": 2, "byday": ["SA"], "opensAt": "10:00", "closesAt": "11:00", "validFrom": "2026-11-07"}], "closedOnHolidays": false, "irregular": false}', '2026-11-14'),
  'every other Saturday from 11/7: not 11/14');
select ok(public.schedule_occurs_on('{"rules": [{"freq": "WEEKLY", "interval": 2, "byday": ["SA"], "opensAt": "10:00", "closesAt": "11:00", "validFrom": "2026-11-07"}], "closedOnHolidays": false, "irregular": false}', '2026-11-21'),
  'every other Saturday from 11/7: 11/21');
select ok(not public.schedule_occurs_on('{"rules": [], "closedOnHolidays": false, "irregular": true}', '2026-11-21'),
  'an irregular schedule without rules has no known session');

-- search_public_sites
select is(public.search_public_sites('{}', null, null, 10) -> 'match_ids', '["site_a_pub", "site_b_desk"]'::jsonb, 'anon: every public match');
select is((public.search_public_sites('{}', array[139.003, 36.331, 139.004, 36.332], null, 10) ->> 'total_in_view')::int, 1, 'anon: one in the box');
select is((public.search_public_sites('{}', array[139.003, 36.331, 139.004, 36.332], null, 10) ->> 'total')::int, 2, 'anon: total counts matches outside the box too');
select is(jsonb_array_length(public.search_public_sites('{}', null, null, 0) -> 'hits'), 0, 'anon: max_rows 0 gives totals only');
select is(public.search_public_sites('{}', null, array[139.0036, 36.3319], 10) #>> '{hits,0,id}', 'site_a_pub', 'anon: nearest the origin first');
select is((public.search_public_sites('{}', null, array[139.0036, 36.3319], 10) #>> '{hits,0,distance_m}')::float8 < 1, true, 'anon: distance from the origin in metres');
select is(public.search_public_sites('{"text": "しょくどう"}', null, null, 10) -> 'match_ids', '["site_a_pub"]'::jsonb, 'anon: keyword');
select is(public.search_public_sites('{"text": "Help desk"}', null, null, 10) -> 'match_ids', '["site_b_desk"]'::jsonb, 'anon: help desks carry 相談窓口 / Help desk');
select is(public.search_public_sites('{"text": "高松町"}', null, null, 10) -> 'match_ids', '[]'::jsonb, 'anon: the address is not keyword text (as in the app)');

-- public_points, help_desks_at, public_areas
select is((select string_agg(id, ',' order by id) from public.public_points()), 'site_a_pub,site_b_desk', 'anon: points of the public sites only');
select is((select string_agg(d ->> 'id', ',') from jsonb_array_elements(public.help_desks_at(139.0036, 36.3319) -> 'desks') d),
  (select string_agg(d ->> 'id', ',') from jsonb_array_elements(public.site_with_menus('site_a_pub') -> 'help_desks') d),
  'anon: help_desks_at lists the desks the site page lists');
select is(public.help_desks_at(135.5, 34.7), '{"areas": [], "desks": []}'::jsonb, 'anon: outside every area no desk is responsible');
select is((select count(*)::int from public.public_areas() where geometry ->> 'type' = 'MultiPolygon'), (select count(*)::int from public.areas),
  'anon: every area with its GeoJSON geometry');

select tests.act_as('staff');
select is(public.search_public_sites('{}', null, null, 0) -> 'match_ids', '["site_a_pub", "site_a_staff", "site_b_desk", "site_b_shelter"]'::jsonb,
  'staff: staff-only and confidential published sites too');
select set_config('tests.staff_tile', encode(public.site_tiles(4, 14, 6), 'base64'), true);

-- holidays and the grid: read-only to the API
select tests.act_as('anon');
select isnt(encode(public.site_tiles(4, 14, 6), 'base64'), current_setting('tests.staff_tile'),
  'visitors get other low-zoom clusters than staff (who also count staff-only and confidential sites)');
select is((select name from public.holidays where date = '2026-11-03'), '文化の日', 'anon: reads the holidays');
select throws_ok($$ insert into public.holidays values ('2026-12-24', 'イブ') $$, '42501', null, 'anon: cannot add a holiday');
select tests.act_as('coordinator_a');
select throws_ok($$ insert into public.holidays values ('2026-12-24', 'イブ') $$, '42501', null, 'coordinator: cannot add a holiday');
select throws_ok($$ select * from public.site_grid $$, '42501', null, 'coordinator: cannot read the grid table');
reset role;

select * from finish();
rollback;
