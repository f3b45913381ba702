-- The read RPCs: they run with the caller's row-level security, return published listings only,
-- apply the public filters, and refuse bad arguments with 22023 and a hint.
begin;
select plan(61);
select tests.create_fixtures();

create temporary table hits (who text, label text, ids text) on commit drop;
grant all on hits to anon, authenticated;

select tests.act_as('anon');
insert into hits
select 'anon', label, (select string_agg(id, ',' order by id) from public.sites_in_bbox(138.9, 36.2, 139.1, 36.4, f::jsonb, 100))
from (values
  ('no filter', '{}'),
  ('needs meals', '{"needs": ["meals"]}'),
  ('needs work_experience (staff-only menus)', '{"needs": ["work_experience"]}'),
  ('weekdays MO', '{"weekdays": ["MO"]}'),
  ('weekdays TU', '{"weekdays": ["TU"]}'),
  ('help desks only', '{"helpDesksOnly": true}'),
  ('categories kids_cafeteria', '{"categories": ["kids_cafeteria"]}'),
  ('fields elderly', '{"fields": ["elderly"]}'),
  ('accessibility wheelchair and parking', '{"accessibility": ["wheelchair", "parking"]}'),
  ('accessibility wheelchair', '{"accessibility": ["wheelchair"]}'),
  ('ease free and solo_friendly', '{"ease": ["free", "solo_friendly"]}'),
  ('needs consultation and targets elementary on one menu', '{"needs": ["consultation"], "targets": ["elementary"]}'),
  ('text ショクドウ', '{"text": "ショクドウ"}'),
  ('empty lists', '{"needs": [], "fields": []}')
) as t(label, f);
insert into hits select 'anon', 'menu ids of site_a_pub', array_to_string(menu_ids, ',')
  from public.sites_in_bbox(138.9, 36.2, 139.1, 36.4, '{}', 100) where id = 'site_a_pub';
insert into hits select 'anon', 'total', (select string_agg(distinct total::text, ',') from public.sites_in_bbox(138.9, 36.2, 139.1, 36.4, '{}', 1));
insert into hits select 'anon', 'nearest', (select string_agg(menu_id, ',') from public.nearest_menus(139.0036, 36.3319, 5000, 50, '{}'));
insert into hits select 'anon', 'nearest within 100 m', (select string_agg(menu_id, ',') from public.nearest_menus(139.0036, 36.3319, 100, 50, '{}'));
insert into hits select 'anon', 'nearest distance', (select round(distance_m)::text from public.nearest_menus(139.0036, 36.3319, 5000, 50, '{}') where menu_id = 'menu_b_desk');
insert into hits select 'anon', 'search シェルター', (select coalesce(string_agg(id, ','), '') from public.search_sites('シェルター', '{}', 10));
insert into hits select 'anon', 'search 介護の相談 (menu title)', (select string_agg(id, ',') from public.search_sites('介護の相談', '{}', 10));
insert into hits select 'anon', 'search 皿洗い (staff-only menu title)', (select coalesce(string_agg(id, ','), '') from public.search_sites('皿洗い', '{}', 10));
insert into hits select 'anon', 'search みんなの　ショクドウ', (select string_agg(id, ',') from public.search_sites('みんなの　ショクドウ', '{}', 10));
insert into hits select 'anon', 'detail site_a_pub menus', (select string_agg(m ->> 'id', ',') from jsonb_array_elements(public.site_with_menus('site_a_pub') -> 'menus') m);
insert into hits select 'anon', 'detail site_a_pub desks', (select string_agg(m ->> 'id', ',') from jsonb_array_elements(public.site_with_menus('site_a_pub') -> 'help_desks') m);
insert into hits select 'anon', 'detail site_a_pub areas', (select string_agg(m ->> 'id', ',') from jsonb_array_elements(public.site_with_menus('site_a_pub') -> 'areas') m);
insert into hits select 'anon', 'detail site_a_pub organization', public.site_with_menus('site_a_pub') #>> '{organization,name}';
insert into hits select 'anon', 'detail of the confidential site', coalesce(public.site_with_menus('site_b_shelter')::text, 'null');
insert into hits select 'anon', 'detail of a draft', coalesce(public.site_with_menus('site_a_draft')::text, 'null');
insert into hits select 'anon', 'detail keys', (select string_agg(k, ',' order by k) from jsonb_object_keys(public.site_with_menus('site_a_pub') -> 'site') k);

