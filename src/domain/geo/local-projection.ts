// A local flat projection around an origin: good to well under 0.1 % within a few tens of
// kilometres, which is all the demo town builder needs to lay out shapes in metres.
import type { LngLat } from '../model';
import { EARTH_RADIUS_M } from './distance';

const RAD = Math.PI / 180;
const METRES_PER_DEGREE = EARTH_RADIUS_M * RAD;

/** The point `east` metres east and `north` metres north of the origin. */
export function offsetMeters(origin: LngLat, east: number, north: number): LngLat {
  const lat = origin[1] + north / METRES_PER_DEGREE;
  const lng = origin[0] + east / (METRES_PER_DEGREE * Math.cos(origin[1] * RAD));
  return [lng, lat];
}

/** [east, north] in metres of the point relative to the origin; inverse of offsetMeters. */
export function toLocalMeters(origin: LngLat, p: LngLat): [number, number] {
  return [(p[0] - origin[0]) * METRES_PER_DEGREE * Math.cos(origin[1] * RAD), (p[1] - origin[1]) * METRES_PER_DEGREE];
}
