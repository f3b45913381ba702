-- Test helpers, created once before the other files run (pg_prove runs files in name order; so does
-- `supabase test db`). Committed on purpose: every later file uses them inside its own transaction.
--   tests.create_fixtures()          users, organizations, areas, sites and menus of every kind
--   tests.act_as(who)                become a fixture user: anon, stranger (signed in, no profile),
--                                    coordinator_a, coordinator_b, coordinator_ab, staff, admin,
--                                    service_role; `reset role` returns to the owner
--   tests.attempt_as(who, sql)       run one statement as `who` and undo it: 'rows N' for a select
--                                    of one number, 'ok N' (rows affected) or 'error SQLSTATE'
--   tests.uid(who)                   the fixture user's id
begin;
select plan(1);

create schema if not exists tests;
grant usage on schema tests to anon, authenticated, service_role;

create or replace function tests.uid(who text)
returns uuid
language sql
immutable
as $$
  select case who
    when 'admin' then '00000000-0000-4000-8000-0000000000a1'
    when 'staff' then '00000000-0000-4000-8000-0000000000b1'
    when 'staff_other_team' then '00000000-0000-4000-8000-0000000000b2'
    when 'coordinator_a' then '00000000-0000-4000-8000-0000000000c1'
    when 'coordinator_b' then '00000000-0000-4000-8000-0000000000c2'
    when 'coordinator_ab' then '00000000-0000-4000-8000-0000000000c3'
    when 'stranger' then '00000000-0000-4000-8000-0000000000d1'
  end::uuid
$$;

create or replace function tests.act_as(who text)
returns void
language plpgsql
as $$
begin
  reset role;
  if who = 'owner' then
    perform set_config('request.jwt.claims', '', true);
  elsif who = 'anon' then
    perform set_config('request.jwt.claims', '{"role": "anon"}', true);
    set local role anon;
  elsif who = 'service_role' then
    perform set_config('request.jwt.claims', '{"role": "service_role"}', true);
    set local role service_role;
  elsif tests.uid(who) is not null then
    perform set_config('request.jwt.claims',
      json_build_object('sub', tests.uid(who), 'role', 'authenticated', 'aud', 'authenticated')::text, true);
    set local role authenticated;
  else
    raise exception 'tests.act_as: unknown user %', who;
  end if;
end
$$;

create or replace function tests.attempt_as(who text, statement text)
returns text
language plpgsql
as $$
declare
  n bigint;
  result text;
begin
  begin
    perform tests.act_as(who);
    if statement ~* '^\s*select' then
      execute statement into n;
      result := 'rows ' || n;
    else
      execute statement;
      get diagnostics n = row_count;
      result := 'ok ' || n;
    end if;
    raise exception using errcode = 'P0001', message = 'tests.attempt_as: undo';
  exception when others then
    if sqlerrm <> 'tests.attempt_as: undo' then
      result := 'error ' || sqlstate;
    end if;
  end;
  -- the subtransaction rolled back the statement and the role change
  return result;
end
$$;

