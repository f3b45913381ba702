// The dataset as a CSV in the current national layout (自治体標準オープンデータセット, 公共施設一覧 with the
// 子育て施設一覧's schedule columns): one row per public site, UTF-8 with a BOM so that Excel opens it,
// CRLF line ends. Only what may be public is written: published, public, not confidential.
// A site's menus become 利用可能曜日 (the union of weekly days), the earliest 開始時間 and latest
// 終了時間, and each menu's schedule in words in 利用可能日時特記事項.
import type { Dataset, Menu, Site, Weekday } from '../model';
import { describeSchedule } from '../schedule/render';
import { ACCESSIBILITY_LABELS, CATEGORY_BY_ID, type AccessibilityId } from '../taxonomy';
import { csvCell } from '../import/template';
import { formatWeekdaysKanji } from '../import/schedule-text';

// barrier-free flag columns of the 公共施設一覧, in its order, with the id each one carries
const FLAG_COLUMNS: readonly [string, AccessibilityId][] = [
  ['車椅子可', 'wheelchair'],
  ['多目的トイレ', 'accessible_toilet'],
  ['スロープ、エレベータ、エスカレータ', 'step_free'],
  ['点字ブロック等の移動支援', 'tactile_paving'],
  ['点字や読上による支援', 'braille_audio'],
  ['盲導犬・介助犬、聴導犬同伴', 'assistance_dogs'],
  ['字幕', 'captions'],
  ['筆談対応', 'written_communication'],
  ['優先駐車場', 'priority_parking'],
  ['オストメイト対応トイレ', 'ostomate'],
  ['授乳室', 'nursing_room'],
  ['おむつ替えコーナー', 'diaper_changing'],
  ['ベビーカー利用', 'stroller'],
];

export const NATIONAL_COLUMNS = [
  '全国地方公共団体コード',
  'ID',
  '地方公共団体名',
  '名称',
  '名称_カナ',
  '名称_英字',
  '種別',
  '所在地_連結表記',
  '所在地_都道府県',
  '所在地_市区町村',
  '所在地_町字',
  '所在地_番地以下',
  '建物名等(方書)',
  '緯度',
  '経度',
  'アクセス方法',
  '電話番号',
  '内線番号',
  '連絡先メールアドレス',
  '連絡先FormURL',
  '連絡先備考（その他、SNSなど）',
  '郵便番号',
  '法人番号',
  '団体名',
  '利用可能曜日',
  '開始時間',
  '終了時間',
  '利用可能日時特記事項',
  '説明',
  ...FLAG_COLUMNS.map(([h]) => h),
  'URL',
  '画像',
  '画像_ライセンス',
  '備考',
] as const;
type Column = (typeof NATIONAL_COLUMNS)[number];

export type NationalCsvOptions = {
  municipalityNames?: Record<string, string>; // 全国地方公共団体コード → 地方公共団体名 (blank when unknown)
  includeNonPublic?: boolean; // staff exports: drafts and staff-only listings too (never confidential points)
};

export function isPublicSite(s: Site): boolean {
  return s.status === 'published' && s.visibility === 'public' && !s.confidential;
}
export function isPublicMenu(m: Menu): boolean {
  return m.status === 'published' && m.visibility === 'public';
}

export function exportNationalCsv(dataset: Dataset, options: NationalCsvOptions = {}): string {
  const orgs = new Map(dataset.organizations.map((o) => [o.id, o]));
  const menusBySite = new Map<string, Menu[]>();
  for (const m of dataset.menus) {
    if (m.siteId === null || !(options.includeNonPublic || isPublicMenu(m))) continue;
    menusBySite.set(m.siteId, [...(menusBySite.get(m.siteId) ?? []), m]);
  }
  const lines = [NATIONAL_COLUMNS.join(',')];
  for (const site of dataset.sites) {
    if (site.confidential || !(options.includeNonPublic || isPublicSite(site))) continue;
    const org = orgs.get(site.orgId);
    const menus = menusBySite.get(site.id) ?? [];
    const weekly = menus.flatMap((m) => m.schedule.rules.filter((r) => r.freq === 'WEEKLY' && r.interval === 1));
    const days = [...new Set(weekly.flatMap((r) => r.byday))] as Weekday[];
    const opens = weekly.map((r) => r.opensAt).sort()[0] ?? '';
    const closes = weekly.map((r) => r.closesAt).sort().reverse()[0] ?? '';
    const scheduleText = menus
      .map((m) => `${menus.length > 1 ? `${m.title}: ` : ''}${describeSchedule(m.schedule, 'ja').join(' ')}`)
      .join('\n');
    const row: Record<Column, string> = Object.fromEntries(NATIONAL_COLUMNS.map((c) => [c, ''])) as Record<Column, string>;
    row['全国地方公共団体コード'] = site.municipalityCode;
    row['ID'] = site.id;
    row['地方公共団体名'] = options.municipalityNames?.[site.municipalityCode] ?? '';
    row['名称'] = site.name;
    row['名称_カナ'] = site.kana;
    row['種別'] = CATEGORY_BY_ID[site.categoryId].label.ja;
    row['所在地_連結表記'] = site.address;
    row['緯度'] = String(site.location[1]);
    row['経度'] = String(site.location[0]);
    row['アクセス方法'] = site.access ?? '';
    row['電話番号'] = site.contact.tel ?? '';
    row['連絡先メールアドレス'] = site.contact.email ?? '';
    row['法人番号'] = org?.corporateNumber ?? '';
    row['団体名'] = org?.name ?? '';
    row['利用可能曜日'] = formatWeekdaysKanji(days);
    row['開始時間'] = opens;
    row['終了時間'] = closes;
    row['利用可能日時特記事項'] = scheduleText;
    row['説明'] = site.description;
    for (const [h, id] of FLAG_COLUMNS) row[h as Column] = site.accessibility.includes(id) ? '有' : '';
    row['URL'] = site.contact.url ?? '';
    row['画像'] = site.photoUrl?.startsWith('http') ? site.photoUrl : '';
    row['備考'] = site.contact.hours ? `受付時間: ${site.contact.hours}` : '';
    lines.push(NATIONAL_COLUMNS.map((c) => csvCell(row[c] ?? '')).join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** For the docs and tests: the accessibility ids the national columns can carry. */
export const NATIONAL_ACCESSIBILITY: readonly AccessibilityId[] = FLAG_COLUMNS.map(([, id]) => id);
export const ACCESSIBILITY_NOT_IN_NATIONAL: readonly string[] = Object.keys(ACCESSIBILITY_LABELS).filter(
  (id) => !NATIONAL_ACCESSIBILITY.includes(id as AccessibilityId),
);
