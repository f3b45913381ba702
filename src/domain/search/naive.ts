// The obvious search: normalise every string on every query and filter plain arrays. It is the
// benchmark baseline and the test oracle for the index, so it stays as plain as it can be.
import { CATEGORY_BY_ID, type CategoryId } from '../taxonomy';
import type { SiteQuery } from './query';
import type { BuildOptions, SearchableMenu, SearchableSite, SearchResult, SearchOptions } from './types';
import { DEFAULT_LIMIT } from './types';
import { normalizeForSearch } from './normalize';
import { categoryKeywordLabels } from './keyword-text';
import { haversineMeters } from '../geo/distance';
import { hasSessionOn, weekdayOfIsoDate } from './weekday';

export type NaiveOptions = SearchOptions & BuildOptions;

export function naiveSearch<S extends SearchableSite, M extends SearchableMenu>(
  sites: readonly S[],
  menus: readonly M[],
  query: SiteQuery,
  options: NaiveOptions = {},
): SearchResult<S> {
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
  const occursOn = options.occursOn ?? hasSessionOn;
  const text = query.text ? normalizeForSearch(query.text) : '';
  if (query.today !== undefined) weekdayOfIsoDate(query.today); // throws on a malformed date
  const any = <T>(xs: readonly T[] | undefined): xs is readonly T[] => xs !== undefined && xs.length > 0;

  const menusBySite = new Map<string, M[]>();
  for (const menu of menus) {
    if (menu.siteId === null) continue;
    const list = menusBySite.get(menu.siteId) ?? [];
    list.push(menu);
    menusBySite.set(menu.siteId, list);
  }

  const menuMatches = (menu: M): boolean => {
    const free = menu.cost.kind === 'free';
    if (any(query.needs) && !menu.needs.some((x) => query.needs!.includes(x))) return false;
    if (any(query.targets) && !menu.targets.some((x) => x === 'anyone' || query.targets!.includes(x))) return false;
    if (any(query.weekdays) && !menu.schedule.rules.some((r) => r.byday.some((d) => query.weekdays!.some((w) => d.endsWith(w))))) return false;
    if (query.free && !free) return false;
    if (any(query.ease) && !query.ease.every((e) => (e === 'free' ? free : (menu.ease as string[]).includes(e)))) return false;
    if (query.today !== undefined && !occursOn(menu.schedule, query.today)) return false;
    return true;
  };
  const menuLevel = any(query.needs) || any(query.targets) || any(query.weekdays) || query.free === true || any(query.ease) || query.today !== undefined;

  type Match = { site: S; menuIds: string[]; distanceM?: number; kanaKey: string };
  const matches: Match[] = [];
  for (const site of sites) {
    if (any(query.fields) && !site.fields.some((f) => query.fields!.includes(f))) continue;
    if (any(query.categories) && !query.categories.includes(site.categoryId)) continue;
    if (query.helpDesksOnly && CATEGORY_BY_ID[site.categoryId as CategoryId]?.helpDesk !== true) continue;
    if (any(query.accessibility) && !query.accessibility.every((a) => site.accessibility.includes(a))) continue;
    const siteMenus = menusBySite.get(site.id) ?? [];
    if (text) {
      const parts = [site.name, site.kana, ...categoryKeywordLabels(site.categoryId, options), site.description, ...siteMenus.map((m) => m.title)];
      if (!parts.some((p) => normalizeForSearch(p).includes(text))) continue;
    }
    const passing = menuLevel ? siteMenus.filter(menuMatches) : siteMenus;
    if (menuLevel && passing.length === 0) continue;
    matches.push({ site, menuIds: passing.map((m) => m.id), kanaKey: normalizeForSearch(site.kana) || normalizeForSearch(site.name) });
  }

  const inView = query.bbox ? matches.filter((m) => inside(m.site.location, query.bbox!)) : matches;
  const origin = query.origin;
  if (origin) for (const m of inView) m.distanceM = haversineMeters(origin, m.site.location);
  const byKana = (a: Match, b: Match) =>
    a.kanaKey < b.kanaKey ? -1 : a.kanaKey > b.kanaKey ? 1 : a.site.id < b.site.id ? -1 : a.site.id > b.site.id ? 1 : 0;
  const sorted = [...inView].sort((a, b) => (origin ? a.distanceM! - b.distanceM! : 0) || byKana(a, b));

  return {
    total: matches.length,
    totalInView: inView.length,
    hits: sorted.slice(0, limit).map((m) => (origin ? { site: m.site, distanceM: m.distanceM!, menuIds: m.menuIds } : { site: m.site, menuIds: m.menuIds })),
    matchIds: matches.map((m) => m.site.id),
  };
}

function inside([lng, lat]: readonly [number, number], [west, south, east, north]: readonly [number, number, number, number]): boolean {
  const lngInside = west <= east ? west <= lng && lng <= east : lng >= west || lng <= east;
  return lngInside && south <= lat && lat <= north;
}
