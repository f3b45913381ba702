// The location picker's pure parts: reading typed coordinates and codes, nudging the pin, and
// where the map starts. The component composes these; nothing here touches the map or the network.
import type { Area, LngLat } from '../../domain/model';
import { bboxOf, type BBox } from '../../domain/geo/bbox';
import { offsetMeters } from '../../domain/geo/local-projection';
import { containsPoint } from '../../domain/geo/point-in-polygon';
import {
  isValidMunicipalityCode,
  municipalityCheckDigit,
  normalizeMunicipalityCode,
} from '../../domain/municipality-code';

/** What the picker edits: the three fields of a site that say where it is. */
export type LocationValue = {
  location: LngLat | null; // WGS84 [lng, lat]; null: no pin yet
  address: string;
  municipalityCode: string; // as typed; 6 digits with check digit when valid
};

export type Direction = 'north' | 'south' | 'east' | 'west';

/** One press of an arrow button: small enough to correct a pin on the wrong side of a road. */
export const NUDGE_METRES = 10;

/** Japan with a margin, as `lngLatSchema` in the domain model. */
export const JAPAN_RANGE = { lng: [122, 154], lat: [20, 46] } as const;

/** 6 decimals ≈ 10 cm: what is stored and shown. */
export function roundLngLat([lng, lat]: LngLat): LngLat {
  const r = (v: number) => Math.round(v * 1e6) / 1e6;
  return [r(lng), r(lat)];
}

export function nudge(location: LngLat, direction: Direction, metres = NUDGE_METRES): LngLat {
  const [east, north] = {
    north: [0, metres],
    south: [0, -metres],
    east: [metres, 0],
    west: [-metres, 0],
  }[direction];
  return roundLngLat(offsetMeters(location, east ?? 0, north ?? 0));
}

export function formatCoordinate(value: number): string {
  return value.toFixed(6);
}

export type CoordinateProblem = 'lat' | 'lng' | 'bothCoordinates';

/**
 * The typed latitude and longitude → a location, null (both empty: no pin) or the problem.
 * Full-width digits are read (NFKC); "35.8078, 139.7246" pasted into the latitude field (the way
 * map services copy a point) fills both.
 */
export function parseCoordinates(
  latText: string,
  lngText: string,
): { location: LngLat | null; problems: Partial<Record<'lat' | 'lng', CoordinateProblem>> } {
  const clean = (s: string) =>
    s
      .normalize('NFKC')
      .trim()
      .replace(/[°度]$/, '');
  let lat = clean(latText);
  let lng = clean(lngText);
  const pair = /^(-?\d+(?:\.\d+)?)\s*[,、]\s*(-?\d+(?:\.\d+)?)$/.exec(lat);
  if (pair && lng === '') [lat, lng] = [pair[1] ?? '', pair[2] ?? ''];
  if (lat === '' && lng === '') return { location: null, problems: {} };
  const read = (text: string, [min, max]: readonly [number, number]) => {
    if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
    const n = Number(text);
    return n >= min && n <= max ? n : null;
  };
  const latValue = read(lat, JAPAN_RANGE.lat);
  const lngValue = read(lng, JAPAN_RANGE.lng);
  const problems: Partial<Record<'lat' | 'lng', CoordinateProblem>> = {};
  if (lat === '') problems.lat = 'bothCoordinates';
  else if (latValue === null) problems.lat = 'lat';
  if (lng === '') problems.lng = 'bothCoordinates';
  else if (lngValue === null) problems.lng = 'lng';
  if (latValue === null || lngValue === null) return { location: null, problems };
  return { location: roundLngLat([lngValue, latValue]), problems };
}

export type CodeCheck =
  | { ok: true; code: string; completed: boolean } // completed: the check digit was added
  | { ok: false; problem: 'codeFormat' }
  | { ok: false; problem: 'codeCheck'; suggestion: string };

/**
 * A typed 全国地方公共団体コード. Six digits must carry the right check digit (a wrong one suggests
 * the right one); four or five digits are read as the JIS code and completed.
 */
export function checkMunicipalityCode(raw: string): CodeCheck {
  const digits = raw.normalize('NFKC').trim();
  if (/^\d{6}$/.test(digits)) {
    if (isValidMunicipalityCode(digits)) return { ok: true, code: digits, completed: false };
    const jis5 = digits.slice(0, 5);
    return { ok: false, problem: 'codeCheck', suggestion: jis5 + municipalityCheckDigit(jis5) };
  }
  if (/^\d{4,5}$/.test(digits)) {
    const code = normalizeMunicipalityCode(digits);
    if (code) return { ok: true, code, completed: true };
  }
  return { ok: false, problem: 'codeFormat' };
}

/** Where the map opens: the pin up close, else the municipality's areas, else all of Japan. */
export function initialCamera(
  location: LngLat | null,
  areas: readonly Area[],
): { center: LngLat; zoom: number } | { bounds: BBox } {
  if (location) return { center: location, zoom: 16 };
  const outlined = areas.filter((a) => a.level === 'municipality');
  const chosen = outlined.length > 0 ? outlined : areas;
  if (chosen.length > 0) {
    const boxes = chosen.map((a) => bboxOf(a.geometry));
    return {
      bounds: [
        Math.min(...boxes.map((b) => b[0])),
        Math.min(...boxes.map((b) => b[1])),
        Math.max(...boxes.map((b) => b[2])),
        Math.max(...boxes.map((b) => b[3])),
      ],
    };
  }
  return { center: [137.5, 37.5], zoom: 4.5 };
}

/**
 * The municipalities the pin is outside of, when it lies in none of them: a search hit in a town of
 * the same name elsewhere, or a slip of the finger. Empty when the pin is inside one, or when no
 * municipality is known.
 */
export function outsideMunicipalities(location: LngLat | null, areas: readonly Area[]): string[] {
  const municipalities = areas.filter((a) => a.level === 'municipality');
  if (!location || municipalities.length === 0) return [];
  return municipalities.some((a) => containsPoint(a.geometry, location))
    ? []
    : municipalities.map((a) => a.name);
}
