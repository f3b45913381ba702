// The public keyword search and filters over an immutable in-memory index, sized for a national
// dataset (200,000 sites, 400,000 menus) answering within one frame.
//
// layout (one slot per site, in input order; menus grouped per site in CSR form)
// - filters are bit masks in typed arrays: fields, accessibility, and per menu needs, targets,
//   weekdays and ease (with a `free` bit derived from cost). Each site also keeps the OR of its
//   menus' masks, which rejects most sites before any menu is looked at.
// - `today`: menus with the same schedule rules share one "shape"; the exact date check runs once
//   per shape and query, and only for menus that passed every other filter.
// - keywords: the normalised text of each site (name, kana, description, menu titles, joined by
//   '\n', which a normalised query never contains, so no match spans two parts) and an inverted
//   index of its hashed bigrams and single letters, stored as varint gaps. A query intersects the lists of its rarest
//   bigrams and confirms with `includes`; hash collisions only add candidates `includes` rejects.
//   Category labels are the same for every site of a category, so they are matched once per
//   category instead of being copied into 200,000 texts.
// - order: kana rank precomputed; distance ranked by squared chord of unit vectors (no trigonometry
//   per site); the `limit` best are kept in a bounded heap instead of sorting every match.
import { ACCESSIBILITY, CATEGORY_BY_ID, EASE, FIELDS, NEEDS, TARGETS, type CategoryId } from '../taxonomy';
import type { LngLat, Schedule } from '../model';
import type { SiteQuery } from './query';
import type { BuildOptions, SearchableMenu, SearchableSite, SearchHit, SearchOptions, SearchResult } from './types';
import { DEFAULT_LIMIT } from './types';
import { normalizeForSearch } from './normalize';
import { categoryKeywordLabels } from './keyword-text';
import { unitVector } from './distance';
import { haversineMeters } from '../geo/distance';
import { opensOnWeekdayMask } from '../schedule/occurrences';
import { hasSessionOn, weekdayOfIsoDate, weekdaysToMask, type OccursOn } from './weekday';

/**
 * Built once per dataset by `buildSearchIndex`, never changed afterwards; build a new one when the
 * data changes. The fields are the index's internal layout: read them only through `searchIndex`.
 */
export type SearchIndex<S extends SearchableSite = SearchableSite, M extends SearchableMenu = SearchableMenu> = {
  readonly size: number; // number of sites
  readonly sites: readonly S[];
  readonly ids: readonly string[];
  /** menus grouped by site: site i owns menus[menuStart[i] .. menuStart[i + 1]) */
  readonly menus: readonly M[];
  readonly menuStart: Uint32Array;
  readonly lng: Float64Array;
  readonly lat: Float64Array;
  readonly xyz: Float64Array; // unit vectors, 3 per site
  readonly fieldMask: Uint8Array;
  readonly accessMask: Uint16Array;
  readonly kanaRank: Uint32Array; // 0 = first in kana order
  // categories: slot per distinct categoryId, its normalised labels, and its sites (ascending)
  readonly category: Uint16Array;
  readonly categoryIds: readonly string[];
  readonly categoryTexts: readonly string[];
  readonly categoryStart: Uint32Array;
  readonly categoryMembers: Uint32Array;
  // per menu
  readonly menuNeeds: Uint16Array;
  readonly menuTargets: Uint16Array;
  readonly menuDays: Uint8Array;
  readonly menuEase: Uint16Array;
  readonly menuShape: Uint32Array; // into shapes
  readonly shapes: readonly Schedule[]; // one schedule per distinct rule set
  // per site: OR over its menus
  readonly anyNeeds: Uint16Array;
  readonly anyTargets: Uint16Array;
  readonly anyDays: Uint8Array;
  readonly anyEase: Uint16Array;
  // keywords
  readonly texts: readonly string[];
  readonly gramStart: Uint32Array; // GRAM_BUCKETS + 1 byte offsets into postings
  readonly gramCount: Uint32Array; // sites per bucket
  readonly gramMixed: Uint8Array; // 1 = the bucket holds more than one gram (a hash collision)
  readonly postings: Uint8Array; // per bucket: ascending site slots as varint gaps (first gap from -1)
};

