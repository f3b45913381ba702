import { describe, expect, it } from 'vitest';
import { normalizeView } from './view';

describe('normalizeView', () => {
  it('rounds to about a metre and zoom to two decimals', () => {
    const v = normalizeView({ west: 139.1234567, south: 35.1234567, east: 139.7654321, north: 35.7654321 }, { lng: 139.44444444, lat: 35.44444444 }, 12.3456);
    expect(v).toEqual({ bbox: [139.12346, 35.12346, 139.76543, 35.76543], center: [139.44444, 35.44444], zoom: 12.35 });
  });

  it('clamps a bbox wider than the world to ±180 and latitudes to ±90', () => {
    const v = normalizeView({ west: -300, south: -95, east: 400, north: 95 }, { lng: 50, lat: 0 }, 0.5);
    expect(v.bbox).toEqual([-180, -90, 180, 90]);
  });

  it('wraps a center that travelled around the world', () => {
    expect(normalizeView({ west: 499, south: 35, east: 500, north: 36 }, { lng: 499.5, lat: 35.5 }, 10).center).toEqual([139.5, 35.5]);
  });
});
