// A published snapshot of the results list: every public site as the list shows it (ListedSite)
// with the ids of its public menus, in one same-origin JSON file. With it, the local source answers
// the list's searches that read only site fields (no keyword, no menu condition; see
// `answerableFromList`) before the full dataset is read, so that a large dataset can wait until the
// map has drawn while the list still appears at once (docs/benchmarks.md ## map).
// Format: { "version": 1, "kind": "list", "sites": (ListedSite & { menuIds: string[] })[] },
// the sites in the order of the dataset's public view. Like `?dataset=`, the file is trusted to be
// published data: it is copied field by field, so nothing but a ListedSite's fields reaches the app.
import type { Dataset } from '../../domain/model';
import { buildSearchIndex, searchIndex, type SearchIndex } from '../../domain/search/index';
import { normalizeForSearch } from '../../domain/search/normalize';
import type { SiteQuery } from '../../domain/search/query';
import type { ListedSite, PublicSite, SearchResult } from '../port';
import { publicView } from './public-view';
import { toListedSite } from '../listed-site';
import { fetchSameOrigin } from './fetch-same-origin';

type ListSnapshotEntry = ListedSite & { menuIds: string[] };
export type ListSnapshotFile = { version: 1; kind: 'list'; sites: ListSnapshotEntry[] };

/** The snapshot of a dataset's public view (what a publisher writes next to the dataset). */
export function toListSnapshot(data: Pick<Dataset, 'sites' | 'menus'>): ListSnapshotFile {
  const view = publicView(data);
  const menuIds = new Map<string, string[]>();
  for (const m of view.menus) {
    if (m.siteId === null) continue;
    const ids = menuIds.get(m.siteId);
    if (ids) ids.push(m.id);
    else menuIds.set(m.siteId, [m.id]);
  }
  return {
    version: 1,
    kind: 'list',
    sites: view.sites.map((s) => ({ ...toListedSite(s), menuIds: menuIds.get(s.id) ?? [] })),
  };
}

/**
 * True when the query reads only what the list snapshot holds: no keyword (it also searches
 * descriptions and menu titles) and no menu-level condition (needs, targets, weekdays, today,
 * free, ease). Fields, categories, help desks only, accessibility, the view and the origin are.
 */
export function answerableFromList(query: SiteQuery): boolean {
  const none = (xs: readonly unknown[] | undefined) => !xs || xs.length === 0;
  return (
    (!query.text || normalizeForSearch(query.text) === '') &&
    none(query.needs) &&
    none(query.targets) &&
    none(query.weekdays) &&
    !query.today &&
    !query.free &&
    none(query.ease)
  );
}

export type ListSnapshot = {
  /** the search over the snapshot; only for queries `answerableFromList` accepts */
  search(query: SiteQuery, limit: number): SearchResult;
};

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function entryOf(v: unknown, at: number): { site: ListedSite; menuIds: string[] } {
  const o = v as Partial<Record<keyof ListSnapshotEntry, unknown>> | null;
  const loc = o?.location;
  if (
    !o ||
    typeof o.id !== 'string' ||
    typeof o.name !== 'string' ||
    typeof o.kana !== 'string' ||
    typeof o.categoryId !== 'string' ||
    !isStringArray(o.fields) ||
    o.fields.length === 0 ||
    !Array.isArray(loc) ||
    loc.length !== 2 ||
    !loc.every((x) => typeof x === 'number' && Number.isFinite(x)) ||
    typeof o.address !== 'string' ||
    typeof o.lastVerified !== 'string' ||
    !isStringArray(o.accessibility) ||
    !isStringArray(o.menuIds)
  ) {
    throw new Error(`site ${at} of the list snapshot lacks a field of a listed site`);
  }
  return { site: toListedSite(o as ListedSite), menuIds: o.menuIds.slice() };
}

/** Checks and indexes a parsed snapshot file; throws with the reason when it is not one. */
export function readListSnapshot(data: unknown): ListSnapshot {
  const d = data as Partial<ListSnapshotFile> | null;
  if (!d || d.version !== 1 || d.kind !== 'list' || !Array.isArray(d.sites)) throw new Error('not a list snapshot (version 1, kind "list", sites)');
  const listed = new Map<string, ListedSite>();
  const menuIds = new Map<string, string[]>();
  d.sites.forEach((v, at) => {
    const { site, menuIds: ids } = entryOf(v, at);
    listed.set(site.id, site);
    menuIds.set(site.id, ids);
  });
  // the index reads a description for keywords; the snapshot is never asked one
  const searchable = [...listed.values()].map((s) => ({ ...s, description: '' }) as ListedSite & Pick<PublicSite, 'description'>);
  let index: SearchIndex<ListedSite & Pick<PublicSite, 'description'>> | null = null;
  return {
    search(query, limit) {
      if (!answerableFromList(query)) throw new Error('the list snapshot cannot answer a keyword or menu condition');
      const result = searchIndex((index ??= buildSearchIndex(searchable, [])), query, { limit });
      // no menu condition: every public menu of a site is one of its hits' menus, as in the full index
      return {
        ...result,
        hits: result.hits.map((h) => ({
          ...h,
          site: listed.get(h.site.id)!,
          menuIds: menuIds.get(h.site.id)!.slice(),
        })),
      };
    },
  };
}

/**
 * Reads and indexes the snapshot at `url`. With `hold`, a file over `hold.bytes` (or of unknown
 * length) is read only after `hold.until` settles: its parse and index would take the CPU the map
 * needs to draw, as a large dataset's would (docs/benchmarks.md ## map).
 */
export async function loadListSnapshot(url: string, hold?: { bytes: number; until: Promise<void> }): Promise<ListSnapshot> {
  const res = await fetchSameOrigin(url, 'list');
  if (hold && !(Number(res.headers.get('content-length') ?? NaN) <= hold.bytes)) await hold.until;
  return readListSnapshot(await res.json());
}
