// Taxonomies of the field (DOMAIN.md). Each term has one stable English id, used in code, URLs and
// storage; its labels in Japanese, English and やさしい日本語 (easy) live here so that the domain layer
// can render them without the UI. The glossary in docs/glossary.md lists the same ids.

export type Label = { ja: string; en: string; easy?: string };

export const FIELDS = ['children', 'elderly', 'disability', 'poverty', 'community'] as const;
export type FieldId = (typeof FIELDS)[number];

export const FIELD_LABELS: Record<FieldId, Label> = {
  children: { ja: '子ども・子育て', en: 'Children & families', easy: 'こども・こそだて' },
  elderly: { ja: '高齢', en: 'Older people', easy: 'おとしより' },
  disability: { ja: '障害', en: 'Disability', easy: 'しょうがい' },
  poverty: { ja: '生活困窮', en: 'Livelihood support', easy: 'くらしの こまりごと' },
  community: { ja: '地域（誰でも）', en: 'Community (anyone)', easy: 'ちいき（だれでも）' },
};

/** Map colours per field. Chosen for ≥3:1 contrast against the pale basemap and white. */
export const FIELD_COLORS: Record<FieldId, string> = {
  children: '#c2410c',
  elderly: '#0f766e',
  disability: '#7e22ce',
  poverty: '#b91c1c',
  community: '#1d4ed8',
};

export type CategoryDef = {
  id: string;
  label: Label;
  fields: readonly FieldId[];
  /** true for 相談窓口 subtypes: help desks */
  helpDesk: boolean;
};

const cat = <Id extends string>(id: Id, ja: string, en: string, fields: FieldId[], helpDesk = false, easy?: string) =>
  ({ id, label: { ja, en, easy }, fields, helpDesk }) as const satisfies CategoryDef;

export const CATEGORIES = [
  cat('childcare_hub', '地域子育て支援拠点', 'Community childcare hub', ['children']),
  cat('childrens_hall', '児童館', "Children's hall", ['children']),
  cat('kids_cafeteria', '子ども食堂', "Children's cafeteria", ['children', 'community']),
  cat('study_support', '学習支援教室', 'Study support class', ['children', 'poverty']),
  cat('kayoinoba', '通いの場（介護予防）', 'Kayoi-no-ba (frailty prevention)', ['elderly']),
  cat('salon', 'サロン（ふれあい・いきいき）', 'Community salon', ['elderly', 'community']),
  cat('mutual_aid', '生活支援・支え合い活動', 'Mutual aid activity', ['elderly']),
  cat('integrated_service', '総合事業の通所・訪問サービス', 'Integrated day/home service', ['elderly']),
  cat('activity_support_center', '地域活動支援センター', 'Community activity support center', ['disability']),
  cat('disability_day_service', '障害福祉の日中活動・就労系事業所', 'Disability day & work service', ['disability']),
  cat('mutual_support_base', '共助の基盤づくり拠点', 'Mutual support base', ['poverty']),
  cat('work_preparation', '就労準備・就労体験', 'Work preparation & trial', ['poverty']),
  cat('food_bank', 'フードバンク・フードパントリー', 'Food bank & pantry', ['poverty']),
  cat('multigenerational_place', '多世代の居場所', 'Multigenerational place', ['community']),
  cat('volunteer_center', 'ボランティアセンター・市民活動センター', 'Volunteer & civic center', ['community']),
  cat('community_center', '公民館・コミュニティセンター', 'Community center', ['community']),
  cat('community_general_support_center', '地域包括支援センター', 'Community general support center', ['elderly'], true),
  cat('disability_consultation', '基幹相談支援センター・相談支援事業所', 'Disability consultation center', ['disability'], true),
  cat('child_family_center', 'こども家庭センター・利用者支援', 'Child & family center', ['children'], true),
  cat('self_reliance_support', '自立相談支援機関', 'Self-reliance support office', ['poverty'], true),
  cat('general_welfare_desk', '福祉の総合相談窓口', 'General welfare help desk', [...FIELDS], true),
] as const;

export type CategoryId = (typeof CATEGORIES)[number]['id'];
export const CATEGORY_IDS = CATEGORIES.map((c) => c.id) as CategoryId[];
export const CATEGORY_BY_ID: Record<CategoryId, CategoryDef> = Object.fromEntries(
  CATEGORIES.map((c) => [c.id, c]),
) as unknown as Record<CategoryId, CategoryDef>;
export const HELP_DESK_LABEL: Label = { ja: '相談窓口', en: 'Help desk', easy: 'そうだんする ところ' };

