import { describe, expect, it } from 'vitest';
import { area as turfArea } from '@turf/area';
import { booleanClockwise } from '@turf/boolean-clockwise';
import { featureCollection, polygon as turfPolygon } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { kinks } from '@turf/kinks';
import { union } from '@turf/union';
import { areaSchema, type Area } from '../model';
import { isValidMunicipalityCode } from '../municipality-code';
import { bboxOf } from '../geo/bbox';
import { containsPoint } from '../geo/point-in-polygon';
import { buildTown, fictionalMunicipalityCode, KASANE_CENTRE, townAreas, townSpec, type DemoTown } from './areas';
import { createRng, hashSeed } from './rng';

type PolygonArea = Area & { geometry: { type: 'Polygon' } };
const feature = (a: Area) => turfPolygon((a as PolygonArea).geometry.coordinates);
const m2 = (a: Area) => turfArea(a.geometry);
const overlapM2 = (a: Area, b: Area) => {
  const shared = intersect(featureCollection([feature(a), feature(b)]));
  return shared ? turfArea(shared) : 0;
};

const kasane = buildTown(townSpec(0), createRng(hashSeed(1, 'town', 0)));

function checkTiling(town: DemoTown) {
  const townM2 = m2(town.municipality);
  // the cells add up to the town…
  const sum = town.dailyLife.reduce((s, d) => s + m2(d), 0);
  expect(Math.abs(sum - townM2) / townM2).toBeLessThan(1e-4);
  // …their union is the town…
  const merged = union(featureCollection(town.dailyLife.map(feature)))!;
  expect(Math.abs(turfArea(merged) - townM2) / townM2).toBeLessThan(1e-4);
  // …and no two overlap (1 m² allows for floating-point slivers along the shared edges)
  for (let i = 0; i < town.dailyLife.length; i++)
    for (let j = i + 1; j < town.dailyLife.length; j++) expect(overlapM2(town.dailyLife[i]!, town.dailyLife[j]!)).toBeLessThan(1);
  for (let i = 0; i < town.elementary.length; i++)
    for (let j = i + 1; j < town.elementary.length; j++)
      expect(overlapM2(town.elementary[i]!.area, town.elementary[j]!.area)).toBeLessThan(1);
}

describe('かさね市 areas', () => {
  it('has one outline, 9 日常生活圏域 and 36 小学校区, all valid areas', () => {
    expect(kasane.municipality.level).toBe('municipality');
    expect(kasane.dailyLife).toHaveLength(9);
    expect(kasane.elementary).toHaveLength(36);
    for (const a of townAreas(kasane)) expect(() => areaSchema.parse(a)).not.toThrow();
    expect(new Set(townAreas(kasane).map((a) => a.id)).size).toBe(46);
    expect(kasane.dailyLife.map((d) => d.name)).toContain('北部圏域');
    expect(kasane.dailyLife.find((d) => d.name === '北部圏域')!.kana).toBe('ほくぶけんいき');
    expect(kasane.elementary[0]!.area.name).toMatch(/小学校区$/);
  });

  it('is about 12 km × 9 km around its centre, on land near 139.60E 35.86N', () => {
    const [west, south, east, north] = bboxOf(kasane.municipality.geometry);
    const widthKm = (east - west) * 111.195 * Math.cos((35.86 * Math.PI) / 180);
    const heightKm = (north - south) * 111.195;
    expect(widthKm).toBeGreaterThan(10.5);
    expect(widthKm).toBeLessThan(13.5);
    expect(heightKm).toBeGreaterThan(7.5);
    expect(heightKm).toBeLessThan(10.5);
    expect(containsPoint(kasane.municipality.geometry, KASANE_CENTRE)).toBe(true);
  });

  it('uses a fictional code with a correct check digit', () => {
    expect(kasane.spec.municipalityCode).toBe('992011');
    expect(isValidMunicipalityCode(kasane.spec.municipalityCode)).toBe(true);
    for (const k of [1, 699, 700, 5_000]) expect(isValidMunicipalityCode(fictionalMunicipalityCode(k))).toBe(true);
    expect(() => fictionalMunicipalityCode(40_000)).toThrow(/lower the site count/);
  });

  it('has simple, counter-clockwise rings', () => {
    for (const a of townAreas(kasane)) {
      expect(kinks(feature(a)).features).toHaveLength(0);
      expect(booleanClockwise((a as PolygonArea).geometry.coordinates[0]!)).toBe(false);
    }
  });

  it('tiles the town with the 日常生活圏域 and the 小学校区: no gaps, no overlaps', () => {
    checkTiling(kasane);
  });

  it('puts every 小学校区 inside its parent 圏域, and the children fill the parent', () => {
    for (const parent of kasane.dailyLife) {
      const children = kasane.elementary.filter((e) => e.area.parentId === parent.id);
      expect(children).toHaveLength(4);
      const childrenM2 = children.reduce((s, c) => s + m2(c.area), 0);
      expect(Math.abs(childrenM2 - m2(parent)) / m2(parent)).toBeLessThan(1e-4);
      for (const child of children) {
        expect(Math.abs(overlapM2(child.area, parent) - m2(child.area)) / m2(child.area)).toBeLessThan(1e-4);
        expect(child.area.population).toBeGreaterThan(0);
      }
      expect(parent.population).toBe(children.reduce((s, c) => s + c.area.population!, 0));
    }
  });

  it('shares border vertices exactly between neighbours', () => {
    const key = (p: number[]) => `${p[0]},${p[1]}`;
    const ringKeys = (a: Area) => new Set((a as PolygonArea).geometry.coordinates[0]!.map(key));
    const [nw, n] = [ringKeys(kasane.dailyLife[0]!), ringKeys(kasane.dailyLife[1]!)];
    // a shared border of 6 segments has 7 vertices, identical in both rings
    expect([...nw].filter((k) => n.has(k))).toHaveLength(7);
  });

  it('places each centre strictly inside its own area', () => {
    kasane.dailyLife.forEach((d, i) => {
      const inside = kasane.dailyLife.filter((x) => containsPoint(x.geometry, kasane.dailyLifeCentres[i]!));
      expect(inside.map((x) => x.id)).toEqual([d.id]);
    });
    for (const e of kasane.elementary) expect(containsPoint(e.area.geometry, e.centre)).toBe(true);
  });

  it('keeps the tiling invariants for other seeds and places (property check)', () => {
    for (const seed of [2, 3, 4]) {
      const spec = townSpec(seed, [139.2 + seed * 0.2, 35.9 + seed * 0.1]);
      checkTiling(buildTown(spec, createRng(hashSeed(seed, 'town'))));
    }
  });
});
