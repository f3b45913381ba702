// What a site's keyword text is made of, shared by the index and the naive search.
// Text = name, kana, category labels, description, then the titles of the site's menus.
import { CATEGORY_BY_ID, HELP_DESK_LABEL, type CategoryId, type Label } from '../taxonomy';
import type { BuildOptions } from './types';

/**
 * The category labels (ja and en) in a site's keyword text. Help desks also carry 相談窓口 /
 * Help desk, since residents search for the kind of place before its formal name.
 */
export function categoryKeywordLabels(categoryId: string, options: BuildOptions = {}): string[] {
  const custom = options.labels?.categories as Partial<Record<string, Label>> | undefined;
  const def = CATEGORY_BY_ID[categoryId as CategoryId] as (typeof CATEGORY_BY_ID)[CategoryId] | undefined;
  const label = custom?.[categoryId] ?? def?.label;
  const out = label ? [label.ja, label.en] : [];
  if (def?.helpDesk) {
    const desk = options.labels?.helpDesk ?? HELP_DESK_LABEL;
    out.push(desk.ja, desk.en);
  }
  return out;
}
