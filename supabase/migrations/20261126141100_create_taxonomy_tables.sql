-- Taxonomies (DOMAIN.md "Taxonomies"): one row per term, keyed by the stable English id that
-- src/domain/taxonomy.ts uses in code, URLs and storage. Admins can add terms; the rows below are
-- the starting set and must stay equal to taxonomy.ts (tests/db/taxonomy.test.ts checks).
-- Listings refer to terms by id in text[] columns; triggers (validate_terms) reject unknown ids,
-- because a foreign key cannot point from an array element.

create table public.fields (
  id text primary key check (id ~ '^[a-z][a-z0-9_]{0,63}$'),
  label_ja text not null check (label_ja <> ''),
  label_en text not null check (label_en <> ''),
  label_easy text,
  sort_order integer not null default 0
);
comment on table public.fields is '分野: the fields of welfare a listing belongs to (子ども・子育て, 高齢, 障害, 生活困窮, 地域).';

create table public.categories (
  id text primary key check (id ~ '^[a-z][a-z0-9_]{0,63}$'),
  label_ja text not null check (label_ja <> ''),
  label_en text not null check (label_en <> ''),
  label_easy text,
  sort_order integer not null default 0,
  fields text[] not null check (cardinality(fields) > 0),
  help_desk boolean not null default false
);
comment on table public.categories is 'Site categories (拠点の種類) with their default fields; help_desk marks 相談窓口 subtypes.';
comment on column public.categories.fields is 'default fields of a site of this category (ids in public.fields)';
comment on column public.categories.help_desk is 'true for 相談窓口 (help desk) subtypes';

create table public.needs (
  id text primary key check (id ~ '^[a-z][a-z0-9_]{0,63}$'),
  label_ja text not null check (label_ja <> ''),
  label_en text not null check (label_en <> ''),
  label_easy text,
  sort_order integer not null default 0
);
comment on table public.needs is '参加のきっかけ・ニーズ: the needs a menu serves, matched against a person''s needs.';

create table public.targets (
  id text primary key check (id ~ '^[a-z][a-z0-9_]{0,63}$'),
  label_ja text not null check (label_ja <> ''),
  label_en text not null check (label_en <> ''),
  label_easy text,
  sort_order integer not null default 0
);
comment on table public.targets is 'Target groups (対象) of a menu.';

create table public.ease (
  id text primary key check (id ~ '^[a-z][a-z0-9_]{0,63}$'),
  label_ja text not null check (label_ja <> ''),
  label_en text not null check (label_en <> ''),
  label_easy text,
  sort_order integer not null default 0,
  derived boolean not null default false
);
comment on table public.ease is '参加のしやすさ: ease of taking part. A derived term (無料) is computed from the menu, never stored on it.';
comment on column public.ease.derived is 'true when the term is derived (free: from menus.cost_kind) and must not be stored in menus.ease';

create table public.accessibility (
  id text primary key check (id ~ '^[a-z][a-z0-9_]{0,63}$'),
  label_ja text not null check (label_ja <> ''),
  label_en text not null check (label_en <> ''),
  label_easy text,
  sort_order integer not null default 0
);
comment on table public.accessibility is 'Accessibility features of a site, aligned with the 公共施設一覧 columns.';

create table public.languages (
  id text primary key check (id ~ '^[a-z][a-z0-9_]{0,63}$'),
  label_ja text not null check (label_ja <> ''),
  label_en text not null check (label_en <> ''),
  label_easy text,
  sort_order integer not null default 0
);
comment on table public.languages is 'Languages a menu can be taken part in (including やさしい日本語 and 日本手話).';

-- the starting terms, generated from src/domain/taxonomy.ts
insert into public.fields (id, label_ja, label_en, label_easy, sort_order) values
  ('children', '子ども・子育て', 'Children & families', 'こども・こそだて', 10),
  ('elderly', '高齢', 'Older people', 'おとしより', 20),
  ('disability', '障害', 'Disability', 'しょうがい', 30),
  ('poverty', '生活困窮', 'Livelihood support', 'くらしの こまりごと', 40),
  ('community', '地域（誰でも）', 'Community (anyone)', 'ちいき（だれでも）', 50);

