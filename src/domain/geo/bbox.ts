// Bounding boxes: [west, south, east, north] in degrees, as everywhere in the project.
// Not antimeridian-aware on purpose: every municipality in Japan lies between 122°E and 154°E.
import type { AreaGeometry, LngLat } from '../model';

/** [west, south, east, north] in degrees */
export type BBox = [number, number, number, number];

type Position = readonly [number, number];

function positionsOf(geometry: AreaGeometry): Position[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flat(2);
}

/** The smallest box holding every vertex of a geometry, or every point of a list. */
export function bboxOf(input: AreaGeometry | readonly Position[]): BBox {
  const points = 'type' in input ? positionsOf(input) : input;
  if (points.length === 0) throw new Error('bboxOf: no coordinates; pass a geometry or at least one point');
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lng, lat] of points) {
    if (lng < box[0]) box[0] = lng;
    if (lat < box[1]) box[1] = lat;
    if (lng > box[2]) box[2] = lng;
    if (lat > box[3]) box[3] = lat;
  }
  return box;
}

/** True when the point lies inside the box or on its edge. */
export function bboxContains(box: BBox, p: LngLat): boolean {
  return p[0] >= box[0] && p[0] <= box[2] && p[1] >= box[1] && p[1] <= box[3];
}