select tests.act_as('staff');
insert into hits select 'staff', 'no filter', (select string_agg(id, ',' order by id) from public.sites_in_bbox(138.9, 36.2, 139.1, 36.4, '{}', 100));
insert into hits select 'staff', 'menu ids of site_a_pub', array_to_string(menu_ids, ',')
  from public.sites_in_bbox(138.9, 36.2, 139.1, 36.4, '{}', 100) where id = 'site_a_pub';
insert into hits select 'staff', 'search シェルター', (select string_agg(id, ',') from public.search_sites('シェルター', '{}', 10));

select tests.act_as('stranger');
insert into hits select 'stranger', 'no filter', (select string_agg(id, ',' order by id) from public.sites_in_bbox(138.9, 36.2, 139.1, 36.4, '{}', 100));
insert into hits select 'stranger', 'nearest', (select string_agg(menu_id, ',') from public.nearest_menus(139.0036, 36.3319, 5000, 50, '{}'));

select tests.act_as('coordinator_b');
insert into hits select 'coordinator_b', 'no filter (its confidential site too)', (select string_agg(id, ',' order by id) from public.sites_in_bbox(138.9, 36.2, 139.1, 36.4, '{}', 100));
insert into hits select 'coordinator_b', 'nearest (its menu at the confidential site too)', (select string_agg(menu_id, ',') from public.nearest_menus(139.0036, 36.3319, 5000, 50, '{}'));

select tests.act_as('coordinator_a');
insert into hits select 'coordinator_a', 'no filter (no drafts on the map)', (select string_agg(id, ',' order by id) from public.sites_in_bbox(138.9, 36.2, 139.1, 36.4, '{}', 100));
reset role;

select is(ids, expected, format('%s: %s', who, label))
from hits join (values
  ('anon', 'no filter', 'site_a_pub,site_b_desk'),
  ('anon', 'needs meals', 'site_a_pub'),
  ('anon', 'needs work_experience (staff-only menus)', null),
  ('anon', 'weekdays MO', 'site_b_desk'),
  ('anon', 'weekdays TU', 'site_a_pub,site_b_desk'),
  ('anon', 'help desks only', 'site_b_desk'),
  ('anon', 'categories kids_cafeteria', 'site_a_pub'),
  ('anon', 'fields elderly', 'site_b_desk'),
  ('anon', 'accessibility wheelchair and parking', 'site_a_pub'),
  ('anon', 'accessibility wheelchair', 'site_a_pub,site_b_desk'),
  ('anon', 'ease free and solo_friendly', 'site_a_pub'),
  ('anon', 'needs consultation and targets elementary on one menu', null), -- the desk's menu is for older adults, the cafeteria's (anyone) is not a consultation
  ('anon', 'text ショクドウ', 'site_a_pub'),
  ('anon', 'empty lists', 'site_a_pub,site_b_desk'),
  ('anon', 'menu ids of site_a_pub', 'menu_a_pub'),
  ('anon', 'total', '2'),
  ('anon', 'nearest', 'menu_a_pub,menu_b_desk'),
  ('anon', 'nearest within 100 m', 'menu_a_pub'),
  ('anon', 'nearest distance', '1068'),
  ('anon', 'search シェルター', ''),
  ('anon', 'search 介護の相談 (menu title)', 'site_b_desk'),
  ('anon', 'search 皿洗い (staff-only menu title)', ''),
  ('anon', 'search みんなの　ショクドウ', 'site_a_pub'),
  ('anon', 'detail site_a_pub menus', 'menu_a_pub'),
  ('anon', 'detail site_a_pub desks', 'site_b_desk'),
  ('anon', 'detail site_a_pub areas', 'area_north,area_city'),
  ('anon', 'detail site_a_pub organization', 'NPO法人 かさね'),
  ('anon', 'detail of the confidential site', 'null'),
  ('anon', 'detail of a draft', 'null'),
  ('anon', 'detail keys', 'access,accessibility,address,category_id,contact,description,fields,id,kana,last_verified,lat,lng,municipality_code,name,organization_id,photo_url,service_area_ids'),
  ('staff', 'no filter', 'site_a_pub,site_a_staff,site_b_desk,site_b_shelter'),
  ('staff', 'menu ids of site_a_pub', 'menu_a_pub,menu_a_staff,menu_shop_trial'),
  ('staff', 'search シェルター', 'site_b_shelter'),
  ('stranger', 'no filter', 'site_a_pub,site_b_desk'),
  ('stranger', 'nearest', 'menu_a_pub,menu_b_desk'),
  ('coordinator_b', 'no filter (its confidential site too)', 'site_a_pub,site_b_desk,site_b_shelter'),
  ('coordinator_b', 'nearest (its menu at the confidential site too)', 'menu_a_pub,menu_b_desk,menu_b_shelter'),
  ('coordinator_a', 'no filter (no drafts on the map)', 'site_a_pub,site_a_staff,site_b_desk')
) as e(who2, label2, expected) on e.who2 = hits.who and e.label2 = hits.label;

