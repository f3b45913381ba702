// Fast retrieval for matching: a uniform grid over the sites' coordinates, so a query examines only
// the menus in cells that intersect the member's reach, never the whole country.
//
// layout (kdbush-style flat arrays, built once, never changed)
// - candidates sorted by grid cell; cell c owns candidates[cellStart[c] .. cellStart[c + 1]).
//   Outreach menus (no site) come after the located ones and are looked up by service area.
// - per candidate: lng, lat, a need bit mask and listing flags, so most candidates in a cell are
//   skipped without touching their objects; everything else is decided by `evaluate`.
import type { Menu, Site } from '../model';
import { NEEDS, type NeedId } from '../taxonomy';
import { EARTH_RADIUS_M } from '../geo/distance';
import type { Candidate, MatchableMenu, MatchableSite } from './types';
import { compileMenu, type CompiledMenu } from './evaluate';

export type MatchingIndex<S extends MatchableSite = MatchableSite, M extends MatchableMenu = MatchableMenu> = {
  readonly kind: 'matching-index';
  readonly candidates: readonly Candidate<S, M>[]; // located (cell order), then outreach
  readonly located: number; // candidates[0 .. located) have a site
  readonly west: number;
  readonly south: number;
  readonly cellLng: number; // cell width in degrees
  readonly cellLat: number; // cell height in degrees
  readonly cols: number;
  readonly rows: number;
  readonly cellStart: Uint32Array; // cols * rows + 1
  readonly lng: Float64Array; // per located candidate
  readonly lat: Float64Array;
  readonly needMask: Uint16Array; // per candidate
  readonly flags: Uint8Array; // per candidate: LISTED | PUBLIC
  readonly compiled: readonly CompiledMenu[]; // per candidate: schedule rules as numbers
  readonly outreachByArea: ReadonlyMap<string, Uint32Array>; // area id → outreach candidate slots
};

export const FLAG_LISTED = 1; // menu and site published (site known)
export const FLAG_PUBLIC = 2; // menu and site public, site not confidential

const CELL_LAT_DEG = 0.01; // about 1.1 km
const CELL_LNG_DEG = 0.0125; // about 1.1 km at 36°N
const MAX_CELLS = 4_000_000; // 16 MB of offsets at most; a national dataset fits at ~1.5 km cells
const RAD = Math.PI / 180;

const NEED_BIT = new Map(NEEDS.map((n, i) => [n, i] as const));

/** bit mask of needs; ids outside the taxonomy add nothing */
export function needMaskOf(needs: readonly string[]): number {
  let mask = 0;
  for (const n of needs) {
    const b = NEED_BIT.get(n as NeedId);
    if (b !== undefined) mask |= 1 << b;
  }
  return mask;
}

/**
 * Pairs menus with their sites, in menu order. Menus whose site is unknown are dropped: they have
 * no place on a map and no point to measure from. Outreach menus (siteId null) pair with null.
 */
export function pairCandidates<S extends MatchableSite, M extends MatchableMenu>(sites: readonly S[], menus: readonly M[]): Candidate<S, M>[] {
  const byId = new Map<string, S>();
  for (const s of sites) byId.set(s.id, s);
  const out: Candidate<S, M>[] = [];
  for (const menu of menus) {
    if (menu.siteId === null) out.push({ menu, site: null });
    else {
      const site = byId.get(menu.siteId);
      if (site) out.push({ menu, site });
    }
  }
  return out;
}

function flagsOf(c: Candidate): number {
  const { menu, site } = c;
  let listed = menu.status === 'published';
  let pub = menu.visibility === 'public';
  if (site !== null) {
    listed &&= site.status === 'published';
    pub &&= site.visibility === 'public' && !site.confidential;
  }
  return (listed ? FLAG_LISTED : 0) | (pub ? FLAG_PUBLIC : 0);
}