create or replace function tests.create_fixtures()
returns void
language plpgsql
as $$
begin
  insert into auth.users (id, email, role, aud)
  select tests.uid(w), w || '@example.test', 'authenticated', 'authenticated'
  from unnest(array['admin', 'staff', 'staff_other_team', 'coordinator_a', 'coordinator_b', 'coordinator_ab', 'stranger']) w;

  insert into public.organizations (id, name, kind, trusted, corporate_number) values
    ('org_a', 'NPO法人 かさね', 'npo', false, null),
    ('org_b', '社会福祉法人 みどり会', 'social_welfare_corporation', true, '7000012050002'),
    ('org_shop', '田中商店', 'company', false, null); -- only staff-only menus: never public

  insert into public.teams (id, name) values ('team_1', '参加支援チーム北'), ('team_2', '参加支援チーム南');

  insert into public.profiles (id, display_name, role, team_id) values
    (tests.uid('admin'), '管理者', 'admin', null),
    (tests.uid('staff'), '相談支援員', 'staff', 'team_1'),
    (tests.uid('staff_other_team'), '相談支援員2', 'staff', 'team_2'),
    (tests.uid('coordinator_a'), 'コーディネーターA', 'coordinator', null),
    (tests.uid('coordinator_b'), 'コーディネーターB', 'coordinator', null),
    (tests.uid('coordinator_ab'), 'コーディネーターAB', 'coordinator', null);

  insert into public.organization_members (organization_id, user_id) values
    ('org_a', tests.uid('coordinator_a')),
    ('org_b', tests.uid('coordinator_b')),
    ('org_a', tests.uid('coordinator_ab')),
    ('org_b', tests.uid('coordinator_ab'));

  -- a 10 km square around 高崎市役所 (139.0036, 36.3219), and its northern half
  insert into public.areas (id, level, name, parent_id, population, geom) values
    ('area_city', 'municipality', 'テスト市', null, 370000,
      extensions.st_multi(extensions.st_makeenvelope(138.95, 36.28, 139.06, 36.37, 4326))),
    ('area_north', 'daily_life', '北部圏域', 'area_city', 52000,
      extensions.st_multi(extensions.st_makeenvelope(138.95, 36.32, 139.06, 36.37, 4326)));

  insert into public.sites (id, organization_id, name, kana, category_id, fields, location, address,
                            municipality_code, status, visibility, confidential, public_contact_site_id,
                            service_area_ids, accessibility, description) values
    ('site_a_pub', 'org_a', 'みんなの食堂', 'みんなのしょくどう', 'kids_cafeteria', '{children,community}',
      'SRID=4326;POINT(139.0036 36.3319)', '高崎市高松町1', '102024', 'published', 'public', false, null, '{}', '{wheelchair,parking}', '毎週火曜の夕食会'),
    ('site_a_draft', 'org_a', '準備中のサロン', 'じゅんびちゅうのさろん', 'salon', '{elderly}',
      'SRID=4326;POINT(139.0050 36.3300)', '高崎市高松町2', '102024', 'draft', 'public', false, null, '{}', '{}', ''),
    ('site_a_pending', 'org_a', '審査中の居場所', 'しんさちゅうのいばしょ', 'multigenerational_place', '{community}',
      'SRID=4326;POINT(139.0060 36.3310)', '高崎市高松町3', '102024', 'pending', 'public', false, null, '{}', '{}', ''),
    ('site_a_staff', 'org_a', '職員向けの作業所', 'しょくいんむけのさぎょうしょ', 'work_preparation', '{poverty}',
      'SRID=4326;POINT(139.0070 36.3320)', '高崎市高松町4', '102024', 'published', 'staff', false, null, '{}', '{}', ''),
    ('site_b_desk', 'org_b', '北部地域包括支援センター', 'ほくぶちいきほうかつしえんせんたー', 'community_general_support_center', '{elderly}',
      'SRID=4326;POINT(139.0100 36.3400)', '高崎市北町1', '102024', 'published', 'public', false, null, '{area_north}', '{wheelchair}', '高齢者の総合相談'),
    ('site_b_shelter', 'org_b', 'シェルター', 'しぇるたー', 'self_reliance_support', '{poverty}',
      'SRID=4326;POINT(139.0200 36.3500)', '非公開', '102024', 'published', 'public', true, 'site_b_desk', '{}', '{}', ''),
    ('site_b_archived', 'org_b', '閉じたサロン', 'とじたさろん', 'salon', '{elderly}',
      'SRID=4326;POINT(139.0300 36.3000)', '高崎市南町1', '102024', 'archived', 'public', false, null, '{}', '{}', '');

  insert into public.menus (id, site_id, organization_id, title, needs, targets, schedule, cost_kind, ease, visibility, status) values
    ('menu_a_pub', 'site_a_pub', 'org_a', '子ども食堂（夕食）', '{meals,place_to_be}', '{anyone}',
      '{"rules": [{"freq": "WEEKLY", "interval": 1, "byday": ["TU"], "opensAt": "17:00", "closesAt": "19:00"}], "closedOnHolidays": true, "irregular": false}',
      'free', '{solo_friendly,no_reservation}', 'public', 'published'),
    ('menu_a_staff', 'site_a_pub', 'org_a', '皿洗いの就労体験', '{work_experience}', '{young_adults,hikikomori_experience}',
      '{"rules": [{"freq": "WEEKLY", "interval": 1, "byday": ["WE"], "opensAt": "14:00", "closesAt": "16:00"}], "closedOnHolidays": false, "irregular": false}',
      'free', '{accompanied_first_visit}', 'staff', 'published'),
    ('menu_a_draft', 'site_a_pub', 'org_a', '準備中の学習会', '{child_study}', '{elementary}',
      '{"rules": [], "closedOnHolidays": false, "irregular": true}', 'free', '{}', 'public', 'draft'),
    ('menu_b_desk', 'site_b_desk', 'org_b', '介護の相談', '{consultation}', '{older_adults,family_carers}',
      '{"rules": [{"freq": "WEEKLY", "interval": 1, "byday": ["MO","TU","WE","TH","FR"], "opensAt": "08:30", "closesAt": "17:15"}], "closedOnHolidays": true, "irregular": false}',
      'free', '{no_reservation}', 'public', 'published'),
    ('menu_b_shelter', 'site_b_shelter', 'org_b', '一時避難の相談', '{consultation}', '{anyone}',
      '{"rules": [], "closedOnHolidays": false, "irregular": true}', 'free', '{}', 'public', 'published'),
    ('menu_b_outreach', null, 'org_b', '訪問による見守り', '{watching_over}', '{older_adults}',
      '{"rules": [{"freq": "MONTHLY", "interval": 1, "byday": ["2TH", "-1TH"], "opensAt": "10:00", "closesAt": "12:00"}], "closedOnHolidays": false, "irregular": false}',
      'fixed', '{}', 'public', 'published'),
    ('menu_shop_trial', 'site_a_pub', 'org_shop', '品出しの職場体験', '{work_experience}', '{young_adults}',
      '{"rules": [], "closedOnHolidays": false, "irregular": true}', 'free', '{}', 'staff', 'published');
end
$$;

grant execute on all functions in schema tests to anon, authenticated, service_role;

select pass('test helpers are installed');
select * from finish();
commit;
