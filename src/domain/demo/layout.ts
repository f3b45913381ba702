// Where the towns of a scaled (benchmark) dataset go. Density must stay realistic, so more sites
// means more towns, not more crowded ones: towns tile outward from かさね市 in a spiral, on a
// rough outline of inland eastern Honshu (Kanto plain, then Yamanashi, Nagano, Niigata, Fukushima) so the
// benchmark map is not scattered over Tokyo Bay. The outline is coarse and hand-drawn on purpose.
import type { LngLat } from '../model';
import { offsetMeters } from '../geo/local-projection';
import { pointInPolygon } from '../geo/point-in-polygon';
import type { AreaGeometry } from '../model';
import { KASANE_CENTRE, MAX_OUTLINE_SCALE, TOWN_HEIGHT_M, TOWN_WIDTH_M } from './areas';

// wide enough that the bulges of two neighbouring outlines never meet
const SPACING_EAST_M = TOWN_WIDTH_M * MAX_OUTLINE_SCALE + 500;
const SPACING_NORTH_M = TOWN_HEIGHT_M * MAX_OUTLINE_SCALE + 500;

/** Inland eastern Honshu, kept a few km back from the coasts; Kasumigaura is a hole. */
const LAND: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [138.0, 35.4], [138.9, 35.33], [139.1, 35.33], [139.35, 35.39], [139.55, 35.46], [139.65, 35.56],
      [139.75, 35.69], [139.9, 35.73], [140.05, 35.72], [140.15, 35.63], [140.2, 35.45], [140.3, 35.3],
      [140.33, 35.4], [140.5, 35.6], [140.7, 35.72], [140.6, 35.85], [140.55, 36.1], [140.5, 36.3],
      [140.55, 36.6], [140.65, 36.9], [140.8, 37.2], [140.8, 37.6], [139.3, 37.6], [138.8, 37.3], [138.3, 37.0],
      [137.9, 36.8], [137.6, 36.5], [137.6, 35.5], [138.0, 35.4],
    ],
    [[140.18, 35.95], [140.18, 36.2], [140.5, 36.2], [140.5, 35.95], [140.18, 35.95]],
  ],
};

/** Grid cells ring by ring around (0, 0): ring r holds the cells with max(|x|, |y|) = r. */
function* spiral(): Generator<[number, number]> {
  yield [0, 0];
  for (let r = 1; ; r++) {
    for (let x = -r; x <= r; x++) yield [x, -r];
    for (let y = -r + 1; y <= r; y++) yield [r, y];
    for (let x = r - 1; x >= -r; x--) yield [x, r];
    for (let y = r - 1; y > -r; y--) yield [-r, y];
  }
}

/** Does a town centred here fit inside the land outline (centre and bounding-box corners)? */
export function townFitsOnLand(centre: LngLat): boolean {
  const corners: LngLat[] = [
    [-1, -1], [1, -1], [1, 1], [-1, 1],
  ].map(([e, n]) => offsetMeters(centre, (e! * TOWN_WIDTH_M) / 2, (n! * TOWN_HEIGHT_M) / 2));
  return [centre, ...corners].every((p) => pointInPolygon(p, LAND));
}

// beyond this ring the spiral has left the land outline on every side
const LAST_LAND_RING = 21;

/**
 * Centres for `count` towns; the first is always かさね市's. Land cells come first, nearest
 * first; if the outline is full (about 340 towns, 200,000 sites), the spiral continues past it regardless.
 */
export function townCentres(count: number): LngLat[] {
  const land: LngLat[] = [];
  const elsewhere: LngLat[] = [];
  for (const [x, y] of spiral()) {
    const ring = Math.max(Math.abs(x), Math.abs(y));
    if (land.length >= count || (ring > LAST_LAND_RING && land.length + elsewhere.length >= count)) break;
    const centre = offsetMeters(KASANE_CENTRE, x * SPACING_EAST_M, y * SPACING_NORTH_M);
    if (x === 0 && y === 0) land.push(KASANE_CENTRE);
    else if (ring <= LAST_LAND_RING && townFitsOnLand(centre)) land.push(centre);
    else elsewhere.push(centre);
  }
  return [...land, ...elsewhere].slice(0, count);
}
