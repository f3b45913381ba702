import { describe, expect, it } from 'vitest';
import type { Schedule, ScheduleRule, Weekday } from '../model';
import {
  WEEKDAY_ORDER,
  addDays,
  dayNumber,
  fromDayNumber,
  minutesOf,
  nthWeekdayOfMonth,
  parseIsoDate,
  startOfWeek,
  weekdayOf,
} from './dates';
import { isHoliday } from './holidays';
import {
  hasEnded,
  isOpenInWindow,
  nextSessions,
  occursOn,
  opensOnWeekdayMask,
  parseByday,
  sessionsBetween,
  weekdaysOf,
  type Session,
} from './occurrences';
import { scheduleFixture } from './schedule-fixtures';
import { randomSchedule, seededRandom } from './random-schedule';

const times = (s: Session[]) => s.map((x) => `${x.date} ${x.opensAt}-${x.closesAt}`);

describe('occursOn', () => {
  it.each([
    // fixture, date, expected sessions ('' = none)
    ['weekly-single', '2025-12-09', '10:00-12:00'],
    ['weekly-single', '2025-12-08', ''],
    ['weekly-different-times', '2025-12-08', '10:00-12:00 13:00-15:00'], // two rules, sorted by time
    ['weekly-different-times', '2025-12-10', '13:30-15:30'],
    ['weekdays-closed-on-holidays', '2025-11-24', ''], // 振替休日
    ['weekdays-closed-on-holidays', '2025-11-25', '08:30-17:15'],
    ['weekdays-closed-on-holidays', '2026-09-22', ''], // 国民の休日
    ['weekdays-closed-on-holidays', '2025-12-13', ''], // Saturday
    ['weekly-single', '2026-09-22', '10:00-12:00'], // not closed on holidays
    ['biweekly', '2025-04-05', '10:00-12:00'], // validFrom itself
    ['biweekly', '2025-04-12', ''],
    ['biweekly', '2025-04-19', '10:00-12:00'],
    ['biweekly', '2025-03-22', ''], // an even week, but before validFrom
    ['biweekly', '2025-12-13', '10:00-12:00'], // 36 weeks on
    ['monthly-nth', '2025-12-21', '11:30-14:00'],
    ['monthly-nth', '2025-12-28', ''],
    ['monthly-2nd-4th', '2025-12-10', '13:30-15:30'],
    ['monthly-2nd-4th', '2025-12-24', '13:30-15:30'],
    ['monthly-2nd-4th', '2025-12-17', ''],
    ['monthly-2nd-4th', '2025-12-31', ''], // the 5th Wednesday
    ['monthly-last', '2026-01-30', '18:00-20:00'], // 5th and last Friday
    ['monthly-last', '2026-01-23', ''],
    ['monthly-last', '2026-02-27', '18:00-20:00'], // 4th and last Friday
    ['monthly-mixed', '2026-01-01', ''], // 1st Thursday, but 元日
    ['monthly-mixed', '2026-01-05', '10:00-11:30'],
    ['monthly-mixed', '2026-01-31', '10:00-11:30'], // last Saturday
    ['bimonthly', '2025-04-06', '13:00-15:00'],
    ['bimonthly', '2025-05-04', ''], // off month
    ['bimonthly', '2025-06-01', '13:00-15:00'],
    ['ended', '2024-03-27', '14:00-16:00'],
    ['ended', '2024-04-03', ''], // after validTo
    ['season', '2026-07-20', ''], // before validFrom (and 海の日)
    ['season', '2026-07-22', '09:30-11:30'],
    ['season', '2026-08-28', '09:30-11:30'], // validTo is inclusive
    ['season', '2026-08-31', ''],
    ['irregular', '2025-12-08', ''],
  ])('%s on %s: %s', (id, date, expected) => {
    const sessions = occursOn(scheduleFixture(id), date);
    expect(sessions.map((s) => `${s.opensAt}-${s.closesAt}`).join(' ')).toBe(expected);
    for (const s of sessions) expect(s.date).toBe(date);
  });

  it('anchors an interval on the Monday-start week of validFrom', () => {
    const schedule: Schedule = {
      rules: [
        {
          freq: 'WEEKLY',
          interval: 2,
          byday: ['TU', 'SA'],
          opensAt: '10:00',
          closesAt: '12:00',
          validFrom: '2025-04-03',
        },
      ],
      closedOnHolidays: false,
      irregular: false,
    };
    // the week of Thu 2025-04-03 runs from Mon 03-31: its Tuesday is before validFrom, its Saturday counts
    const dates = sessionsBetween(schedule, '2025-03-25', '2025-04-30').map((s) => s.date);
    expect(dates).toEqual(['2025-04-05', '2025-04-15', '2025-04-19', '2025-04-29']);
  });

  it('gives one session when two rules share the hours of a day', () => {
    const schedule: Schedule = {
      rules: [
        { freq: 'WEEKLY', interval: 1, byday: ['WE'], opensAt: '10:00', closesAt: '12:00' },
        { freq: 'MONTHLY', interval: 1, byday: ['2WE'], opensAt: '10:00', closesAt: '12:00' },
      ],
      closedOnHolidays: false,
      irregular: false,
    };
    expect(occursOn(schedule, '2025-12-10')).toHaveLength(1);
  });
});

