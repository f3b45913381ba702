// Column names → canonical fields. Real files spell the same column many ways (see
// ../shared/realdata/README.md): 名称_英字/名称_英語, 建物名等(方書)/（方書）, the 所在地_連結標記 typo,
// 利用可能日時特記事項/利用可能時間特記事項, numbered headers such as `1.名称`, and the two generations of
// the national layout. Matching runs on a normalized key, so one alias covers every spelling that
// differs only in width, brackets, punctuation or spaces.
import type { AccessibilityId } from '../taxonomy';

export type CanonicalField =
  | 'code' // 全国地方公共団体コード (current) / 都道府県コード又は市区町村コード (old)
  | 'id' // ID (current) / NO (old) / the first LinkData column
  | 'municipalityName' // 地方公共団体名
  | 'prefName' // 都道府県名 (old)
  | 'cityName' // 市区町村名 (old)
  | 'name'
  | 'kana'
  | 'nameEn'
  | 'alias' // 名称_通称
  | 'kind' // 種別 / 実施サービス: mapped to a category
  | 'addressFull'
  | 'addressPref'
  | 'addressCity'
  | 'addressTown'
  | 'addressRest'
  | 'building'
  | 'addressCode' // 所在地_全国地方公共団体コード
  | 'lat'
  | 'lng'
  | 'latLng' // LinkData `location`: "lat,lon" in one cell
  | 'tel'
  | 'ext'
  | 'fax'
  | 'email'
  | 'formUrl'
  | 'url'
  | 'access'
  | 'parkingInfo'
  | 'orgName'
  | 'corporateNumber'
  | 'days'
  | 'opens'
  | 'closes'
  | 'scheduleNote'
  | 'description'
  | 'note'
  | 'capacity'
  | 'ageRange'
  | 'startDate'
  | 'endDate'
  | 'venueName'
  | 'fee'
  | 'feeDetail'
  | 'image'
  | 'barrierFree' // old 公共施設一覧: flags in one cell separated by ';'
  | 'postalCode'
  | `a11y:${AccessibilityId}`;

/**
 * Normalized header key: NFKC (full-width → half-width, （）→ ()), numbering such as `1.` or
 * `(1)` removed, spaces and the punctuation that files use interchangeably (・、,_ and brackets)
 * removed, lower case. `名称_英語` and `名称_英字` still differ: both are listed as aliases.
 */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^(?:\d+|\(\d+\))\s*[.)、:]?\s*/, '') // `1.名称`, `1)名称`, `(1)名称`
    .replace(/[\s・、,，_()[\]「」【】]/g, '')
    .replace(/標記$/, '表記') // 所在地_連結標記: a typo seen in real files
    .toLowerCase();
}

