// 最終確認日: a listing not confirmed for STALE_AFTER_DAYS is flagged to residents and coordinators.
import { daysBetween } from './schedule/dates';
import { STALE_AFTER_DAYS } from './taxonomy';

/** true when `lastVerified` ('YYYY-MM-DD') is more than `afterDays` before `today` */
export function isStale(lastVerified: string, today: string, afterDays: number = STALE_AFTER_DAYS): boolean {
  return daysBetween(lastVerified, today) > afterDays;
}
