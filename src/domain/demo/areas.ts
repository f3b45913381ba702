// The fictional town 「かさね市（デモ）」 and its areas (圏域). Real towns have irregular outlines and
// districts that share borders exactly, and the indicators (menus per 1,000 residents, coverage per
// 日常生活圏域) depend on that: every point of the town must lie in exactly one area per level.
//
// How: one warped lattice of vertices covers the town. Each area's ring walks the lattice lines
// around a block of lattice cells, so neighbours share the very same vertex objects along their
// border: no gaps, no overlaps, by construction rather than by geometry repair.
//
//   lattice 18 × 18 segments ─┬─ 3 × 3 日常生活圏域 (6 × 6 segments each)
//                             └─ 6 × 6 小学校区     (3 × 3 segments each, 2 × 2 per 圏域)
import type { Area, AreaGeometry, LngLat } from '../model';
import { municipalityCheckDigit } from '../municipality-code';
import { offsetMeters } from '../geo/local-projection';
import { PLACE_NAMES, TOWN_STEMS, type PlaceName } from './lexicon';
import type { Rng } from './rng';
import { join, w, type Word } from './words';

export const TOWN_WIDTH_M = 12_000; // east–west extent of the outline's bounding box, about
export const TOWN_HEIGHT_M = 9_000; // north–south extent, about
export const DAILY_LIFE_GRID = 3; // 3 × 3 日常生活圏域
export const ELEMENTARY_PER_SIDE = 2; // each 圏域 splits into 2 × 2 小学校区
const SEGMENTS_PER_ELEMENTARY = 3; // lattice segments along one 小学校区 side: gives borders some wiggle
const N = DAILY_LIFE_GRID * ELEMENTARY_PER_SIDE * SEGMENTS_PER_ELEMENTARY; // 18
const BLOCK = ELEMENTARY_PER_SIDE * SEGMENTS_PER_ELEMENTARY; // 6 segments per 圏域 side
const JITTER = 0.25; // of a segment; below 0.5 every lattice quad stays convex (no self-crossing)
const ROUND_SHAPE = 0.5; // 0 = rectangle, 1 = ellipse: how far the outline rounds off its corners
const COORD_DECIMALS = 1e6; // 6 decimals ≈ 0.1 m: stable JSON, and shared vertices stay shared
const WAVES: [number, number][] = [
  // [waves around the outline, amplitude]: low frequencies only, so the outline bulges, not zigzags
  [2, 0.05],
  [3, 0.04],
  [5, 0.02],
];
/** The outline reaches at most this factor beyond the nominal 12 km × 9 km box: towns tile by it. */
export const MAX_OUTLINE_SCALE = 1 + WAVES.reduce((s, [, amp]) => s + amp, 0);

/** Centre of かさね市: farmland and suburbs west of さいたま市 on the Kanto plain, inland. */
export const KASANE_CENTRE: LngLat = [139.6, 35.86];

export type TownSpec = {
  index: number; // 0 = かさね市; larger towns exist only in scaled (benchmark) datasets
  slug: string; // id prefix: area-kasane-…
  city: Word; // for addresses: かさね市
  name: Word; // for the map: かさね市（デモ）
  municipalityCode: string; // fictional: prefecture codes above 47 do not exist
  centre: LngLat;
};

export type ElementaryDistrict = {
  area: Area;
  placeNames: PlaceName[]; // 町名 inside the district; the first names the school
  centre: LngLat; // neighbourhood centre (shops, station, 公民館) where activities cluster
  dailyLifeIndex: number;
};

export type DemoTown = {
  spec: TownSpec;
  municipality: Area;
  dailyLife: Area[]; // reading order: north-west first, south-east last
  dailyLifeCentres: LngLat[]; // strictly inside each 圏域, where its 地域包括支援センター stands
  dailyLifeNames: Word[]; // 北部 …, for 北部地域包括支援センター
  elementary: ElementaryDistrict[];
};

/**
 * A 6-digit 全国地方公共団体コード that cannot be a real one: JIS prefecture codes stop at 47, so
 * these use 99, 98, … The check digit is real, so the codes pass validation like real data.
 */
export function fictionalMunicipalityCode(index: number): string {
  const prefecture = 99 - Math.floor(index / 700);
  if (prefecture <= 47) throw new Error('fictionalMunicipalityCode: too many towns; lower the site count');
  const jis5 = `${prefecture}${String(201 + (index % 700)).padStart(3, '0')}`;
  return jis5 + municipalityCheckDigit(jis5);
}

