// How each category of site looks in a real town: its names (with readings), a description, its
// usual accessibility, which kinds of organization run it, and how many menus it tends to offer.
import type { AccessibilityId, CategoryId, OrganizationKind } from '../taxonomy';
import type { PlaceName } from './lexicon';
import { join, w, type Word } from './words';

export type NameParts = { place: PlaceName; nick: Word; city: Word; area: Word };
type Namer = (p: NameParts) => Word;

export type SiteProfile = {
  names: readonly Namer[];
  descriptions: readonly string[];
  accessibility: readonly AccessibilityId[]; // always
  maybeAccessibility: readonly AccessibilityId[]; // each at about a third of sites
  orgKinds: readonly (readonly [OrganizationKind, number])[]; // who runs it, weighted
  menus: readonly [number, number]; // menus per site, min–max
};

const PUBLIC_BUILDING: AccessibilityId[] = ['wheelchair', 'accessible_toilet', 'step_free', 'parking'];
const PUBLIC_EXTRAS: AccessibilityId[] = ['priority_parking', 'tactile_paving', 'written_communication', 'assistance_dogs', 'ostomate'];
const SMALL_HALL: AccessibilityId[] = ['parking', 'wheelchair', 'step_free'];
const FAMILY: AccessibilityId[] = ['nursing_room', 'diaper_changing', 'stroller'];

const named = (suffix: string, kana: string): Namer => (p) => join(p.place, w(suffix, kana));
const nicknamed = (prefix: string, kana: string): Namer => (p) => join(w(prefix, kana), p.nick);
const ofCity = (suffix: string, kana: string): Namer => (p) => join(p.city, w(suffix, kana));

