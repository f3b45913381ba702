// 国土地理院 (GSI) geocoding behind a small interface: address search, reverse geocoding, and the
// municipality names that reverse geocoding leaves out. No key is needed. Every response is
// validated before use; a failure becomes a GeocoderError whose `kind` the form turns into a
// quiet message, and the user types the address by hand (DESIGN.md "Geocoding").
//
// - AddressSearch?q=… answers a JSON array of GeoJSON features: geometry.coordinates [lon, lat],
//   properties.title (the address) and properties.addressCode (often empty).
// - LonLatToAddress?lat=…&lon=… answers { results: { muniCd, lv01Nm } }: the 5-digit JIS code with
//   its leading zero dropped ("1101" for 札幌市中央区) and the 町字 name; {} where there is no
//   address (at sea).
// - muni.js, the table GSI's own map uses, names each code:
//   GSI.MUNI_ARRAY["1101"] = '1,北海道,1101,札幌市(U+3000)中央区';
import * as z from 'zod';
import type { LngLat } from '../../domain/model';
import { municipalityCheckDigit } from '../../domain/municipality-code';

export const GSI_ENDPOINTS = {
  search: 'https://msearch.gsi.go.jp/address-search/AddressSearch',
  reverse: 'https://mreversegeocoder.gsi.go.jp/reverse-geocoder/LonLatToAddress',
  municipalities: 'https://maps.gsi.go.jp/js/muni.js',
} as const;

/** One address search hit. */
export type GeocodeCandidate = {
  address: string; // as GSI writes it, e.g. 「埼玉県川口市青木二丁目」
  location: LngLat;
  /** 6-digit 全国地方公共団体コード when GSI gave a code; null otherwise (ask `reverse`) */
  municipalityCode: string | null;
};

/** What lies under a point. */
export type ReverseGeocodeResult = {
  municipalityCode: string; // 6 digits, check digit included
  /** prefecture + municipality + 町字; null when the municipality names could not be loaded */
  address: string | null;
  town: string; // 町字 (lv01Nm), '' when GSI has none
};

export type GeocodeOptions = { signal?: AbortSignal };

/** The form's view of a geocoder: GSI in the app, a recorded one in tests. */
export interface Geocoder {
  /** up to `limit` hits (default 10) for an address; [] when nothing matches */
  search(query: string, options?: GeocodeOptions): Promise<GeocodeCandidate[]>;
  /** the municipality and address at a point; null where there is none (at sea, abroad) */
  reverse(location: LngLat, options?: GeocodeOptions): Promise<ReverseGeocodeResult | null>;
}

/**
 * offline: the request did not reach the server (no network, blocked); http: the server refused;
 * invalid: the answer was not in the documented format.
 */
export type GeocoderErrorKind = 'offline' | 'http' | 'invalid';

export class GeocoderError extends Error {
  readonly kind: GeocoderErrorKind;
  constructor(kind: GeocoderErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GeocoderError';
    this.kind = kind;
  }
}

// --- codes -----------------------------------------------------------------------------------

/**
 * GSI's muniCd (the JIS code, leading zero dropped: "1101", "11203") → the 6-digit 全国地方公共団体
 * コード with its check digit ("011011", "112038"). Null when it is not a code.
 */
export function municipalityCodeFromJis(muniCd: string): string | null {
  const digits = muniCd.trim();
  if (!/^\d{4,5}$/.test(digits)) return null;
  const jis5 = digits.padStart(5, '0');
  if (jis5 === '00000') return null;
  return jis5 + municipalityCheckDigit(jis5);
}

// --- parsers (exported for the recorded-response tests) --------------------------------------

const searchResponse = z.array(
  z
    .object({
      geometry: z.object({
        type: z.literal('Point'),
        coordinates: z.tuple([z.number(), z.number()]).rest(z.number()),
      }),
      properties: z.object({ title: z.string(), addressCode: z.string().optional() }).loose(),
    })
    .loose(),
);

/** Japan with a margin, as `lngLatSchema`: hits elsewhere are dropped. */
const inJapan = ([lng, lat]: readonly number[]) =>
  lng !== undefined && lat !== undefined && lng >= 122 && lng <= 154 && lat >= 20 && lat <= 46;