describe('nextSessions', () => {
  it('lists the next sessions in order from the given date, inclusive', () => {
    expect(times(nextSessions(scheduleFixture('weekly-multi'), '2025-12-09', 3))).toEqual([
      '2025-12-09 10:00-12:00',
      '2025-12-11 10:00-12:00',
      '2025-12-16 10:00-12:00',
    ]);
    expect(times(nextSessions(scheduleFixture('weekly-different-times'), '2025-12-08', 3))).toEqual(
      ['2025-12-08 10:00-12:00', '2025-12-08 13:00-15:00', '2025-12-10 13:30-15:30'],
    );
  });

  it('skips 祝日 when closed on holidays', () => {
    const dates = nextSessions(scheduleFixture('weekdays-closed-on-holidays'), '2025-12-26', 5).map(
      (s) => s.date,
    );
    expect(dates).toEqual(['2025-12-26', '2025-12-29', '2025-12-30', '2025-12-31', '2026-01-02']);
  });

  it('stops at the horizon, which counts the first day', () => {
    const last = scheduleFixture('monthly-last');
    expect(nextSessions(last, '2025-12-01', 5, { horizonDays: 10 })).toEqual([]);
    expect(times(nextSessions(last, '2025-12-20', 5, { horizonDays: 7 }))).toEqual([
      '2025-12-26 18:00-20:00',
    ]);
    expect(nextSessions(last, '2025-12-20', 5, { horizonDays: 6 })).toEqual([]);
    expect(nextSessions(last, '2025-12-01', 20)).toHaveLength(13); // 400 days hold 13 last Fridays
  });

  it('has nothing to offer for irregular, ended or empty requests', () => {
    expect(nextSessions(scheduleFixture('irregular'), '2025-12-08', 5)).toEqual([]);
    expect(nextSessions(scheduleFixture('ended'), '2025-12-08', 5)).toEqual([]);
    expect(nextSessions(scheduleFixture('weekly-single'), '2025-12-08', 0)).toEqual([]);
  });
});

describe('weekday questions', () => {
  it('weekdaysOf lists weekdays MO first', () => {
    expect(weekdaysOf(scheduleFixture('monthly-mixed'))).toEqual(['MO', 'TH', 'SA']);
    expect(weekdaysOf(scheduleFixture('weekly-different-times'))).toEqual(['MO', 'WE', 'FR']);
    expect(weekdaysOf(scheduleFixture('irregular'))).toEqual([]);
    expect(weekdaysOf(scheduleFixture('ended'))).toEqual(['WE']);
    expect(weekdaysOf(scheduleFixture('ended'), { asOf: '2025-12-08' })).toEqual([]);
  });

  it('opensOnWeekdayMask sets bit i for weekday i', () => {
    expect(opensOnWeekdayMask(scheduleFixture('weekly-multi'))).toBe(0b0001010);
    expect(opensOnWeekdayMask(scheduleFixture('daily'))).toBe(0b1111111);
    expect(opensOnWeekdayMask(scheduleFixture('irregular'))).toBe(0);
  });

  it.each([
    ['TU', '11:00', '13:00', true],
    ['TU', '09:00', '10:30', true],
    ['TU', '12:00', '13:00', false], // touching is not overlapping
    ['TU', '09:00', '10:00', false],
    ['TU', '08:00', '18:00', true],
    ['TU', '10:00', '10:00', true], // a moment: open at 10:00
    ['TU', '12:00', '12:00', false],
    ['TU', '13:00', '11:00', false], // an inverted window is empty
    ['WE', '10:00', '12:00', false],
    ['TU', 'morning', '12:00', false],
  ] as const)('weekly-single on %s %s–%s: %s', (weekday, from, to, expected) => {
    expect(isOpenInWindow(scheduleFixture('weekly-single'), weekday, from, to)).toBe(expected);
  });

  it('isOpenInWindow respects asOf', () => {
    expect(isOpenInWindow(scheduleFixture('ended'), 'WE', '14:00', '15:00')).toBe(true);
    expect(
      isOpenInWindow(scheduleFixture('ended'), 'WE', '14:00', '15:00', { asOf: '2025-12-08' }),
    ).toBe(false);
  });

  it('hasEnded only when every rule ended and nothing irregular is announced', () => {
    expect(hasEnded(scheduleFixture('ended'), '2025-12-08')).toBe(true);
    expect(hasEnded(scheduleFixture('ended'), '2024-03-31')).toBe(false);
    expect(hasEnded(scheduleFixture('weekly-single'), '2025-12-08')).toBe(false);
    expect(hasEnded(scheduleFixture('irregular'), '2025-12-08')).toBe(false);
  });

  it('parseByday reads plain, nth and last weekdays', () => {
    expect(parseByday('TU')).toEqual({ weekday: 1, ordinal: null });
    expect(parseByday('2WE')).toEqual({ weekday: 2, ordinal: 2 });
    expect(parseByday('-1FR')).toEqual({ weekday: 4, ordinal: -1 });
    expect(parseByday('6MO')).toBeNull();
    expect(parseByday('tu')).toBeNull();
  });
});

