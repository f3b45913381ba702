// Point-in-area tests. turf does the work (holes, multipolygons); this file fixes our conventions:
// plain [lng, lat] tuples and the model's AreaGeometry, with a cheap bbox rejection first because
// most calls (which area is this site in?) test points that are far outside.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { AreaGeometry, LngLat } from '../model';
import { bboxContains, bboxOf, type BBox } from './bbox';

export type PointInPolygonOptions = {
  ignoreBoundary?: boolean; // true: a point exactly on an edge counts as outside
};

/** True when the point is inside the polygon or multipolygon (on the boundary counts as inside). */
export function pointInPolygon(p: LngLat, geometry: AreaGeometry, options: PointInPolygonOptions = {}): boolean {
  return booleanPointInPolygon(p, geometry, { ignoreBoundary: options.ignoreBoundary ?? false });
}

// bboxes are cached per geometry object: areas are immutable values, and lookups repeat them
const bboxCache = new WeakMap<AreaGeometry, BBox>();

function cachedBBox(geometry: AreaGeometry): BBox {
  let box = bboxCache.get(geometry);
  if (!box) {
    box = bboxOf(geometry);
    bboxCache.set(geometry, box);
  }
  return box;
}

/** Does the area's geometry contain the point? Same as pointInPolygon, faster for far points. */
export function containsPoint(geometry: AreaGeometry, p: LngLat): boolean {
  return bboxContains(cachedBBox(geometry), p) && pointInPolygon(p, geometry);
}

/** A containment test bound to one geometry, for hot loops that test many points against it. */
export function pointTester(geometry: AreaGeometry): (p: LngLat) => boolean {
  const box = bboxOf(geometry);
  return (p) => bboxContains(box, p) && booleanPointInPolygon(p, geometry);
}
