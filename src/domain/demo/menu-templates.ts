// What happens at each kind of site: the menus (支援メニュー・活動) a category typically offers, in
// the words real listings use. Titles may hold {place} (the site's 町名), {site} (its name) and
// {area} (its 日常生活圏域). Each template names the schedule patterns it runs on; the generator
// rotates through templates and patterns so that every one of them appears in a town.
import type { LanguageId, NeedId, StoredEaseId, TargetId } from '../taxonomy';
import type { Weekday } from '../model';
import type { SchedulePattern } from './schedules';

export type CostSpec =
  | { kind: 'free' }
  | { kind: 'fixed'; amounts: readonly number[]; note?: string }
  | { kind: 'varies'; note: string };

export type MenuTemplate = {
  title: string;
  description: string;
  needs: readonly NeedId[];
  targets: readonly TargetId[];
  ages?: readonly [number | undefined, number | undefined]; // [ageMin, ageMax]
  patterns: readonly SchedulePattern[]; // rotated per template
  days: readonly Weekday[];
  times: readonly (readonly [string, string])[];
  closedOnHolidays?: boolean;
  note?: string;
  cost: CostSpec;
  capacity?: readonly [number, number]; // people per session, min–max
  ease: readonly StoredEaseId[]; // always offered
  maybeEase?: readonly StoredEaseId[]; // each offered at some sites
  languages?: readonly LanguageId[]; // default: Japanese (sometimes plus やさしい日本語)
  staffOnly?: boolean; // arranged by 参加支援 staff for individuals; never public
  serviceArea?: 'daily_life' | 'elementary'; // only residents of the site's area may come
};

const WEEKDAYS: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR'];
const WEEKDAYS_SAT: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const WEEKEND: Weekday[] = ['SA', 'SU'];
const MORNING = [['10:00', '12:00'], ['09:30', '11:30'], ['10:00', '11:30']] as const;
const AFTERNOON = [['13:30', '15:30'], ['14:00', '16:00'], ['13:00', '15:00']] as const;
const EVENING = [['17:00', '19:00'], ['17:30', '19:30'], ['18:00', '20:00']] as const;
const DAYTIME = [['10:00', '15:00'], ['09:30', '15:30'], ['10:00', '16:00']] as const;
const OFFICE = [['08:30', '17:15']] as const;
const FREE: CostSpec = { kind: 'free' };
const TEA: CostSpec = { kind: 'fixed', amounts: [100, 100, 200], note: 'お茶代' };
const CARE_INSURANCE: CostSpec = { kind: 'varies', note: '介護保険の自己負担（1〜3割）がかかります' };
const ALL_LANGUAGES: LanguageId[] = ['ja', 'easy_ja', 'en', 'zh', 'ko', 'vi', 'pt', 'tl', 'ne'];

type Catalog = Record<string, readonly MenuTemplate[]>;