insert into public.categories (id, label_ja, label_en, label_easy, sort_order, fields, help_desk) values
  ('childcare_hub', '地域子育て支援拠点', 'Community childcare hub', null, 10, '{children}', false),
  ('childrens_hall', '児童館', 'Children''s hall', null, 20, '{children}', false),
  ('kids_cafeteria', '子ども食堂', 'Children''s cafeteria', null, 30, '{children,community}', false),
  ('study_support', '学習支援教室', 'Study support class', null, 40, '{children,poverty}', false),
  ('kayoinoba', '通いの場（介護予防）', 'Kayoi-no-ba (frailty prevention)', null, 50, '{elderly}', false),
  ('salon', 'サロン（ふれあい・いきいき）', 'Community salon', null, 60, '{elderly,community}', false),
  ('mutual_aid', '生活支援・支え合い活動', 'Mutual aid activity', null, 70, '{elderly}', false),
  ('integrated_service', '総合事業の通所・訪問サービス', 'Integrated day/home service', null, 80, '{elderly}', false),
  ('activity_support_center', '地域活動支援センター', 'Community activity support center', null, 90, '{disability}', false),
  ('disability_day_service', '障害福祉の日中活動・就労系事業所', 'Disability day & work service', null, 100, '{disability}', false),
  ('mutual_support_base', '共助の基盤づくり拠点', 'Mutual support base', null, 110, '{poverty}', false),
  ('work_preparation', '就労準備・就労体験', 'Work preparation & trial', null, 120, '{poverty}', false),
  ('food_bank', 'フードバンク・フードパントリー', 'Food bank & pantry', null, 130, '{poverty}', false),
  ('multigenerational_place', '多世代の居場所', 'Multigenerational place', null, 140, '{community}', false),
  ('volunteer_center', 'ボランティアセンター・市民活動センター', 'Volunteer & civic center', null, 150, '{community}', false),
  ('community_center', '公民館・コミュニティセンター', 'Community center', null, 160, '{community}', false),
  ('community_general_support_center', '地域包括支援センター', 'Community general support center', null, 170, '{elderly}', true),
  ('disability_consultation', '基幹相談支援センター・相談支援事業所', 'Disability consultation center', null, 180, '{disability}', true),
  ('child_family_center', 'こども家庭センター・利用者支援', 'Child & family center', null, 190, '{children}', true),
  ('self_reliance_support', '自立相談支援機関', 'Self-reliance support office', null, 200, '{poverty}', true),
  ('general_welfare_desk', '福祉の総合相談窓口', 'General welfare help desk', null, 210, '{children,elderly,disability,poverty,community}', true);

insert into public.needs (id, label_ja, label_en, label_easy, sort_order) values
  ('place_to_be', '居場所（ほっとできる場所）', 'A place to be', 'ほっと できる ばしょ', 10),
  ('socializing', '交流・仲間づくり', 'Meeting people', 'なかまを つくる', 20),
  ('meals', '食事', 'Meals', 'ごはん', 30),
  ('learning_hobby', '学び・趣味', 'Learning & hobbies', 'まなぶ・しゅみ', 40),
  ('exercise_health', '運動・健康・介護予防', 'Exercise & health', 'うんどう・けんこう', 50),
  ('parenting_peers', '子育ての仲間・相談', 'Parenting peers & advice', 'こそだての なかま', 60),
  ('child_study', '学習支援（子ども）', 'Study support for children', 'こどもの べんきょう', 70),
  ('work_experience', '就労体験・働く準備', 'Work trial & preparation', 'はたらく れんしゅう', 80),
  ('volunteering', '役割・ボランティア（誰かの役に立ちたい）', 'A role / volunteering', 'だれかの やくに たつ', 90),
  ('watching_over', '見守り', 'Watching over', 'みまもり', 100),
  ('daily_life_help', '生活の困りごと（買い物・ごみ出し等）', 'Help with daily life', 'くらしの てつだい', 110),
  ('consultation', '相談', 'Advice & consultation', 'そうだん', 120);