-- bad arguments: 22023 with a hint
select throws_ok(sql, '22023', null, 'refused: ' || label)
from (values
  ('west ≥ east', $$ select * from public.sites_in_bbox(139.1, 36.2, 138.9, 36.4) $$),
  ('latitude beyond Web Mercator', $$ select * from public.sites_in_bbox(138.9, -89, 139.1, 36.4) $$),
  ('max_rows 0', $$ select * from public.sites_in_bbox(138.9, 36.2, 139.1, 36.4, '{}', 0) $$),
  ('unknown filter', $$ select * from public.sites_in_bbox(138.9, 36.2, 139.1, 36.4, '{"colour": "red"}') $$),
  ('unknown need', $$ select * from public.sites_in_bbox(138.9, 36.2, 139.1, 36.4, '{"needs": ["flying"]}') $$),
  ('weekday in Japanese', $$ select * from public.sites_in_bbox(138.9, 36.2, 139.1, 36.4, '{"weekdays": ["火"]}') $$),
  ('today not a calendar date', $$ select * from public.sites_in_bbox(138.9, 36.2, 139.1, 36.4, '{"today": "2026-02-30"}') $$),
  ('filters as a list', $$ select * from public.sites_in_bbox(138.9, 36.2, 139.1, 36.4, '["meals"]') $$),
  ('nearest to a point in London', $$ select * from public.nearest_menus(-0.12, 51.5) $$),
  ('nearest with lat and lng swapped', $$ select * from public.nearest_menus(36.33, 139.0) $$),
  ('nearest within 0 m', $$ select * from public.nearest_menus(139.0, 36.3, 0) $$),
  ('nearest within 100 km', $$ select * from public.nearest_menus(139.0, 36.3, 100000) $$),
  ('nearest, 1000 rows', $$ select * from public.nearest_menus(139.0, 36.3, 1000, 1000) $$),
  ('search for spaces', $$ select * from public.search_sites('　・ ') $$),
  ('search with text in filters too', $$ select * from public.search_sites('食堂', '{"text": "食堂"}') $$),
  ('detail without an id', $$ select public.site_with_menus(null) $$),
  ('tile at zoom 23', $$ select public.site_tiles(23, 0, 0) $$),
  ('tile x out of range', $$ select public.site_tiles(2, 4, 0) $$)
) as t(label, sql);

-- tiles: the tile holding only the confidential site is empty for visitors, not for staff
create function pg_temp.tile_of(lng float8, lat float8, z int) returns int[] language sql immutable as $$
  select array[z,
    floor((lng + 180) / 360 * (1 << z))::int,
    floor((1 - ln(tan(radians(lat)) + 1 / cos(radians(lat))) / pi()) / 2 * (1 << z))::int]
$$;
select tests.act_as('anon');
select is(length(public.site_tiles(t[1], t[2], t[3])), 0, 'anon: the z18 tile of the confidential site is empty')
  from pg_temp.tile_of(139.0200, 36.3500, 18) t;
select cmp_ok(length(public.site_tiles(t[1], t[2], t[3])), '>', 0, 'anon: the z18 tile of a public site has it')
  from pg_temp.tile_of(139.0036, 36.3319, 18) t;
select cmp_ok(length(public.site_tiles(t[1], t[2], t[3])), '>', 0, 'anon: the aggregated z4 tile over the city is not empty')
  from pg_temp.tile_of(139.0036, 36.3319, 4) t;
select is(public.site_tiles_base64(t[1], t[2], t[3]), encode(public.site_tiles(t[1], t[2], t[3]), 'base64'), 'anon: site_tiles_base64 is the same tile as base64')
  from pg_temp.tile_of(139.0036, 36.3319, 12) t;
select tests.act_as('staff');
select cmp_ok(length(public.site_tiles(t[1], t[2], t[3])), '>', 0, 'staff: the z18 tile of the confidential site has it')
  from pg_temp.tile_of(139.0200, 36.3500, 18) t;
reset role;

select * from finish();
rollback;