/** Menus per category id, plus a few special roles (staff-only job trials, confidential sites). */
export const MENU_TEMPLATES: Catalog = {
  childcare_hub: [
    { title: '子育てひろば（自由利用）', description: '0〜3歳の子どもと保護者が自由に遊び、過ごせるひろばです。スタッフが子育ての相談にも応じます。', needs: ['parenting_peers', 'place_to_be'], targets: ['infants_with_parents', 'parents'], ages: [0, 3], patterns: ['weekdays', 'several_days'], days: WEEKDAYS, times: DAYTIME, closedOnHolidays: true, cost: FREE, ease: ['no_reservation', 'come_and_go', 'solo_friendly'], maybeEase: ['visit_first'] },
    { title: 'はじめてのひろば（0歳児の親子）', description: '同じ月齢の赤ちゃんと保護者が集まり、手遊びやおしゃべりを楽しみます。', needs: ['parenting_peers', 'socializing'], targets: ['infants_with_parents'], ages: [0, 1], patterns: ['nth_weekday', 'second_fourth'], days: WEEKDAYS, times: MORNING, cost: FREE, capacity: [8, 15], ease: ['small_group', 'solo_friendly'], maybeEase: ['visit_first'] },
    { title: '子育て相談', description: '子育ての悩みや心配ごとを、保育士や助産師に気軽に相談できます。', needs: ['consultation', 'parenting_peers'], targets: ['parents'], patterns: ['weekly', 'irregular'], days: WEEKDAYS, times: AFTERNOON, cost: FREE, ease: ['no_reservation', 'solo_friendly'], maybeEase: ['online', 'accompanied_first_visit'] },
    { title: 'パパと遊ぼう（土曜ひろば）', description: 'お父さんと子どもが一緒に遊べる土曜日のひろばです。', needs: ['parenting_peers', 'learning_hobby'], targets: ['infants_with_parents', 'parents'], ages: [0, 6], patterns: ['last_weekday', 'biweekly'], days: ['SA'], times: MORNING, cost: FREE, ease: ['no_reservation'], maybeEase: ['come_and_go'] },
    { title: '多言語の子育てサロン', description: '外国にルーツのある保護者が、やさしい日本語や母語で子育ての情報を交換できます。', needs: ['parenting_peers', 'socializing'], targets: ['foreign_roots', 'parents', 'infants_with_parents'], patterns: ['nth_weekday'], days: WEEKDAYS, times: MORNING, cost: FREE, ease: ['solo_friendly', 'visit_first'], languages: ['ja', 'easy_ja', 'en', 'zh', 'vi', 'pt'] },
  ],
  childrens_hall: [
    { title: '自由来館（小学生）', description: '放課後に自由に遊べます。卓球、ボードゲーム、工作コーナーがあります。', needs: ['place_to_be', 'socializing'], targets: ['elementary'], ages: [6, 12], patterns: ['weekdays'], days: WEEKDAYS, times: [['13:00', '18:00']], closedOnHolidays: true, cost: FREE, ease: ['no_reservation', 'come_and_go', 'solo_friendly'] },
    { title: '中高生タイム', description: '夕方の時間は中高生専用です。勉強しても、おしゃべりしても、ただ過ごしてもかまいません。', needs: ['place_to_be', 'socializing'], targets: ['teens'], ages: [12, 18], patterns: ['several_days', 'two_sessions'], days: ['TU', 'WE', 'TH', 'FR'], times: EVENING, cost: FREE, ease: ['solo_friendly', 'no_talking_needed', 'come_and_go'] },
    { title: '親子あそびの会', description: '乳幼児と保護者向けの手遊び・リズム遊びの会です。', needs: ['parenting_peers', 'socializing'], targets: ['infants_with_parents'], ages: [0, 3], patterns: ['nth_weekday', 'second_fourth'], days: WEEKDAYS, times: MORNING, cost: FREE, ease: ['no_reservation'], maybeEase: ['visit_first'] },
    { title: '児童館まつりボランティア', description: '年に数回のおまつりや行事を一緒に準備してくれる中高生・大人のボランティアを募集しています。', needs: ['volunteering', 'socializing'], targets: ['teens', 'young_adults', 'anyone'], patterns: ['irregular'], days: WEEKEND, times: DAYTIME, cost: FREE, ease: ['visit_first'], maybeEase: ['small_group'] },
  ],
  kids_cafeteria: [
    { title: '子ども食堂（夕ごはん）', description: '地域のボランティアが手作りの夕ごはんを用意しています。子どもだけでも、親子でも参加できます。', needs: ['meals', 'place_to_be', 'socializing'], targets: ['elementary', 'teens', 'parents', 'anyone'], patterns: ['second_fourth', 'last_weekday', 'biweekly', 'nth_weekday'], days: ['WE', 'TH', 'FR', 'SA'], times: EVENING, cost: { kind: 'varies', note: '子ども無料・大人300円' }, capacity: [20, 60], ease: ['solo_friendly'], maybeEase: ['no_reservation', 'visit_first', 'come_and_go'] },
    { title: 'お弁当の配布（テイクアウト）', description: '予約なしでお弁当を受け取れます。受け取りだけでもどうぞ。', needs: ['meals'], targets: ['parents', 'anyone'], patterns: ['last_weekday', 'nth_weekday'], days: ['FR', 'SA'], times: [['16:00', '18:00']], cost: FREE, ease: ['no_talking_needed', 'no_reservation'] },
    { title: '調理・配膳ボランティア', description: '食事づくりや配膳、片付けを手伝ってくれる方を募集しています。料理が苦手な方も歓迎です。', needs: ['volunteering', 'socializing'], targets: ['anyone', 'teens', 'young_adults', 'older_adults'], patterns: ['second_fourth', 'biweekly'], days: ['WE', 'TH', 'FR', 'SA'], times: [['15:00', '19:30']], cost: FREE, ease: ['visit_first', 'small_group'], maybeEase: ['accompanied_first_visit'] },
    { title: '{site}の食材準備のお手伝い（個別調整）', description: '開店前の食材の下ごしらえを、少人数で静かに手伝う活動です。相談支援員からの紹介で調整します。', needs: ['work_experience', 'volunteering'], targets: ['hikikomori_experience', 'young_adults'], patterns: ['irregular'], days: WEEKDAYS, times: AFTERNOON, cost: FREE, capacity: [1, 2], ease: ['accompanied_first_visit', 'small_group', 'no_talking_needed'], staffOnly: true },
  ],
  study_support: [
    { title: '学習支援教室（中学生）', description: '大学生や地域のボランティアが、中学生の勉強をマンツーマンで応援します。高校受験の相談もできます。', needs: ['child_study', 'place_to_be'], targets: ['teens'], ages: [12, 15], patterns: ['two_sessions', 'several_days'], days: ['MO', 'WE', 'FR', 'SA'], times: EVENING, cost: FREE, capacity: [10, 20], ease: ['small_group', 'solo_friendly', 'visit_first'] },
    { title: '小学生の宿題タイム', description: '放課後、宿題をしながら過ごせる場所です。おやつもあります。', needs: ['child_study', 'place_to_be'], targets: ['elementary'], ages: [7, 12], patterns: ['weekly', 'several_days'], days: WEEKDAYS, times: [['15:30', '17:30']], cost: FREE, capacity: [10, 25], ease: ['solo_friendly'], maybeEase: ['come_and_go'] },
    { title: '冬休み学習会', description: '冬休みの間だけ開く学習会です。宿題や苦手な教科の復習を一緒に進めます。', needs: ['child_study'], targets: ['elementary', 'teens'], ages: [9, 15], patterns: ['seasonal'], days: WEEKDAYS, times: MORNING, cost: FREE, capacity: [10, 30], ease: ['visit_first'] },
    { title: '学習サポーター（ボランティア）募集', description: '子どもの学習を見守るボランティアを募集しています。大学生・社会人・シニアの方、歓迎します。', needs: ['volunteering'], targets: ['young_adults', 'anyone'], ages: [18, undefined], patterns: ['irregular'], days: WEEKDAYS, times: EVENING, cost: FREE, ease: ['visit_first'] },
    { title: 'オンライン学習相談', description: '自宅からオンラインで勉強や進路の相談ができます。カメラはオフでもかまいません。', needs: ['child_study', 'consultation'], targets: ['teens', 'parents'], ages: [12, 18], patterns: ['weekly'], days: WEEKDAYS, times: [['19:00', '20:30']], cost: FREE, ease: ['online', 'no_talking_needed'] },
  ],
  kayoinoba: [
    { title: 'いきいき百歳体操', description: 'おもりを使った筋力運動を、DVDに合わせてみんなで行います。自分のペースで続けられます。', needs: ['exercise_health', 'socializing'], targets: ['older_adults'], ages: [65, undefined], patterns: ['weekly', 'several_days'], days: WEEKDAYS, times: MORNING, cost: FREE, capacity: [10, 30], ease: ['no_reservation', 'solo_friendly'], maybeEase: ['visit_first'] },
    { title: '脳トレ・おしゃべり会', description: 'クイズや計算ゲームで頭の体操をしたあと、お茶を飲みながらおしゃべりします。', needs: ['learning_hobby', 'socializing'], targets: ['older_adults'], ages: [65, undefined], patterns: ['biweekly', 'nth_weekday'], days: WEEKDAYS, times: AFTERNOON, cost: TEA, ease: ['solo_friendly'], maybeEase: ['no_reservation'] },
    { title: 'ウォーキングの会', description: '地域の公園や川沿いを、おしゃべりしながら歩きます。', needs: ['exercise_health'], targets: ['older_adults', 'anyone'], patterns: ['second_fourth'], days: ['TU', 'TH', 'SA'], times: [['09:00', '10:30']], cost: FREE, ease: ['come_and_go', 'no_reservation'] },
    { title: '体操のお手伝い（ボランティア）', description: '会場の準備や声かけをしてくれる方を募集しています。', needs: ['volunteering'], targets: ['anyone', 'older_adults'], patterns: ['irregular'], days: WEEKDAYS, times: MORNING, cost: FREE, ease: ['visit_first'] },
  ],
  salon: [
    { title: 'ふれあい・いきいきサロン', description: '地域のみなさんが気軽に集まり、お茶を飲みながらおしゃべりを楽しむサロンです。初めての方も歓迎します。', needs: ['socializing', 'place_to_be'], targets: ['older_adults', 'anyone'], patterns: ['nth_weekday', 'second_fourth', 'last_weekday', 'biweekly'], days: WEEKDAYS_SAT, times: [...AFTERNOON, ...MORNING], cost: TEA, ease: ['no_reservation', 'solo_friendly'], maybeEase: ['come_and_go', 'no_talking_needed', 'visit_first'] },
    { title: 'お茶飲み会', description: '予約なしで立ち寄れるお茶の会です。聞いているだけでもかまいません。', needs: ['place_to_be'], targets: ['older_adults', 'anyone'], patterns: ['weekly'], days: WEEKDAYS, times: AFTERNOON, cost: TEA, ease: ['no_reservation', 'no_talking_needed'], maybeEase: ['come_and_go'] },
    { title: '手芸・書道の会', description: '手芸や書道を楽しみます。道具は貸し出しできます。', needs: ['learning_hobby', 'socializing'], targets: ['older_adults', 'anyone'], patterns: ['nth_weekday', 'second_fourth'], days: WEEKDAYS, times: AFTERNOON, cost: { kind: 'fixed', amounts: [300, 500], note: '材料費' }, capacity: [6, 15], ease: ['small_group'], maybeEase: ['visit_first'] },
    { title: '認知症カフェ（オレンジカフェ）', description: '認知症の人や家族、地域の人が集まり、専門職に気軽に相談もできるカフェです。', needs: ['socializing', 'consultation'], targets: ['older_adults', 'family_carers'], patterns: ['last_weekday', 'nth_weekday'], days: WEEKDAYS, times: AFTERNOON, cost: TEA, ease: ['no_reservation', 'visit_first'], maybeEase: ['accompanied_first_visit'] },
    { title: 'サロンの運営ボランティア', description: 'お茶の準備や受付を手伝ってくれる方を募集しています。', needs: ['volunteering', 'socializing'], targets: ['anyone'], patterns: ['irregular'], days: WEEKDAYS, times: AFTERNOON, cost: FREE, ease: ['visit_first'] },
  ],
  mutual_aid: [
    { title: 'ごみ出し・買い物のお手伝い', description: '住民同士の支え合いで、ごみ出しや買い物、電球の交換などちょっとした困りごとをお手伝いします。', needs: ['daily_life_help', 'watching_over'], targets: ['older_adults', 'people_with_disabilities'], patterns: ['irregular'], days: WEEKDAYS, times: DAYTIME, note: '依頼に応じて日程を調整します。まずはお電話ください。', cost: { kind: 'fixed', amounts: [300, 500], note: '30分あたり' }, ease: [], maybeEase: ['accompanied_first_visit'], serviceArea: 'elementary' },
    { title: '見守り・声かけ訪問', description: 'ひとり暮らしの高齢者のお宅を定期的に訪ね、声をかけます。', needs: ['watching_over'], targets: ['older_adults'], patterns: ['weekly', 'irregular'], days: WEEKDAYS, times: MORNING, cost: FREE, ease: [], serviceArea: 'daily_life' },
    { title: '支え合い活動の担い手募集', description: '空いた時間に、できることを、できる範囲で。支え合い活動の仲間を募集しています。', needs: ['volunteering', 'socializing'], targets: ['anyone', 'older_adults', 'young_adults'], patterns: ['nth_weekday'], days: WEEKDAYS_SAT, times: AFTERNOON, cost: FREE, ease: ['visit_first', 'solo_friendly'] },
    { title: 'お買い物ツアー（送迎つき）', description: 'スーパーまでの送迎つきで、みんなで買い物に出かけます。', needs: ['daily_life_help', 'socializing'], targets: ['older_adults'], ages: [65, undefined], patterns: ['second_fourth'], days: WEEKDAYS, times: MORNING, cost: { kind: 'fixed', amounts: [200] }, capacity: [4, 8], ease: ['transport', 'small_group'] },
  ],
  integrated_service: [
    { title: '通所型サービス（緩和型・A型）', description: '体操やレクリエーション、昼食を通じて、介護予防と仲間づくりを進めます。', needs: ['exercise_health', 'socializing'], targets: ['older_adults'], ages: [65, undefined], patterns: ['several_days', 'weekdays'], days: WEEKDAYS, times: DAYTIME, closedOnHolidays: false, cost: CARE_INSURANCE, capacity: [10, 25], ease: ['transport', 'small_group'] },
    { title: '短期集中予防サービス（通所型C）', description: 'リハビリ専門職が3か月間、体力づくりと生活の工夫を集中的に支援します。', needs: ['exercise_health'], targets: ['older_adults'], ages: [65, undefined], patterns: ['two_sessions'], days: WEEKDAYS, times: MORNING, cost: CARE_INSURANCE, capacity: [6, 12], ease: ['transport', 'small_group', 'accompanied_first_visit'] },
    { title: '訪問型サービス（生活援助）', description: 'ヘルパーが自宅を訪問し、掃除や買い物などの生活援助を行います。', needs: ['daily_life_help'], targets: ['older_adults'], ages: [65, undefined], patterns: ['irregular'], days: WEEKDAYS, times: DAYTIME, cost: CARE_INSURANCE, ease: [], serviceArea: 'daily_life' },
  ],
  activity_support_center: [
    { title: '創作活動・フリースペース', description: '絵や手芸、軽作業など、好きなことをして過ごせます。何もしないで過ごすのもOKです。', needs: ['place_to_be', 'learning_hobby'], targets: ['people_with_disabilities', 'hikikomori_experience'], patterns: ['weekdays'], days: WEEKDAYS, times: DAYTIME, closedOnHolidays: true, cost: FREE, ease: ['no_talking_needed', 'come_and_go', 'solo_friendly'], maybeEase: ['visit_first', 'accompanied_first_visit'] },
    { title: 'ピアサポートの会', description: '同じような経験をもつ仲間と、気持ちや工夫を分かち合う会です。', needs: ['socializing', 'consultation'], targets: ['people_with_disabilities', 'hikikomori_experience'], patterns: ['nth_weekday'], days: WEEKDAYS, times: AFTERNOON, cost: FREE, capacity: [5, 10], ease: ['small_group', 'no_talking_needed'] },
    { title: '手話サークル', description: 'ろう者と聴者が一緒に手話で交流します。手話を知らない方も歓迎です。', needs: ['learning_hobby', 'socializing'], targets: ['anyone', 'people_with_disabilities'], patterns: ['biweekly'], days: ['TU', 'TH'], times: EVENING, cost: { kind: 'fixed', amounts: [200] }, ease: ['visit_first'], languages: ['ja', 'jsl'] },
    { title: 'パソコン・スマホ講座', description: '少人数でパソコンやスマートフォンの使い方を学びます。オンライン参加もできます。', needs: ['learning_hobby'], targets: ['people_with_disabilities', 'anyone'], patterns: ['weekly'], days: WEEKDAYS, times: AFTERNOON, cost: FREE, capacity: [4, 8], ease: ['small_group', 'online'] },
  ],
  disability_day_service: [
    { title: '作業体験（就労継続支援B型）', description: '袋詰めや農作業、パン製造などの作業を体験できます。体調に合わせて時間を調整します。', needs: ['work_experience', 'place_to_be'], targets: ['people_with_disabilities'], ages: [18, 64], patterns: ['weekdays'], days: WEEKDAYS, times: DAYTIME, closedOnHolidays: true, cost: { kind: 'varies', note: '障害福祉サービス受給者証が必要です（利用者負担は所得により異なります）' }, capacity: [10, 20], ease: ['visit_first', 'accompanied_first_visit', 'small_group'] },
    { title: '見学・体験利用', description: 'まずは見学から。相談支援専門員や家族の同行も歓迎します。', needs: ['work_experience'], targets: ['people_with_disabilities', 'hikikomori_experience'], patterns: ['irregular'], days: WEEKDAYS, times: DAYTIME, cost: FREE, ease: ['visit_first', 'accompanied_first_visit'] },
    { title: 'カフェでの接客体験', description: '併設のカフェで、注文受けや配膳を体験します。', needs: ['work_experience', 'socializing'], targets: ['people_with_disabilities', 'young_adults'], patterns: ['several_days'], days: WEEKDAYS_SAT, times: DAYTIME, cost: { kind: 'varies', note: '受給者証の有無によります' }, ease: ['small_group'] },
    { title: '生活介護（日中活動）', description: '創作活動や軽運動など、日中を安心して過ごせる活動です。送迎があります。', needs: ['place_to_be', 'exercise_health'], targets: ['people_with_disabilities'], ages: [18, undefined], patterns: ['weekdays'], days: WEEKDAYS, times: DAYTIME, cost: { kind: 'varies', note: '障害福祉サービス受給者証が必要です' }, ease: ['transport'] },
  ],
  mutual_support_base: [
    { title: '居場所カフェ', description: '誰でも立ち寄れるカフェです。話したくなったら、スタッフが話を聴きます。', needs: ['place_to_be', 'socializing', 'meals'], targets: ['anyone', 'young_adults', 'hikikomori_experience'], patterns: ['several_days', 'two_sessions'], days: WEEKDAYS_SAT, times: DAYTIME, cost: FREE, ease: ['no_talking_needed', 'come_and_go', 'solo_friendly', 'no_reservation'] },
    { title: 'みんなでごはん会', description: '材料を持ち寄ってみんなで作って食べる会です。', needs: ['meals', 'socializing'], targets: ['anyone'], patterns: ['nth_weekday'], days: WEEKEND, times: [['11:00', '14:00']], cost: { kind: 'fixed', amounts: [300] }, ease: ['solo_friendly'] },
    { title: 'くらしの困りごとよろず相談', description: 'お金、仕事、住まい、家族のことなど、何でも相談できます。', needs: ['consultation', 'daily_life_help'], targets: ['anyone'], patterns: ['weekly'], days: WEEKDAYS, times: AFTERNOON, cost: FREE, ease: ['no_reservation', 'solo_friendly'], languages: ['ja', 'easy_ja', 'en', 'vi', 'ne'] },
    { title: '軽作業のお手伝い（はたらく練習）', description: '封入や清掃などの軽作業を、短い時間から手伝ってみる活動です。', needs: ['work_experience', 'volunteering'], targets: ['hikikomori_experience', 'young_adults', 'anyone'], patterns: ['biweekly'], days: WEEKDAYS, times: AFTERNOON, cost: FREE, ease: ['accompanied_first_visit', 'small_group'] },
  ],
  work_preparation: [
    { title: '就労準備支援プログラム', description: '生活リズムづくりやコミュニケーション練習から、少しずつ働く準備を進めます。', needs: ['work_experience'], targets: ['young_adults', 'hikikomori_experience'], ages: [15, 64], patterns: ['two_sessions'], days: WEEKDAYS, times: MORNING, cost: FREE, capacity: [5, 12], ease: ['small_group', 'accompanied_first_visit', 'visit_first'] },
    { title: '農作業体験', description: '市内の畑で野菜づくりを体験します。黙々と作業したい方に向いています。', needs: ['work_experience', 'exercise_health'], targets: ['young_adults', 'hikikomori_experience', 'anyone'], patterns: ['biweekly'], days: ['SA'], times: MORNING, cost: FREE, capacity: [4, 10], ease: ['small_group', 'no_talking_needed'] },
    { title: 'はじめての仕事講座', description: '履歴書の書き方や面接の練習など、仕事探しの基本を学びます。', needs: ['learning_hobby', 'work_experience'], targets: ['young_adults'], ages: [15, 39], patterns: ['nth_weekday'], days: WEEKDAYS, times: AFTERNOON, cost: FREE, ease: ['visit_first'], maybeEase: ['online'] },
    { title: 'フリースペース（ひきこもり経験のある方）', description: '家の外で過ごす練習の場です。話さなくても、途中で帰っても大丈夫です。', needs: ['place_to_be'], targets: ['hikikomori_experience', 'young_adults'], patterns: ['several_days'], days: WEEKDAYS, times: AFTERNOON, cost: FREE, ease: ['no_talking_needed', 'come_and_go', 'solo_friendly'] },
  ],
  food_bank: [
    { title: '食品の無料配布（フードパントリー）', description: '企業や家庭から寄付された食品をお渡しします。事前の申込は不要です。', needs: ['meals', 'daily_life_help'], targets: ['parents', 'anyone'], patterns: ['nth_weekday', 'last_weekday'], days: ['SA'], times: DAYTIME, cost: FREE, ease: ['no_talking_needed', 'solo_friendly', 'no_reservation'], languages: ['ja', 'easy_ja'] },
    { title: '食品の寄付受付（フードドライブ）', description: 'ご家庭で余っている食品の寄付を受け付けています。', needs: ['volunteering'], targets: ['anyone'], patterns: ['weekdays'], days: WEEKDAYS, times: DAYTIME, cost: FREE, ease: ['no_reservation'] },
    { title: '仕分けボランティア', description: '寄付された食品の仕分けと袋詰めを手伝う活動です。', needs: ['volunteering', 'socializing'], targets: ['anyone', 'teens'], patterns: ['biweekly'], days: WEEKEND, times: MORNING, cost: FREE, ease: ['visit_first', 'small_group'] },
  ],
  multigenerational_place: [
    { title: '誰でも食堂・カフェ', description: '子どもから高齢者まで、誰でも利用できる地域の食堂とカフェです。', needs: ['place_to_be', 'socializing', 'meals'], targets: ['anyone'], patterns: ['several_days'], days: WEEKDAYS_SAT, times: DAYTIME, cost: { kind: 'fixed', amounts: [300, 500] }, ease: ['no_reservation', 'come_and_go', 'solo_friendly'] },
    { title: '多世代交流イベント', description: '昔遊びや季節の行事を通じて、世代をこえて交流します。', needs: ['socializing', 'learning_hobby'], targets: ['anyone', 'elementary', 'older_adults'], patterns: ['last_weekday'], days: WEEKEND, times: AFTERNOON, cost: FREE, ease: ['no_reservation'] },
    { title: '日本語でおしゃべり会', description: '日本語を学んでいる人と地域の人が、やさしい日本語でおしゃべりします。', needs: ['socializing', 'learning_hobby'], targets: ['foreign_roots', 'anyone'], patterns: ['weekly'], days: WEEKEND, times: MORNING, cost: FREE, ease: ['solo_friendly'], languages: ALL_LANGUAGES },
    { title: '縁側ボランティア', description: 'お茶出しや話し相手など、居場所を一緒につくる仲間を募集しています。', needs: ['volunteering'], targets: ['anyone'], patterns: ['irregular'], days: WEEKDAYS, times: DAYTIME, cost: FREE, ease: ['visit_first'] },
    { title: 'オンラインおしゃべり会', description: '自宅からオンラインで参加できるおしゃべり会です。チャットだけの参加もできます。', needs: ['socializing', 'place_to_be'], targets: ['hikikomori_experience', 'young_adults'], patterns: ['biweekly'], days: ['WE', 'SU'], times: [['20:00', '21:30']], cost: FREE, ease: ['online', 'no_talking_needed'] },
  ],
  volunteer_center: [
    { title: 'ボランティア相談・登録', description: '「誰かの役に立ちたい」気持ちを、地域の活動につなぎます。できることを一緒に探しましょう。', needs: ['volunteering', 'consultation'], targets: ['anyone'], patterns: ['weekdays'], days: WEEKDAYS, times: OFFICE, closedOnHolidays: true, cost: FREE, ease: ['no_reservation', 'solo_friendly', 'visit_first'] },
    { title: 'はじめてのボランティア講座', description: 'ボランティアの基本と市内の活動を紹介します。', needs: ['learning_hobby', 'volunteering'], targets: ['anyone'], patterns: ['nth_weekday'], days: ['SA'], times: AFTERNOON, cost: FREE, ease: ['visit_first'], maybeEase: ['online'] },
    { title: '冬休みボランティア体験（中高生）', description: '冬休みの間、福祉施設や子ども食堂でのボランティアを体験できます。', needs: ['volunteering', 'learning_hobby'], targets: ['teens'], ages: [12, 18], patterns: ['seasonal'], days: WEEKDAYS, times: DAYTIME, cost: FREE, ease: ['visit_first', 'small_group'] },
    { title: '災害ボランティア養成講座', description: '災害時のボランティアセンター運営を学びます。', needs: ['learning_hobby', 'volunteering'], targets: ['anyone'], patterns: ['irregular'], days: WEEKEND, times: DAYTIME, cost: FREE, ease: [] },
  ],
  community_center: [
    { title: '日本語教室', description: '日本で暮らすための日本語を、ボランティアと一緒に学びます。', needs: ['learning_hobby', 'socializing'], targets: ['foreign_roots'], patterns: ['two_sessions'], days: ['TU', 'TH', 'SA'], times: EVENING, cost: FREE, ease: ['solo_friendly', 'visit_first'], languages: ALL_LANGUAGES },
    { title: '公民館講座（書道・囲碁・俳句）', description: '講師を招いて、趣味の講座を開いています。', needs: ['learning_hobby', 'socializing'], targets: ['older_adults', 'anyone'], patterns: ['second_fourth'], days: WEEKDAYS, times: [...MORNING, ...AFTERNOON], cost: { kind: 'fixed', amounts: [500, 1000], note: '1回あたり' }, capacity: [10, 30], ease: [] },
    { title: '健康体操教室', description: 'ストレッチと軽い筋トレで体をほぐします。', needs: ['exercise_health'], targets: ['anyone', 'older_adults'], patterns: ['weekly'], days: WEEKDAYS, times: MORNING, cost: { kind: 'fixed', amounts: [300] }, capacity: [15, 40], ease: ['no_reservation'] },
    { title: '親子の料理教室', description: '親子で簡単な料理を作って食べます。', needs: ['parenting_peers', 'learning_hobby'], targets: ['parents', 'elementary'], ages: [6, 12], patterns: ['nth_weekday'], days: WEEKEND, times: [['10:00', '13:00']], cost: { kind: 'fixed', amounts: [500], note: '材料費（親子1組）' }, capacity: [8, 12], ease: ['small_group'] },
    { title: '地域の清掃・花壇づくり', description: '公民館のまわりの清掃と花壇の手入れをします。都合のよい時間だけの参加もOKです。', needs: ['volunteering', 'exercise_health'], targets: ['anyone'], patterns: ['nth_weekday'], days: ['SU'], times: [['08:00', '09:30']], cost: FREE, ease: ['come_and_go', 'no_talking_needed', 'no_reservation'] },
  ],
  community_general_support_center: [
    { title: '高齢者の総合相談', description: '介護、健康、認知症、権利擁護など、高齢者とその家族のどんな相談にも応じます。訪問もします。', needs: ['consultation', 'watching_over', 'daily_life_help'], targets: ['older_adults', 'family_carers'], patterns: ['weekdays'], days: WEEKDAYS, times: OFFICE, closedOnHolidays: true, cost: FREE, ease: ['solo_friendly'], maybeEase: ['no_reservation'], serviceArea: 'daily_life' },
    { title: '介護者のつどい', description: '家族を介護している人同士で、悩みや工夫を話し合います。', needs: ['socializing', 'consultation'], targets: ['family_carers'], patterns: ['nth_weekday'], days: WEEKDAYS, times: AFTERNOON, cost: FREE, capacity: [5, 15], ease: ['small_group', 'visit_first'] },
    { title: '認知症サポーター養成講座', description: '認知症について学び、地域で見守る応援者になる講座です。', needs: ['learning_hobby', 'volunteering'], targets: ['anyone'], patterns: ['irregular'], days: WEEKDAYS, times: AFTERNOON, cost: FREE, ease: [] },
  ],
  disability_consultation: [
    { title: '障害のある人と家族の相談', description: '福祉サービスの利用、暮らし、仕事のことなど、障害のある人と家族の相談に応じます。', needs: ['consultation'], targets: ['people_with_disabilities', 'family_carers'], patterns: ['weekdays'], days: WEEKDAYS, times: OFFICE, closedOnHolidays: true, cost: FREE, ease: ['solo_friendly'], languages: ['ja', 'jsl'] },
    { title: 'サービス等利用計画の相談（計画相談）', description: '障害福祉サービスを使うための計画づくりを支援します。', needs: ['consultation'], targets: ['people_with_disabilities'], patterns: ['weekdays'], days: WEEKDAYS, times: OFFICE, closedOnHolidays: true, cost: FREE, ease: [] },
    { title: 'ひきこもり・発達の悩み相談会', description: '本人も家族も参加できる相談会です。匿名でもかまいません。', needs: ['consultation'], targets: ['hikikomori_experience', 'young_adults', 'parents'], patterns: ['nth_weekday'], days: WEEKDAYS, times: AFTERNOON, cost: FREE, ease: ['accompanied_first_visit'], maybeEase: ['online'] },
    { title: '家族会', description: '障害のある人の家族が集まり、情報交換をします。', needs: ['socializing'], targets: ['family_carers'], patterns: ['last_weekday'], days: ['SA'], times: AFTERNOON, cost: FREE, ease: ['small_group'] },
  ],
  child_family_center: [
    { title: '妊娠・出産・子育ての相談', description: '保健師や相談員が、妊娠期から子育て期までの相談に応じます。', needs: ['consultation', 'parenting_peers'], targets: ['parents', 'infants_with_parents'], patterns: ['weekdays'], days: WEEKDAYS, times: OFFICE, closedOnHolidays: true, cost: FREE, ease: ['solo_friendly'], languages: ['ja', 'easy_ja', 'en', 'zh', 'vi', 'pt'] },
    { title: '子育て支援サービスの案内（利用者支援）', description: '保育や一時預かり、ひろばなど、家庭に合ったサービスを一緒に探します。', needs: ['consultation'], targets: ['parents'], patterns: ['weekdays'], days: WEEKDAYS, times: OFFICE, closedOnHolidays: true, cost: FREE, ease: [] },
    { title: 'オンライン子育て相談', description: '夜の時間にオンラインで相談できます。', needs: ['consultation', 'parenting_peers'], targets: ['parents'], patterns: ['weekly'], days: ['TU', 'TH'], times: [['19:00', '21:00']], cost: FREE, ease: ['online'] },
    { title: 'ヤングケアラー相談', description: '家族の世話や家事を担っている子ども・若者の相談を受けます。', needs: ['consultation'], targets: ['teens', 'young_adults'], ages: [10, 30], patterns: ['weekly'], days: WEEKDAYS, times: EVENING, cost: FREE, ease: ['online', 'solo_friendly'] },
  ],
  self_reliance_support: [
    { title: '生活・仕事の相談（自立相談支援）', description: 'お金、仕事、住まい、家族のことなど、複合的な困りごとを一緒に整理し、支援につなぎます。', needs: ['consultation', 'work_experience', 'daily_life_help'], targets: ['anyone', 'young_adults', 'hikikomori_experience'], patterns: ['weekdays'], days: WEEKDAYS, times: OFFICE, closedOnHolidays: true, cost: FREE, ease: ['solo_friendly', 'accompanied_first_visit'], languages: ['ja', 'easy_ja', 'en', 'zh', 'vi', 'ne', 'tl'] },
    { title: '家計改善の相談', description: '家計表をつくり、支出の見直しや滞納の整理を一緒に考えます。', needs: ['consultation', 'daily_life_help'], targets: ['anyone'], patterns: ['weekly'], days: WEEKDAYS, times: AFTERNOON, cost: FREE, ease: [] },
    { title: 'ひきこもり相談（家族の方も）', description: 'ご本人だけでなく、ご家族からの相談も受け付けます。', needs: ['consultation'], targets: ['hikikomori_experience', 'family_carers'], patterns: ['nth_weekday'], days: WEEKDAYS, times: AFTERNOON, cost: FREE, ease: ['accompanied_first_visit'], maybeEase: ['online'] },
    { title: '夜間の相談会', description: '平日の昼間に来られない方のための夜の相談会です。', needs: ['consultation'], targets: ['anyone', 'young_adults'], patterns: ['last_weekday'], days: ['WE', 'TH'], times: [['18:00', '20:00']], cost: FREE, ease: [] },
  ],
  general_welfare_desk: [
    { title: '福祉の総合相談（どんなことでも）', description: 'どこに相談したらよいかわからないときは、まずここへ。分野をこえて関係機関と一緒に支援します。', needs: ['consultation'], targets: ['anyone', 'older_adults', 'people_with_disabilities', 'parents', 'hikikomori_experience', 'foreign_roots', 'family_carers'], patterns: ['weekdays'], days: WEEKDAYS, times: OFFICE, closedOnHolidays: true, cost: FREE, ease: ['no_reservation', 'solo_friendly', 'accompanied_first_visit'], languages: [...ALL_LANGUAGES, 'jsl'] },
    { title: '土曜相談会', description: '平日に来られない方のための土曜日の相談会です。', needs: ['consultation'], targets: ['anyone'], patterns: ['nth_weekday'], days: ['SA'], times: MORNING, closedOnHolidays: false, cost: FREE, ease: [] },
    { title: '出張相談会（{place}）', description: '地域の集会所に出向いて相談を受けます。', needs: ['consultation'], targets: ['anyone'], patterns: ['last_weekday'], days: WEEKDAYS, times: AFTERNOON, cost: FREE, ease: ['no_reservation'] },
  ],
  // roles, not categories
  staff_trial: [
    { title: '{site}での就労体験（個別調整）', description: '店舗のバックヤードで、品出しや清掃を体験します。店舗の希望により一般には公開していません。', needs: ['work_experience'], targets: ['hikikomori_experience', 'young_adults', 'people_with_disabilities'], patterns: ['irregular'], days: WEEKDAYS, times: AFTERNOON, note: '日時・内容はご本人の状況に合わせて個別に調整します。', cost: FREE, capacity: [1, 2], ease: ['accompanied_first_visit', 'small_group', 'visit_first'], staffOnly: true },
    { title: '{site}での短時間の仕事体験', description: '1回1〜2時間から、軽作業を体験できます。支援員が最初に同行します。', needs: ['work_experience', 'volunteering'], targets: ['hikikomori_experience', 'young_adults'], patterns: ['weekly'], days: WEEKDAYS, times: [['14:00', '15:30']], cost: FREE, capacity: [1, 1], ease: ['accompanied_first_visit', 'small_group', 'no_talking_needed'], staffOnly: true },
  ],
  confidential_shelter: [
    { title: '緊急一時宿泊（一時生活支援）', description: '住まいを失った方、失うおそれのある方に、一時的な宿泊場所と食事を提供します。所在地は公開していません。', needs: ['daily_life_help', 'meals', 'consultation'], targets: ['anyone', 'young_adults'], patterns: ['irregular'], days: WEEKDAYS, times: OFFICE, note: '相談窓口を通じてご案内します。', closedOnHolidays: false, cost: FREE, capacity: [2, 6], ease: ['accompanied_first_visit'] },
  ],
  confidential_youth: [
    { title: '夜の居場所（10代〜20代の女性）', description: '行き場がない、家に帰りづらいときに過ごせる夜の居場所です。食事と相談ができます。', needs: ['place_to_be', 'meals', 'consultation'], targets: ['teens', 'young_adults'], ages: [13, 29], patterns: ['several_days'], days: ['TU', 'TH', 'FR', 'SA'], times: [['18:00', '21:00']], closedOnHolidays: false, cost: FREE, ease: ['no_reservation', 'no_talking_needed', 'solo_friendly'] },
  ],
  outreach: [
    { title: 'ひきこもりの方への訪問支援（アウトリーチ）', description: '相談支援員がご自宅を訪問します。ご家族からの相談も受け付けます。', needs: ['consultation', 'place_to_be'], targets: ['hikikomori_experience', 'family_carers'], patterns: ['irregular'], days: WEEKDAYS, times: DAYTIME, note: '訪問日時はご本人・ご家族と相談して決めます。', cost: FREE, ease: ['accompanied_first_visit', 'no_talking_needed'] },
    { title: '見守り訪問（{area}）', description: 'ひとり暮らしの高齢者のお宅を訪ね、声をかけます。', needs: ['watching_over'], targets: ['older_adults'], ages: [65, undefined], patterns: ['weekly'], days: WEEKDAYS, times: MORNING, cost: FREE, ease: [], serviceArea: 'daily_life' },
    { title: '移動販売に合わせたお買い物支援', description: '移動販売車の巡回に合わせて、買い物と見守りを行います。', needs: ['daily_life_help', 'socializing'], targets: ['older_adults'], patterns: ['weekly'], days: WEEKDAYS, times: MORNING, cost: { kind: 'varies', note: '商品代金のみ' }, ease: ['no_reservation'], serviceArea: 'daily_life' },
    { title: 'オンラインの居場所（夜のおしゃべり会）', description: '自宅から参加できるオンラインの居場所です。顔を出さなくてもかまいません。', needs: ['place_to_be', 'socializing'], targets: ['hikikomori_experience', 'young_adults'], patterns: ['biweekly'], days: ['WE', 'FR'], times: [['20:00', '21:30']], cost: FREE, ease: ['online', 'no_talking_needed', 'solo_friendly'] },
    { title: '訪問型の学習支援（個別調整）', description: '学校に行きづらい子どもの家を学生ボランティアが訪ね、一緒に勉強します。', needs: ['child_study'], targets: ['elementary', 'teens'], ages: [9, 15], patterns: ['irregular'], days: WEEKDAYS, times: EVENING, cost: FREE, capacity: [1, 1], ease: ['accompanied_first_visit', 'small_group'], staffOnly: true },
  ],
};
