import { describe, expect, it } from 'vitest';
import type { Area } from '../../domain/model';
import { haversineMeters } from '../../domain/geo/distance';
import { isValidMunicipalityCode } from '../../domain/municipality-code';
import { createRng } from '../../domain/demo/rng';
import {
  checkMunicipalityCode,
  initialCamera,
  nudge,
  outsideMunicipalities,
  parseCoordinates,
  type Direction,
} from './location';

describe('nudging the pin', () => {
  it.each<[Direction, number, number]>([
    ['north', 0, 1],
    ['south', 0, -1],
    ['east', 1, 0],
    ['west', -1, 0],
  ])('%s moves about 10 m that way', (direction, dx, dy) => {
    const from: [number, number] = [139.724655, 35.807869];
    const to = nudge(from, direction);
    expect(haversineMeters(from, to)).toBeGreaterThan(9.5);
    expect(haversineMeters(from, to)).toBeLessThan(10.5);
    expect(Math.sign(to[0] - from[0])).toBe(dx);
    expect(Math.sign(to[1] - from[1])).toBe(dy);
  });

  it('north then south comes back (6 decimals)', () => {
    const rng = createRng(3);
    for (let i = 0; i < 200; i++) {
      const from: [number, number] = [
        Number((123 + rng.next() * 30).toFixed(6)),
        Number((24 + rng.next() * 21).toFixed(6)),
      ];
      const back = nudge(nudge(from, 'north'), 'south');
      expect(haversineMeters(from, back)).toBeLessThan(0.2);
    }
  });
});

describe('typed coordinates', () => {
  it.each<[string, string, [number, number] | null, Record<string, string>]>([
    ['35.807869', '139.724655', [139.724655, 35.807869], {}],
    ['３５．８０７８', '１３９．７２４６', [139.7246, 35.8078], {}], // full-width digits
    ['35.8078, 139.7246', '', [139.7246, 35.8078], {}], // a pasted pair
    ['35.80786912', '139.7246', [139.7246, 35.807869], {}], // rounded to 6 decimals
    ['', '', null, {}],
    ['35.8', '', null, { lng: 'bothCoordinates' }],
    ['139.72', '35.80', null, { lat: 'lat', lng: 'lng' }], // swapped: both out of range
    ['北緯35度', '139.7', null, { lat: 'lat' }],
    ['51.5', '-0.12', null, { lat: 'lat', lng: 'lng' }], // outside Japan
  ])('%j, %j', (lat, lng, location, problems) => {
    expect(parseCoordinates(lat, lng)).toEqual({ location, problems });
  });
});

describe('the municipality code field', () => {
  it.each([
    ['112038', { ok: true, code: '112038', completed: false }],
    ['１１２０３８', { ok: true, code: '112038', completed: false }],
    ['11203', { ok: true, code: '112038', completed: true }], // JIS code: the check digit is added
    ['1101', { ok: true, code: '011011', completed: true }], // leading zero dropped, as GSI writes it
    ['112030', { ok: false, problem: 'codeCheck', suggestion: '112038' }],
    ['', { ok: false, problem: 'codeFormat' }],
    ['川口市', { ok: false, problem: 'codeFormat' }],
    ['1234567', { ok: false, problem: 'codeFormat' }],
  ])('%j', (raw, expected) => {
    expect(checkMunicipalityCode(raw)).toEqual(expected);
  });

  it('whatever it accepts is a valid code, and its suggestion too (property)', () => {
    for (let n = 0; n < 1_000_000; n += 7919) {
      const raw = String(n).padStart(6, '0');
      const check = checkMunicipalityCode(raw);
      if (check.ok) expect(isValidMunicipalityCode(check.code)).toBe(true);
      else if (check.problem === 'codeCheck')
        expect(isValidMunicipalityCode(check.suggestion)).toBe(true);
      else throw new Error(`six digits should never be a format problem: ${raw}`);
    }
  });
});

describe('where the map opens', () => {
  const square = (w: number, s: number, e: number, n: number): Area['geometry'] => ({
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  });
  const areas: Area[] = [
    {
      id: 'm',
      level: 'municipality',
      name: 'かさね市',
      geometry: square(139.6, 35.8, 139.8, 35.9),
    },
    { id: 'd', level: 'daily_life', name: '北圏域', geometry: square(139.65, 35.85, 139.7, 35.95) },
  ];

  it('on the pin, close up', () => {
    expect(initialCamera([139.7, 35.85], areas)).toEqual({ center: [139.7, 35.85], zoom: 16 });
  });
  it('on the municipality without a pin', () => {
    expect(initialCamera(null, areas)).toEqual({ bounds: [139.6, 35.8, 139.8, 35.9] });
  });
  it('the pin outside every municipality is named; inside, or without areas, nothing', () => {
    expect(outsideMunicipalities([139.7, 35.85], areas)).toEqual([]);
    expect(outsideMunicipalities([139.9, 35.85], areas)).toEqual(['かさね市']);
    // a daily-life area alone says nothing about the municipality
    expect(
      outsideMunicipalities(
        [139.9, 35.85],
        areas.filter((a) => a.level !== 'municipality'),
      ),
    ).toEqual([]);
    expect(outsideMunicipalities(null, areas)).toEqual([]);
  });

  it('on Japan without areas', () => {
    expect(initialCamera(null, [])).toMatchObject({ zoom: 4.5 });
  });
});
