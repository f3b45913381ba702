-- The public view (20261127090500): the public pages' RPCs return the published public listings
-- only, whatever the caller's role. Asked as signed-in staff, admin and a coordinator whose
-- organization has a staff-only site, a draft and a staff-only menu, the answers equal a visitor's.
begin;
select plan(38);
select tests.create_fixtures();

-- what a visitor gets
select tests.act_as('anon');
select set_config('tests.anon_search', public.search_public_sites('{}', null, null, 50)::text, true);
select set_config('tests.anon_site', public.site_with_menus('site_a_pub')::text, true);
select set_config('tests.anon_desk_site', public.site_with_menus('site_b_desk')::text, true);
select set_config('tests.anon_desks', public.help_desks_at(139.0036, 36.3319)::text, true);
select set_config('tests.anon_desks_shelter', public.help_desks_at(139.0200, 36.3500)::text, true);
select set_config('tests.anon_tile4', encode(public.site_tiles(4, 14, 6), 'base64'), true);
select set_config('tests.anon_tile12', encode(public.site_tiles(12, 3629, 1603), 'base64'), true);
select set_config('tests.anon_nearest', (select string_agg(menu_id, ',' order by menu_id) from public.nearest_menus(139.0036, 36.3319, 10000, 500)), true);
select is(public.public_view_search('{}', null, null, 50), current_setting('tests.anon_search')::jsonb, 'anon: public_view_search = search_public_sites');
select is((select string_agg(id, ',' order by id) from public.public_view_points()), 'site_a_pub,site_b_desk', 'anon: public_view_points = the public sites');
select is(public.public_view_site('site_a_pub'), current_setting('tests.anon_site')::jsonb, 'anon: public_view_site = site_with_menus');

-- staff read staff-only and confidential listings through RLS …
select tests.act_as('staff');
select isnt(public.search_public_sites('{}', null, null, 50), current_setting('tests.anon_search')::jsonb, 'staff: search_public_sites shows more than the public view');
select ok(public.site_with_menus('site_a_pub')::text like '%menu_a_staff%', 'staff: site_with_menus lists the staff-only menu');

-- … but not through the public view
reset role;
create function pg_temp.public_view_as(who text) returns setof text language plpgsql as $$
begin
  perform tests.act_as(who);
  return next is(public.public_view_search('{}', null, null, 50), current_setting('tests.anon_search')::jsonb,
    who || ': public_view_search = a visitor''s search');
  return next is(public.public_view_search('{"text": "しょくいん"}', null, null, 50) -> 'match_ids', '[]'::jsonb,
    who || ': the staff-only site is not found by its name');
  return next is((select string_agg(id, ',' order by id) from public.public_view_points()), 'site_a_pub,site_b_desk',
    who || ': public_view_points = the public sites');
  return next is(public.public_view_site('site_a_pub'), current_setting('tests.anon_site')::jsonb,
    who || ': public_view_site = a visitor''s site page (no staff-only or draft menu)');
  return next is(public.public_view_site('site_b_desk'), current_setting('tests.anon_desk_site')::jsonb,
    who || ': the help desk''s page as a visitor sees it');
  return next ok(public.public_view_site('site_b_shelter') is null and public.public_view_site('site_a_staff') is null
                 and public.public_view_site('site_a_draft') is null,
    who || ': no page for a confidential, staff-only or draft site');
  return next is(public.public_view_help_desks_at(139.0036, 36.3319), current_setting('tests.anon_desks')::jsonb,
    who || ': public_view_help_desks_at = a visitor''s');
  return next is(public.public_view_help_desks_at(139.0200, 36.3500), current_setting('tests.anon_desks_shelter')::jsonb,
    who || ': public_view_help_desks_at at the shelter = a visitor''s');
  return next is((select string_agg(menu_id, ',' order by menu_id) from public.nearest_menus(139.0036, 36.3319, 10000, 500, '{"view": "public"}')),
    current_setting('tests.anon_nearest'), who || ': nearest_menus with {"view": "public"} = a visitor''s');
end
$$;
reset role;
select * from pg_temp.public_view_as('staff');
reset role;
select * from pg_temp.public_view_as('admin');
reset role;
select * from pg_temp.public_view_as('coordinator_a');

-- tiles (20261127090600)
select tests.act_as('staff');
select is(encode(public.public_view_site_tiles(4, 14, 6), 'base64'), current_setting('tests.anon_tile4'), 'staff: the public view''s z4 tile = a visitor''s');
select is(public.public_view_site_tiles_base64(12, 3629, 1603), current_setting('tests.anon_tile12'), 'staff: the public view''s z12 tile (base64) = a visitor''s');
select is(length(public.public_view_site_tiles(18, 232303, 102624)), 0, 'staff: no confidential site in the public view''s z18 tile of the shelter');
select throws_ok($$ select public.site_tiles_in(4, 14, 6, '{"view": "caller"}') $$, '42501', null, 'site_tiles_in is not an API function');

select tests.act_as('staff');
select throws_ok($$ select public.search_public_sites('{"view": "everything"}', null, null, 0) $$,
  '22023', 'filter "view" must be "public" or "caller"', 'a bad view is refused');
select is(public.search_public_sites('{"view": "caller"}', null, null, 0) -> 'match_ids', '["site_a_pub", "site_a_staff", "site_b_desk", "site_b_shelter"]'::jsonb,
  'staff: {"view": "caller"} is what the caller may read');
reset role;

select * from finish();
rollback;
