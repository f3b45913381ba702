import { describe, expect, it } from 'vitest';
import type { Schedule } from '../model';
import { hasSessionOn, weekdayOfIsoDate, weekdaysToMask } from './weekday';

describe('weekday helpers', () => {
  it.each([
    ['2026-04-01', 2], // Wednesday
    ['2026-11-29', 6], // Sunday
    ['2024-02-29', 3], // leap day, Thursday
    ['2000-01-03', 0], // Monday
  ])('weekdayOfIsoDate(%s) = %i', (iso, day) => {
    expect(weekdayOfIsoDate(iso)).toBe(day);
  });

  it.each(['2026-02-30', '2026-4-1', '20260401', 'today', ''])('rejects %j with a message saying the format', (iso) => {
    expect(() => weekdayOfIsoDate(iso)).toThrow(/YYYY-MM-DD/);
  });

  it('masks weekdays with MO as bit 0, ignoring unknown codes', () => {
    expect(weekdaysToMask(['MO', 'SU', 'XX'])).toBe(0b1000001);
  });

  it('asks the schedule module for the exact date', () => {
    const secondWednesday: Schedule = {
      rules: [{ freq: 'MONTHLY', interval: 1, byday: ['2WE'], opensAt: '10:00', closesAt: '12:00' }],
      closedOnHolidays: true,
      irregular: false,
    };
    expect(hasSessionOn(secondWednesday, '2026-04-08')).toBe(true);
    expect(hasSessionOn(secondWednesday, '2026-04-01')).toBe(false); // first Wednesday
  });
});