/** かさね市 for index 0; for benchmarks, more towns named after other stems. */
export function townSpec(index: number, centre: LngLat = KASANE_CENTRE): TownSpec {
  const stem = index === 0 ? TOWN_STEMS[0]! : TOWN_STEMS[1 + ((index - 1) % (TOWN_STEMS.length - 1))]!;
  const city = join(stem, w('市', 'し'));
  const suffix = index === 0 ? '（デモ）' : `（デモ${index + 1}）`;
  return {
    index,
    slug: index === 0 ? stem.romaji : `${stem.romaji}${index + 1}`,
    city,
    name: { ja: city.ja + suffix, kana: city.kana },
    municipalityCode: fictionalMunicipalityCode(index),
    centre,
  };
}

// --- the lattice ------------------------------------------------------------------------------

type Lattice = LngLat[][]; // [i][j], i west→east, j south→north, 0…N

/** Jitter in the unit square; boundary vertices only slide along the boundary, corners stay put. */
function jitteredSquare(rng: Rng): [number, number][][] {
  const step = 2 / N;
  const grid: [number, number][][] = [];
  for (let i = 0; i <= N; i++) {
    const column: [number, number][] = [];
    for (let j = 0; j <= N; j++) {
      const du = rng.float(-JITTER, JITTER) * step;
      const dv = rng.float(-JITTER, JITTER) * step;
      const edgeU = i === 0 || i === N;
      const edgeV = j === 0 || j === N;
      column.push([-1 + i * step + (edgeU ? 0 : du), -1 + j * step + (edgeV ? 0 : dv)]);
    }
    grid.push(column);
  }
  return grid;
}

/** Rounds the square towards an ellipse and wobbles the outline, both smooth and one-to-one. */
function warp(rng: Rng): (u: number, v: number) => [number, number] {
  const waves = WAVES.map(([k, amp]) => ({ k, amp, phase: rng.float(0, 2 * Math.PI) }));
  return (u, v) => {
    // elliptical grid mapping (square → disc), blended: keeps a town, not a circle
    const x = u + ROUND_SHAPE * (u * Math.sqrt(1 - (v * v) / 2) - u);
    const y = v + ROUND_SHAPE * (v * Math.sqrt(1 - (u * u) / 2) - v);
    // scaling each ray by a positive smooth factor is a bijection: the outline wobbles, cells follow
    const theta = Math.atan2(y, x);
    const f = 1 + waves.reduce((s, wv) => s + wv.amp * Math.sin(wv.k * theta + wv.phase), 0);
    return [x * f, y * f];
  };
}

const round = (x: number) => Math.round(x * COORD_DECIMALS) / COORD_DECIMALS;

function buildLattice(centre: LngLat, rng: Rng): Lattice {
  const square = jitteredSquare(rng);
  const shape = warp(rng);
  return square.map((column) =>
    column.map(([u, v]) => {
      const [x, y] = shape(u, v);
      const [lng, lat] = offsetMeters(centre, (x * TOWN_WIDTH_M) / 2, (y * TOWN_HEIGHT_M) / 2);
      return [round(lng), round(lat)] as LngLat;
    }),
  );
}

/** The closed ring around lattice block [i0, i1] × [j0, j1], counter-clockwise (RFC 7946). */
function ringAround(lattice: Lattice, i0: number, j0: number, i1: number, j1: number): [number, number][] {
  const at = (i: number, j: number): [number, number] => [...lattice[i]![j]!];
  const ring: [number, number][] = [];
  for (let i = i0; i < i1; i++) ring.push(at(i, j0)); // south edge, west → east
  for (let j = j0; j < j1; j++) ring.push(at(i1, j)); // east edge, south → north
  for (let i = i1; i > i0; i--) ring.push(at(i, j1)); // north edge, east → west
  for (let j = j1; j > j0; j--) ring.push(at(i0, j)); // west edge, north → south
  ring.push(at(i0, j0));
  return ring;
}

const polygon = (ring: [number, number][]): AreaGeometry => ({ type: 'Polygon', coordinates: [ring] });

function average(points: LngLat[]): LngLat {
  const sum = points.reduce<[number, number]>((s, p) => [s[0] + p[0], s[1] + p[1]], [0, 0]);
  return [round(sum[0] / points.length), round(sum[1] / points.length)];
}

// --- names ------------------------------------------------------------------------------------

/** 日常生活圏域 by grid position (a: west→east, b: south→north). */
const DAILY_LIFE_NAMES: Record<string, [Word, string]> = {
  '0,2': [w('北西部', 'ほくせいぶ'), 'northwest'],
  '1,2': [w('北部', 'ほくぶ'), 'north'],
  '2,2': [w('北東部', 'ほくとうぶ'), 'northeast'],
  '0,1': [w('西部', 'せいぶ'), 'west'],
  '1,1': [w('中央', 'ちゅうおう'), 'central'],
  '2,1': [w('東部', 'とうぶ'), 'east'],
  '0,0': [w('南西部', 'なんせいぶ'), 'southwest'],
  '1,0': [w('南部', 'なんぶ'), 'south'],
  '2,0': [w('南東部', 'なんとうぶ'), 'southeast'],
};

