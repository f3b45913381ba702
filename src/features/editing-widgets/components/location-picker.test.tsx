// @vitest-environment happy-dom
// The picker with the real GSI geocoder code; only the remote server is replaced, by recorded
// responses (gsi-fixtures.ts) or by a fetch that fails as it does on a machine without network.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGsiGeocoder, type Geocoder } from '../../../data/geocoder/gsi';
import { offlineFetch, recordedFetch } from '../../../data/geocoder/gsi-fixtures';
import { siteSchema, type Area } from '../../../domain/model';
import { I18nProvider } from '../../../i18n/i18n';
import type { Locale } from '../../../i18n/types';
import type { LocationValue } from '../location';
import { LocationPicker } from './location-picker';

// happy-dom has no WebGL: the map takes its real fallback path and warns once per mount
let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  cleanup();
  warn.mockRestore();
});

const EMPTY: LocationValue = { location: null, address: '', municipalityCode: '' };

function setup(
  options: {
    initial?: LocationValue;
    geocoder?: Geocoder;
    locale?: Locale;
    showErrors?: boolean;
    areas?: Area[];
  } = {},
) {
  const emitted: LocationValue[] = [];
  const submitted = vi.fn();
  const fetch = recordedFetch();
  const geocoder = options.geocoder ?? createGsiGeocoder({ fetch });
  function Form() {
    const [value, setValue] = useState<LocationValue>(options.initial ?? EMPTY);
    return (
      <I18nProvider locale={options.locale ?? 'ja'}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submitted();
          }}
        >
          <LocationPicker
            value={value}
            onChange={(v) => {
              emitted.push(v);
              setValue(v);
            }}
            geocoder={geocoder}
            showErrors={options.showErrors}
            areas={options.areas}
          />
        </form>
      </I18nProvider>
    );
  }
  render(<Form />);
  return { last: () => emitted[emitted.length - 1], emitted, submitted, fetch };
}

const field = (name: string | RegExp) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const searchBox = () => screen.getByRole('searchbox', { name: '住所で検索' }) as HTMLInputElement;
const search = async (q: string) => {
  fireEvent.change(searchBox(), { target: { value: q } });
  await act(async () => {
    fireEvent.keyDown(searchBox(), { key: 'Enter' });
  });
};
const pinStatus = () => screen.getByTestId('pin-status').textContent;

describe('LocationPicker without network', () => {
  it('the search fails quietly, and the address and code are entered by hand', async () => {
    const form = setup({ geocoder: createGsiGeocoder({ fetch: offlineFetch }) });
    await search('川口市青木2-1-1');
    expect(form.submitted).not.toHaveBeenCalled(); // Enter searched; it did not submit the edit form
    expect(
      await screen.findByText(/住所検索につながりませんでした。住所と市区町村コードを手で入力し/),
    ).toBeTruthy();
    expect(screen.getByText(/住所検索につながりませんでした/).getAttribute('role')).toBe('status');

    fireEvent.change(field('住所'), { target: { value: '埼玉県川口市青木2丁目1-1' } });
    fireEvent.change(field('全国地方公共団体コード（6桁）'), { target: { value: '11203' } });
    fireEvent.blur(field('全国地方公共団体コード（6桁）'));
    expect(field('全国地方公共団体コード（6桁）').value).toBe('112038');
    expect(screen.getByText('6桁目を計算して 112038 にしました。')).toBeTruthy();

    fireEvent.change(field('緯度'), { target: { value: '35.807869' } });
    fireEvent.change(field('経度'), { target: { value: '139.724655' } });
    expect(form.last()).toEqual({
      location: [139.724655, 35.807869],
      address: '埼玉県川口市青木2丁目1-1',
      municipalityCode: '112038',
    });
    expect(pinStatus()).toBe('ピンの位置: 緯度 35.807869、経度 139.724655');
    // the three fields pass the site schema's own checks
    const site = siteSchema.shape;
    expect(site.location.safeParse(form.last()?.location).success).toBe(true);
    expect(site.municipalityCode.safeParse(form.last()?.municipalityCode).success).toBe(true);
  });

  it('a wrong check digit is refused beside the field, with the right code suggested', () => {
    setup();
    const code = field('全国地方公共団体コード（6桁）');
    fireEvent.change(code, { target: { value: '112030' } });
    fireEvent.blur(code);
    expect(code.getAttribute('aria-invalid')).toBe('true');
    const message = screen.getByText(
      'コードの6桁目（確認用の数字）が合いません。112038 ではありませんか。',
    );
    expect(code.getAttribute('aria-describedby')).toContain(message.closest('p')?.id);
    fireEvent.change(code, { target: { value: '市役所' } });
    expect(
      screen.getByText('全国地方公共団体コードは6桁の数字で入力してください（例: 112038）。'),
    ).toBeTruthy();
  });

  it('without WebGL the map says so and the keyboard alternatives remain', async () => {
    setup();
    expect(
      await screen.findByText(
        'この端末では地図を表示できません。緯度・経度を入力してください。',
        {},
        { timeout: 10_000 },
      ),
    ).toBeTruthy();
    expect(field('緯度')).toBeTruthy();
    expect(warn).toHaveBeenCalledWith('Map could not start', expect.anything());
  });

  it('reverse geocoding offline leaves the typed address alone', async () => {
    const form = setup({
      geocoder: createGsiGeocoder({ fetch: offlineFetch }),
      initial: {
        location: [139.724655, 35.807869],
        address: '手で入れた住所',
        municipalityCode: '',
      },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'ピンの位置から住所を入れる' }));
    });
    expect(
      await screen.findByText(
        'ピンの位置から住所を調べられませんでした。住所と市区町村コードを手で入力してください。',
      ),
    ).toBeTruthy();
    expect(form.emitted).toEqual([]);
  });
});

