import { describe, expect, it } from 'vitest';
import { WEEKDAYS } from '../model';
import {
  WEEKDAY_ORDER,
  addDays,
  dayNumber,
  daysBetween,
  fromDayNumber,
  isIsoDate,
  isLastWeekdayOfMonth,
  minutesOf,
  monthsBetween,
  nthWeekdayOfMonth,
  parseIsoDate,
  startOfWeek,
  todayInJapan,
  weekdayOf,
  weekdayOrdinalInMonth,
  weeksBetween,
} from './dates';

describe('dates', () => {
  it('keeps the weekday order of model.ts', () => {
    expect(WEEKDAY_ORDER).toEqual(WEEKDAYS);
  });

  it.each([
    ['1970-01-01', 0],
    ['2000-03-01', 11_017],
    ['1969-12-31', -1],
    ['2026-01-01', 20_454],
  ])('dayNumber(%s) = %i and back', (iso, n) => {
    expect(dayNumber(iso)).toBe(n);
    expect(fromDayNumber(n)).toBe(iso);
  });

  it('agrees with Date.UTC on every day from 1900 to 2200', () => {
    for (let n = dayNumber('1900-01-01'); n <= dayNumber('2200-12-31'); n += 1) {
      const iso = fromDayNumber(n);
      expect(iso).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
      if (n % 97 === 0) expect(dayNumber(iso)).toBe(n); // spot-check the inverse
    }
  });

  it.each([
    ['2025-12-08', 'MO'],
    ['2025-12-09', 'TU'],
    ['2026-02-23', 'MO'],
    ['2000-02-29', 'TU'],
    ['1989-01-08', 'SU'],
  ])('weekdayOf(%s) = %s', (iso, wd) => {
    expect(weekdayOf(iso)).toBe(wd);
  });

  it('validates calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(() => parseIsoDate('2025/01/01')).toThrow(/YYYY-MM-DD/);
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
  });

  it.each([
    // the instant, and the date in Japan (UTC+9)
    ['2025-12-07T14:59:59Z', '2025-12-07'],
    ['2025-12-07T15:00:00Z', '2025-12-08'],
    ['2025-12-31T15:00:00Z', '2026-01-01'],
    ['2025-12-08T09:00:00+09:00', '2025-12-08'],
  ])('todayInJapan(%s) = %s', (instant, iso) => {
    expect(todayInJapan(new Date(instant))).toBe(iso);
  });

  it('weeks start on Monday', () => {
    expect(startOfWeek('2025-12-08')).toBe('2025-12-08');
    expect(startOfWeek('2025-12-14')).toBe('2025-12-08');
    expect(startOfWeek('2026-01-01')).toBe('2025-12-29');
    expect(weeksBetween('2025-12-14', '2025-12-15')).toBe(1);
    expect(weeksBetween('2025-12-08', '2025-12-14')).toBe(0);
    expect(weeksBetween('2025-12-15', '2025-12-01')).toBe(-2);
    expect(monthsBetween('2025-11-30', '2026-02-01')).toBe(3);
  });

  it.each([
    [2025, 12, 'MO', 2, '2025-12-08'],
    [2025, 12, 'MO', 5, '2025-12-29'],
    [2025, 12, 'TU', 5, '2025-12-30'],
    [2025, 12, 'SA', 5, null],
    [2025, 12, 'WE', -1, '2025-12-31'],
    [2026, 2, 'FR', -1, '2026-02-27'],
    [2026, 1, 'MO', 2, '2026-01-12'],
    [2026, 1, 'MO', 0, null],
  ] as const)('nthWeekdayOfMonth(%i, %i, %s, %i) = %s', (y, m, wd, n, expected) => {
    expect(nthWeekdayOfMonth(y, m, wd, n)).toBe(expected);
  });

  it('finds ordinals and last weekdays', () => {
    expect(weekdayOrdinalInMonth('2025-12-07')).toBe(1);
    expect(weekdayOrdinalInMonth('2025-12-08')).toBe(2);
    expect(weekdayOrdinalInMonth('2025-12-29')).toBe(5);
    expect(isLastWeekdayOfMonth('2025-12-25')).toBe(true);
    expect(isLastWeekdayOfMonth('2025-12-31')).toBe(true);
    expect(isLastWeekdayOfMonth('2025-12-24')).toBe(false); // 12/31 is also a Wednesday
    expect(isLastWeekdayOfMonth('2026-02-27')).toBe(true);
    expect(isLastWeekdayOfMonth('2026-02-21')).toBe(false);
  });

  it('reads HH:MM', () => {
    expect(minutesOf('13:30')).toBe(810);
    expect(minutesOf('09:05')).toBe(545);
    expect(minutesOf('25:00')).toBeNaN();
    expect(minutesOf('noon')).toBeNaN();
  });
});