const GRAM_BITS = 18; // 262,144 buckets: few collisions for Japanese text, 1 MB of offsets
const GRAM_BUCKETS = 1 << GRAM_BITS;
const SEPARATOR = '\n';
const SEPARATOR_CODE = 10;

/** bucket of the bigram (a, b): Fibonacci hashing of the two code units */
function gramBucket(a: number, b: number): number {
  return Math.imul((a << 16) | b, 0x9e3779b1) >>> (32 - GRAM_BITS);
}

const bitIndex = (list: readonly string[]) => new Map(list.map((id, i) => [id, i] as const));
const FIELD_BIT = bitIndex(FIELDS);
const NEED_BIT = bitIndex(NEEDS);
const TARGET_BIT = bitIndex(TARGETS);
const EASE_BIT = bitIndex(EASE);
const ACCESS_BIT = bitIndex(ACCESSIBILITY);
const FREE = 1 << (EASE_BIT.get('free') ?? 0);
const ANYONE = 1 << (TARGET_BIT.get('anyone') ?? 0);

/** mask of the known ids in `ids`; ids outside the taxonomy add nothing */
function maskOf(ids: readonly string[], bits: ReadonlyMap<string, number>): number {
  let mask = 0;
  for (const id of ids) {
    const b = bits.get(id);
    if (b !== undefined) mask |= 1 << b;
  }
  return mask;
}

/** mask of a required list, or -1 when it names something outside the taxonomy (never holds) */
function requiredMaskOf(ids: readonly string[], bits: ReadonlyMap<string, number>): number {
  let mask = 0;
  for (const id of ids) {
    const b = bits.get(id);
    if (b === undefined) return -1;
    mask |= 1 << b;
  }
  return mask;
}

/** what decides "is there a session on this date": the rules without their hours, and the flags */
function scheduleShapeKey(s: Schedule): string {
  let key = `${s.closedOnHolidays ? 'H' : '-'}${s.irregular ? 'I' : '-'}`;
  for (const r of s.rules) key += `|${r.freq}/${r.interval}/${r.byday.join(',')}/${r.validFrom ?? ''}/${r.validTo ?? ''}`;
  return key;
}