export function parseAddressSearch(json: unknown): GeocodeCandidate[] {
  const parsed = searchResponse.safeParse(json);
  if (!parsed.success)
    throw new GeocoderError(
      'invalid',
      `住所検索の応答の形式が想定と違います: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  const seen = new Set<string>();
  const result: GeocodeCandidate[] = [];
  for (const feature of parsed.data) {
    const [lng, lat] = feature.geometry.coordinates;
    const address = feature.properties.title.trim();
    if (!address || !inJapan([lng, lat])) continue;
    const key = `${address}|${lng}|${lat}`;
    if (seen.has(key)) continue; // GSI repeats a hit found in two data sources
    seen.add(key);
    result.push({
      address,
      location: [lng, lat],
      municipalityCode: municipalityCodeFromJis(feature.properties.addressCode ?? ''),
    });
  }
  return result;
}

const reverseResponse = z
  .object({
    results: z.object({ muniCd: z.string(), lv01Nm: z.string().optional() }).loose().optional(),
  })
  .loose();

/** The code and 町字 at a point, or null where GSI knows no municipality. */
export function parseReverseGeocode(
  json: unknown,
): { municipalityCode: string; town: string } | null {
  const parsed = reverseResponse.safeParse(json);
  if (!parsed.success)
    throw new GeocoderError(
      'invalid',
      `逆ジオコーディングの応答の形式が想定と違います: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  const results = parsed.data.results;
  if (!results || results.muniCd.trim() === '') return null;
  const municipalityCode = municipalityCodeFromJis(results.muniCd);
  if (!municipalityCode)
    throw new GeocoderError('invalid', `市区町村コード「${results.muniCd}」を読めません`);
  const town = (results.lv01Nm ?? '').trim();
  return { municipalityCode, town: town === '－' || town === '-' ? '' : town };
}

export type MunicipalityName = { prefecture: string; municipality: string };

/**
 * muni.js → 6-digit code → names. A ward of a designated city keeps its city:
 * 「札幌市(U+3000)中央区」 → 「札幌市中央区」, the way addresses are written.
 */
export function parseMunicipalityTable(source: string): Map<string, MunicipalityName> {
  const table = new Map<string, MunicipalityName>();
  for (const m of source.matchAll(/MUNI_ARRAY\["(\d+)"\]\s*=\s*['"]([^'"]*)['"]/g)) {
    const parts = (m[2] ?? '').split(',');
    const code = municipalityCodeFromJis(m[1] ?? '');
    const prefecture = parts[1]?.trim();
    const municipality = parts[3]?.replace(/\s+/g, ''); // \s includes the ideographic space U+3000
    if (code && prefecture && municipality) table.set(code, { prefecture, municipality });
  }
  if (table.size === 0)
    throw new GeocoderError('invalid', '市区町村名の一覧（muni.js）を読めません');
  return table;
}

// --- the GSI geocoder -----------------------------------------------------------------------

export type GsiGeocoderOptions = {
  /** the fetch to use (default: the browser's); tests give a recorded one */
  fetch?: typeof fetch;
  endpoints?: Partial<typeof GSI_ENDPOINTS>;
  limit?: number; // search hits kept (default 10)
};

/** GSI with an in-memory cache: the same query or point is asked once per page. */
export function createGsiGeocoder(options: GsiGeocoderOptions = {}): Geocoder {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const endpoints = { ...GSI_ENDPOINTS, ...options.endpoints };
  const limit = options.limit ?? 10;
  const searches = new Map<string, GeocodeCandidate[]>();
  const reverses = new Map<string, ReverseGeocodeResult | null>();
  let municipalities: Promise<Map<string, MunicipalityName>> | null = null;

  async function get(
    url: URL | string,
    signal: AbortSignal | undefined,
    as: 'json' | 'text',
  ): Promise<unknown> {
    let response: Response;
    try {
      response = await doFetch(url.toString(), { signal });
    } catch (error) {
      if (signal?.aborted) throw error; // the caller gave up: not a failure to report
      throw new GeocoderError('offline', '国土地理院のサーバーにつながりません', { cause: error });
    }
    if (!response.ok)
      throw new GeocoderError(
        'http',
        `国土地理院のサーバーがエラーを返しました（${response.status}）`,
      );
    try {
      return as === 'json' ? await response.json() : await response.text();
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new GeocoderError('invalid', '国土地理院の応答を読めません', { cause: error });
    }
  }

  function municipalityNames(signal?: AbortSignal): Promise<Map<string, MunicipalityName>> {
    municipalities ??= get(endpoints.municipalities, signal, 'text').then((text) =>
      parseMunicipalityTable(String(text)),
    );
    municipalities.catch(() => (municipalities = null)); // retried on the next call
    return municipalities;
  }

  return {
    async search(query, { signal } = {}) {
      const q = query.normalize('NFKC').trim().replace(/\s+/g, ' ');
      if (q === '') return [];
      const cached = searches.get(q);
      if (cached) return cached;
      const url = new URL(endpoints.search);
      url.searchParams.set('q', q);
      const hits = parseAddressSearch(await get(url, signal, 'json')).slice(0, limit);
      searches.set(q, hits);
      return hits;
    },

    async reverse([lng, lat], { signal } = {}) {
      // 6 decimals ≈ 10 cm: a pin nudged back to where it was is not asked again
      const key = `${lng.toFixed(6)},${lat.toFixed(6)}`;
      if (reverses.has(key)) return reverses.get(key) ?? null;
      const url = new URL(endpoints.reverse);
      url.searchParams.set('lat', lat.toFixed(6));
      url.searchParams.set('lon', lng.toFixed(6));
      const point = parseReverseGeocode(await get(url, signal, 'json'));
      let result: ReverseGeocodeResult | null = null;
      if (point) {
        // the names are a nicety: without them the code is still filled in
        const names = await municipalityNames(signal).catch((error: unknown) => {
          if (signal?.aborted) throw error;
          return null;
        });
        const name = names?.get(point.municipalityCode);
        result = {
          ...point,
          address: name ? `${name.prefecture}${name.municipality}${point.town}` : null,
        };
        if (!name) return result; // not cached: the names may load next time
      }
      reverses.set(key, result);
      return result;
    },
  };
}