// --- property checks ---------------------------------------------------------------------------

// an independent oracle: nth weekdays by construction, intervals by plain day counting
function oracleRuleRunsOn(rule: ScheduleRule, iso: string): boolean {
  if ((rule.validFrom && iso < rule.validFrom) || (rule.validTo && iso > rule.validTo))
    return false;
  const { year, month } = parseIsoDate(iso);
  const dayMatches = rule.byday.some((entry) => {
    const m = /^(-1|\d)?(\w\w)$/.exec(entry);
    if (!m) return false;
    if (!m[1]) return weekdayOf(iso) === m[2];
    return nthWeekdayOfMonth(year, month, m[2] as Weekday, Number(m[1])) === iso;
  });
  if (!dayMatches || rule.interval === 1 || !rule.validFrom) return dayMatches;
  if (rule.freq === 'WEEKLY') {
    const days = dayNumber(iso) - dayNumber(startOfWeek(rule.validFrom));
    return Math.floor(days / 7) % rule.interval === 0;
  }
  const anchor = parseIsoDate(rule.validFrom);
  return ((year - anchor.year) * 12 + month - anchor.month) % rule.interval === 0;
}

const compare = (a: Session, b: Session) =>
  `${a.date} ${a.opensAt} ${a.closesAt}`.localeCompare(`${b.date} ${b.opensAt} ${b.closesAt}`);

describe('properties (seeded random schedules)', () => {
  const rand = seededRandom(20251208);
  const cases = Array.from({ length: 150 }, () => ({
    schedule: randomSchedule(rand),
    from: fromDayNumber(dayNumber('2019-01-01') + Math.floor(rand() * 9 * 365)),
    back: 1 + Math.floor(rand() * 120),
  }));

  it('every session from nextSessions satisfies occursOn; sorted, unique, on allowed weekdays', () => {
    for (const { schedule, from } of cases) {
      const sessions = nextSessions(schedule, from, 30);
      const weekdays = weekdaysOf(schedule);
      sessions.forEach((s, i) => {
        expect(occursOn(schedule, s.date)).toContainEqual(s);
        expect(s.date >= from).toBe(true);
        expect(weekdays).toContain(weekdayOf(s.date));
        if (schedule.closedOnHolidays) expect(isHoliday(s.date)).toBe(false);
        const previous = sessions[i - 1];
        if (previous) expect(compare(previous, s)).toBeLessThan(0);
      });
    }
  });

  it('nextSessions(from) is the start of nextSessions(earlier) from `from` on', () => {
    for (const { schedule, from, back } of cases) {
      const later = nextSessions(schedule, from, 10, { horizonDays: 200 });
      const earlier = nextSessions(schedule, addDays(from, -back), 1000, {
        horizonDays: 200 + back,
      });
      expect(later).toEqual(earlier.filter((s) => s.date >= from).slice(0, 10));
    }
  });

  it('occursOn agrees with an independent oracle on every day of a year', () => {
    for (const { schedule, from } of cases.slice(0, 40)) {
      for (let i = 0; i < 366; i++) {
        const iso = addDays(from, i);
        const closed = schedule.closedOnHolidays && isHoliday(iso);
        const expected = !closed && schedule.rules.some((r) => oracleRuleRunsOn(r, iso));
        expect(
          occursOn(schedule, iso).length > 0,
          `${JSON.stringify(schedule.rules)} on ${iso}`,
        ).toBe(expected);
      }
    }
  });

  it('isOpenInWindow agrees with a minute-by-minute check', () => {
    for (const { schedule } of cases) {
      const fromMin = 6 * 60 + Math.floor(rand() * 15) * 60;
      const toMin = fromMin + 30 + Math.floor(rand() * 6) * 30;
      const weekday = WEEKDAY_ORDER[Math.floor(rand() * 7)] as Weekday;
      const expected = schedule.rules.some((r) => {
        if (!r.byday.some((d) => d.endsWith(weekday))) return false;
        for (let m = fromMin; m < toMin; m++)
          if (minutesOf(r.opensAt) <= m && m < minutesOf(r.closesAt)) return true;
        return false;
      });
      const hhmm = (m: number) =>
        `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      expect(isOpenInWindow(schedule, weekday, hhmm(fromMin), hhmm(toMin))).toBe(expected);
      expect((opensOnWeekdayMask(schedule) & (1 << WEEKDAY_ORDER.indexOf(weekday))) !== 0).toBe(
        schedule.rules.some((r) => r.byday.some((d) => d.endsWith(weekday))),
      );
    }
  });
});