export function buildSearchIndex<S extends SearchableSite, M extends SearchableMenu>(
  sites: readonly S[],
  menus: readonly M[],
  options: BuildOptions = {},
): SearchIndex<S, M> {
  const n = sites.length;
  const slotOf = new Map<string, number>();
  const ids: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const id = (sites[i] as S).id;
    if (slotOf.has(id)) throw new Error(`site id "${id}" appears twice; give every site a unique id before building the search index`);
    slotOf.set(id, i);
    ids[i] = id;
  }

  // group menus by site, keeping their input order (menus of unknown or no site are not searchable here)
  const menuStart = new Uint32Array(n + 1);
  const owner = new Int32Array(menus.length);
  for (let j = 0; j < menus.length; j++) {
    const siteId = (menus[j] as M).siteId;
    const slot = siteId === null ? undefined : slotOf.get(siteId);
    owner[j] = slot ?? -1;
    if (slot !== undefined) menuStart[slot + 1]!++;
  }
  for (let i = 0; i < n; i++) menuStart[i + 1]! += menuStart[i]!;
  const m = menuStart[n]!;
  const grouped = new Array<M>(m);
  const fill = menuStart.slice(0, n);
  for (let j = 0; j < menus.length; j++) {
    const slot = owner[j]!;
    if (slot >= 0) grouped[fill[slot]!++] = menus[j] as M;
  }

  // per-menu masks and schedule shapes
  const menuNeeds = new Uint16Array(m);
  const menuTargets = new Uint16Array(m);
  const menuDays = new Uint8Array(m);
  const menuEase = new Uint16Array(m);
  const menuShape = new Uint32Array(m);
  const shapeSlot = new Map<string, number>();
  const shapes: Schedule[] = [];
  for (let k = 0; k < m; k++) {
    const menu = grouped[k] as M;
    menuNeeds[k] = maskOf(menu.needs, NEED_BIT);
    menuTargets[k] = maskOf(menu.targets, TARGET_BIT);
    menuDays[k] = opensOnWeekdayMask(menu.schedule);
    menuEase[k] = maskOf(menu.ease, EASE_BIT) | (menu.cost.kind === 'free' ? FREE : 0);
    const key = scheduleShapeKey(menu.schedule);
    let shape = shapeSlot.get(key);
    if (shape === undefined) {
      shape = shapes.length;
      shapeSlot.set(key, shape);
      shapes.push(menu.schedule);
    }
    menuShape[k] = shape;
  }

  // per-site masks, coordinates and keyword text
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  const xyz = new Float64Array(n * 3);
  const fieldMask = new Uint8Array(n);
  const category = new Uint16Array(n);
  const categoryIds: string[] = [];
  const categorySlot = new Map<string, number>();
  const accessMask = new Uint16Array(n);
  const anyNeeds = new Uint16Array(n);
  const anyTargets = new Uint16Array(n);
  const anyDays = new Uint8Array(n);
  const anyEase = new Uint16Array(n);
  const texts = new Array<string>(n);
  const kanaKeys = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const site = sites[i] as S;
    lng[i] = site.location[0];
    lat[i] = site.location[1];
    unitVector(site.location[0], site.location[1], xyz, i * 3);
    fieldMask[i] = maskOf(site.fields, FIELD_BIT);
    accessMask[i] = maskOf(site.accessibility, ACCESS_BIT);
    let c = categorySlot.get(site.categoryId);
    if (c === undefined) {
      c = categoryIds.length;
      categorySlot.set(site.categoryId, c);
      categoryIds.push(site.categoryId);
    }
    category[i] = c;
    let needs = 0;
    let targets = 0;
    let days = 0;
    let ease = 0;
    const name = normalizeForSearch(site.name);
    const kana = normalizeForSearch(site.kana);
    let text = `${name}${SEPARATOR}${kana}${SEPARATOR}${normalizeForSearch(site.description)}`;
    for (let k = menuStart[i]!; k < menuStart[i + 1]!; k++) {
      needs |= menuNeeds[k]!;
      targets |= menuTargets[k]!;
      days |= menuDays[k]!;
      ease |= menuEase[k]!;
      text += SEPARATOR + normalizeForSearch((grouped[k] as M).title);
    }
    anyNeeds[i] = needs;
    anyTargets[i] = targets;
    anyDays[i] = days;
    anyEase[i] = ease;
    texts[i] = text;
    kanaKeys[i] = kana || name; // a site without a reading sorts by its name
  }

  // categories: labels once each, members in ascending slot order
  const categoryTexts = categoryIds.map((id) => categoryKeywordLabels(id, options).map(normalizeForSearch).join(SEPARATOR));
  const categoryStart = new Uint32Array(categoryIds.length + 1);
  for (let i = 0; i < n; i++) categoryStart[category[i]! + 1]!++;
  for (let c = 0; c < categoryIds.length; c++) categoryStart[c + 1]! += categoryStart[c]!;
  const categoryMembers = new Uint32Array(n);
  const next = categoryStart.slice(0, categoryIds.length);
  for (let i = 0; i < n; i++) categoryMembers[next[category[i]!]!++] = i;

  // kana order: normalised reading, then id, by code unit (hiragana code order is gojūon order)
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => compareKeys(kanaKeys[a] as string, ids[a] as string, kanaKeys[b] as string, ids[b] as string));
  const kanaRank = new Uint32Array(n);
  for (let r = 0; r < n; r++) kanaRank[order[r]!] = r;

  const { gramStart, gramCount, gramMixed, postings } = buildBigramPostings(texts);

  return Object.freeze({
    size: n,
    sites: Object.freeze(sites.slice()),
    ids: Object.freeze(ids),
    menus: Object.freeze(grouped),
    menuStart,
    lng,
    lat,
    xyz,
    fieldMask,
    accessMask,
    kanaRank,
    category,
    categoryIds: Object.freeze(categoryIds),
    categoryTexts: Object.freeze(categoryTexts),
    categoryStart,
    categoryMembers,
    menuNeeds,
    menuTargets,
    menuDays,
    menuEase,
    menuShape,
    shapes: Object.freeze(shapes),
    anyNeeds,
    anyTargets,
    anyDays,
    anyEase,
    texts: Object.freeze(texts),
    gramStart,
    gramCount,
    gramMixed,
    postings,
  });
}

