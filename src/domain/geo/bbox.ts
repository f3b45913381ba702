// Bounding boxes: [west, south, east, north] in degrees, as everywhere in the project.
// Not antimeridian-aware on purpose: every municipality in Japan lies between 122°E and 154°E.
import type { AreaGeometry, LngLat } from '../model';

/** [west, south, east, north] in degrees */
export type BBox = [number, number, number, number];

type Position = readonly [number, number];

function extend(box: BBox, points: readonly Position[]): void {
  for (const [lng, lat] of points) {
    if (lng < box[0]) box[0] = lng;
    if (lat < box[1]) box[1] = lat;
    if (lng > box[2]) box[2] = lng;
    if (lat > box[3]) box[3] = lat;
  }
}

/** The smallest box holding every vertex of a geometry, or every point of a list. */
export function bboxOf(input: AreaGeometry | readonly Position[]): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  if (!('type' in input)) extend(box, input);
  else if (input.type === 'Polygon') for (const ring of input.coordinates) extend(box, ring);
  else for (const polygon of input.coordinates) for (const ring of polygon) extend(box, ring);
  if (box[0] === Infinity) throw new Error('bboxOf: no coordinates; pass a geometry or at least one point');
  return box;
}

/** True when the point lies inside the box or on its edge. */
export function bboxContains(box: BBox, p: LngLat): boolean {
  return p[0] >= box[0] && p[0] <= box[2] && p[1] >= box[1] && p[1] <= box[3];
}
