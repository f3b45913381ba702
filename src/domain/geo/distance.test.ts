import { describe, expect, it } from 'vitest';
import { distance } from '@turf/distance';
import { haversineMeters } from './distance';
import { createRng } from '../demo/rng';
import type { LngLat } from '../model';

describe('haversineMeters', () => {
  it.each([
    // [a, b, metres, tolerance]
    [[139.7671, 35.6812], [139.7671, 35.6812], 0, 0], // same point
    [[139.0, 35.0], [139.0, 36.0], 111_195, 1], // one degree of latitude
    [[135.5023, 34.6937], [139.7671, 35.6812], 403_400, 1_000], // 大阪駅 → 東京駅, about 403 km
    [[0, 0], [180, 0], Math.PI * 6_371_008.8, 1], // antipodal: the clamp keeps asin defined
  ] as [LngLat, LngLat, number, number][])('%j → %j ≈ %i m', (a, b, metres, tolerance) => {
    expect(Math.abs(haversineMeters(a, b) - metres)).toBeLessThanOrEqual(tolerance);
  });

  it('agrees with turf and is symmetric (property check)', () => {
    const rng = createRng(7);
    for (let i = 0; i < 500; i++) {
      const a: LngLat = [rng.float(122, 154), rng.float(20, 46)];
      const b: LngLat = [rng.float(122, 154), rng.float(20, 46)];
      const d = haversineMeters(a, b);
      expect(d).toBeCloseTo(distance(a, b, { units: 'meters' }), 3);
      expect(haversineMeters(b, a)).toBe(d);
    }
  });
});