/** the sort order of hits without an origin; shared with the naive search so both agree */
export function compareKeys(keyA: string, idA: string, keyB: string, idB: string): number {
  if (keyA !== keyB) return keyA < keyB ? -1 : 1;
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

const varintBytes = (x: number) => (x < 0x80 ? 1 : x < 0x4000 ? 2 : x < 0x200000 ? 3 : 4);

function buildBigramPostings(texts: readonly string[]): { gramStart: Uint32Array; gramCount: Uint32Array; gramMixed: Uint8Array; postings: Uint8Array } {
  // two passes over the texts: size every bucket's gap list, then write it; lastSlot dedupes
  // bigrams within one site and gives the gap to the previous site of the bucket
  const gramStart = new Uint32Array(GRAM_BUCKETS + 1);
  const gramCount = new Uint32Array(GRAM_BUCKETS);
  const lastSlot = new Int32Array(GRAM_BUCKETS).fill(-1);
  const gramKey = new Uint32Array(GRAM_BUCKETS); // the first gram seen in each bucket
  const gramMixed = new Uint8Array(GRAM_BUCKETS); // 1 = a second, different gram shares the bucket
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i] as string;
    let a = SEPARATOR_CODE;
    for (let p = 0; p < t.length; p++) {
      const b = t.charCodeAt(p);
      // (a, b) is a bigram, or (SEPARATOR, b) the letter b alone (a real bigram never has SEPARATOR)
      if (b !== SEPARATOR_CODE) {
        for (let twice = a === SEPARATOR_CODE ? 1 : 0; twice < 2; twice++) {
          const key = twice === 0 ? ((a << 16) | b) >>> 0 : (SEPARATOR_CODE << 16) | b;
          const g = twice === 0 ? gramBucket(a, b) : gramBucket(SEPARATOR_CODE, b);
          if (gramCount[g] === 0) gramKey[g] = key;
          else if (gramKey[g] !== key) gramMixed[g] = 1;
          const last = lastSlot[g]!;
          if (last !== i) {
            lastSlot[g] = i;
            gramCount[g]!++;
            gramStart[g + 1]! += varintBytes(i - last);
          }
        }
      }
      a = b;
    }
  }
  for (let g = 0; g < GRAM_BUCKETS; g++) gramStart[g + 1]! += gramStart[g]!;
  const postings = new Uint8Array(gramStart[GRAM_BUCKETS]!);
  const cursor = gramStart.slice(0, GRAM_BUCKETS);
  lastSlot.fill(-1);
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i] as string;
    let a = SEPARATOR_CODE;
    for (let p = 0; p < t.length; p++) {
      const b = t.charCodeAt(p);
      if (b !== SEPARATOR_CODE) {
        for (let twice = a === SEPARATOR_CODE ? 1 : 0; twice < 2; twice++) {
          const g = twice === 0 ? gramBucket(a, b) : gramBucket(SEPARATOR_CODE, b);
          const last = lastSlot[g]!;
          if (last !== i) {
            lastSlot[g] = i;
            let gap = i - last;
            let at = cursor[g]!;
            while (gap >= 0x80) {
              postings[at++] = (gap & 0x7f) | 0x80;
              gap >>>= 7;
            }
            postings[at++] = gap;
            cursor[g] = at;
          }
        }
      }
      a = b;
    }
  }
  return { gramStart, gramCount, gramMixed, postings };
}

// --- query ------------------------------------------------------------------------------------

/** a query reduced to masks; `null` = the group is not asked for */
type Compiled = {
  text: string; // normalised keyword, '' = none
  fields: number | null;
  categoryOk: Uint8Array | null; // per category slot: 1 = allowed by categories and helpDesksOnly
  access: number; // required bits (0 = none); -1 = impossible
  needs: number | null;
  targets: number | null; // includes ANYONE: a menu for anyone serves every target group
  days: number | null;
  todayBit: number; // 0 = no date
  today: string | null;
  ease: number; // required bits, incl. FREE; -1 = impossible
  menuLevel: boolean; // any menu-level condition at all
  occursOn: OccursOn;
  answers: Int8Array | null; // per schedule shape for `today`: 0 not asked yet, 1 yes, 2 no
};

const nonEmpty = <T>(xs: readonly T[] | undefined): xs is readonly T[] => xs !== undefined && xs.length > 0;

