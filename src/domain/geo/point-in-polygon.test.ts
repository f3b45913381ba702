import { describe, expect, it } from 'vitest';
import { containsPoint, pointInPolygon, pointTester } from './point-in-polygon';
import { createRng } from '../demo/rng';
import type { AreaGeometry, LngLat } from '../model';

// a square with a square hole: the hole must count as outside
const withHole: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [[139, 35], [140, 35], [140, 36], [139, 36], [139, 35]],
    [[139.4, 35.4], [139.4, 35.6], [139.6, 35.6], [139.6, 35.4], [139.4, 35.4]],
  ],
};
const twoIslands: AreaGeometry = {
  type: 'MultiPolygon',
  coordinates: [
    [[[139, 35], [139.1, 35], [139.1, 35.1], [139, 35.1], [139, 35]]],
    [[[140, 35], [140.1, 35], [140.1, 35.1], [140, 35.1], [140, 35]]],
  ],
};

describe('pointInPolygon / containsPoint', () => {
  it.each([
    [withHole, [139.2, 35.2], true],
    [withHole, [139.5, 35.5], false], // in the hole
    [withHole, [138.9, 35.5], false],
    [withHole, [140, 35.5], true], // on the edge counts as inside
    [twoIslands, [139.05, 35.05], true],
    [twoIslands, [140.05, 35.05], true],
    [twoIslands, [139.5, 35.05], false], // between the islands
  ] as [AreaGeometry, LngLat, boolean][])('%#: %j', (geometry, p, inside) => {
    expect(pointInPolygon(p, geometry)).toBe(inside);
    expect(containsPoint(geometry, p)).toBe(inside);
  });

  it('can treat the boundary as outside', () => {
    expect(pointInPolygon([140, 35.5], withHole, { ignoreBoundary: true })).toBe(false);
  });

  it('containsPoint and pointTester agree with pointInPolygon everywhere (property check)', () => {
    const rng = createRng(11);
    const [inIslands, inHoled] = [pointTester(twoIslands), pointTester(withHole)];
    for (let i = 0; i < 2_000; i++) {
      const p: LngLat = [rng.float(138.8, 140.3), rng.float(34.8, 36.2)];
      expect(containsPoint(twoIslands, p)).toBe(pointInPolygon(p, twoIslands));
      expect(containsPoint(withHole, p)).toBe(pointInPolygon(p, withHole));
      expect(inIslands(p)).toBe(pointInPolygon(p, twoIslands));
      expect(inHoled(p)).toBe(pointInPolygon(p, withHole));
    }
  });
});