// canonical field → every header spelling seen in the layouts and real files
const ALIASES: Record<CanonicalField, readonly string[]> = {
  code: ['全国地方公共団体コード', '都道府県コード又は市区町村コード', '市区町村コード', '地方公共団体コード'],
  id: ['ID', 'NO', 'No.', '番号', '#property'],
  municipalityName: ['地方公共団体名'],
  prefName: ['都道府県名'],
  cityName: ['市区町村名'],
  name: ['名称', '施設名', '施設名称', '介護サービス事業所名称', '事業所名称', 'イベント名', 'name'],
  kana: ['名称_カナ', '施設名_カナ', '介護サービス事業所名称_カナ', 'イベント名_カナ', 'ふりがな', 'フリガナ'],
  nameEn: ['名称_英字', '名称_英語', 'イベント名_英語', 'イベント名_英字'],
  alias: ['名称_通称'],
  kind: ['種別', '実施サービス', 'サービス種別', 'サービスの種類', 'サービス種類', '施設種別', '分類'],
  addressFull: ['所在地_連結表記', '住所', '所在地', 'address'],
  addressPref: ['所在地_都道府県'],
  addressCity: ['所在地_市区町村'],
  addressTown: ['所在地_町字'],
  addressRest: ['所在地_番地以下'],
  building: ['建物名等(方書)', '方書', '建物名等'],
  addressCode: ['所在地_全国地方公共団体コード'],
  lat: ['緯度', 'latitude', 'lat'],
  lng: ['経度', 'longitude', 'lng', 'lon'],
  latLng: ['location', '緯度経度', '位置'],
  tel: ['電話番号', '連絡先電話番号', 'telephoneNumber', 'TEL'],
  ext: ['内線番号', '連絡先内線番号'],
  fax: ['FAX番号'],
  email: ['連絡先メールアドレス', 'メールアドレス'],
  formUrl: ['連絡先FormURL'],
  url: ['URL', 'referenceObject', 'ホームページ'],
  access: ['アクセス方法'],
  parkingInfo: ['駐車場情報'],
  orgName: ['団体名', '法人の名称', '設置者', '運営者', '主催者'],
  corporateNumber: ['法人番号'],
  days: ['利用可能曜日', 'availableDate'],
  opens: ['開始時間', '利用開始時間', 'startTime'],
  closes: ['終了時間', '利用終了時間', 'endTime'],
  scheduleNote: [
    '利用可能日時特記事項',
    '利用可能時間特記事項',
    '利用可能曜日特記事項',
    '開始日時特記事項',
    'availableDateNote',
  ],
  description: ['説明', '概要'],
  note: ['備考', 'note'],
  capacity: ['収容定員', '定員'],
  ageRange: ['受入年齢', '対象年齢'],
  startDate: ['開始日'],
  endDate: ['終了日'],
  venueName: ['場所名称'],
  fee: ['料金(基本)'],
  feeDetail: ['料金(詳細)'],
  image: ['画像'],
  barrierFree: ['バリアフリー情報'],
  postalCode: ['郵便番号'],
  'a11y:wheelchair': ['車椅子可', '車いす可'],
  'a11y:accessible_toilet': ['多目的トイレ', 'バリアフリートイレ', '車椅子使用者用トイレ有無'],
  'a11y:step_free': ['スロープ、エレベータ、エスカレータ', 'スロープ・エレベーター'],
  'a11y:tactile_paving': ['点字ブロック等の移動支援', '点字ブロック等'],
  'a11y:braille_audio': ['点字や読上による支援', '点字・読み上げ'],
  'a11y:assistance_dogs': ['盲導犬・介助犬、聴導犬同伴', '盲導犬・介助犬・聴導犬同伴', '補助犬同伴可'],
  'a11y:captions': ['字幕'],
  'a11y:written_communication': ['筆談対応'],
  'a11y:sign_language': ['手話対応'],
  'a11y:priority_parking': ['優先駐車場'],
  'a11y:ostomate': ['オストメイト対応トイレ', 'オストメイト対応', 'オストメイト設置トイレ有無'],
  'a11y:nursing_room': ['授乳室'],
  'a11y:diaper_changing': ['おむつ替えコーナー', 'おむつ替え'],
  'a11y:stroller': ['ベビーカー利用', 'ベビーカー利用可'],
  'a11y:parking': ['駐車場'],
};

const FIELD_BY_KEY: ReadonlyMap<string, CanonicalField> = new Map(
  (Object.entries(ALIASES) as [CanonicalField, readonly string[]][]).flatMap(([field, names]) =>
    names.map((n) => [headerKey(n), field] as const),
  ),
);

/** The canonical field for a header, or null for a column this importer does not use. */
export function canonicalField(header: string): CanonicalField | null {
  return FIELD_BY_KEY.get(headerKey(header)) ?? null;
}

/**
 * Column index per canonical field. The first column wins when two headers map to the same
 * field (e.g. both 住所 and 所在地_連結表記), except that a non-empty later column fills in at
 * read time (see `readField` in preview.ts).
 */
export function mapColumns(header: readonly string[]): Map<CanonicalField, number[]> {
  const columns = new Map<CanonicalField, number[]>();
  header.forEach((h, i) => {
    const field = canonicalField(h);
    if (!field) return;
    const list = columns.get(field);
    if (list) list.push(i);
    else columns.set(field, [i]);
  });
  return columns;
}

/** Accessibility ids from the old single-cell `バリアフリー情報` (items separated by ';'). */
export function accessibilityFromList(cell: string): AccessibilityId[] {
  if (!cell) return [];
  const out: AccessibilityId[] = [];
  for (const item of cell.normalize('NFKC').split(/[;；、,]/)) {
    const field = canonicalField(item.trim());
    if (field?.startsWith('a11y:')) out.push(field.slice(5) as AccessibilityId);
  }
  return [...new Set(out)];
}

const TRUE_FLAGS = new Set(['有', 'あり', '○', '〇', '◯', '●', '可', '1', 'true', 'yes', 'y', '対応', '有り']);

/** Flag cells of the 公共施設一覧: 有/○/1/true mean yes; anything else (無, ×, empty) no. */
export function isTrueFlag(cell: string): boolean {
  // the set's entries are already NFKC, trimmed and lower case: a cell equal to one needs no work
  if (!cell) return false;
  if (TRUE_FLAGS.has(cell)) return true;
  return TRUE_FLAGS.has(cell.normalize('NFKC').trim().toLowerCase());
}
