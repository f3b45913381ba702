// What a household's matching must retrieve when the candidates come from a database instead of
// the in-memory index: one circle around the home that covers every member's near-miss reach
// (the same radius as `retrieve` in match.ts), the union of their needs, and the home's areas for
// outreach. The Supabase source asks `matching_candidates` for exactly this and runs the same
// `matchHousehold` over the answer, so both sources rank alike (tests/conformance/matching.test.ts).
import type { LngLat } from '../model';
import type { NeedId } from '../taxonomy';
import { NEAR_MISS_TRAVEL_FACTOR, reachMeters } from './travel';
import type { MatchInput } from './types';

export type CandidateQuery = {
  point: LngLat;
  radiusM: number; // straight-line metres, sphere
  needs: NeedId[]; // any of them; empty: the household has no needs (nothing to retrieve)
  areaIds: string[]; // the home's areas, for outreach menus
};

/** The circle, needs and areas that hold every candidate any member of the household could get. */
export function householdRetrieval(input: MatchInput): CandidateQuery {
  let radiusM = 0;
  const needs = new Set<NeedId>();
  for (const m of input.members) {
    const { mode, maxMinutes } = m.constraints.travel;
    // the index's margin (match.ts): a candidate exactly at the reach is never lost to rounding
    radiusM = Math.max(radiusM, reachMeters(NEAR_MISS_TRAVEL_FACTOR * maxMinutes, mode) * 1.000001 + 1);
    for (const n of m.needs) needs.add(n);
  }
  return { point: input.home.point, radiusM, needs: [...needs].sort(), areaIds: [...input.home.areaIds] };
}
