// Date and weekday helpers for the menu-level filters. The schedule semantics themselves live in
// ../schedule/occurrences.ts; this file only turns a query into weekday bits (0 = MO … 6 = SU,
// the same bits as `opensOnWeekdayMask`) and supplies the default exact date check.
import type { Schedule, Weekday } from '../model';
import { occursOn } from '../schedule/occurrences';

/**
 * Is there a session of `schedule` on `isoDate` ('YYYY-MM-DD')? The index relies on two things
 * any correct check satisfies: a yes implies the date's weekday is in `opensOnWeekdayMask`, and
 * the answer depends only on the rules' freq, interval, byday and validity dates and on the
 * closedOnHolidays / irregular flags (not on hours or the note), so it is asked once per distinct
 * rule set.
 */
export type OccursOn = (schedule: Schedule, isoDate: string) => boolean;

/** the default exact check: 祝日, nth weekday, 隔週 and validity dates all count */
export const hasSessionOn: OccursOn = (schedule, isoDate) => occursOn(schedule, isoDate).length > 0;

const WEEKDAY_BIT: Record<Weekday, number> = { MO: 1, TU: 2, WE: 4, TH: 8, FR: 16, SA: 32, SU: 64 };

/** mask of a list of weekdays; unknown codes are ignored */
export function weekdaysToMask(days: readonly string[]): number {
  let mask = 0;
  for (const d of days) mask |= WEEKDAY_BIT[d as Weekday] ?? 0;
  return mask;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 0 = Monday … 6 = Sunday; throws on anything but a real YYYY-MM-DD date */
export function weekdayOfIsoDate(iso: string): number {
  const m = ISO_DATE.exec(iso);
  const y = Number(m?.[1]);
  const mo = Number(m?.[2]);
  const d = Number(m?.[3]);
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (!m || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new RangeError(`日付は YYYY-MM-DD の形式で指定してください (e.g. 2026-04-01); got "${iso}"`);
  }
  return (date.getUTCDay() + 6) % 7; // getUTCDay: 0 = Sunday
}
