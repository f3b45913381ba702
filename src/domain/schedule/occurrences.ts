// When does a schedule run? Sessions on a date, the next sessions from a date, and the quick
// weekday/time questions that matching asks of thousands of menus.
import type { Schedule, ScheduleRule, Weekday } from '../model';
import {
  WEEKDAY_ORDER,
  dayNumber,
  fromDayNumber,
  isLastWeekdayOfMonth,
  minutesOf,
  monthsBetween,
  weekdayIndex,
  weekdayOrdinalInMonth,
  weeksBetween,
} from './dates';
import { isHoliday } from './holidays';

/** One meeting of an activity. Times are 'HH:MM' in Japan time. */
export type Session = { date: string; opensAt: string; closesAt: string };

export type NextSessionsOptions = {
  horizonDays?: number; // how many days from `fromIso` to search (default 400: a year and a bit)
};

export type ActiveRuleOptions = {
  asOf?: string; // ignore rules whose validTo is before this date (default: every rule counts)
};

const DEFAULT_HORIZON_DAYS = 400;
// only rules that skipped validation (interval > 1 without validFrom) reach this: a fixed Monday
// keeps their weeks deterministic instead of failing
const FALLBACK_ANCHOR = '1970-01-05';

/** A parsed `byday` entry: weekday 0 = MO … 6 = SU; ordinal 1–5, −1 (last) or null (every). */
export type BydaySpec = { weekday: number; ordinal: number | null };

/** `TU` → every Tuesday; `2WE` → second Wednesday; `-1FR` → last Friday. Null when unreadable. */
export function parseByday(entry: string): BydaySpec | null {
  const m = /^(-1|[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/.exec(entry);
  if (!m) return null;
  return { weekday: WEEKDAY_ORDER.indexOf(m[2] as Weekday), ordinal: m[1] ? Number(m[1]) : null };
}

function bydaySpecs(rule: ScheduleRule): BydaySpec[] {
  return rule.byday.map(parseByday).filter((d): d is BydaySpec => d !== null);
}

function withinValidity(rule: ScheduleRule, iso: string): boolean {
  // ISO dates compare correctly as strings
  return (!rule.validFrom || iso >= rule.validFrom) && (!rule.validTo || iso <= rule.validTo);
}

function matchesDay(spec: BydaySpec, iso: string, weekday: number): boolean {
  if (spec.weekday !== weekday) return false;
  if (spec.ordinal === null) return true; // plain weekday: every week (or every week of the month)
  if (spec.ordinal === -1) return isLastWeekdayOfMonth(iso);
  return weekdayOrdinalInMonth(iso) === spec.ordinal;
}

// interval > 1 counts weeks (Monday-start) or months from the period that holds validFrom
function inIntervalPeriod(rule: ScheduleRule, iso: string): boolean {
  if (rule.interval <= 1) return true;
  const anchor = rule.validFrom ?? FALLBACK_ANCHOR;
  const elapsed = rule.freq === 'WEEKLY' ? weeksBetween(anchor, iso) : monthsBetween(anchor, iso);
  return ((elapsed % rule.interval) + rule.interval) % rule.interval === 0;
}

/** Whether one rule (ignoring 祝日) has a session on the date. */
export function ruleRunsOn(rule: ScheduleRule, iso: string): boolean {
  if (!withinValidity(rule, iso)) return false;
  const weekday = weekdayIndex(iso);
  if (!bydaySpecs(rule).some((spec) => matchesDay(spec, iso, weekday))) return false;
  return inIntervalPeriod(rule, iso);
}

function compareSessions(a: Session, b: Session): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.opensAt !== b.opensAt) return a.opensAt < b.opensAt ? -1 : 1;
  return a.closesAt < b.closesAt ? -1 : a.closesAt > b.closesAt ? 1 : 0;
}

/**
 * The sessions on a date, sorted by time. Two rules with the same hours on the same day give one
 * session. Empty on a 祝日 when the schedule is closed on holidays.
 */
export function occursOn(schedule: Schedule, isoDate: string): Session[] {
  if (schedule.rules.length === 0) return [];
  if (schedule.closedOnHolidays && isHoliday(isoDate)) return [];
  const byTime = new Map<string, Session>();
  for (const rule of schedule.rules) {
    if (!ruleRunsOn(rule, isoDate)) continue;
    const session = { date: isoDate, opensAt: rule.opensAt, closesAt: rule.closesAt };
    byTime.set(`${rule.opensAt}-${rule.closesAt}`, session);
  }
  return [...byTime.values()].sort(compareSessions);
}

