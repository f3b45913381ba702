import { describe, expect, it } from 'vitest';
import { offsetMeters, toLocalMeters } from './local-projection';
import { haversineMeters } from './distance';
import { createRng } from '../demo/rng';
import type { LngLat } from '../model';

describe('offsetMeters / toLocalMeters', () => {
  it('moves the stated distance within 0.1 % up to 20 km (property check)', () => {
    const rng = createRng(5);
    for (let i = 0; i < 500; i++) {
      const origin: LngLat = [rng.float(129, 146), rng.float(24, 45)];
      const east = rng.float(-20_000, 20_000);
      const north = rng.float(-20_000, 20_000);
      const p = offsetMeters(origin, east, north);
      const expected = Math.hypot(east, north);
      expect(Math.abs(haversineMeters(origin, p) - expected)).toBeLessThanOrEqual(expected * 0.001 + 0.01);
      const [e, n] = toLocalMeters(origin, p);
      expect(e).toBeCloseTo(east, 6);
      expect(n).toBeCloseTo(north, 6);
    }
  });

  it('keeps the directions: east raises longitude, north raises latitude', () => {
    const [lng, lat] = offsetMeters([139.6, 35.86], 1000, -1000);
    expect(lng).toBeGreaterThan(139.6);
    expect(lat).toBeLessThan(35.86);
  });
});
