import { readRealdata } from '../../../tests/support/realdata';
// The three real files in ../shared/realdata (see its README for what is hard about each).
import { describe, expect, it } from 'vitest';
import { menuSchema, siteSchema } from '../model';
import { previewImport } from './preview';

const OPTIONS = { now: '2026-04-01T09:00:00+09:00', today: '2026-04-01' };
const read = readRealdata;
const kawaguchi = previewImport(read('kawaguchi_112038_preschool.csv'), OPTIONS);
// 高松市 files carry no 全国地方公共団体コード column: the code is given for the whole file
const TAKAMATSU = { ...OPTIONS, municipalityCode: '37201' };
const kyoten = previewImport(read('takamatsu_0022_chiiki_kosodate_shien_kyoten.csv'), TAKAMATSU);
const houkatsu = previewImport(read('takamatsu_0045_chiiki_houkatsu_shien_center.csv'), TAKAMATSU);

const errorsOf = (p: typeof kawaguchi) => p.problems.filter((x) => x.severity === 'error');

describe('川口市 子育て施設一覧 (current national layout)', () => {
  it('reads 302 rows in the current 子育て施設一覧 layout', () => {
    expect(kawaguchi.encoding).toBe('utf-8-bom');
    expect(kawaguchi.layout?.id).toBe('national-current:childcare_facility');
    expect(kawaguchi.rows).toHaveLength(302);
    expect(kawaguchi.rows.map((r) => r.row)).toEqual(Array.from({ length: 302 }, (_, i) => i + 1));
  });

  it('decodes names, addresses and coordinates', () => {
    const first = kawaguchi.rows[0]!;
    expect(first).toMatchObject({ name: '川口市立栄町保育所', lat: 35.80447743, lng: 139.7269241, category: 'childcare_hub' });
    expect(first.site).toMatchObject({ location: [139.7269241, 35.80447743], address: '埼玉県川口市栄町1-2-19', municipalityCode: '112038', kana: 'カワグチシリツサカエチョウホイクショ' });
    expect(first.site!.contact.tel).toBe('(048)252-4384');
    // ideographic spaces inside names are kept as written
    expect(kawaguchi.rows.some((r) => r.name === 'フォーマザー保育園\u3000第1分園')).toBe(true);
  });

  it('flags the one row without coordinates as an error that needs geocoding, and nothing else as an error', () => {
    const errors = errorsOf(kawaguchi);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 234, field: '緯度・経度' });
    expect(errors[0]!.message).toMatch(/緯度・経度がありません/);
    const row = kawaguchi.rows[233]!;
    expect(row).toMatchObject({ name: '汽車ぽっぽ保育園きぞろ', lat: null, lng: null, needsGeocode: true, hasError: true, site: null });
  });

  it('parses unpadded times and weekday strings, with Saturday hours from the note', () => {
    const { schedule } = kawaguchi.rows[0]!.menu!;
    expect(schedule.rules).toEqual([
      { freq: 'WEEKLY', interval: 1, byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '07:00', closesAt: '19:00' },
      { freq: 'WEEKLY', interval: 1, byday: ['SA'], opensAt: '07:00', closesAt: '18:00' },
    ]);
    expect(schedule.closedOnHolidays).toBe(true);
    expect(schedule.note).toBe('土曜日の開所時間は07：00から18：00休所日は日曜日及び祝日、12/29から1/3まで');
  });

  it('keeps the 放課後児童クラブ hours, given only in prose, as the note with a warning', () => {
    const clubs = kawaguchi.rows.filter((r) => r.menu?.title === '放課後児童クラブ');
    expect(clubs).toHaveLength(56);
    for (const c of clubs) {
      expect(c.menu!.schedule.rules).toEqual([]);
      expect(c.menu!.schedule.irregular).toBe(true);
      expect(c.menu!.schedule.note).toMatch(/\d/);
      expect(kawaguchi.problems.some((p) => p.row === c.row && p.severity === 'warning' && p.field === '利用可能日時特記事項')).toBe(true);
    }
  });

  it('maps 種別 values outside the old enum, and says once per value when the category is only the closest', () => {
    const byKind = new Map(kawaguchi.rows.map((r) => [r.menu?.title, r.category]));
    expect(byKind.get('児童館')).toBe('childrens_hall');
    expect(byKind.get('放課後児童クラブ')).toBe('childrens_hall');
    expect(byKind.get('認可私立保育所')).toBe('childcare_hub');
    const fileNotes = kawaguchi.problems.filter((p) => p.row === 0 && p.field === '種別');
    expect(fileNotes.map((p) => p.message).join()).toContain('放課後児童クラブ');
    expect(fileNotes.map((p) => p.message).join()).not.toContain('「児童館」（');
  });

  it('reads 受入年齢 and 収容定員 into the menu', () => {
    expect(kawaguchi.rows[0]!.menu).toMatchObject({ ageMin: 1, ageMax: 5, capacity: { capacity: 70, availability: 'unknown' } });
  });

  it('proposes only objects that pass the schemas, with the city as organization for public facilities', () => {
    for (const r of kawaguchi.rows.filter((x) => !x.hasError)) {
      expect(siteSchema.safeParse(r.site).success).toBe(true);
      expect(menuSchema.safeParse(r.menu).success).toBe(true);
    }
    expect(kawaguchi.rows[0]!.organization).toMatchObject({ name: '川口市', kind: 'government', trusted: false });
  });

  it('warns about near-identical names within 100 m', () => {
    const dup = kawaguchi.problems.filter((p) => p.field === '名称' && p.severity === 'warning');
    expect(dup.length).toBeGreaterThan(0);
    for (const d of dup) expect(d.message).toMatch(/約\d+ m/);
  });
});