export const SITE_PROFILES: Record<CategoryId, SiteProfile> = {
  childcare_hub: {
    names: [nicknamed('子育て支援センター', 'こそだてしえんせんたー'), named('子育てひろば', 'こそだてひろば'), nicknamed('つどいの広場', 'つどいのひろば')],
    descriptions: ['乳幼児と保護者が気軽に集い、交流や子育て相談ができる地域子育て支援拠点です。', '親子で遊べるひろばです。子育て講座や相談も行っています。'],
    accessibility: FAMILY,
    maybeAccessibility: ['wheelchair', 'accessible_toilet', 'step_free', 'parking'],
    orgKinds: [['social_welfare_corporation', 2], ['npo', 2], ['government', 1]],
    menus: [2, 4],
  },
  childrens_hall: {
    names: [named('児童館', 'じどうかん'), named('児童センター', 'じどうせんたー')],
    descriptions: ['0歳から18歳までの子どもが自由に遊べる児童館です。', '子どもの遊びと居場所の拠点です。中高生の利用も歓迎しています。'],
    accessibility: [...PUBLIC_BUILDING, 'diaper_changing'],
    maybeAccessibility: ['nursing_room', 'stroller', 'priority_parking'],
    orgKinds: [['government', 3], ['social_welfare_council', 1], ['npo', 1]],
    menus: [2, 4],
  },
  kids_cafeteria: {
    names: [named('子ども食堂', 'こどもしょくどう'), nicknamed('こども食堂', 'こどもしょくどう'), nicknamed('みんなの食堂', 'みんなのしょくどう'), (p) => join(p.nick, w('食堂', 'しょくどう'))],
    descriptions: ['地域のボランティアが運営する子ども食堂です。子どもも大人も、みんなで一緒にごはんを食べましょう。', '手作りの温かいごはんを囲む、地域の食卓です。'],
    accessibility: [],
    maybeAccessibility: ['parking', 'stroller', 'wheelchair'],
    orgKinds: [['voluntary_group', 4], ['npo', 2], ['company', 1], ['neighborhood_association', 1], ['social_welfare_corporation', 1]],
    menus: [1, 3],
  },
  study_support: {
    names: [named('学習教室', 'がくしゅうきょうしつ'), nicknamed('まなびば', 'まなびば'), (p) => join(w('寺子屋', 'てらこや'), p.place)],
    descriptions: ['家庭の事情にかかわらず、子どもが安心して学べる無料の学習支援教室です。', '学生ボランティアが勉強を応援します。居場所としても利用できます。'],
    accessibility: [],
    maybeAccessibility: ['wheelchair', 'step_free'],
    orgKinds: [['npo', 3], ['voluntary_group', 2], ['social_welfare_council', 1]],
    menus: [1, 3],
  },
  kayoinoba: {
    names: [named('いきいき百歳体操の会', 'いきいきひゃくさいたいそうのかい'), named('元気アップ教室', 'げんきあっぷきょうしつ'), named('通いの場', 'かよいのば')],
    descriptions: ['住民が主体となって運営する介護予防の通いの場です。歩いて通える集会所で開いています。', '体操とおしゃべりで、いつまでも元気に。'],
    accessibility: [],
    maybeAccessibility: SMALL_HALL,
    orgKinds: [['neighborhood_association', 4], ['voluntary_group', 3]],
    menus: [1, 3],
  },
  salon: {
    names: [named('ふれあいサロン', 'ふれあいさろん'), nicknamed('サロン', 'さろん'), (p) => join(p.nick, w('サロン', 'さろん')), nicknamed('いきいきサロン', 'いきいきさろん')],
    descriptions: ['地域の集会所で開くふれあい・いきいきサロンです。どなたでもお気軽にどうぞ。', 'お茶とおしゃべり、ときどき体操。ご近所の顔なじみが集まるサロンです。'],
    accessibility: [],
    maybeAccessibility: SMALL_HALL,
    orgKinds: [['neighborhood_association', 4], ['voluntary_group', 2], ['social_welfare_council', 1]],
    menus: [1, 3],
  },
  mutual_aid: {
    names: [named('支え合いの会', 'ささえあいのかい'), (p) => join(w('お助け隊', 'おたすけたい'), p.place), named('ちょこっと応援隊', 'ちょこっとおうえんたい')],
    descriptions: ['住民同士の助け合いで、ちょっとした生活の困りごとを手伝う活動です。', '「お互いさま」の気持ちで、ごみ出しや買い物を手伝っています。'],
    accessibility: [],
    maybeAccessibility: ['parking'],
    orgKinds: [['neighborhood_association', 3], ['voluntary_group', 2], ['social_welfare_council', 2], ['npo', 1]],
    menus: [1, 3],
  },
  integrated_service: {
    names: [nicknamed('デイサービス', 'でいさーびす'), named('ケアセンター', 'けあせんたー'), nicknamed('リハビリデイ', 'りはびりでい')],
    descriptions: ['介護予防・日常生活支援総合事業の通所・訪問サービスを行う事業所です。', '要支援の方や事業対象者の方が、介護予防に取り組めるサービスを提供しています。'],
    accessibility: PUBLIC_BUILDING,
    maybeAccessibility: ['priority_parking', 'ostomate', 'written_communication'],
    orgKinds: [['social_welfare_corporation', 4], ['company', 2], ['npo', 1]],
    menus: [1, 3],
  },
  activity_support_center: {
    names: [nicknamed('地域活動支援センター', 'ちいきかつどうしえんせんたー'), nicknamed('ふれあい工房', 'ふれあいこうぼう')],
    descriptions: ['障害のある人が創作活動や交流を通じて、地域で過ごせる場所です。', '日中に気軽に立ち寄れるフリースペースがあります。'],
    accessibility: ['wheelchair', 'accessible_toilet', 'step_free'],
    maybeAccessibility: ['written_communication', 'sign_language', 'assistance_dogs', 'braille_audio'],
    orgKinds: [['social_welfare_corporation', 2], ['npo', 2]],
    menus: [2, 4],
  },
  disability_day_service: {
    names: [nicknamed('ワークセンター', 'わーくせんたー'), nicknamed('就労継続支援B型事業所', 'しゅうろうけいぞくしえんびーがたじぎょうしょ'), nicknamed('工房', 'こうぼう'), nicknamed('生活介護事業所', 'せいかつかいごじぎょうしょ')],
    descriptions: ['障害のある人の日中活動と、働く場を提供する事業所です。', 'パンづくりや農作業、軽作業などに取り組んでいます。'],
    accessibility: ['wheelchair', 'accessible_toilet'],
    maybeAccessibility: ['step_free', 'parking', 'written_communication', 'ostomate'],
    orgKinds: [['social_welfare_corporation', 3], ['npo', 2], ['company', 1]],
    menus: [1, 3],
  },
  mutual_support_base: {
    names: [nicknamed('みんなのベース', 'みんなのべーす'), nicknamed('くらしサポートスペース', 'くらしさぽーとすぺーす'), named('共助ステーション', 'きょうじょすてーしょん')],
    descriptions: ['生活に困りごとを抱える人も、支える人も、一緒に過ごし役割をもてる共助の拠点です。', '食事、相談、はたらく練習を一つの場所で。'],
    accessibility: ['wheelchair'],
    maybeAccessibility: ['accessible_toilet', 'step_free', 'written_communication'],
    orgKinds: [['npo', 2], ['social_welfare_council', 1]],
    menus: [2, 4],
  },
  work_preparation: {
    names: [nicknamed('就労準備支援センター', 'しゅうろうじゅんびしえんせんたー'), (p) => join(w('しごと体験ひろば', 'しごとたいけんひろば'), p.place), nicknamed('若者サポートステーション', 'わかものさぽーとすてーしょん')],
    descriptions: ['すぐに働くことが難しい人が、生活リズムづくりや職場体験から始められる場所です。', '働くことに不安のある若者を応援します。'],
    accessibility: ['wheelchair', 'accessible_toilet'],
    maybeAccessibility: ['step_free', 'written_communication'],
    orgKinds: [['npo', 2], ['social_welfare_council', 1]],
    menus: [2, 4],
  },
  food_bank: {
    names: [(p) => join(w('フードパントリー', 'ふーどぱんとりー'), p.place), (p) => join(p.place, w('フードパントリー', 'ふーどぱんとりー')), nicknamed('フードバンク', 'ふーどばんく')],
    descriptions: ['寄付された食品を、必要とする家庭にお届けしています。', '食品ロスを減らし、困ったときはお互いさまの地域をめざしています。'],
    accessibility: ['parking'],
    maybeAccessibility: ['wheelchair'],
    orgKinds: [['npo', 2], ['social_welfare_council', 1], ['voluntary_group', 1]],
    menus: [1, 3],
  },
  multigenerational_place: {
    names: [nicknamed('多世代交流スペース', 'たせだいこうりゅうすぺーす'), named('みんなの居場所', 'みんなのいばしょ'), nicknamed('コミュニティカフェ', 'こみゅにてぃかふぇ'), nicknamed('地域の茶の間', 'ちいきのちゃのま')],
    descriptions: ['子どもから高齢者まで、誰でも立ち寄れる地域の居場所です。', '空き店舗を改装したコミュニティカフェです。'],
    accessibility: [],
    maybeAccessibility: ['wheelchair', 'stroller', 'accessible_toilet', 'diaper_changing'],
    orgKinds: [['npo', 2], ['voluntary_group', 2], ['company', 1], ['neighborhood_association', 1]],
    menus: [1, 4],
  },
  volunteer_center: {
    names: [named('地区ボランティアセンター', 'ちくぼらんてぃあせんたー')],
    descriptions: ['ボランティアをしたい人と、助けてほしい人・団体をつなぎます。', '市民活動の相談、団体の登録、講座の開催を行っています。'],
    accessibility: PUBLIC_BUILDING,
    maybeAccessibility: PUBLIC_EXTRAS,
    orgKinds: [['social_welfare_council', 1]],
    menus: [2, 4],
  },
  community_center: {
    names: [named('公民館', 'こうみんかん'), named('コミュニティセンター', 'こみゅにてぃせんたー'), named('地区センター', 'ちくせんたー')],
    descriptions: ['地域の学びと交流の拠点です。講座やサークル活動が行われています。', '地域の人が集い、学び、つながる施設です。'],
    accessibility: PUBLIC_BUILDING,
    maybeAccessibility: [...PUBLIC_EXTRAS, 'nursing_room', 'diaper_changing', 'braille_audio', 'captions'],
    orgKinds: [['government', 1]],
    menus: [2, 5],
  },
  community_general_support_center: {
    names: [(p) => join(p.area, w('地域包括支援センター', 'ちいきほうかつしえんせんたー'))],
    descriptions: ['高齢者の暮らしを地域で支える総合相談窓口です。担当の圏域にお住まいの方の相談に応じます。', '介護・福祉・健康・医療の相談を受け付け、必要な支援につなぎます。'],
    accessibility: PUBLIC_BUILDING,
    maybeAccessibility: ['priority_parking', 'written_communication'],
    orgKinds: [['social_welfare_corporation', 3], ['social_welfare_council', 1]],
    menus: [2, 3],
  },
  disability_consultation: {
    names: [nicknamed('相談支援事業所', 'そうだんしえんじぎょうしょ')],
    descriptions: ['障害のある人とその家族の、暮らしやサービス利用の相談に応じます。'],
    accessibility: ['wheelchair', 'accessible_toilet', 'step_free'],
    maybeAccessibility: ['written_communication', 'sign_language', 'assistance_dogs'],
    orgKinds: [['social_welfare_corporation', 2], ['npo', 1]],
    menus: [2, 3],
  },
  child_family_center: {
    names: [named('子育て相談窓口', 'こそだてそうだんまどぐち')],
    descriptions: ['妊娠・出産・子育ての相談と、子育て支援サービスの案内を行います。'],
    accessibility: [...PUBLIC_BUILDING, ...FAMILY],
    maybeAccessibility: ['priority_parking'],
    orgKinds: [['government', 1]],
    menus: [2, 3],
  },
  self_reliance_support: {
    names: [named('くらしサポート窓口', 'くらしさぽーとまどぐち')],
    descriptions: ['生活困窮者自立支援制度の相談窓口です。仕事やお金、住まいの困りごとを一緒に考えます。'],
    accessibility: PUBLIC_BUILDING,
    maybeAccessibility: ['written_communication'],
    orgKinds: [['social_welfare_council', 1]],
    menus: [2, 3],
  },
  general_welfare_desk: {
    names: [named('福祉相談コーナー', 'ふくしそうだんこーなー')],
    descriptions: ['分野を問わず、福祉の困りごとを受け止める総合相談窓口です。'],
    accessibility: PUBLIC_BUILDING,
    maybeAccessibility: PUBLIC_EXTRAS,
    orgKinds: [['government', 1]],
    menus: [2, 3],
  },
};

/** The town-wide desks and hubs have fixed names: there is one of each in a municipality. */
export const TOWN_WIDE_NAMES: Partial<Record<CategoryId, Namer>> = {
  general_welfare_desk: ofCity('福祉まるごと相談窓口', 'ふくしまるごとそうだんまどぐち'),
  self_reliance_support: ofCity('くらし・しごと相談センター', 'くらししごとそうだんせんたー'),
  child_family_center: ofCity('こども家庭センター', 'こどもかていせんたー'),
  disability_consultation: ofCity('基幹相談支援センター', 'きかんそうだんしえんせんたー'),
  volunteer_center: ofCity('ボランティアセンター', 'ぼらんてぃあせんたー'),
};

export const CONFIDENTIAL_NAMES = {
  confidential_shelter: (p: NameParts) => join(w('シェルター', 'しぇるたー'), p.nick, w('（所在地非公開）', 'しょざいちひこうかい')),
  confidential_youth: (p: NameParts) => join(w('夜の居場所', 'よるのいばしょ'), p.nick, w('（所在地非公開）', 'しょざいちひこうかい')),
};