insert into public.targets (id, label_ja, label_en, label_easy, sort_order) values
  ('anyone', '誰でも', 'Anyone', 'だれでも', 10),
  ('infants_with_parents', '乳幼児と保護者', 'Infants with parents', 'あかちゃん・ちいさい こと おや', 20),
  ('elementary', '小学生', 'Elementary pupils', 'しょうがくせい', 30),
  ('teens', '中高生', 'Teenagers', 'ちゅうがくせい・こうこうせい', 40),
  ('young_adults', '若者（〜39歳）', 'Young adults (to 39)', 'わかもの（39さい まで）', 50),
  ('parents', '子育て中の親', 'Parents', 'こそだて ちゅうの おや', 60),
  ('older_adults', '高齢者（65歳〜）', 'Older adults (65+)', 'おとしより（65さい から）', 70),
  ('people_with_disabilities', '障害のある人', 'People with disabilities', 'しょうがいの ある ひと', 80),
  ('hikikomori_experience', 'ひきこもり経験のある人', 'People who have withdrawn (hikikomori)', 'いえから でにくい ひと', 90),
  ('foreign_roots', '外国にルーツのある人', 'People with foreign roots', 'がいこくに ルーツの ある ひと', 100),
  ('family_carers', '介護している家族', 'Family carers', 'かいごを している かぞく', 110);

insert into public.ease (id, label_ja, label_en, label_easy, sort_order, derived) values
  ('visit_first', '見学できる', 'You can visit first', 'みるだけでも いい', 10, false),
  ('solo_friendly', '一人でも参加しやすい', 'Easy to join alone', 'ひとりでも だいじょうぶ', 20, false),
  ('come_and_go', '途中参加・途中退出OK', 'Come and go freely', 'とちゅうで きても かえっても いい', 30, false),
  ('no_talking_needed', '話さなくても参加できる', 'No need to talk', 'はなさなくても いい', 40, false),
  ('no_reservation', '予約不要', 'No booking needed', 'よやくは いらない', 50, false),
  ('accompanied_first_visit', '初回は同行支援を受け入れる', 'A supporter may come along the first time', 'はじめては いっしょに いける', 60, false),
  ('small_group', '少人数', 'Small group', 'すくない にんずう', 70, false),
  ('transport', '送迎あり', 'Pick-up available', 'むかえに きて くれる', 80, false),
  ('online', 'オンライン参加可', 'Online possible', 'オンラインでも できる', 90, false),
  ('free', '無料', 'Free', 'おかねは いらない', 100, true);

insert into public.accessibility (id, label_ja, label_en, label_easy, sort_order) values
  ('wheelchair', '車椅子可', 'Wheelchair accessible', 'くるまいすで はいれる', 10),
  ('accessible_toilet', '多目的トイレ', 'Accessible toilet', 'ひろい トイレ', 20),
  ('step_free', 'スロープ・エレベーター', 'Ramp or lift', 'スロープ・エレベーター', 30),
  ('tactile_paving', '点字ブロック等', 'Tactile paving', 'てんじブロック', 40),
  ('braille_audio', '点字・読み上げ', 'Braille or audio', 'てんじ・よみあげ', 50),
  ('assistance_dogs', '補助犬同伴可', 'Assistance dogs welcome', 'ほじょけんと はいれる', 60),
  ('captions', '字幕', 'Captions', 'じまく', 70),
  ('written_communication', '筆談対応', 'Written communication', 'かいて はなせる', 80),
  ('sign_language', '手話対応', 'Sign language', 'しゅわ', 90),
  ('priority_parking', '優先駐車場', 'Priority parking', 'ゆうせん ちゅうしゃじょう', 100),
  ('ostomate', 'オストメイト対応', 'Ostomate facilities', 'オストメイト トイレ', 110),
  ('nursing_room', '授乳室', 'Nursing room', 'じゅにゅうしつ', 120),
  ('diaper_changing', 'おむつ替え', 'Diaper changing', 'おむつがえ', 130),
  ('stroller', 'ベビーカー利用可', 'Stroller friendly', 'ベビーカーで はいれる', 140),
  ('parking', '駐車場', 'Parking', 'ちゅうしゃじょう', 150);

insert into public.languages (id, label_ja, label_en, label_easy, sort_order) values
  ('ja', '日本語', 'Japanese', null, 10),
  ('easy_ja', 'やさしい日本語', 'Easy Japanese', null, 20),
  ('en', '英語', 'English', null, 30),
  ('zh', '中国語', 'Chinese', null, 40),
  ('ko', '韓国語', 'Korean', null, 50),
  ('vi', 'ベトナム語', 'Vietnamese', null, 60),
  ('pt', 'ポルトガル語', 'Portuguese', null, 70),
  ('tl', 'タガログ語', 'Tagalog', null, 80),
  ('ne', 'ネパール語', 'Nepali', null, 90),
  ('jsl', '日本手話', 'Japanese Sign Language', null, 100);