export const NEEDS = [
  'place_to_be',
  'socializing',
  'meals',
  'learning_hobby',
  'exercise_health',
  'parenting_peers',
  'child_study',
  'work_experience',
  'volunteering',
  'watching_over',
  'daily_life_help',
  'consultation',
] as const;
export type NeedId = (typeof NEEDS)[number];
export const NEED_LABELS: Record<NeedId, Label> = {
  place_to_be: { ja: '居場所（ほっとできる場所）', en: 'A place to be', easy: 'ほっと できる ばしょ' },
  socializing: { ja: '交流・仲間づくり', en: 'Meeting people', easy: 'なかまを つくる' },
  meals: { ja: '食事', en: 'Meals', easy: 'ごはん' },
  learning_hobby: { ja: '学び・趣味', en: 'Learning & hobbies', easy: 'まなぶ・しゅみ' },
  exercise_health: { ja: '運動・健康・介護予防', en: 'Exercise & health', easy: 'うんどう・けんこう' },
  parenting_peers: { ja: '子育ての仲間・相談', en: 'Parenting peers & advice', easy: 'こそだての なかま' },
  child_study: { ja: '学習支援（子ども）', en: 'Study support for children', easy: 'こどもの べんきょう' },
  work_experience: { ja: '就労体験・働く準備', en: 'Work trial & preparation', easy: 'はたらく れんしゅう' },
  volunteering: { ja: '役割・ボランティア（誰かの役に立ちたい）', en: 'A role / volunteering', easy: 'だれかの やくに たつ' },
  watching_over: { ja: '見守り', en: 'Watching over', easy: 'みまもり' },
  daily_life_help: { ja: '生活の困りごと（買い物・ごみ出し等）', en: 'Help with daily life', easy: 'くらしの てつだい' },
  consultation: { ja: '相談', en: 'Advice & consultation', easy: 'そうだん' },
};

export const TARGETS = [
  'anyone',
  'infants_with_parents',
  'elementary',
  'teens',
  'young_adults',
  'parents',
  'older_adults',
  'people_with_disabilities',
  'hikikomori_experience',
  'foreign_roots',
  'family_carers',
] as const;
export type TargetId = (typeof TARGETS)[number];
export const TARGET_LABELS: Record<TargetId, Label> = {
  anyone: { ja: '誰でも', en: 'Anyone', easy: 'だれでも' },
  infants_with_parents: { ja: '乳幼児と保護者', en: 'Infants with parents', easy: 'あかちゃん・ちいさい こと おや' },
  elementary: { ja: '小学生', en: 'Elementary pupils', easy: 'しょうがくせい' },
  teens: { ja: '中高生', en: 'Teenagers', easy: 'ちゅうがくせい・こうこうせい' },
  young_adults: { ja: '若者（〜39歳）', en: 'Young adults (to 39)', easy: 'わかもの（39さい まで）' },
  parents: { ja: '子育て中の親', en: 'Parents', easy: 'こそだて ちゅうの おや' },
  older_adults: { ja: '高齢者（65歳〜）', en: 'Older adults (65+)', easy: 'おとしより（65さい から）' },
  people_with_disabilities: { ja: '障害のある人', en: 'People with disabilities', easy: 'しょうがいの ある ひと' },
  hikikomori_experience: { ja: 'ひきこもり経験のある人', en: 'People who have withdrawn (hikikomori)', easy: 'いえから でにくい ひと' },
  foreign_roots: { ja: '外国にルーツのある人', en: 'People with foreign roots', easy: 'がいこくに ルーツの ある ひと' },
  family_carers: { ja: '介護している家族', en: 'Family carers', easy: 'かいごを している かぞく' },
};

/** 参加のしやすさ: ease of taking part. `free` is derived from the menu's cost, never stored. */
export const EASE = [
  'visit_first',
  'solo_friendly',
  'come_and_go',
  'no_talking_needed',
  'no_reservation',
  'accompanied_first_visit',
  'small_group',
  'transport',
  'online',
  'free',
] as const;
export type EaseId = (typeof EASE)[number];
export type StoredEaseId = Exclude<EaseId, 'free'>;
export const EASE_LABELS: Record<EaseId, Label> = {
  visit_first: { ja: '見学できる', en: 'You can visit first', easy: 'みるだけでも いい' },
  solo_friendly: { ja: '一人でも参加しやすい', en: 'Easy to join alone', easy: 'ひとりでも だいじょうぶ' },
  come_and_go: { ja: '途中参加・途中退出OK', en: 'Come and go freely', easy: 'とちゅうで きても かえっても いい' },
  no_talking_needed: { ja: '話さなくても参加できる', en: 'No need to talk', easy: 'はなさなくても いい' },
  no_reservation: { ja: '予約不要', en: 'No booking needed', easy: 'よやくは いらない' },
  accompanied_first_visit: { ja: '初回は同行支援を受け入れる', en: 'A supporter may come along the first time', easy: 'はじめては いっしょに いける' },
  small_group: { ja: '少人数', en: 'Small group', easy: 'すくない にんずう' },
  transport: { ja: '送迎あり', en: 'Pick-up available', easy: 'むかえに きて くれる' },
  online: { ja: 'オンライン参加可', en: 'Online possible', easy: 'オンラインでも できる' },
  free: { ja: '無料', en: 'Free', easy: 'おかねは いらない' },
};

