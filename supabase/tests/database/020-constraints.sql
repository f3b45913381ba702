-- Constraints reject what cannot be true: wrong check digits, points outside Japan, schedule rules
-- that cannot occur, unknown taxonomy or area ids. Also: keyword normalization matches
-- src/domain/search/normalize.ts on a table of cases (tests/db/normalize.test.ts compares the two
-- functions on random strings as well).
begin;
select plan(68);
select tests.create_fixtures();

-- keyword normalization: expected values are normalizeForSearch() of the input
select is(public.normalize_search_text(input), expected, format('normalize_search_text(%s) = %s', input, expected))
from (values
  ('ｶﾞｯｺｳ', 'がっこう'),
  ('カタカナ', 'かたかな'),
  ('ひらがな', 'ひらがな'),
  ('ＡＢＣ１２３', 'abc123'),
  ('Hello World', 'helloworld'),
  ('みんなの　食堂', 'みんなの食堂'),
  ('ケア・サポート', 'けあさぽーと'),
  ('センター', 'せんた'),
  ('コンピューター', 'こんぴゅーた'),
  ('コンピュータ', 'こんぴゅーた'),
  ('センタ-', 'せんた'),
  ('センタ—', 'せんた'),
  ('ー', 'ー'),
  ('ヴァイオリン', 'ゔぁいおりん'),
  ('ヷ', 'わ' || chr(12441)),
  ('10時〜12時', '10時〜12時'),
  ('  ', ''),
  ('ﾃﾞｲｻｰﾋﾞｽ', 'でいさーびす'),
  ('子ども・子育て', '子ども子育て'),
  ('ＮＰＯ法人', 'npo法人'),
  ('abc-def', 'abcーdef'),
  ('ヽヾ', 'ゝゞ'),
  ('ヵヶ', 'ゕゖ'),
  ('ア' || chr(8203) || 'イ', 'あい'),
  ('ＣＡＦÉ', 'café')
) as t(input, expected);
select is(public.normalize_search_text(null), null, 'normalize_search_text(null) is null');

-- check digits
select ok(public.is_valid_municipality_code('102024'), '102024 (高崎市) is a valid municipality code');
select ok(public.is_valid_municipality_code('131016'), '131016 (千代田区) is a valid municipality code');
select ok(not public.is_valid_municipality_code('102025'), '102025 has a wrong check digit');
select ok(not public.is_valid_municipality_code('10202'), 'a 5-digit code without check digit is not a municipality code');
select ok(public.is_valid_corporate_number('7000012050002'), '7000012050002 is a valid corporate number');
select ok(not public.is_valid_corporate_number('7000012050003'), '7000012050003 has a wrong check digit');

