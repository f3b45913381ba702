// Which layout a file is in: the national 自治体標準オープンデータセット (two header generations, four
// datasets that matter here), the LinkData style, or the project's own template.
import { canonicalField, headerKey } from './headers';
import { TEMPLATE_SIGNATURE } from './template';

export type DatasetKind = 'public_facility' | 'childcare_facility' | 'care_service' | 'event' | 'generic';
export type LayoutId =
  | `national-current:${DatasetKind}` // 全国地方公共団体コード, ID, 所在地_… (2021 onwards)
  | `national-old:${DatasetKind}` // 都道府県コード又は市区町村コード, NO, 住所, 方書 (推奨データセット)
  | 'linkdata' // `#` metadata rows, `#property` header, "lat,lon" in one cell
  | 'kasane-template'; // this project's template (template.ts)

export type ImportLayout = { id: LayoutId; label: string; dataset: DatasetKind };

const DATASET_LABELS: Record<DatasetKind, string> = {
  public_facility: '公共施設一覧',
  childcare_facility: '子育て施設一覧',
  care_service: '介護サービス事業所一覧',
  event: 'イベント一覧',
  generic: '施設一覧（種類不明）',
};

const has = (keys: Set<string>, ...headers: string[]) => headers.some((h) => keys.has(headerKey(h)));

export function detectLayout(header: readonly string[], metadata: Record<string, string>): ImportLayout {
  const keys = new Set(header.map(headerKey));
  if (TEMPLATE_SIGNATURE.every((h) => keys.has(headerKey(h))))
    return { id: 'kasane-template', label: 'かさねマップのテンプレート', dataset: 'generic' };
  if (Object.keys(metadata).length > 0 || keys.has(headerKey('#property')))
    return { id: 'linkdata', label: 'LinkData 形式（# で始まるメタデータ行）', dataset: 'generic' };

  const dataset: DatasetKind = has(keys, 'イベント名', '開始日')
    ? 'event'
    : has(keys, '実施サービス', '介護サービス事業所名称', '事業所番号')
      ? 'care_service'
      : has(keys, '受入年齢', '収容定員', '一時預かりの有無', '認可等年月日')
        ? 'childcare_facility'
        : has(keys, '名称_通称', 'POIコード', 'バリアフリー情報') || header.some((h) => canonicalField(h)?.startsWith('a11y:'))
          ? 'public_facility'
          : 'generic';
  const old =
    has(keys, '都道府県コード又は市区町村コード', 'NO', '都道府県名', '市区町村名') &&
    !has(keys, '全国地方公共団体コード', '所在地_連結表記', '所在地_都道府県');
  const generation = old ? 'old' : 'current';
  return {
    id: `national-${generation}:${dataset}`,
    label: `${DATASET_LABELS[dataset]}（自治体標準オープンデータセット・${old ? '旧版' : '現行版'}）`,
    dataset,
  };
}
