import { describe, expect, it } from 'vitest';
import { isStale } from './freshness';

describe('isStale', () => {
  it.each([
    ['2026-05-05', '2026-11-01', false], // 180 days: still fresh
    ['2026-05-04', '2026-11-01', true], // 181 days
    ['2026-11-01', '2026-11-01', false],
    ['2027-01-01', '2026-11-01', false], // verified "in the future" (clock skew) is not stale
  ])('%s on %s → %s', (verified, today, stale) => expect(isStale(verified, today)).toBe(stale));
  it('takes a configurable threshold', () => {
    expect(isStale('2026-10-01', '2026-11-01', 30)).toBe(true);
    expect(isStale('2026-10-02', '2026-11-01', 30)).toBe(false);
  });
});