describe('LocationPicker with 国土地理院 (recorded responses)', () => {
  it('a search hit sets the pin and the address, and reverse geocoding adds the code', async () => {
    const form = setup();
    await search('川口市青木');
    expect(
      await screen.findByText('検索結果（3件）。選ぶとピンと住所が入ります。', {
        selector: '[role="status"]',
      }),
    ).toBeTruthy();
    const hits = screen
      .getAllByRole('button', { name: /埼玉県川口市青木/ })
      .map((b) => b.textContent);
    expect(hits).toEqual([
      '埼玉県川口市青木二丁目',
      '埼玉県川口市青木一丁目',
      '埼玉県川口市青木三丁目',
    ]);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '埼玉県川口市青木二丁目' }));
    });
    await waitFor(() => expect(form.last()?.municipalityCode).toBe('112038'));
    expect(form.last()).toEqual({
      location: [139.724655, 35.807869],
      address: '埼玉県川口市青木二丁目',
      municipalityCode: '112038',
    });
    expect(document.activeElement).toBe(field('住所'));
    expect(
      screen.getByText('住所と市区町村コードを入れました: 埼玉県川口市青木二丁目（112038）'),
    ).toBeTruthy();
    expect(field('緯度').value).toBe('35.807869');
  });

  it('a hit that carries its code needs no reverse geocoding', async () => {
    const form = setup();
    await search('川口市青木');
    await screen.findByRole('button', { name: '埼玉県川口市青木三丁目' });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '埼玉県川口市青木三丁目' }));
    });
    expect(form.last()).toEqual({
      location: [139.72876, 35.81117],
      address: '埼玉県川口市青木三丁目',
      municipalityCode: '112038',
    });
    expect(form.fetch.calls.some((u) => u.includes('LonLatToAddress'))).toBe(false);
  });

  it('no hit: says so and suggests the map', async () => {
    setup();
    await search('存在しない町');
    expect(
      await screen.findByText(
        '見つかりませんでした。住所を短くして試すか、地図でピンを置いてください。',
      ),
    ).toBeTruthy();
  });

  it('fills the address and code from a pin (a ward of a designated city)', async () => {
    const form = setup({
      initial: { location: [141.354376, 43.061945], address: '', municipalityCode: '' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'ピンの位置から住所を入れる' }));
    });
    await waitFor(() => expect(form.last()?.municipalityCode).toBe('011011'));
    expect(form.last()?.address).toBe('北海道札幌市中央区北一条西二丁目');
  });

  it('a pin at sea has no address', async () => {
    setup({ initial: { location: [139.5, 35], address: '', municipalityCode: '' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'ピンの位置から住所を入れる' }));
    });
    expect(
      await screen.findByText('ピンの位置の住所は見つかりませんでした（海の上など）。'),
    ).toBeTruthy();
  });
});

