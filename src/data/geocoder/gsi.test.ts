import { describe, expect, it } from 'vitest';
import { isValidMunicipalityCode } from '../../domain/municipality-code';
import {
  GeocoderError,
  createGsiGeocoder,
  municipalityCodeFromJis,
  parseAddressSearch,
  parseMunicipalityTable,
  parseReverseGeocode,
} from './gsi';
import { GSI_SAMPLES, recordedFetch, offlineFetch } from './gsi-fixtures';

describe('municipality codes from GSI', () => {
  it.each([
    ['11203', '112038'], // 川口市
    ['1101', '011011'], // 札幌市中央区: GSI drops the leading zero
    ['01101', '011011'],
    ['13101', '131016'], // 千代田区
    ['37201', '372013'], // 高松市
    ['47382', '473821'], // 与那国町
  ])('%s → %s, with a valid check digit', (muniCd, code) => {
    expect(municipalityCodeFromJis(muniCd)).toBe(code);
    expect(isValidMunicipalityCode(code)).toBe(true);
  });

  it.each(['', '123', '123456', '1120a', '00000'])('%j is not a code', (muniCd) => {
    expect(municipalityCodeFromJis(muniCd)).toBeNull();
  });

  it('every 5-digit code gets the check digit the domain accepts (property)', () => {
    for (let n = 1000; n < 100000; n += 97) {
      const code = municipalityCodeFromJis(String(n));
      expect(code && isValidMunicipalityCode(code), String(n)).toBe(true);
    }
  });
});

describe('parsing recorded GSI responses', () => {
  it('address search: hits in order, duplicates once, codes completed', () => {
    expect(parseAddressSearch(GSI_SAMPLES.searchKawaguchi)).toEqual([
      {
        address: '埼玉県川口市青木二丁目',
        location: [139.724655, 35.807869],
        municipalityCode: null,
      },
      {
        address: '埼玉県川口市青木一丁目',
        location: [139.72216, 35.80531],
        municipalityCode: null,
      },
      {
        address: '埼玉県川口市青木三丁目',
        location: [139.72876, 35.81117],
        municipalityCode: '112038',
      },
    ]);
    expect(parseAddressSearch(GSI_SAMPLES.searchSapporo)[0]?.municipalityCode).toBe('011011');
    expect(parseAddressSearch(GSI_SAMPLES.searchNothing)).toEqual([]);
    expect(parseAddressSearch(GSI_SAMPLES.searchOutside)).toEqual([]);
  });

  it('address search: an answer in another format is an "invalid" error in Japanese', () => {
    expect(() => parseAddressSearch(GSI_SAMPLES.searchBroken)).toThrow(GeocoderError);
    expect(() =>
      parseAddressSearch([
        { geometry: { type: 'Point', coordinates: ['139', 35] }, properties: { title: 'x' } },
      ]),
    ).toThrow(/住所検索の応答の形式が想定と違います/);
  });

  it('reverse geocoding: code with check digit and 町字; null at sea', () => {
    expect(parseReverseGeocode(GSI_SAMPLES.reverseKawaguchi)).toEqual({
      municipalityCode: '112038',
      town: '青木二丁目',
    });
    expect(parseReverseGeocode(GSI_SAMPLES.reverseSapporo)).toEqual({
      municipalityCode: '011011',
      town: '北一条西二丁目',
    });
    expect(parseReverseGeocode(GSI_SAMPLES.reverseNoTown)).toEqual({
      municipalityCode: '372013',
      town: '',
    });
    expect(parseReverseGeocode(GSI_SAMPLES.reverseSea)).toBeNull();
    expect(parseReverseGeocode({ results: { muniCd: '', lv01Nm: '' } })).toBeNull();
    expect(() => parseReverseGeocode({ results: { muniCd: 'abc' } })).toThrow(
      /市区町村コード「abc」を読めません/,
    );
    expect(() => parseReverseGeocode('<html>')).toThrow(GeocoderError);
  });

  it('muni.js: names by 6-digit code, wards joined to their city', () => {
    const table = parseMunicipalityTable(GSI_SAMPLES.muniJs);
    expect(table.get('011011')).toEqual({ prefecture: '北海道', municipality: '札幌市中央区' });
    expect(table.get('112038')).toEqual({ prefecture: '埼玉県', municipality: '川口市' });
    expect(table.size).toBe(5);
    expect(() => parseMunicipalityTable('<!doctype html>')).toThrow(/muni\.js/);
  });
});

