// Great-circle distance. Straight-line metres are the honest first estimate the matching
// explains to users (route ≈ straight line × 1.3), so this must agree with what turf reports.
import type { LngLat } from '../model';

/** Mean Earth radius in metres (IUGG), the same constant turf uses. */
export const EARTH_RADIUS_M = 6_371_008.8;

const RAD = Math.PI / 180;

/** Haversine distance in metres between two [lng, lat] points. */
export function haversineMeters(a: LngLat, b: LngLat): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLng = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLng / 2) ** 2;
  // clamp: rounding can push h a hair above 1 for antipodal points, and asin would return NaN
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(Math.min(1, h)));
}
