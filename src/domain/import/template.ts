// The project's own CSV template: one row per menu, with its site's and organization's columns
// repeated on each row (rows with the same 拠点ID share one site). A row without menu columns is a
// site without menus; a row without site columns is an outreach menu with no fixed site. Every
// field of Site, Menu and Organization has a column, except `trusted` (a permission an admin
// grants, never something a file may set) and areas (polygons belong in GeoJSON, not CSV).
// Values are written as Japanese labels so that volunteers can edit them in Excel; ids work too.
import type { Menu, Organization, Site } from '../model';
import {
  ACCESSIBILITY_LABELS,
  CATEGORY_BY_ID,
  EASE_LABELS,
  FIELD_LABELS,
  LANGUAGE_LABELS,
  NEED_LABELS,
  ORGANIZATION_KIND_LABELS,
  TARGET_LABELS,
  type Label,
} from '../taxonomy';
import { formatRulesCell } from './schedule-text';

export const TEMPLATE_COLUMNS = [
  // organization
  '団体ID',
  '団体名',
  '団体名_カナ',
  '団体種別',
  '法人番号',
  // site
  '拠点ID',
  '名称',
  '名称_カナ',
  'カテゴリ',
  '分野',
  '緯度',
  '経度',
  '住所',
  '全国地方公共団体コード',
  '電話番号',
  'メールアドレス',
  'URL',
  '受付時間',
  'アクセス方法',
  'バリアフリー',
  '説明',
  '画像URL',
  '掲載状態',
  '公開範囲',
  '非公開の場所',
  '案内窓口の拠点ID',
  '対象圏域ID',
  '最終確認日',
  '更新日時',
  // menu
  'メニューID',
  'メニュー名',
  'メニューの説明',
  'ニーズ',
  '対象',
  '対象年齢_下限',
  '対象年齢_上限',
  '予定',
  '祝日休み',
  '不定期',
  '予定の備考',
  '費用',
  '費用_金額',
  '費用_備考',
  '定員',
  '空き状況',
  '参加のしやすさ',
  '言語',
  '利用できる圏域ID',
  'メニュー公開範囲',
  'メニュー掲載状態',
  'メニュー最終確認日',
  'メニュー更新日時',
] as const;
export type TemplateColumn = (typeof TEMPLATE_COLUMNS)[number];
export type TemplateRecord = Partial<Record<TemplateColumn, string>>;

/** A file is in the template layout when it has these columns (after NFKC, any order). */
export const TEMPLATE_SIGNATURE: readonly TemplateColumn[] = ['拠点ID', 'メニュー名', 'カテゴリ'];

export const LIST_SEPARATOR = '; ';

export const STATUS_LABELS: Record<Site['status'], string> = {
  draft: '下書き',
  pending: '確認待ち',
  published: '公開中',
  archived: '終了',
};
export const VISIBILITY_LABELS: Record<Site['visibility'], string> = { public: '公開', staff: '職員のみ' };
export const COST_LABELS: Record<Menu['cost']['kind'], string> = { free: '無料', fixed: '定額', varies: 'その他' };
export const AVAILABILITY_LABELS: Record<Menu['capacity']['availability'], string> = {
  open: '空きあり',
  few: '残りわずか',
  full: '満員',
  unknown: '不明',
};

const jaOf = <K extends string>(labels: Record<K, Label>) => (id: K) => labels[id].ja;
const yesNo = (b: boolean) => (b ? 'はい' : 'いいえ');
const list = <T>(items: readonly T[], f: (t: T) => string) => items.map(f).join(LIST_SEPARATOR);