describe('LocationPicker: a pin outside the municipality', () => {
  const kawaguchi: Area = {
    id: 'kawaguchi',
    level: 'municipality',
    name: '川口市',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [139.68, 35.78],
          [139.78, 35.78],
          [139.78, 35.9],
          [139.68, 35.9],
          [139.68, 35.78],
        ],
      ],
    },
  };

  it('is pointed out (a town of the same name elsewhere), and the notice goes when it is moved in', async () => {
    setup({ areas: [kawaguchi] });
    await search('札幌市中央区北1条西2丁目');
    await act(async () => {
      fireEvent.click(
        await screen.findByRole('button', { name: '北海道札幌市中央区北一条西二丁目' }),
      );
    });
    expect(screen.getByText(/ピンが川口市の外にあります。/)).toBeTruthy();
    fireEvent.change(field('緯度'), { target: { value: '35.807869' } });
    fireEvent.change(field('経度'), { target: { value: '139.724655' } });
    expect(screen.queryByText(/ピンが川口市の外にあります。/)).toBeNull();
  });
});

describe('LocationPicker: keyboard alternatives to the map', () => {
  it('arrow buttons nudge the pin about 10 m and the pin status says where it is', () => {
    const form = setup({
      initial: { location: [139.724655, 35.807869], address: '', municipalityCode: '' },
    });
    fireEvent.click(screen.getByRole('button', { name: /北へ/ }));
    const [lng, lat] = form.last()!.location!;
    expect(lng).toBe(139.724655);
    expect(lat).toBeCloseTo(35.807959, 6);
    expect(pinStatus()).toBe(`ピンの位置: 緯度 ${lat.toFixed(6)}、経度 139.724655`);
    expect(screen.getByTestId('pin-status').getAttribute('role')).toBe('status');
    expect(field('緯度').value).toBe(lat.toFixed(6));
    fireEvent.click(screen.getByRole('button', { name: /東へ/ }));
    expect(form.last()!.location![0]).toBeGreaterThan(139.724655);
  });

  it('without a pin the nudge buttons are disabled; removing the pin empties the coordinates', () => {
    const form = setup({
      initial: { location: [139.724655, 35.807869], address: '', municipalityCode: '' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'ピンを外す' }));
    expect(form.last()?.location).toBeNull();
    expect(field('緯度').value).toBe('');
    for (const name of [/北へ/, /南へ/, /東へ/, /西へ/])
      expect(screen.getByRole('button', { name })).toHaveProperty('disabled', true);
    expect(pinStatus()).toBe(
      'まだピンがありません。地図をクリックするか、住所で検索してください。',
    );
  });

  it('keeps a half-typed latitude as typed, and pasting "lat, lng" fills both', () => {
    const form = setup();
    fireEvent.change(field('緯度'), { target: { value: '35.8' } });
    fireEvent.blur(field('緯度'));
    expect(field('緯度').value).toBe('35.8');
    expect(screen.getByText('緯度と経度の両方を入力してください。')).toBeTruthy();
    fireEvent.change(field('緯度'), { target: { value: '35.8078, 139.7246' } });
    expect(field('緯度').value).toBe('35.807800');
    expect(field('経度').value).toBe('139.724600');
    expect(form.last()?.location).toEqual([139.7246, 35.8078]);
  });

  it('showErrors asks for a place and a code', () => {
    setup({ showErrors: true });
    expect(screen.getByText(/場所が決まっていません。/)).toBeTruthy();
    expect(
      screen.getByText('全国地方公共団体コードは6桁の数字で入力してください（例: 112038）。'),
    ).toBeTruthy();
    // the edit form focuses the first [data-invalid] after a refused save
    expect([...document.querySelectorAll('[data-invalid="true"]')]).toEqual([
      field('緯度'),
      field('全国地方公共団体コード（6桁）'),
    ]);
  });

  it('every control is labelled; English labels', () => {
    setup({ locale: 'en' });
    expect(screen.getByRole('group', { name: 'Location' })).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: 'Search by address' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Municipality code (6 digits)' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Move the pin a little (about 10 m)' })).toBeTruthy();
    for (const control of document.querySelectorAll('input, button')) {
      const id = control.getAttribute('id');
      const named =
        (id && document.querySelector(`label[for="${id}"]`)) ||
        control.textContent?.trim() ||
        control.getAttribute('aria-label');
      expect(named, control.outerHTML).toBeTruthy();
    }
  });
});
