// Travel time from straight-line distance. Route distance is estimated as straight line × 1.3:
// an honest first estimate for Japanese towns (rivers, rail lines and blocks add roughly a third),
// never a route. The UI must say so next to every minute figure.
import { TRAVEL_SPEED_M_PER_MIN, type TravelMode } from '../case/model';

/** route distance ≈ straight-line distance × ROUTE_FACTOR */
export const ROUTE_FACTOR = 1.3;

/**
 * A menu up to this many times the member's maximum minutes away is still a near miss
 * (「あと一歩」: 23 minutes when 15 was asked); beyond it, it is simply far.
 */
export const NEAR_MISS_TRAVEL_FACTOR = 2;

/** estimated minutes (not rounded) to cover `straightMeters` by `mode` */
export function travelMinutes(straightMeters: number, mode: TravelMode): number {
  return (straightMeters * ROUTE_FACTOR) / TRAVEL_SPEED_M_PER_MIN[mode];
}

/** the straight-line radius in metres reachable in `minutes` by `mode` */
export function reachMeters(minutes: number, mode: TravelMode): number {
  return (minutes * TRAVEL_SPEED_M_PER_MIN[mode]) / ROUTE_FACTOR;
}