/** Grid positions in reading order: north row first, west to east. */
function readingOrder(size: number): [number, number][] {
  const cells: [number, number][] = [];
  for (let b = size - 1; b >= 0; b--) for (let a = 0; a < size; a++) cells.push([a, b]);
  return cells;
}

/** More people live near the centre: population falls off towards the town edge. */
function populationAt(u: number, v: number, rng: Rng): number {
  const centrality = Math.max(0, 1 - Math.hypot(u, v) / Math.SQRT2);
  return Math.round((rng.int(1_800, 3_200) + 3_600 * centrality) / 10) * 10;
}

// --- the town ---------------------------------------------------------------------------------

/** Builds the outline, the 日常生活圏域 and the 小学校区 of one town. Pure: same rng → same town. */
export function buildTown(spec: TownSpec, rng: Rng): DemoTown {
  const lattice = buildLattice(spec.centre, rng.fork('lattice'));
  const placeNames = rng.fork('names').shuffle(PLACE_NAMES);
  const populations = rng.fork('population');
  const townId = `area-${spec.slug}`;

  const dailyLife: Area[] = [];
  const dailyLifeCentres: LngLat[] = [];
  const dailyLifeNames: Word[] = [];
  const elementary: ElementaryDistrict[] = [];

  readingOrder(DAILY_LIFE_GRID).forEach(([a, b], dlIndex) => {
    const [label, slug] = DAILY_LIFE_NAMES[`${a},${b}`]!;
    const id = `${townId}-${slug}`;
    const children: ElementaryDistrict[] = readingOrder(ELEMENTARY_PER_SIDE).map(([c, d]) => {
      const i0 = a * BLOCK + c * SEGMENTS_PER_ELEMENTARY;
      const j0 = b * BLOCK + d * SEGMENTS_PER_ELEMENTARY;
      const school = placeNames[elementary.length]!;
      const inner = [lattice[i0 + 1]![j0 + 1]!, lattice[i0 + 2]![j0 + 1]!, lattice[i0 + 1]![j0 + 2]!, lattice[i0 + 2]![j0 + 2]!];
      const district: ElementaryDistrict = {
        area: {
          id: `${townId}-es-${school.romaji}`,
          level: 'elementary',
          name: `${school.ja}小学校区`,
          kana: `${school.kana}しょうがっこうく`,
          parentId: id,
          population: populationAt(((i0 + 1.5) / N) * 2 - 1, ((j0 + 1.5) / N) * 2 - 1, populations),
          geometry: polygon(ringAround(lattice, i0, j0, i0 + SEGMENTS_PER_ELEMENTARY, j0 + SEGMENTS_PER_ELEMENTARY)),
        },
        placeNames: [school],
        centre: average(inner),
        dailyLifeIndex: dlIndex,
      };
      elementary.push(district);
      return district;
    });
    const name = join(label, w('圏域', 'けんいき'));
    dailyLife.push({
      id,
      level: 'daily_life',
      name: name.ja,
      kana: name.kana,
      parentId: townId,
      population: children.reduce((s, e) => s + (e.area.population ?? 0), 0),
      geometry: polygon(ringAround(lattice, a * BLOCK, b * BLOCK, (a + 1) * BLOCK, (b + 1) * BLOCK)),
    });
    dailyLifeCentres.push(lattice[a * BLOCK + BLOCK / 2]![b * BLOCK + BLOCK / 2]!);
    dailyLifeNames.push(label);
  });

  // the spare 町名 go round the districts, so addresses vary within a district too
  placeNames.slice(elementary.length).forEach((name, k) => elementary[k % elementary.length]!.placeNames.push(name));

  const municipality: Area = {
    id: townId,
    level: 'municipality',
    name: spec.name.ja,
    kana: spec.name.kana,
    population: dailyLife.reduce((s, d) => s + (d.population ?? 0), 0),
    geometry: polygon(ringAround(lattice, 0, 0, N, N)),
  };
  return { spec, municipality, dailyLife, dailyLifeCentres, dailyLifeNames, elementary };
}

/** All areas of a town, parents before children. */
export function townAreas(town: DemoTown): Area[] {
  return [town.municipality, ...town.dailyLife, ...town.elementary.map((e) => e.area)];
}
