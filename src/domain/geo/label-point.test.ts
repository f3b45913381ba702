import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../model';
import { labelPoint } from './label-point';
import { pointInPolygon } from './point-in-polygon';

const square: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [139, 35],
      [140, 35],
      [140, 36],
      [139, 36],
      [139, 35],
    ],
  ],
};

// a "C" opening to the east: its centroid lies in the gap, outside the shape
const cShape: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [3, 0],
      [3, 1],
      [1, 1],
      [1, 2],
      [3, 2],
      [3, 3],
      [0, 3],
      [0, 0],
    ],
  ],
};

describe('labelPoint', () => {
  it('uses the centroid of a convex polygon', () => {
    expect(labelPoint(square)).toEqual([139.5, 35.5]);
  });

  it('stays inside a concave polygon whose centroid is outside', () => {
    const p = labelPoint(cShape);
    expect(pointInPolygon(p, cShape)).toBe(true);
  });

  it('labels the largest part of a multipolygon', () => {
    const small = square.coordinates[0]!.map(([x, y]) => [x! + 5, y! + 5] as [number, number]);
    const big = square.coordinates[0]!.map(([x, y]) => [139 + (x! - 139) * 3, 35 + (y! - 35) * 3] as [number, number]);
    const p = labelPoint({ type: 'MultiPolygon', coordinates: [[small], [big]] });
    expect(p).toEqual([140.5, 36.5]);
  });

  it('avoids a hole at the centroid', () => {
    const withHole: AreaGeometry = {
      type: 'Polygon',
      coordinates: [
        square.coordinates[0]!,
        [
          [139.4, 35.4],
          [139.4, 35.6],
          [139.6, 35.6],
          [139.6, 35.4],
          [139.4, 35.4],
        ],
      ],
    };
    const p = labelPoint(withHole);
    expect(pointInPolygon(p, withHole)).toBe(true);
  });

  it('property: the label point is inside random star-shaped polygons', () => {
    // a seeded LCG keeps the property test reproducible
    let seed = 42;
    const rand = () => ((seed = (seed * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32);
    for (let n = 0; n < 200; n++) {
      const k = 5 + Math.floor(rand() * 20);
      const ring: [number, number][] = [];
      for (let i = 0; i < k; i++) {
        const angle = (i / k) * 2 * Math.PI;
        const r = 0.05 + rand(); // deep spikes make the centroid fall outside now and then
        ring.push([139 + r * Math.cos(angle), 35 + r * Math.sin(angle)]);
      }
      ring.push(ring[0]!);
      const p = labelPoint({ type: 'Polygon', coordinates: [ring] });
      expect(pointInPolygon(p, { type: 'Polygon', coordinates: [ring] })).toBe(true);
    }
  });
});
