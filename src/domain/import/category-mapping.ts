// 種別 / 実施サービス values, file-level hints and name keywords → the map's categories. The table
// is data, so that the import screen can show it and a user can change or extend it; a user's
// entries are tried before the defaults. Many national 種別 values have no exact category here
// (a 保育所 is not a 地域子育て支援拠点), so such entries are marked `approximate` and the preview says so.
import { CATEGORIES, type CategoryId, type NeedId, type TargetId } from '../taxonomy';

export type CategoryRule = {
  source: 'kind' | 'file' | 'name'; // which text is matched: the 種別 cell, file metadata, or the name
  match: string; // a substring, compared after NFKC with spaces removed
  categoryId: CategoryId;
  approximate?: boolean; // the closest category, not the same thing: the preview warns once per value
};

export type CategoryMapping = readonly CategoryRule[];

const kind = (match: string, categoryId: CategoryId, approximate = false): CategoryRule => ({ source: 'kind', match, categoryId, approximate });
const name = (match: string, categoryId: CategoryId): CategoryRule => ({ source: 'name', match, categoryId });
const file = (match: string, categoryId: CategoryId): CategoryRule => ({ source: 'file', match, categoryId });

export const defaultCategoryMapping: CategoryMapping = [
  // our own labels and ids (the template and our CSV export write them) map exactly
  ...CATEGORIES.flatMap((c) => [kind(c.label.ja, c.id), kind(c.id, c.id)]),
  // 子育て施設一覧 種別 (old enum and values seen in real files)
  kind('地域子育て支援拠点', 'childcare_hub'),
  kind('子育て支援センター', 'childcare_hub'),
  kind('つどいの広場', 'childcare_hub'),
  kind('児童館', 'childrens_hall'),
  kind('児童センター', 'childrens_hall'),
  kind('放課後児童クラブ', 'childrens_hall', true),
  kind('学童保育', 'childrens_hall', true),
  kind('子ども食堂', 'kids_cafeteria'),
  kind('こども食堂', 'kids_cafeteria'),
  kind('保育所', 'childcare_hub', true),
  kind('保育園', 'childcare_hub', true),
  kind('幼稚園', 'childcare_hub', true),
  kind('こども園', 'childcare_hub', true),
  kind('利用者支援', 'child_family_center'),
  kind('こども家庭センター', 'child_family_center'),
  kind('子育て世代包括支援センター', 'child_family_center'),
  // 介護サービス事業所一覧 実施サービス
  kind('地域包括支援センター', 'community_general_support_center'),
  kind('通所型サービス', 'integrated_service'),
  kind('訪問型サービス', 'integrated_service'),
  kind('通所介護', 'integrated_service', true),
  kind('訪問介護', 'integrated_service', true),
  kind('通所リハビリテーション', 'integrated_service', true),
  kind('小規模多機能', 'integrated_service', true),
  kind('居宅介護支援', 'community_general_support_center', true),
  kind('通いの場', 'kayoinoba'),
  kind('サロン', 'salon'),
  // 障害福祉
  kind('地域活動支援センター', 'activity_support_center'),
  kind('就労継続支援', 'disability_day_service'),
  kind('就労移行支援', 'disability_day_service'),
  kind('生活介護', 'disability_day_service'),
  kind('基幹相談支援センター', 'disability_consultation'),
  kind('相談支援', 'disability_consultation'),
  // 生活困窮, 地域
  kind('自立相談支援', 'self_reliance_support'),
  kind('フードバンク', 'food_bank'),
  kind('フードパントリー', 'food_bank'),
  kind('公民館', 'community_center'),
  kind('コミュニティセンター', 'community_center'),
  kind('ボランティアセンター', 'volunteer_center'),
  kind('市民活動センター', 'volunteer_center'),
  // file-level hints: LinkData metadata (#file_name, #download_from), file names
  file('regional_child_rearing_support_base', 'childcare_hub'),
  file('地域子育て支援拠点', 'childcare_hub'),
  file('regional_comprehensive_support_center', 'community_general_support_center'),
  file('地域包括支援センター', 'community_general_support_center'),
  file('児童館', 'childrens_hall'),
  file('公民館', 'community_center'),
  // names, when nothing else decided
  name('地域包括支援センター', 'community_general_support_center'),
  name('子育て支援センター', 'childcare_hub'),
  name('子育て支援拠点', 'childcare_hub'),
  name('ひろば', 'childcare_hub'),
  name('広場', 'childcare_hub'),
  name('児童館', 'childrens_hall'),
  name('児童センター', 'childrens_hall'),
  name('子ども食堂', 'kids_cafeteria'),
  name('こども食堂', 'kids_cafeteria'),
  name('公民館', 'community_center'),
  name('コミュニティセンター', 'community_center'),
  name('交流センター', 'community_center'),
  name('ボランティアセンター', 'volunteer_center'),
  name('社会福祉協議会', 'volunteer_center'),
  name('地域活動支援センター', 'activity_support_center'),
  name('サロン', 'salon'),
  name('フードパントリー', 'food_bank'),
  name('フードバンク', 'food_bank'),
];

/** User entries first (they win), then the defaults. */
export function mergeCategoryMapping(user: CategoryMapping = []): CategoryMapping {
  return [...user, ...defaultCategoryMapping];
}

// memoized: the same few hundred rule texts and 種別 values are squashed for every row
const squashed = new Map<string, string>();
function squash(s: string): string {
  let v = squashed.get(s);
  if (v === undefined) {
    v = s.normalize('NFKC').replace(/\s/g, '');
    if (squashed.size < 10_000) squashed.set(s, v);
  }
  return v;
}

export type CategoryDecision = { categoryId: CategoryId; rule: CategoryRule } | null;