select throws_ok(
  $$ insert into public.organizations (name, kind, corporate_number) values ('x', 'npo', '1234567890123') $$,
  '23514', null, 'an organization with a wrong 法人番号 check digit is refused'
);
select throws_ok(
  $$ insert into public.sites (organization_id, name, category_id, fields, location, municipality_code)
     values ('org_a', 'x', 'salon', '{elderly}', 'SRID=4326;POINT(139 36)', '102025') $$,
  '23514', null, 'a site with a wrong 全国地方公共団体コード check digit is refused'
);
select throws_ok(
  $$ insert into public.sites (organization_id, name, category_id, fields, location, municipality_code)
     values ('org_a', 'x', 'salon', '{elderly}', 'SRID=4326;POINT(100 36)', '102024') $$,
  '23514', null, 'a site west of Japan (100°E) is refused'
);
select throws_ok(
  $$ insert into public.sites (organization_id, name, category_id, fields, location, municipality_code)
     values ('org_a', 'x', 'salon', '{elderly}', 'SRID=4326;POINT(36 139)', '102024') $$,
  '23514', null, 'a site with latitude and longitude swapped is refused'
);
select lives_ok(
  $$ insert into public.sites (organization_id, name, category_id, fields, location, municipality_code)
     values ('org_a', '与那国の拠点', 'salon', '{elderly}', 'SRID=4326;POINT(122.99 24.46)', '473821') $$,
  'a site on 与那国島 (122.99°E, 24.46°N) is accepted'
);
select throws_ok(
  $$ insert into public.sites (organization_id, name, category_id, fields, location, municipality_code)
     values ('org_a', 'x', 'salon', '{elderly,sports}', 'SRID=4326;POINT(139 36)', '102024') $$,
  '23503', 'unknown sites.fields id(s): sports', 'a site with an unknown field is refused, naming it'
);
select throws_ok(
  $$ insert into public.sites (organization_id, name, category_id, fields, location, municipality_code, service_area_ids)
     values ('org_a', 'x', 'salon', '{elderly}', 'SRID=4326;POINT(139 36)', '102024', '{area_nowhere}') $$,
  '23503', null, 'a site serving an unknown area is refused'
);
select throws_ok(
  $$ insert into public.sites (organization_id, name, category_id, fields, location, municipality_code, confidential, public_contact_site_id)
     values ('org_b', 'x', 'salon', '{elderly}', 'SRID=4326;POINT(139 36)', '102024', true, 'site_b_shelter') $$,
  '23514', null, 'a confidential site cannot name another confidential site as its public contact'
);
select throws_ok(
  $$ insert into public.sites (organization_id, name, category_id, fields, location, municipality_code, contact)
     values ('org_a', 'x', 'salon', '{elderly}', 'SRID=4326;POINT(139 36)', '102024', '{"fax": "0"}') $$,
  '23514', null, 'a contact with an unknown key is refused'
);
select is(
  (select search_text from public.sites where id = 'site_a_pub'),
  concat_ws(E'\n', public.normalize_search_text('みんなの食堂'), public.normalize_search_text('みんなのしょくどう'),
    public.normalize_search_text('毎週火曜の夕食会'), public.normalize_search_text('子ども食堂'),
    public.normalize_search_text((select label_en from public.categories where id = 'kids_cafeteria'))),
  'sites.search_text is kept by trigger: name, kana, description and category labels, one per line (as the app''s keyword text)'
);
select is(
  extensions.st_srid((select location_3857 from public.sites where id = 'site_a_pub')), 3857,
  'sites.location_3857 is generated in Web Mercator'
);

-- menus: terms, cost, ages
select throws_ok(
  $$ insert into public.menus (organization_id, title, needs, targets) values ('org_a', 'x', '{meals,flying}', '{anyone}') $$,
  '23503', 'unknown menus.needs id(s): flying', 'a menu with an unknown need is refused'
);
select throws_ok(
  $$ insert into public.menus (organization_id, title, needs, targets) values ('org_a', 'x', '{}', '{anyone}') $$,
  '23514', null, 'a menu serving no need is refused'
);
select throws_ok(
  $$ insert into public.menus (organization_id, title, needs, targets, ease) values ('org_a', 'x', '{meals}', '{anyone}', '{free}') $$,
  '23514', null, 'a menu cannot store the derived ease term free'
);
select throws_ok(
  $$ insert into public.menus (organization_id, title, needs, targets, age_min, age_max) values ('org_a', 'x', '{meals}', '{anyone}', 18, 6) $$,
  '23514', null, 'a menu whose minimum age is above its maximum is refused'
);
select throws_ok(
  $$ insert into public.menus (organization_id, title, needs, targets, cost_kind, cost_amount_yen) values ('org_a', 'x', '{meals}', '{anyone}', 'free', 300) $$,
  '23514', null, 'a free menu with a price is refused'
);

-- schedules: what cannot occur
select is(public.schedule_problem(s::jsonb), null, 'valid schedule: ' || label)
from (values
  ('weekly Tuesday', '{"rules": [{"freq": "WEEKLY", "interval": 1, "byday": ["TU"], "opensAt": "10:00", "closesAt": "12:00"}], "closedOnHolidays": true, "irregular": false}'),
  ('2nd and 4th Wednesday', '{"rules": [{"freq": "MONTHLY", "interval": 1, "byday": ["2WE", "4WE"], "opensAt": "13:30", "closesAt": "15:30"}], "closedOnHolidays": false, "irregular": false}'),
  ('every other Saturday from a date', '{"rules": [{"freq": "WEEKLY", "interval": 2, "byday": ["SA"], "opensAt": "10:00", "closesAt": "11:00", "validFrom": "2026-04-04"}], "closedOnHolidays": false, "irregular": false}'),
  ('last Friday within January 2026', '{"rules": [{"freq": "MONTHLY", "interval": 1, "byday": ["-1FR"], "opensAt": "18:00", "closesAt": "20:00", "validFrom": "2026-01-01", "validTo": "2026-01-31"}], "closedOnHolidays": false, "irregular": false}'),
  ('irregular with a note', '{"rules": [], "closedOnHolidays": false, "irregular": true, "note": "要問合せ"}')
) as t(label, s);

