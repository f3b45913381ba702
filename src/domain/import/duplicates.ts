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

/**
 * For each candidate, the listings in `pool` (and earlier candidates) with a similar name within
 * the radius, excluding those with the same id (a re-import of the same listing is an update, not
 * a duplicate). Grid-bucketed, so 10,000 rows against 200,000 sites stays linear.
 */
export function findDuplicates<T extends Placed>(
  candidates: readonly T[],
  pool: readonly T[],
  options: { radiusM?: number; minSimilarity?: number } = {},
): DuplicatePair<T>[] {
  const radius = options.radiusM ?? DUPLICATE_RADIUS_M;
  const minSim = options.minSimilarity ?? DUPLICATE_MIN_SIMILARITY;
  const reach = Math.max(1, Math.ceil(radius / 100)); // cells to look at on each side
  const grid = new Map<string, { item: T; norm: string }[]>();
  const keyOf = (p: LngLat, dx = 0, dy = 0) =>
    `${Math.floor(p[1] / CELL_LAT) + dy}:${Math.floor(p[0] / CELL_LNG) + dx}`;
  const add = (item: T) => {
    const k = keyOf(item.location);
    const entry = { item, norm: normalizeForSearch(item.name) };
    const cell = grid.get(k);
    if (cell) cell.push(entry);
    else grid.set(k, [entry]);
  };
  pool.forEach(add);
  const out: DuplicatePair<T>[] = [];
  for (const c of candidates) {
    const norm = normalizeForSearch(c.name);
    for (let dy = -reach; dy <= reach; dy++) {
      for (let dx = -reach; dx <= reach; dx++) {
        for (const { item, norm: otherNorm } of grid.get(keyOf(c.location, dx, dy)) ?? []) {
          if (item.id === c.id) continue;
          const similarity = bigramDice(norm, otherNorm);
          if (similarity < minSim) continue;
          const distanceM = haversineMeters(c.location, item.location);
          if (distanceM <= radius) out.push({ item: c, other: item, distanceM, similarity });
        }
      }
    }
    add(c); // later candidates are compared with this one too
  }
  return out;
}