export const ACCESSIBILITY = [
  'wheelchair',
  'accessible_toilet',
  'step_free',
  'tactile_paving',
  'braille_audio',
  'assistance_dogs',
  'captions',
  'written_communication',
  'sign_language',
  'priority_parking',
  'ostomate',
  'nursing_room',
  'diaper_changing',
  'stroller',
  'parking',
] as const;
export type AccessibilityId = (typeof ACCESSIBILITY)[number];
export const ACCESSIBILITY_LABELS: Record<AccessibilityId, Label> = {
  wheelchair: { ja: '車椅子可', en: 'Wheelchair accessible', easy: 'くるまいすで はいれる' },
  accessible_toilet: { ja: '多目的トイレ', en: 'Accessible toilet', easy: 'ひろい トイレ' },
  step_free: { ja: 'スロープ・エレベーター', en: 'Ramp or lift', easy: 'スロープ・エレベーター' },
  tactile_paving: { ja: '点字ブロック等', en: 'Tactile paving', easy: 'てんじブロック' },
  braille_audio: { ja: '点字・読み上げ', en: 'Braille or audio', easy: 'てんじ・よみあげ' },
  assistance_dogs: { ja: '補助犬同伴可', en: 'Assistance dogs welcome', easy: 'ほじょけんと はいれる' },
  captions: { ja: '字幕', en: 'Captions', easy: 'じまく' },
  written_communication: { ja: '筆談対応', en: 'Written communication', easy: 'かいて はなせる' },
  sign_language: { ja: '手話対応', en: 'Sign language', easy: 'しゅわ' },
  priority_parking: { ja: '優先駐車場', en: 'Priority parking', easy: 'ゆうせん ちゅうしゃじょう' },
  ostomate: { ja: 'オストメイト対応', en: 'Ostomate facilities', easy: 'オストメイト トイレ' },
  nursing_room: { ja: '授乳室', en: 'Nursing room', easy: 'じゅにゅうしつ' },
  diaper_changing: { ja: 'おむつ替え', en: 'Diaper changing', easy: 'おむつがえ' },
  stroller: { ja: 'ベビーカー利用可', en: 'Stroller friendly', easy: 'ベビーカーで はいれる' },
  parking: { ja: '駐車場', en: 'Parking', easy: 'ちゅうしゃじょう' },
};

export const ORGANIZATION_KINDS = [
  'social_welfare_council',
  'npo',
  'social_welfare_corporation',
  'government',
  'neighborhood_association',
  'company',
  'voluntary_group',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, Label> = {
  social_welfare_council: { ja: '社会福祉協議会', en: 'Social welfare council' },
  npo: { ja: 'NPO法人', en: 'NPO' },
  social_welfare_corporation: { ja: '社会福祉法人', en: 'Social welfare corporation' },
  government: { ja: '行政', en: 'Local government' },
  neighborhood_association: { ja: '自治会・町内会', en: 'Neighborhood association' },
  company: { ja: '民間企業', en: 'Company' },
  voluntary_group: { ja: '任意団体', en: 'Voluntary group' },
};

export const AREA_LEVELS = ['municipality', 'daily_life', 'elementary', 'district', 'custom'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];
export const AREA_LEVEL_LABELS: Record<AreaLevel, Label> = {
  municipality: { ja: '市区町村', en: 'Municipality' },
  daily_life: { ja: '日常生活圏域', en: 'Daily-life area' },
  elementary: { ja: '小学校区', en: 'Elementary school district' },
  district: { ja: '地区社協', en: 'District welfare council area' },
  custom: { ja: 'その他の圏域', en: 'Custom area' },
};

export const LISTING_STATUSES = ['draft', 'pending', 'published', 'archived'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];
export const VISIBILITIES = ['public', 'staff'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const LANGUAGES = ['ja', 'easy_ja', 'en', 'zh', 'ko', 'vi', 'pt', 'tl', 'ne', 'jsl'] as const;
export type LanguageId = (typeof LANGUAGES)[number];
export const LANGUAGE_LABELS: Record<LanguageId, Label> = {
  ja: { ja: '日本語', en: 'Japanese' },
  easy_ja: { ja: 'やさしい日本語', en: 'Easy Japanese' },
  en: { ja: '英語', en: 'English' },
  zh: { ja: '中国語', en: 'Chinese' },
  ko: { ja: '韓国語', en: 'Korean' },
  vi: { ja: 'ベトナム語', en: 'Vietnamese' },
  pt: { ja: 'ポルトガル語', en: 'Portuguese' },
  tl: { ja: 'タガログ語', en: 'Tagalog' },
  ne: { ja: 'ネパール語', en: 'Nepali' },
  jsl: { ja: '日本手話', en: 'Japanese Sign Language' },
};

/** Listings older than this are flagged as possibly out of date (DOMAIN.md: freshness, 6 months). */
export const STALE_AFTER_DAYS = 180;