select isnt(public.schedule_problem(s::jsonb), null, 'refused schedule: ' || label)
from (values
  ('closes before it opens', '{"rules": [{"freq": "WEEKLY", "interval": 1, "byday": ["TU"], "opensAt": "12:00", "closesAt": "10:00"}], "closedOnHolidays": true, "irregular": false}'),
  ('25:00', '{"rules": [{"freq": "WEEKLY", "interval": 1, "byday": ["TU"], "opensAt": "10:00", "closesAt": "25:00"}], "closedOnHolidays": true, "irregular": false}'),
  ('weekly rule with an ordinal', '{"rules": [{"freq": "WEEKLY", "interval": 1, "byday": ["2WE"], "opensAt": "10:00", "closesAt": "12:00"}], "closedOnHolidays": true, "irregular": false}'),
  ('monthly rule without an ordinal', '{"rules": [{"freq": "MONTHLY", "interval": 1, "byday": ["WE"], "opensAt": "10:00", "closesAt": "12:00"}], "closedOnHolidays": true, "irregular": false}'),
  ('5th Monday', '{"rules": [{"freq": "MONTHLY", "interval": 1, "byday": ["5MO"], "opensAt": "10:00", "closesAt": "12:00"}], "closedOnHolidays": true, "irregular": false}'),
  ('every other week without an anchor', '{"rules": [{"freq": "WEEKLY", "interval": 2, "byday": ["SA"], "opensAt": "10:00", "closesAt": "12:00"}], "closedOnHolidays": true, "irregular": false}'),
  ('ends before it starts', '{"rules": [{"freq": "WEEKLY", "interval": 1, "byday": ["SA"], "opensAt": "10:00", "closesAt": "12:00", "validFrom": "2026-05-01", "validTo": "2026-04-01"}], "closedOnHolidays": true, "irregular": false}'),
  ('Saturdays between a Monday and a Tuesday', '{"rules": [{"freq": "WEEKLY", "interval": 1, "byday": ["SA"], "opensAt": "10:00", "closesAt": "12:00", "validFrom": "2026-01-05", "validTo": "2026-01-06"}], "closedOnHolidays": true, "irregular": false}'),
  ('last Friday of a month, within its first 20 days', '{"rules": [{"freq": "MONTHLY", "interval": 1, "byday": ["-1FR"], "opensAt": "18:00", "closesAt": "20:00", "validFrom": "2026-01-01", "validTo": "2026-01-20"}], "closedOnHolidays": false, "irregular": false}'),
  ('February 30th', '{"rules": [{"freq": "WEEKLY", "interval": 1, "byday": ["SA"], "opensAt": "10:00", "closesAt": "12:00", "validFrom": "2026-02-30"}], "closedOnHolidays": true, "irregular": false}'),
  ('no day at all', '{"rules": [{"freq": "WEEKLY", "interval": 1, "byday": [], "opensAt": "10:00", "closesAt": "12:00"}], "closedOnHolidays": true, "irregular": false}'),
  ('unknown key', '{"rules": [], "closedOnHolidays": true, "irregular": true, "rrule": "FREQ=DAILY"}'),
  ('missing closedOnHolidays', '{"rules": [], "irregular": true}')
) as t(label, s);

select throws_ok(
  $$ insert into public.menus (organization_id, title, needs, targets, schedule) values ('org_a', 'x', '{meals}', '{anyone}',
     '{"rules": [{"freq": "WEEKLY", "interval": 1, "byday": ["TU"], "opensAt": "12:00", "closesAt": "10:00"}], "closedOnHolidays": true, "irregular": false}') $$,
  '23514', 'invalid schedule: rule 1: closes at 10:00, not after it opens at 12:00',
  'a menu with an impossible schedule is refused with a readable message'
);
select is(public.schedule_weekdays(schedule), '{TH}'::text[], 'schedule_weekdays takes the weekday of 2TH and -1TH')
from public.menus where id = 'menu_b_outreach';

select * from finish();
rollback;
