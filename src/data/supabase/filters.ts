// The port's SiteQuery → the `filters` jsonb of the read RPCs (same camelCase keys; bbox and origin
// are arguments of their own). The RPCs refuse ids outside the taxonomy (22023); the local search
// ignores them, so this drops them first and keeps the local answer where that matters:
//   - a list of only unknown ids asks for something nothing has (fields, categories, needs,
//     weekdays) → no match; for targets, a menu for anyone still serves → ['anyone']
//   - accessibility and ease are requirements: one unknown id → no match
// Returns null when the answer is known to be empty.
import type { SiteQuery } from '../../domain/search/query';
import { ACCESSIBILITY, CATEGORY_IDS, EASE, FIELDS, NEEDS, TARGETS } from '../../domain/taxonomy';
import { WEEKDAYS } from '../../domain/weekdays';

export type RpcFilters = {
  text?: string;
  fields?: string[];
  categories?: string[];
  helpDesksOnly?: boolean;
  needs?: string[];
  targets?: string[];
  weekdays?: string[];
  today?: string;
  free?: boolean;
  accessibility?: string[];
  ease?: string[];
};

const known = (ids: readonly string[]) => new Set<string>(ids);
const ALTERNATIVES = {
  fields: known(FIELDS),
  categories: known(CATEGORY_IDS),
  needs: known(NEEDS),
  targets: known(TARGETS),
  weekdays: known(WEEKDAYS),
} as const;
const REQUIREMENTS = { accessibility: known(ACCESSIBILITY), ease: known(EASE) } as const;

export function toRpcFilters(query: SiteQuery): RpcFilters | null {
  const f: RpcFilters = {};
  if (query.text && query.text.trim() !== '') f.text = query.text;
  for (const key of Object.keys(ALTERNATIVES) as (keyof typeof ALTERNATIVES)[]) {
    const asked = query[key] as readonly string[] | undefined;
    if (!asked || asked.length === 0) continue;
    const ids = [...new Set(asked.filter((id) => ALTERNATIVES[key].has(id)))];
    if (ids.length > 0) f[key] = ids;
    else if (key === 'targets') f.targets = ['anyone'];
    else return null;
  }
  for (const key of Object.keys(REQUIREMENTS) as (keyof typeof REQUIREMENTS)[]) {
    const asked = query[key] as readonly string[] | undefined;
    if (!asked || asked.length === 0) continue;
    if (asked.some((id) => !REQUIREMENTS[key].has(id))) return null;
    f[key] = [...new Set(asked)];
  }
  if (query.helpDesksOnly) f.helpDesksOnly = true;
  if (query.free) f.free = true;
  if (query.today) f.today = query.today;
  return f;
}
