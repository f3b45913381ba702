// ISO calendar dates ('YYYY-MM-DD') as plain strings, with integer day arithmetic (proleptic
// Gregorian, Howard Hinnant's days-from-civil). No Date objects: nothing here can read the clock
// or the machine's time zone, and it is fast enough to run for every one of 600,000 listings.
import type { Weekday } from '../model';

const WEEKDAY_FROM_THURSDAY: Weekday[] = ['TH', 'FR', 'SA', 'SU', 'MO', 'TU', 'WE']; // 1970-01-01 was a Thursday

/** Days since 1970-01-01. */
function toDays(date: string): number {
  const y0 = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || m < 1 || m > 12 || d < 1 || d > 31) throw new Error(`expected a date as YYYY-MM-DD, got "${date}"`);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function fromDays(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1_460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** The date `days` days after (negative: before) the given date. */
export function addDays(date: string, days: number): string {
  return fromDays(toDays(date) + days);
}

export function weekdayOf(date: string): Weekday {
  return WEEKDAY_FROM_THURSDAY[(((toDays(date) % 7) + 7) % 7)]!;
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return toDays(b) - toDays(a);
}

/** The first date on or after `date` that falls on `weekday`. */
export function nextWeekday(date: string, weekday: Weekday): string {
  const order: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
  const ahead = (order.indexOf(weekday) - order.indexOf(weekdayOf(date)) + 7) % 7;
  return addDays(date, ahead);
}