/** One template row. `site` or `menu` may be null (an outreach menu, a site without menus). */
export function templateRecord(org: Organization | null, site: Site | null, menu: Menu | null): Record<TemplateColumn, string> {
  const r = Object.fromEntries(TEMPLATE_COLUMNS.map((c) => [c, ''])) as Record<TemplateColumn, string>;
  if (org) {
    r['団体ID'] = org.id;
    r['団体名'] = org.name;
    r['団体名_カナ'] = org.kana ?? '';
    r['団体種別'] = ORGANIZATION_KIND_LABELS[org.kind].ja;
    r['法人番号'] = org.corporateNumber ?? '';
  }
  if (site) {
    r['拠点ID'] = site.id;
    r['名称'] = site.name;
    r['名称_カナ'] = site.kana;
    r['カテゴリ'] = CATEGORY_BY_ID[site.categoryId].label.ja;
    r['分野'] = list(site.fields, jaOf(FIELD_LABELS));
    r['緯度'] = String(site.location[1]);
    r['経度'] = String(site.location[0]);
    r['住所'] = site.address;
    r['全国地方公共団体コード'] = site.municipalityCode;
    r['電話番号'] = site.contact.tel ?? '';
    r['メールアドレス'] = site.contact.email ?? '';
    r['URL'] = site.contact.url ?? '';
    r['受付時間'] = site.contact.hours ?? '';
    r['アクセス方法'] = site.access ?? '';
    r['バリアフリー'] = list(site.accessibility, jaOf(ACCESSIBILITY_LABELS));
    r['説明'] = site.description;
    r['画像URL'] = site.photoUrl ?? '';
    r['掲載状態'] = STATUS_LABELS[site.status];
    r['公開範囲'] = VISIBILITY_LABELS[site.visibility];
    r['非公開の場所'] = yesNo(site.confidential);
    r['案内窓口の拠点ID'] = site.publicContactSiteId ?? '';
    r['対象圏域ID'] = site.serviceAreaIds.join(LIST_SEPARATOR);
    r['最終確認日'] = site.lastVerified;
    r['更新日時'] = site.updatedAt;
  }
  if (menu) {
    r['メニューID'] = menu.id;
    r['メニュー名'] = menu.title;
    r['メニューの説明'] = menu.description;
    r['ニーズ'] = list(menu.needs, jaOf(NEED_LABELS));
    r['対象'] = list(menu.targets, jaOf(TARGET_LABELS));
    r['対象年齢_下限'] = menu.ageMin === undefined ? '' : String(menu.ageMin);
    r['対象年齢_上限'] = menu.ageMax === undefined ? '' : String(menu.ageMax);
    r['予定'] = formatRulesCell(menu.schedule.rules);
    r['祝日休み'] = yesNo(menu.schedule.closedOnHolidays);
    r['不定期'] = yesNo(menu.schedule.irregular);
    r['予定の備考'] = menu.schedule.note ?? '';
    r['費用'] = COST_LABELS[menu.cost.kind];
    r['費用_金額'] = menu.cost.amountYen === undefined ? '' : String(menu.cost.amountYen);
    r['費用_備考'] = menu.cost.note ?? '';
    r['定員'] = menu.capacity.capacity === undefined ? '' : String(menu.capacity.capacity);
    r['空き状況'] = AVAILABILITY_LABELS[menu.capacity.availability];
    r['参加のしやすさ'] = list(menu.ease, jaOf(EASE_LABELS));
    r['言語'] = list(menu.languages, jaOf(LANGUAGE_LABELS));
    r['利用できる圏域ID'] = menu.serviceAreaIds.join(LIST_SEPARATOR);
    r['メニュー公開範囲'] = VISIBILITY_LABELS[menu.visibility];
    r['メニュー掲載状態'] = STATUS_LABELS[menu.status];
    r['メニュー最終確認日'] = menu.lastVerified;
    r['メニュー更新日時'] = menu.updatedAt;
  }
  return r;
}

/** CSV text for a set of template records: UTF-8 with BOM (Excel), CRLF, every cell quoted when needed. */
export function templateCsvText(records: readonly Record<TemplateColumn, string>[]): string {
  const lines = [TEMPLATE_COLUMNS.join(','), ...records.map((r) => TEMPLATE_COLUMNS.map((c) => csvCell(r[c])).join(','))];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** RFC 4180 quoting; a leading = + - @ is not escaped because ids and dates never start with them. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The downloadable empty template: the header and one example row that shows every format. */
export function templateCsv(): string {
  const example: Record<TemplateColumn, string> = {
    ...(Object.fromEntries(TEMPLATE_COLUMNS.map((c) => [c, ''])) as Record<TemplateColumn, string>),
    団体名: '（例）NPO法人かさねの会',
    団体種別: 'NPO法人',
    名称: '（例）みんなの居場所かさね',
    名称_カナ: 'みんなのいばしょかさね',
    カテゴリ: '多世代の居場所',
    分野: '地域（誰でも）',
    緯度: '35.8617',
    経度: '139.6455',
    住所: '埼玉県さいたま市浦和区高砂3-15-1',
    全国地方公共団体コード: '111074',
    電話番号: '048-000-0000',
    バリアフリー: '車椅子可; 多目的トイレ',
    説明: '誰でも立ち寄れる居場所です。',
    掲載状態: '確認待ち',
    公開範囲: '公開',
    非公開の場所: 'いいえ',
    メニュー名: 'おしゃべりカフェ',
    ニーズ: '居場所（ほっとできる場所）; 交流・仲間づくり',
    対象: '誰でも',
    予定: '毎週 火・木 10:00-12:00; 毎月 第2土 13:30-15:30',
    祝日休み: 'はい',
    不定期: 'いいえ',
    費用: '定額',
    費用_金額: '100',
    空き状況: '空きあり',
    参加のしやすさ: '見学できる; 予約不要',
    言語: '日本語; やさしい日本語',
    メニュー公開範囲: '公開',
    メニュー掲載状態: '確認待ち',
  };
  return templateCsvText([example]);
}
