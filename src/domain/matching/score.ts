// The ranking: a weighted sum of soft factors, each in [0, 1], so the score is in [0, 1]. Pure and
// documented in docs/matching.md; the weights are named so a change shows up in review.
import { STALE_AFTER_DAYS } from '../taxonomy';

export const WEIGHTS = {
  need: 0.35, // how high the served need ranks in the member's list
  travel: 0.25, // share of the allowed minutes left unused
  schedule: 0.1, // share of the member's free weekdays on which the menu fits
  ease: 0.15, // share of the member's 参加のしやすさ preferences the menu offers
  capacity: 0.05, // room left
  freshness: 0.1, // how recently the listing was confirmed
} as const;

/** factor value per current availability: unknown sits between few and open */
export const CAPACITY_FACTOR = { open: 1, unknown: 0.5, few: 0.3, full: 0 } as const;

/** schedule factor of a menu whose dates are arranged case by case (不定期): it may or may not fit */
export const ARRANGED_SCHEDULE_FACTOR = 0.5;

/** freshness falls linearly from 1 (verified today) to 0 at twice the staleness limit */
export const FRESHNESS_HORIZON_DAYS = 2 * STALE_AFTER_DAYS;

export type Factors = {
  needRank: number; // 1 = the member's first need
  travelMinutes: number; // unrounded; 0 for outreach
  maxMinutes: number;
  scheduleShare: number; // 0..1
  easeShare: number; // 0..1 (0 when the member states no preference)
  capacity: keyof typeof CAPACITY_FACTOR;
  verifiedDaysAgo: number;
};

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/** the score of one menu for one member, in [0, 1]; higher is better */
export function scoreOf(f: Factors): number {
  const need = 1 / f.needRank;
  const travel = clamp01(1 - f.travelMinutes / f.maxMinutes);
  const freshness = clamp01(1 - f.verifiedDaysAgo / FRESHNESS_HORIZON_DAYS);
  return (
    WEIGHTS.need * need +
    WEIGHTS.travel * travel +
    WEIGHTS.schedule * clamp01(f.scheduleShare) +
    WEIGHTS.ease * clamp01(f.easeShare) +
    WEIGHTS.capacity * CAPACITY_FACTOR[f.capacity] +
    WEIGHTS.freshness * freshness
  );
}