function compile(index: SearchIndex, query: SiteQuery, occursOn: OccursOn): Compiled {
  let categoryOk: Uint8Array | null = null;
  if (nonEmpty(query.categories) || query.helpDesksOnly) {
    const ok = new Uint8Array(index.categoryIds.length);
    const wanted = nonEmpty(query.categories) ? new Set<string>(query.categories) : null;
    index.categoryIds.forEach((id, c) => {
      const desk = CATEGORY_BY_ID[id as CategoryId]?.helpDesk === true;
      ok[c] = (wanted === null || wanted.has(id)) && (!query.helpDesksOnly || desk) ? 1 : 0;
    });
    categoryOk = ok;
  }
  const needs = nonEmpty(query.needs) ? maskOf(query.needs, NEED_BIT) : null;
  const targets = nonEmpty(query.targets) ? maskOf(query.targets, TARGET_BIT) | ANYONE : null;
  const days = nonEmpty(query.weekdays) ? weekdaysToMask(query.weekdays) : null;
  const today = query.today ?? null;
  const todayBit = today === null ? 0 : 1 << weekdayOfIsoDate(today);
  let ease = nonEmpty(query.ease) ? requiredMaskOf(query.ease, EASE_BIT) : 0;
  if (query.free && ease !== -1) ease |= FREE;
  return {
    text: query.text ? normalizeForSearch(query.text) : '',
    fields: nonEmpty(query.fields) ? maskOf(query.fields, FIELD_BIT) : null,
    categoryOk,
    access: nonEmpty(query.accessibility) ? requiredMaskOf(query.accessibility, ACCESS_BIT) : 0,
    needs,
    targets,
    days,
    todayBit,
    today,
    ease,
    menuLevel: needs !== null || targets !== null || days !== null || today !== null || ease !== 0,
    occursOn,
    answers: today === null ? null : new Int8Array(index.shapes.length),
  };
}

/**
 * Site slots that may contain `text` (not empty), ascending. `categoryHit` marks the categories
 * whose labels contain it: all their sites are candidates.
 */
function keywordCandidates(index: SearchIndex, text: string, categoryHit: Uint8Array): Uint32Array {
  const buckets = new Set<number>();
  if (text.length === 1) buckets.add(textBucket(text));
  for (let p = 1; p < text.length; p++) buckets.add(gramBucket(text.charCodeAt(p - 1), text.charCodeAt(p)));
  const lists = [...buckets].sort((a, b) => index.gramCount[a]! - index.gramCount[b]!);
  let candidates = decodeList(index, lists[0]!);
  // intersect the rarest lists while it still pays; `includes` settles the rest
  for (let j = 1; j < lists.length && candidates.length > 32; j++) candidates = intersectList(index, candidates, lists[j]!);
  if (!categoryHit.includes(1)) return candidates;
  // union with the sites of matching categories
  const mark = new Uint8Array(index.size);
  for (const i of candidates) mark[i] = 1;
  for (let c = 0; c < categoryHit.length; c++) {
    if (categoryHit[c] === 0) continue;
    for (let k = index.categoryStart[c]!; k < index.categoryStart[c + 1]!; k++) mark[index.categoryMembers[k]!] = 1;
  }
  const union = new Uint32Array(index.size);
  let len = 0;
  for (let i = 0; i < mark.length; i++) if (mark[i] === 1) union[len++] = i;
  return union.subarray(0, len);
}

/** the bucket of a one- or two-letter text */
function textBucket(text: string): number {
  return text.length === 1 ? gramBucket(SEPARATOR_CODE, text.charCodeAt(0)) : gramBucket(text.charCodeAt(0), text.charCodeAt(1));
}

/** the site slots of bucket g */
function decodeList(index: SearchIndex, g: number): Uint32Array {
  const { postings } = index;
  const out = new Uint32Array(index.gramCount[g]!);
  let at = index.gramStart[g]!;
  let slot = -1;
  for (let j = 0; j < out.length; j++) {
    let gap = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = postings[at++]!;
      gap |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    slot += gap;
    out[j] = slot;
  }
  return out;
}

