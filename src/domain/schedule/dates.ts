// Calendar arithmetic on ISO 'YYYY-MM-DD' strings. A date here is a day on the Japanese calendar,
// not an instant: all arithmetic runs on integer day numbers (days since 1970-01-01), never on
// local-time Date objects, so the host's timezone cannot shift a day.
import { WEEKDAYS, type Weekday } from '../weekdays';

/** MO..SU (ISO order), the same list as `WEEKDAYS` */
export const WEEKDAY_ORDER: readonly Weekday[] = WEEKDAYS;

const MS_PER_DAY = 86_400_000;
const JST_OFFSET_MS = 9 * 3_600_000; // Japan has kept UTC+9 without daylight saving since 1951
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type CivilDate = { year: number; month: number; day: number }; // month 1–12

/** True for a well-formed ISO date that exists on the calendar ('2025-02-29' is false). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

export function parseIsoDate(iso: string): CivilDate {
  if (!isIsoDate(iso)) throw new RangeError(`"${iso}" is not a calendar date; pass 'YYYY-MM-DD'`);
  return {
    year: Number(iso.slice(0, 4)),
    month: Number(iso.slice(5, 7)),
    day: Number(iso.slice(8, 10)),
  };
}

export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil: integer only, proleptic Gregorian). */
export function dayNumber(iso: string): number {
  const { year, month, day } = parseIsoDate(iso);
  // shift the year to start in March so that the leap day is the last day of the year
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The inverse of `dayNumber` (civil_from_days). */
export function fromDayNumber(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153); // month counted from March
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate(year, month, day);
}

/** Today's date in Japan, whatever the host's timezone. */
export function todayInJapan(now: Date = new Date()): string {
  return fromDayNumber(Math.floor((now.getTime() + JST_OFFSET_MS) / MS_PER_DAY));
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** `to − from` in days (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(iso: string): number {
  // 1970-01-01 was a Thursday (index 3)
  return (((dayNumber(iso) + 3) % 7) + 7) % 7;
}

export function weekdayOf(iso: string): Weekday {
  return WEEKDAY_ORDER[weekdayIndex(iso)] as Weekday;
}

/** The Monday on or before `iso`: weeks start on Monday, as on Japanese calendars at work. */
export function startOfWeek(iso: string): string {
  return addDays(iso, -weekdayIndex(iso));
}

/** Whole Monday-start weeks from the week of `from` to the week of `to` (may be negative). */
export function weeksBetween(from: string, to: string): number {
  return Math.round(daysBetween(startOfWeek(from), startOfWeek(to)) / 7);
}

/** Calendar months from the month of `from` to the month of `to` (may be negative). */
export function monthsBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/** 1 for days 1–7 of the month, 2 for 8–14, … 5 for 29–31: "the nth Tuesday". */
export function weekdayOrdinalInMonth(iso: string): number {
  return Math.ceil(parseIsoDate(iso).day / 7);
}

/** True when no later day of the same month falls on the same weekday ("the last Friday"). */
export function isLastWeekdayOfMonth(iso: string): boolean {
  const { year, month, day } = parseIsoDate(iso);
  return day + 7 > daysInMonth(year, month);
}

/**
 * The nth `weekday` of a month (n = 1–5), or the last one (n = −1). Null when the month has no
 * such day (a 5th Monday in most months).
 */
export function nthWeekdayOfMonth(
  year: number,
  month: number,
  weekday: Weekday,
  n: number,
): string | null {
  const target = WEEKDAY_ORDER.indexOf(weekday);
  if (n === -1) {
    const last = formatIsoDate(year, month, daysInMonth(year, month));
    return addDays(last, -((weekdayIndex(last) - target + 7) % 7));
  }
  if (!Number.isInteger(n) || n < 1 || n > 5) return null;
  const first = formatIsoDate(year, month, 1);
  const day = 1 + ((target - weekdayIndex(first) + 7) % 7) + (n - 1) * 7;
  return day <= daysInMonth(year, month) ? formatIsoDate(year, month, day) : null;
}

/** 'HH:MM' → minutes after midnight; NaN for anything else. */
export function minutesOf(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) return Number.NaN;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  return hours <= 24 && minutes < 60 ? hours * 60 + minutes : Number.NaN;
}
