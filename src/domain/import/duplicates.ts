// Likely duplicates: a similar name within 100 m (issue 4, item 9). Names are compared after
// normalizeForSearch (width, kana, spaces and dashes folded) with the Dice coefficient of
// character bigrams, which tolerates the small spelling differences between two lists of the
// same place (「子育て支援センター ゆうゆう広場」 vs 「子育て支援センターゆうゆう広場」).
import type { LngLat } from '../model';
import { haversineMeters } from '../geo/distance';
import { normalizeForSearch } from '../search/normalize';

export const DUPLICATE_RADIUS_M = 100;
export const DUPLICATE_MIN_SIMILARITY = 0.8;

function bigrams(s: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Dice coefficient of bigram multisets, in [0, 1]; strings shorter than 2 compare by equality. */
export function bigramDice(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const ga = bigrams(a);
  const gb = bigrams(b);
  let common = 0;
  for (const [g, n] of ga) common += Math.min(n, gb.get(g) ?? 0);
  return (2 * common) / (a.length - 1 + (b.length - 1));
}

export function nameSimilarity(a: string, b: string): number {
  return bigramDice(normalizeForSearch(a), normalizeForSearch(b));
}

export type Placed = { id: string; name: string; location: LngLat };
export type DuplicatePair<T extends Placed> = { item: T; other: T; distanceM: number; similarity: number };

// grid cells of at least 100 m: a point's neighbours within 100 m lie in its cell or the 8 around it
// (one cell width for every latitude, wide enough at 46°N, Japan's northern edge, so that the
// 3 × 3 neighbourhood always covers the radius; a cell that depended on each point's own latitude
// could put two close points two cells apart)
const CELL_LAT = 0.001; // ≈ 111 m
const CELL_LNG = 0.00145; // ≥ 100 m up to 46°N

type Entry<T> = { item: T; norm: string; grams: Map<string, number> | null };

/** Dice of two entries, their bigrams counted once per entry (not once per comparison). */
function entryDice(a: Entry<Placed>, b: Entry<Placed>): number {
  if (a.norm === b.norm) return 1;
  const la = a.norm.length - 1;
  const lb = b.norm.length - 1;
  if (la < 1 || lb < 1) return 0;
  const ga = (a.grams ??= bigrams(a.norm));
  const gb = (b.grams ??= bigrams(b.norm));
  let common = 0;
  for (const [g, n] of ga) {
    const m = gb.get(g);
    if (m) common += n < m ? n : m;
  }
  return (2 * common) / (la + lb);
}

// a cell's key, a small integer (fast Map key): the row and column numbers wrap every 16,384 and
// 65,536 cells (≈ 1,800 km and ≈ 9,500 km), so far-apart cells may share a bucket; the distance
// check below drops such pairs, so only cells within reach are ever reported
const cellKey = (row: number, col: number) => (row & 0x3fff) * 65536 + (col & 0xffff);

/**
 * For each candidate, the listings in `pool` (and earlier candidates) with a similar name within
 * the radius, excluding those with the same id (a re-import of the same listing is an update, not
 * a duplicate). Grid-bucketed, so 10,000 rows against 200,000 sites stays linear; each name is
 * normalized once, and its bigrams counted once when it is first compared.
 */
export function findDuplicates<T extends Placed>(
  candidates: readonly T[],
  pool: readonly T[],
  options: { radiusM?: number; minSimilarity?: number } = {},
): DuplicatePair<T>[] {
  const radius = options.radiusM ?? DUPLICATE_RADIUS_M;
  const minSim = options.minSimilarity ?? DUPLICATE_MIN_SIMILARITY;
  const reach = Math.max(1, Math.ceil(radius / 100)); // cells to look at on each side
  const grid = new Map<number, Entry<T>[]>();
  const add = (entry: Entry<T>) => {
    const k = cellKey(Math.floor(entry.item.location[1] / CELL_LAT), Math.floor(entry.item.location[0] / CELL_LNG));
    const cell = grid.get(k);
    if (cell) cell.push(entry);
    else grid.set(k, [entry]);
  };
  for (const item of pool) add({ item, norm: normalizeForSearch(item.name), grams: null });
  const out: DuplicatePair<T>[] = [];
  for (const c of candidates) {
    const entry: Entry<T> = { item: c, norm: normalizeForSearch(c.name), grams: null };
    const row = Math.floor(c.location[1] / CELL_LAT);
    const col = Math.floor(c.location[0] / CELL_LNG);
    const lc = entry.norm.length - 1;
    for (let dy = -reach; dy <= reach; dy++) {
      for (let dx = -reach; dx <= reach; dx++) {
        const cell = grid.get(cellKey(row + dy, col + dx));
        if (!cell) continue;
        for (const other of cell) {
          const item = other.item;
          if (item.id === c.id) continue;
          // Dice ≤ 2·min(la, lb) / (la + lb): names of very different lengths cannot be similar
          const lo = other.norm.length - 1;
          if (entry.norm !== other.norm && lc >= 1 && lo >= 1 && (2 * Math.min(lc, lo)) / (lc + lo) < minSim) continue;
          const similarity = entryDice(entry, other);
          if (similarity < minSim) continue;
          const distanceM = haversineMeters(c.location, item.location);
          if (distanceM <= radius) out.push({ item: c, other: item, distanceM, similarity });
        }
      }
    }
    add(entry); // later candidates are compared with this one too
  }
  return out;
}