/** the candidates that are also in bucket g: one sequential walk over its gaps */
function intersectList(index: SearchIndex, candidates: Uint32Array, g: number): Uint32Array {
  const { postings } = index;
  const out = new Uint32Array(candidates.length);
  let len = 0;
  let ci = 0;
  let at = index.gramStart[g]!;
  const end = index.gramStart[g + 1]!;
  let slot = -1;
  while (at < end && ci < candidates.length) {
    let gap = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = postings[at++]!;
      gap |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    slot += gap;
    while (ci < candidates.length && candidates[ci]! < slot) ci++;
    if (ci < candidates.length && candidates[ci] === slot) out[len++] = candidates[ci++]!;
  }
  return out.subarray(0, len);
}

/** does menu k pass every menu-level condition? the exact date check runs last, once per shape */
function menuPasses(index: SearchIndex, c: Compiled, k: number): boolean {
  if (c.needs !== null && (index.menuNeeds[k]! & c.needs) === 0) return false;
  if (c.targets !== null && (index.menuTargets[k]! & c.targets) === 0) return false;
  if (c.days !== null && (index.menuDays[k]! & c.days) === 0) return false;
  if ((index.menuEase[k]! & c.ease) !== c.ease) return false;
  if (c.today !== null && c.answers !== null) {
    if ((index.menuDays[k]! & c.todayBit) === 0) return false; // no rule on that weekday at all
    const shape = index.menuShape[k]!;
    let answer = c.answers[shape]!;
    if (answer === 0) {
      answer = c.occursOn(index.shapes[shape] as Schedule, c.today) ? 1 : 2;
      c.answers[shape] = answer;
    }
    if (answer !== 1) return false;
  }
  return true;
}

/** bounded max-heap keeping the `limit` smallest (key, rank) pairs */
class TopK {
  readonly keys: Float64Array;
  readonly ranks: Uint32Array;
  readonly slots: Uint32Array;
  size = 0;
  constructor(readonly limit: number) {
    this.keys = new Float64Array(limit);
    this.ranks = new Uint32Array(limit);
    this.slots = new Uint32Array(limit);
  }
  private less(i: number, key: number, rank: number): boolean {
    const k = this.keys[i]!;
    return k < key || (k === key && this.ranks[i]! < rank);
  }
  offer(key: number, rank: number, slot: number): void {
    if (this.size < this.limit) {
      // sift up
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.less(parent, key, rank)) break;
        this.move(parent, i);
        i = parent;
      }
      this.put(i, key, rank, slot);
      return;
    }
    if (this.limit === 0 || this.less(0, key, rank)) return; // worse than the worst kept
    // replace the root, sift down
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const big = r < this.size && this.less(l, this.keys[r]!, this.ranks[r]!) ? r : l;
      if (this.less(big, key, rank)) break;
      this.move(big, i);
      i = big;
    }
    this.put(i, key, rank, slot);
  }
  private move(from: number, to: number): void {
    this.keys[to] = this.keys[from]!;
    this.ranks[to] = this.ranks[from]!;
    this.slots[to] = this.slots[from]!;
  }
  private put(i: number, key: number, rank: number, slot: number): void {
    this.keys[i] = key;
    this.ranks[i] = rank;
    this.slots[i] = slot;
  }
  /** the kept slots, best first */
  sorted(): number[] {
    const idx = Array.from({ length: this.size }, (_, i) => i);
    idx.sort((a, b) => this.keys[a]! - this.keys[b]! || this.ranks[a]! - this.ranks[b]!);
    return idx.map((i) => this.slots[i]!);
  }
}

/**
 * Runs `query` against the index. Semantics are those of SiteQuery (query.ts); a menu for `anyone`
 * satisfies every targets filter. Hits are the in-view matches nearest `query.origin` (else in
 * kana order), at most `options.limit` (default 100).
 */
