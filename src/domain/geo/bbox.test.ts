import { describe, expect, it } from 'vitest';
import { bboxContains, bboxOf } from './bbox';
import { createRng } from '../demo/rng';
import type { AreaGeometry, LngLat } from '../model';

const square: AreaGeometry = {
  type: 'Polygon',
  coordinates: [[[139, 35], [140, 35], [140, 36], [139, 36], [139, 35]]],
};

describe('bboxOf', () => {
  it('boxes a polygon, a multipolygon and a list of points', () => {
    expect(bboxOf(square)).toEqual([139, 35, 140, 36]);
    const multi: AreaGeometry = {
      type: 'MultiPolygon',
      coordinates: [square.coordinates as [number, number][][], [[[141, 34], [142, 34], [142, 35], [141, 34]]]],
    };
    expect(bboxOf(multi)).toEqual([139, 34, 142, 36]);
    expect(bboxOf([[139.5, 35.5]])).toEqual([139.5, 35.5, 139.5, 35.5]);
  });

  it('explains an empty input', () => {
    expect(() => bboxOf([])).toThrow(/at least one point/);
  });

  it('holds every point it was built from, and excludes points beyond it (property check)', () => {
    const rng = createRng(3);
    for (let round = 0; round < 50; round++) {
      const points: LngLat[] = Array.from({ length: rng.int(1, 30) }, () => [rng.float(130, 145), rng.float(30, 44)]);
      const box = bboxOf(points);
      for (const p of points) expect(bboxContains(box, p)).toBe(true);
      expect(bboxContains(box, [box[2] + 1e-9, box[1]])).toBe(false);
      expect(bboxContains(box, [box[0], box[3] + 1e-9])).toBe(false);
    }
  });
});