// walks day by day: at most a few hundred days, and the weekday mask skips most of them
function collectSessions(
  schedule: Schedule,
  fromIso: string,
  days: number,
  limit: number,
): Session[] {
  const mask = opensOnWeekdayMask(schedule);
  const result: Session[] = [];
  if (mask === 0 || limit <= 0) return result;
  const start = dayNumber(fromIso);
  for (let n = start; n < start + days && result.length < limit; n++) {
    const iso = fromDayNumber(n);
    if ((mask & (1 << weekdayIndex(iso))) === 0) continue;
    result.push(...occursOn(schedule, iso));
  }
  return result.slice(0, limit);
}

/**
 * Up to `count` sessions from `fromIso` (inclusive), in date and time order, looking no further
 * than `horizonDays`. An irregular schedule with no rules has no known sessions: [].
 */
export function nextSessions(
  schedule: Schedule,
  fromIso: string,
  count: number,
  options: NextSessionsOptions = {},
): Session[] {
  const horizon = options.horizonDays ?? DEFAULT_HORIZON_DAYS;
  return collectSessions(schedule, fromIso, Math.max(0, Math.floor(horizon)), count);
}

/** Every session from `fromIso` to `toIso`, both inclusive (a month calendar, a printed sheet). */
export function sessionsBetween(schedule: Schedule, fromIso: string, toIso: string): Session[] {
  const days = dayNumber(toIso) - dayNumber(fromIso) + 1;
  return collectSessions(schedule, fromIso, days, Number.POSITIVE_INFINITY);
}

function activeRules(schedule: Schedule, options: ActiveRuleOptions): ScheduleRule[] {
  const { asOf } = options;
  return schedule.rules.filter((rule) => !asOf || !rule.validTo || rule.validTo >= asOf);
}

/**
 * Bit i is set when the schedule can run on weekday i (0 = MO … 6 = SU): a cheap first filter.
 * 祝日 closures do not clear bits: a Monday activity still runs on most Mondays.
 */
export function opensOnWeekdayMask(schedule: Schedule, options: ActiveRuleOptions = {}): number {
  let mask = 0;
  for (const rule of activeRules(schedule, options)) {
    for (const spec of bydaySpecs(rule)) mask |= 1 << spec.weekday;
  }
  return mask;
}

/** The weekdays on which the schedule can ever run, MO first. */
export function weekdaysOf(schedule: Schedule, options: ActiveRuleOptions = {}): Weekday[] {
  const mask = opensOnWeekdayMask(schedule, options);
  return WEEKDAY_ORDER.filter((_, i) => (mask & (1 << i)) !== 0);
}

/**
 * Whether some rule runs on `weekday` with hours that overlap the window `from`–`to` ('HH:MM').
 * Touching is not overlapping: 10:00–12:00 does not fit a 12:00–13:00 window. A window with
 * from === to asks about one moment ("open at 10:30?").
 */
export function isOpenInWindow(
  schedule: Schedule,
  weekday: Weekday,
  from: string,
  to: string,
  options: ActiveRuleOptions = {},
): boolean {
  const day = WEEKDAY_ORDER.indexOf(weekday);
  const start = minutesOf(from);
  const end = minutesOf(to);
  if (day < 0 || Number.isNaN(start) || Number.isNaN(end) || end < start) return false;
  return activeRules(schedule, options).some((rule) => {
    if (!bydaySpecs(rule).some((spec) => spec.weekday === day)) return false;
    const opens = minutesOf(rule.opensAt);
    const closes = minutesOf(rule.closesAt);
    return start === end ? opens <= start && start < closes : opens < end && start < closes;
  });
}

/**
 * True when every rule ended before `today` and nothing irregular is announced: the activity has
 * stopped and should not be offered.
 */
export function hasEnded(schedule: Schedule, today: string): boolean {
  if (schedule.irregular || schedule.rules.length === 0) return false;
  return schedule.rules.every((rule) => rule.validTo !== undefined && rule.validTo < today);
}