/**
 * The category for a row. Order: an exact 種別 match, a substring 種別 match (the longest match
 * wins, so 地域包括支援センター beats 支援センター), file hints, then name keywords.
 */
export function decideCategory(
  mapping: CategoryMapping,
  texts: { kind: string; file: string; name: string },
): CategoryDecision {
  const k = squash(texts.kind);
  if (k) {
    const exact = mapping.find((r) => r.source === 'kind' && squash(r.match) === k);
    if (exact) return { categoryId: exact.categoryId, rule: exact };
    const partial = longest(mapping.filter((r) => r.source === 'kind' && k.includes(squash(r.match))));
    if (partial) return { categoryId: partial.categoryId, rule: partial };
  }
  for (const source of ['file', 'name'] as const) {
    const text = squash(texts[source]);
    if (!text) continue;
    const hit = longest(mapping.filter((r) => r.source === source && text.includes(squash(r.match))));
    if (hit) return { categoryId: hit.categoryId, rule: hit };
  }
  return null;
}

/**
 * `decideCategory` for one mapping, with the rule texts squashed once and the decision for each
 * 種別 value and file hint remembered: a file repeats a handful of values over thousands of rows.
 * Gives the same decisions as `decideCategory(mapping, texts)`.
 */
export function compileCategoryMapping(mapping: CategoryMapping): (texts: { kind: string; file: string; name: string }) => CategoryDecision {
  type Compiled = { match: string; rule: CategoryRule }[];
  const bySource: Record<CategoryRule['source'], Compiled> = { kind: [], file: [], name: [] };
  const exact = new Map<string, CategoryRule>();
  for (const rule of mapping) {
    const match = squash(rule.match);
    bySource[rule.source].push({ match, rule });
    if (rule.source === 'kind' && !exact.has(match)) exact.set(match, rule); // the first rule wins
  }
  const longestIn = (rules: Compiled, text: string): CategoryRule | undefined => {
    let best: { match: string; rule: CategoryRule } | undefined;
    for (const r of rules) if (text.includes(r.match) && (!best || r.match.length > best.match.length)) best = r;
    return best?.rule;
  };
  const decide = (rule: CategoryRule | undefined): CategoryDecision => (rule ? { categoryId: rule.categoryId, rule } : null);
  const byKind = new Map<string, CategoryDecision>();
  const byFile = new Map<string, CategoryDecision>();
  return ({ kind, file, name }) => {
    if (kind) {
      let d = byKind.get(kind);
      if (d === undefined) {
        const k = squash(kind);
        d = k ? decide(exact.get(k) ?? longestIn(bySource.kind, k)) : null;
        if (byKind.size < 10_000) byKind.set(kind, d);
      }
      if (d) return d;
    }
    let d = byFile.get(file);
    if (d === undefined) {
      const f = squash(file);
      d = f ? decide(longestIn(bySource.file, f)) : null;
      if (byFile.size < 100) byFile.set(file, d);
    }
    if (d) return d;
    const n = name.normalize('NFKC').replace(/\s/g, ''); // names are mostly distinct: not memoized
    return n ? decide(longestIn(bySource.name, n)) : null;
  };
}

function longest(rules: CategoryRule[]): CategoryRule | undefined {
  // user entries come first in the list: among equally long matches the first wins
  let best: CategoryRule | undefined;
  for (const r of rules) if (!best || squash(r.match).length > squash(best.match).length) best = r;
  return best;
}

/** Needs and targets an imported menu starts with, per category; coordinators refine them later. */
export const CATEGORY_DEFAULTS: Record<CategoryId, { needs: NeedId[]; targets: TargetId[] }> = {
  childcare_hub: { needs: ['parenting_peers', 'place_to_be'], targets: ['infants_with_parents', 'parents'] },
  childrens_hall: { needs: ['place_to_be', 'socializing'], targets: ['elementary', 'teens'] },
  kids_cafeteria: { needs: ['meals', 'place_to_be'], targets: ['elementary', 'teens', 'parents'] },
  study_support: { needs: ['child_study'], targets: ['elementary', 'teens'] },
  kayoinoba: { needs: ['exercise_health', 'socializing'], targets: ['older_adults'] },
  salon: { needs: ['socializing', 'place_to_be'], targets: ['older_adults', 'anyone'] },
  mutual_aid: { needs: ['daily_life_help', 'watching_over'], targets: ['older_adults'] },
  integrated_service: { needs: ['exercise_health', 'daily_life_help'], targets: ['older_adults'] },
  activity_support_center: { needs: ['place_to_be', 'work_experience'], targets: ['people_with_disabilities'] },
  disability_day_service: { needs: ['work_experience'], targets: ['people_with_disabilities'] },
  mutual_support_base: { needs: ['place_to_be', 'volunteering'], targets: ['anyone'] },
  work_preparation: { needs: ['work_experience'], targets: ['young_adults', 'hikikomori_experience'] },
  food_bank: { needs: ['meals'], targets: ['anyone'] },
  multigenerational_place: { needs: ['place_to_be', 'socializing'], targets: ['anyone'] },
  volunteer_center: { needs: ['volunteering'], targets: ['anyone'] },
  community_center: { needs: ['learning_hobby', 'socializing'], targets: ['anyone'] },
  community_general_support_center: { needs: ['consultation'], targets: ['older_adults', 'family_carers'] },
  disability_consultation: { needs: ['consultation'], targets: ['people_with_disabilities'] },
  child_family_center: { needs: ['consultation', 'parenting_peers'], targets: ['parents', 'infants_with_parents'] },
  self_reliance_support: { needs: ['consultation'], targets: ['anyone'] },
  general_welfare_desk: { needs: ['consultation'], targets: ['anyone'] },
};
