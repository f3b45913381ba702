import { describe, expect, it } from 'vitest';
import { bboxOf, type BBox } from '../geo/bbox';
import { buildTown, KASANE_CENTRE, townSpec } from './areas';
import { townCentres, townFitsOnLand } from './layout';
import { createRng, hashSeed } from './rng';

const overlaps = (a: BBox, b: BBox) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

describe('townCentres', () => {
  it('starts at かさね市 and keeps 200,000 sites (334 towns) on land', () => {
    const centres = townCentres(334);
    expect(centres[0]).toEqual(KASANE_CENTRE);
    expect(centres.every(townFitsOnLand)).toBe(true);
  });

  it('is a prefix-stable sequence: more towns never move the first ones', () => {
    expect(townCentres(400).slice(0, 50)).toEqual(townCentres(50));
  });

  it('still answers beyond the land outline, with distinct centres', () => {
    const centres = townCentres(500);
    expect(centres).toHaveLength(500);
    expect(new Set(centres.map((c) => c.join(','))).size).toBe(500);
  });

  it('spaces towns so that no two outlines touch (property check over the first 40)', () => {
    const boxes = townCentres(40).map((c, k) => bboxOf(buildTown(townSpec(k, c), createRng(hashSeed(1, k))).municipality.geometry));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
  });
});
