import { describe, expect, it } from 'vitest';
import { formatDistance, formatIsoDate } from './format';

describe('formatDistance', () => {
  it.each([
    [0, '10 m'],
    [344, '340 m'],
    [999, '1.0 km'],
    [1000, '1.0 km'],
    [1849, '1.8 km'],
    [12_400, '12 km'],
    [-1, ''],
    [Number.NaN, ''],
  ])('%d m → %s', (m, s) => expect(formatDistance(m)).toBe(s));
});

describe('dates', () => {
  it('formats ISO dates', () => {
    expect(formatIsoDate('2026-11-01')).toBe('2026年11月1日');
    expect(formatIsoDate('2026-11-01', 'en')).toBe('1 Nov 2026');
    expect(formatIsoDate('bad')).toBe('bad');
  });
});
