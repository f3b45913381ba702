import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, nextWeekday, weekdayOf } from './dates';
import { createRng } from './rng';

describe('dates', () => {
  it.each([
    ['2026-11-01', -180, '2026-05-05'],
    ['2024-02-28', 1, '2024-02-29'], // leap year
    ['2025-02-28', 1, '2025-03-01'],
    ['2000-02-28', 1, '2000-02-29'], // divisible by 400
    ['1900-02-28', 1, '1900-03-01'], // divisible by 100 only
    ['2026-12-31', 1, '2027-01-01'],
  ])('%s %+i days → %s', (from, days, to) => {
    expect(addDays(from, days)).toBe(to);
    expect(daysBetween(from, to)).toBe(days);
  });

  it('knows the weekday', () => {
    expect(weekdayOf('2026-11-01')).toBe('SU');
    expect(weekdayOf('1970-01-01')).toBe('TH');
    expect(weekdayOf('1969-12-31')).toBe('WE');
    expect(nextWeekday('2026-11-01', 'SU')).toBe('2026-11-01');
    expect(nextWeekday('2026-11-01', 'SA')).toBe('2026-11-07');
  });

  it('agrees with the platform calendar (property check)', () => {
    const rng = createRng(8);
    for (let i = 0; i < 2_000; i++) {
      const ms = Date.UTC(rng.int(1900, 2100), 0, 1) + rng.int(0, 365) * 86_400_000;
      const date = new Date(ms).toISOString().slice(0, 10);
      const days = rng.int(-1_000, 1_000);
      expect(addDays(date, days)).toBe(new Date(ms + days * 86_400_000).toISOString().slice(0, 10));
      expect(weekdayOf(date)).toBe(['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'][new Date(ms).getUTCDay()]);
    }
  });

  it('explains a malformed date', () => {
    expect(() => addDays('2026/11/01', 1)).toThrow(/YYYY-MM-DD/);
    expect(() => addDays('2026-13-01', 1)).toThrow(/YYYY-MM-DD/);
  });
});