/** Builds the index once per dataset; build a new one when the data changes. */
export function buildMatchingIndex<S extends MatchableSite = Site, M extends MatchableMenu = Menu>(
  sites: readonly S[],
  menus: readonly M[],
): MatchingIndex<S, M> {
  const all = pairCandidates(sites, menus);
  const located = all.filter((c) => c.site !== null);
  const outreach = all.filter((c) => c.site === null);

  // grid extent and cell size
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const { site } of located) {
    const [x, y] = site!.location;
    if (x < west) west = x;
    if (x > east) east = x;
    if (y < south) south = y;
    if (y > north) north = y;
  }
  let cellLng = CELL_LNG_DEG;
  let cellLat = CELL_LAT_DEG;
  let cols = 0;
  let rows = 0;
  if (located.length > 0) {
    const spanCols = (east - west) / cellLng + 1;
    const spanRows = (north - south) / cellLat + 1;
    const scale = Math.max(1, Math.sqrt((spanCols * spanRows) / MAX_CELLS));
    cellLng *= scale;
    cellLat *= scale;
    cols = Math.floor((east - west) / cellLng) + 1;
    rows = Math.floor((north - south) / cellLat) + 1;
  } else {
    west = south = 0;
  }

  // counting sort of the located candidates by cell (stable: input order within a cell)
  const cellOf = new Uint32Array(located.length);
  const cellStart = new Uint32Array(cols * rows + 1);
  located.forEach(({ site }, i) => {
    const col = Math.min(cols - 1, Math.floor((site!.location[0] - west) / cellLng));
    const row = Math.min(rows - 1, Math.floor((site!.location[1] - south) / cellLat));
    const cell = row * cols + col;
    cellOf[i] = cell;
    cellStart[cell + 1]!++;
  });
  for (let c = 0; c < cols * rows; c++) cellStart[c + 1]! += cellStart[c]!;
  const fill = cellStart.slice(0, Math.max(1, cols * rows));
  const ordered = new Array<Candidate<S, M>>(all.length);
  for (let i = 0; i < located.length; i++) ordered[fill[cellOf[i]!]!++] = located[i]!;
  for (let i = 0; i < outreach.length; i++) ordered[located.length + i] = outreach[i]!;

  // per-candidate arrays
  const lng = new Float64Array(located.length);
  const lat = new Float64Array(located.length);
  const needMask = new Uint16Array(all.length);
  const flags = new Uint8Array(all.length);
  const compiled = new Array<CompiledMenu>(all.length);
  for (let k = 0; k < ordered.length; k++) {
    const c = ordered[k]!;
    if (k < located.length) {
      lng[k] = c.site!.location[0];
      lat[k] = c.site!.location[1];
    }
    needMask[k] = needMaskOf(c.menu.needs);
    flags[k] = flagsOf(c);
    compiled[k] = compileMenu(c.menu);
  }

  // outreach by service area
  const byArea = new Map<string, number[]>();
  for (let k = located.length; k < ordered.length; k++) {
    const ids = ordered[k]!.menu.serviceAreaIds;
    for (const id of new Set(ids)) {
      const list = byArea.get(id) ?? [];
      list.push(k);
      byArea.set(id, list);
    }
  }

  return Object.freeze({
    kind: 'matching-index',
    candidates: Object.freeze(ordered),
    located: located.length,
    west,
    south,
    cellLng,
    cellLat,
    cols,
    rows,
    cellStart,
    lng,
    lat,
    needMask,
    flags,
    compiled: Object.freeze(compiled),
    outreachByArea: new Map([...byArea].map(([id, list]) => [id, Uint32Array.from(list)] as const)),
  });
}

export function isMatchingIndex(x: unknown): x is MatchingIndex {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'matching-index';
}

export type Retrieval = {
  point: readonly [number, number]; // [lng, lat]
  radiusM: number; // straight-line metres
  needMask: number; // candidates serving none of these needs are skipped
  requiredFlags: number; // FLAG_LISTED, plus FLAG_PUBLIC for a public viewer
  areaIds: readonly string[]; // the home's areas, for outreach
};

/**
 * Calls `visit(k)` for every candidate slot that may lie within `radiusM` of the point and passes
 * the mask and flag checks: a superset of what the gates accept, each slot at most once.
 */
export function retrieve(index: MatchingIndex, q: Retrieval, visit: (k: number) => void): void {
  const { needMask, flags, lng, lat, cellStart, cols, rows } = index;
  if (rows > 0 && q.radiusM >= 0) {
    // the box that holds the circle: latitude span exact on a sphere, longitude at the widest latitude
    const dLat = (q.radiusM / (EARTH_RADIUS_M * RAD)) * 1.001;
    const maxAbsLat = Math.min(89, Math.abs(q.point[1]) + dLat);
    const dLng = dLat / Math.cos(maxAbsLat * RAD);
    const west = q.point[0] - dLng;
    const east = q.point[0] + dLng;
    const south = q.point[1] - dLat;
    const north = q.point[1] + dLat;
    const c0 = Math.max(0, Math.floor((west - index.west) / index.cellLng));
    const c1 = Math.min(cols - 1, Math.floor((east - index.west) / index.cellLng));
    const r0 = Math.max(0, Math.floor((south - index.south) / index.cellLat));
    const r1 = Math.min(rows - 1, Math.floor((north - index.south) / index.cellLat));
    for (let r = r0; r <= r1; r++) {
      for (let k = cellStart[r * cols + c0]!, end = cellStart[r * cols + c1 + 1]!; k < end; k++) {
        if ((needMask[k]! & q.needMask) === 0 || (flags[k]! & q.requiredFlags) !== q.requiredFlags) continue;
        const x = lng[k]!;
        const y = lat[k]!;
        if (x < west || x > east || y < south || y > north) continue;
        visit(k);
      }
    }
  }
  // outreach by each of the home's areas, each slot once (outreach without a service area never matches)
  const seen = new Set<number>();
  const offer = (k: number) => {
    if (seen.has(k) || (needMask[k]! & q.needMask) === 0 || (flags[k]! & q.requiredFlags) !== q.requiredFlags) return;
    seen.add(k);
    visit(k);
  };
  for (const id of q.areaIds) for (const k of index.outreachByArea.get(id) ?? []) offer(k);
}
