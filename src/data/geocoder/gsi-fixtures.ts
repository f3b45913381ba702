// Recorded 国土地理院 responses in the documented formats, and fetch functions that replay them:
// the one place the project stands in for a remote service (the machines that run the tests have
// no network). Coordinates are real places: 川口市役所 (青木2丁目), 札幌市役所 (北1条西2丁目).

export const GSI_SAMPLES = {
  /** AddressSearch?q=川口市青木 */
  searchKawaguchi: [
    {
      geometry: { coordinates: [139.724655, 35.807869], type: 'Point' },
      type: 'Feature',
      properties: { addressCode: '', title: '埼玉県川口市青木二丁目' },
    },
    {
      geometry: { coordinates: [139.72216, 35.80531], type: 'Point' },
      type: 'Feature',
      properties: { addressCode: '', title: '埼玉県川口市青木一丁目' },
    },
    {
      geometry: { coordinates: [139.72876, 35.81117], type: 'Point' },
      type: 'Feature',
      properties: { addressCode: '11203', title: '埼玉県川口市青木三丁目', dataSource: '3' },
    },
    // the same hit from a second data source: shown once
    {
      geometry: { coordinates: [139.72876, 35.81117], type: 'Point' },
      type: 'Feature',
      properties: { addressCode: '11203', title: '埼玉県川口市青木三丁目', dataSource: '5' },
    },
  ],
  /** AddressSearch?q=札幌市中央区北1条西2丁目 (a code whose leading zero GSI drops) */
  searchSapporo: [
    {
      geometry: { coordinates: [141.354376, 43.061945], type: 'Point' },
      type: 'Feature',
      properties: { addressCode: '1101', title: '北海道札幌市中央区北一条西二丁目' },
    },
  ],
  /** AddressSearch with no hit */
  searchNothing: [],
  /** a hit outside Japan's range (GSI's data is Japan only; a broken record is dropped) */
  searchOutside: [
    {
      geometry: { coordinates: [0, 0], type: 'Point' },
      type: 'Feature',
      properties: { addressCode: '', title: '不明' },
    },
  ],
  /** not the documented format */
  searchBroken: { message: 'Internal Server Error' },
  /** LonLatToAddress?lat=35.807869&lon=139.724655 */
  reverseKawaguchi: { results: { muniCd: '11203', lv01Nm: '青木二丁目' } },
  /** LonLatToAddress?lat=43.061945&lon=141.354376: a ward, leading zero dropped */
  reverseSapporo: { results: { muniCd: '1101', lv01Nm: '北一条西二丁目' } },
  /** LonLatToAddress at sea */
  reverseSea: {},
  /** a municipality without 町字 names */
  reverseNoTown: { results: { muniCd: '37201', lv01Nm: '－' } },
  /** an excerpt of https://maps.gsi.go.jp/js/muni.js */
  muniJs: [
    'var GSI = GSI || {};',
    'GSI.MUNI_ARRAY = {};',
    `GSI.MUNI_ARRAY["1100"] = '1,北海道,1100,札幌市';`,
    `GSI.MUNI_ARRAY["1101"] = '1,北海道,1101,札幌市\u3000中央区';`,
    `GSI.MUNI_ARRAY["11203"] = '11,埼玉県,11203,川口市';`,
    `GSI.MUNI_ARRAY["13101"] = '13,東京都,13101,千代田区';`,
    `GSI.MUNI_ARRAY["37201"] = '37,香川県,37201,高松市';`,
    '',
  ].join('\n'),
} as const;

/** A request the recorded fetch answers: path plus the query parameters that must match. */
export type RecordedRoute = {
  host: string;
  path: string;
  params?: Record<string, string>;
  status?: number;
  body: unknown;
};

export const GSI_ROUTES: RecordedRoute[] = [
  {
    host: 'msearch.gsi.go.jp',
    path: '/address-search/AddressSearch',
    params: { q: '川口市青木' },
    body: GSI_SAMPLES.searchKawaguchi,
  },
  {
    host: 'msearch.gsi.go.jp',
    path: '/address-search/AddressSearch',
    params: { q: '札幌市中央区北1条西2丁目' },
    body: GSI_SAMPLES.searchSapporo,
  },
  {
    host: 'msearch.gsi.go.jp',
    path: '/address-search/AddressSearch',
    params: { q: '存在しない町' },
    body: GSI_SAMPLES.searchNothing,
  },
  {
    host: 'mreversegeocoder.gsi.go.jp',
    path: '/reverse-geocoder/LonLatToAddress',
    params: { lat: '35.807869', lon: '139.724655' },
    body: GSI_SAMPLES.reverseKawaguchi,
  },
  {
    host: 'mreversegeocoder.gsi.go.jp',
    path: '/reverse-geocoder/LonLatToAddress',
    params: { lat: '35.811170', lon: '139.728760' },
    body: GSI_SAMPLES.reverseKawaguchi,
  },
  {
    host: 'mreversegeocoder.gsi.go.jp',
    path: '/reverse-geocoder/LonLatToAddress',
    params: { lat: '43.061945', lon: '141.354376' },
    body: GSI_SAMPLES.reverseSapporo,
  },
  {
    host: 'mreversegeocoder.gsi.go.jp',
    path: '/reverse-geocoder/LonLatToAddress',
    params: { lat: '35.000000', lon: '139.500000' },
    body: GSI_SAMPLES.reverseSea,
  },
  { host: 'maps.gsi.go.jp', path: '/js/muni.js', body: GSI_SAMPLES.muniJs },
];

/**
 * A fetch that answers the recorded routes and fails like a network without the server for
 * anything else (a TypeError, as browsers do). `calls` lists every URL asked.
 */
export function recordedFetch(
  routes: readonly RecordedRoute[] = GSI_ROUTES,
): typeof fetch & { calls: string[] } {
  const calls: string[] = [];
  const replay = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
    );
    calls.push(url.href);
    if (init?.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    const route = routes.find(
      (r) =>
        r.host === url.hostname &&
        r.path === url.pathname &&
        Object.entries(r.params ?? {}).every(([k, v]) => url.searchParams.get(k) === v),
    );
    if (!route) throw new TypeError('Failed to fetch');
    const body = typeof route.body === 'string' ? route.body : JSON.stringify(route.body);
    return new Response(body, {
      status: route.status ?? 200,
      headers: {
        'content-type': typeof route.body === 'string' ? 'text/javascript' : 'application/json',
      },
    });
  };
  return Object.assign(replay as typeof fetch, { calls });
}

/** A fetch on a machine without network: every request fails. */
export const offlineFetch: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