export function searchIndex<S extends SearchableSite, M extends SearchableMenu>(
  index: SearchIndex<S, M>,
  query: SiteQuery,
  options: SearchOptions = {},
): SearchResult<S> {
  const limit = normalizeLimit(options.limit);
  const c = compile(index as unknown as SearchIndex, query, options.occursOn ?? hasSessionOn);
  const result: SearchResult<S> = { total: 0, totalInView: 0, hits: [], matchIds: [] };
  if (c.access === -1 || c.ease === -1) return result; // asks for something no listing can have

  const categoryHit = new Uint8Array(index.categoryIds.length);
  if (c.text) index.categoryTexts.forEach((t, k) => (categoryHit[k] = t.includes(c.text) ? 1 : 0));
  const candidates = c.text ? keywordCandidates(index as unknown as SearchIndex, c.text, categoryHit) : null;
  // a one- or two-letter keyword whose bucket holds only that gram needs no `includes` to confirm
  const exact = c.text.length > 0 && c.text.length <= 2 && index.gramMixed[textBucket(c.text)] === 0;
  const count = candidates === null ? index.size : candidates.length;
  const bbox = query.bbox;
  const origin = query.origin;
  const o = new Float64Array(3);
  if (origin) unitVector(origin[0], origin[1], o, 0);
  const [ox, oy, oz] = o as unknown as [number, number, number];
  const top = new TopK(Math.min(limit, index.size));
  const { fieldMask, category, accessMask, anyNeeds, anyTargets, anyDays, anyEase, menuStart, texts, ids, xyz, kanaRank } = index;
  const matchIds = new Array<string>(count); // preallocated: pushing 200,000 ids costs 3× more
  let total = 0;
  let totalInView = 0;

  for (let q = 0; q < count; q++) {
    const i = candidates === null ? q : candidates[q]!;
    // site-level masks
    if (c.fields !== null && (fieldMask[i]! & c.fields) === 0) continue;
    if (c.categoryOk !== null && c.categoryOk[category[i]!] === 0) continue;
    if ((accessMask[i]! & c.access) !== c.access) continue;
    // the same masks ORed over the site's menus: a cheap necessary condition
    if (c.menuLevel) {
      if (c.needs !== null && (anyNeeds[i]! & c.needs) === 0) continue;
      if (c.targets !== null && (anyTargets[i]! & c.targets) === 0) continue;
      if (c.days !== null && (anyDays[i]! & c.days) === 0) continue;
      if ((anyDays[i]! & c.todayBit) !== c.todayBit) continue;
      if ((anyEase[i]! & c.ease) !== c.ease) continue;
    }
    if (c.text && !exact && categoryHit[category[i]!] === 0 && !(texts[i] as string).includes(c.text)) continue;
    if (c.menuLevel) {
      let some = false;
      for (let k = menuStart[i]!; k < menuStart[i + 1]! && !some; k++) some = menuPasses(index as unknown as SearchIndex, c, k);
      if (!some) continue;
    }
    // a match
    matchIds[total++] = ids[i] as string;
    if (bbox && !inBBox(index.lng[i]!, index.lat[i]!, bbox)) continue;
    totalInView++;
    if (origin) {
      const dx = xyz[i * 3]! - ox;
      const dy = xyz[i * 3 + 1]! - oy;
      const dz = xyz[i * 3 + 2]! - oz;
      top.offer(dx * dx + dy * dy + dz * dz, kanaRank[i]!, i);
    } else {
      top.offer(kanaRank[i]!, 0, i);
    }
  }

  matchIds.length = total;
  result.matchIds = matchIds;
  result.total = total;
  result.totalInView = totalInView;
  result.hits = top.sorted().map((i) => hitOf(index, c, i, origin));
  return result;
}

function hitOf<S extends SearchableSite, M extends SearchableMenu>(
  index: SearchIndex<S, M>,
  c: Compiled,
  i: number,
  origin: LngLat | undefined,
): SearchHit<S> {
  const site = index.sites[i] as S;
  const menuIds: string[] = [];
  for (let k = index.menuStart[i]!; k < index.menuStart[i + 1]!; k++) {
    if (!c.menuLevel || menuPasses(index as unknown as SearchIndex, c, k)) menuIds.push((index.menus[k] as M).id);
  }
  return origin ? { site, distanceM: haversineMeters(origin, site.location), menuIds } : { site, menuIds };
}

/** the number of hits to return: default 100, at least 0 */
export function normalizeLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (Number.isNaN(limit)) throw new RangeError('limit must be a number of hits, e.g. 100');
  return Math.max(0, Math.min(Math.floor(limit), 0xffffffff));
}

/** [west, south, east, north]; west > east means the box crosses the antimeridian */
export function inBBox(lng: number, lat: number, [west, south, east, north]: readonly [number, number, number, number]): boolean {
  if (lat < south || lat > north) return false;
  return west <= east ? lng >= west && lng <= east : lng >= west || lng <= east;
}