describe('the GSI geocoder with a recorded fetch', () => {
  it('searches with the query in the URL and caches the answer', async () => {
    const fetch = recordedFetch();
    const geocoder = createGsiGeocoder({ fetch });
    const hits = await geocoder.search(' 川口市青木 ');
    expect(hits.map((h) => h.address)).toEqual([
      '埼玉県川口市青木二丁目',
      '埼玉県川口市青木一丁目',
      '埼玉県川口市青木三丁目',
    ]);
    expect(new URL(fetch.calls[0]!).searchParams.get('q')).toBe('川口市青木');
    await geocoder.search('川口市青木');
    expect(fetch.calls).toHaveLength(1);
    expect(await geocoder.search('   ')).toEqual([]);
    expect(fetch.calls).toHaveLength(1);
  });

  it('normalizes full-width input (ＮＦＫＣ) before asking', async () => {
    const geocoder = createGsiGeocoder({ fetch: recordedFetch() });
    expect(await geocoder.search('札幌市中央区北１条西２丁目')).toHaveLength(1);
  });

  it('reverse geocodes to the full address and the 6-digit code', async () => {
    const fetch = recordedFetch();
    const geocoder = createGsiGeocoder({ fetch });
    expect(await geocoder.reverse([139.724655, 35.807869])).toEqual({
      municipalityCode: '112038',
      address: '埼玉県川口市青木二丁目',
      town: '青木二丁目',
    });
    expect(await geocoder.reverse([141.354376, 43.061945])).toEqual({
      municipalityCode: '011011',
      address: '北海道札幌市中央区北一条西二丁目',
      town: '北一条西二丁目',
    });
    expect(await geocoder.reverse([139.5, 35])).toBeNull();
    // muni.js is loaded once
    expect(fetch.calls.filter((u) => u.endsWith('muni.js'))).toHaveLength(1);
  });

  it('without the names table the code is still filled, the address left to the user', async () => {
    const fetch = recordedFetch([
      {
        host: 'mreversegeocoder.gsi.go.jp',
        path: '/reverse-geocoder/LonLatToAddress',
        body: GSI_SAMPLES.reverseKawaguchi,
      },
      { host: 'maps.gsi.go.jp', path: '/js/muni.js', status: 503, body: 'Service Unavailable' },
    ]);
    const geocoder = createGsiGeocoder({ fetch });
    expect(await geocoder.reverse([139.724655, 35.807869])).toEqual({
      municipalityCode: '112038',
      address: null,
      town: '青木二丁目',
    });
  });

  it('offline: every call fails with kind "offline" and a Japanese message', async () => {
    const geocoder = createGsiGeocoder({ fetch: offlineFetch });
    await expect(geocoder.search('川口市青木')).rejects.toMatchObject({
      name: 'GeocoderError',
      kind: 'offline',
      message: '国土地理院のサーバーにつながりません',
    });
    await expect(geocoder.reverse([139.72, 35.8])).rejects.toMatchObject({ kind: 'offline' });
  });

  it('an HTTP error and a broken body are told apart', async () => {
    const status = createGsiGeocoder({
      fetch: recordedFetch([
        {
          host: 'msearch.gsi.go.jp',
          path: '/address-search/AddressSearch',
          status: 500,
          body: GSI_SAMPLES.searchBroken,
        },
      ]),
    });
    await expect(status.search('川口')).rejects.toMatchObject({
      kind: 'http',
      message: expect.stringContaining('500'),
    });
    const broken = createGsiGeocoder({
      fetch: recordedFetch([
        {
          host: 'msearch.gsi.go.jp',
          path: '/address-search/AddressSearch',
          body: 'not json at all',
        },
      ]),
    });
    await expect(broken.search('川口')).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('an aborted search rejects with the abort, not as a failure to report', async () => {
    const controller = new AbortController();
    controller.abort();
    const geocoder = createGsiGeocoder({ fetch: recordedFetch() });
    await expect(
      geocoder.search('川口市青木', { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});