describe('高松市 地域子育て支援拠点 (LinkData)', () => {
  it('skips the nine # rows and reads 14 rows', () => {
    expect(kyoten.layout?.id).toBe('linkdata');
    expect(kyoten.rows).toHaveLength(14);
    expect(errorsOf(kyoten)).toEqual([]);
  });

  it('splits the "lat,lon" cell', () => {
    expect(kyoten.rows[0]).toMatchObject({ name: '子育て“ほっと”ステーションもこもこ', lat: 34.32106, lng: 134.04933, category: 'childcare_hub' });
    expect(kyoten.rows[0]!.site!.municipalityCode).toBe('372013');
  });

  it('reads 火水木金土 and zero-padded times', () => {
    const row4 = kyoten.rows[3]!;
    expect(row4.name).toBe('子育てひろば「おるごーる」');
    expect(row4.menu!.schedule.rules).toEqual([{ freq: 'WEEKLY', interval: 1, byday: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA'], opensAt: '09:30', closesAt: '14:30' }]);
  });

  it('turns prose that holds only times into rules, keeps it as the note and warns', () => {
    const row8 = kyoten.rows[7]!;
    expect(row8.menu!.schedule).toEqual({
      rules: [
        { freq: 'WEEKLY', interval: 1, byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '09:30', closesAt: '12:00' },
        { freq: 'WEEKLY', interval: 1, byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '13:00', closesAt: '15:30' },
      ],
      closedOnHolidays: false,
      irregular: false,
      note: '利用可能時間は09:30～12:00、13:00～15:30',
    });
    expect(kyoten.problems.filter((p) => p.severity === 'warning').map((p) => p.row)).toEqual([1, 8, 13, 14]);
  });

  it('adds 第３土 hours from the note as a monthly rule and keeps the rest of the note', () => {
    const row7 = kyoten.rows[6]!.menu!.schedule;
    expect(row7.rules).toContainEqual({ freq: 'MONTHLY', interval: 1, byday: ['3SA'], opensAt: '10:30', closesAt: '15:30' });
    expect(row7.note).toBe('第３土は10:30～15:30。第３火曜日休。');
  });
});

describe('高松市 地域包括支援センター (LinkData)', () => {
  it('reads 7 rows whose ids skip a number, and keys rows by their own id', () => {
    expect(houkatsu.rows).toHaveLength(7);
    expect(houkatsu.rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(houkatsu.rows.map((r) => r.key.split(':').at(-1))).toEqual(['1', '2', '4', '5', '6', '7', '8']);
    expect(new Set(houkatsu.rows.map((r) => r.site!.id)).size).toBe(7);
  });

  it('maps every row to 地域包括支援センター with weekday hours closed on 祝日 (said only in prose)', () => {
    for (const r of houkatsu.rows) {
      expect(r.category).toBe('community_general_support_center');
      expect(r.menu!.schedule.rules).toEqual([{ freq: 'WEEKLY', interval: 1, byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '08:30', closesAt: '17:00' }]);
      expect(r.menu!.schedule.closedOnHolidays).toBe(true);
    }
    expect(houkatsu.rows[1]).toMatchObject({ lat: 34.28427209709954, lng: 134.04093382459948 });
  });

  it('gives different keys to the two 高松市 files although both number rows from 1', () => {
    const keys = new Set(kyoten.rows.map((r) => r.site!.id));
    for (const r of houkatsu.rows) expect(keys.has(r.site!.id)).toBe(false);
  });

  it('without a municipality code, every row says what to do', () => {
    const p = previewImport(read('takamatsu_0045_chiiki_houkatsu_shien_center.csv'), OPTIONS);
    const errors = errorsOf(p);
    expect(errors).toHaveLength(7);
    for (const e of errors) expect(e.message).toMatch(/市区町村コードを指定してください/);
  });
});
