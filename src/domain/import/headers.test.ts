import { describe, expect, it } from 'vitest';
import { accessibilityFromList, canonicalField, headerKey, isTrueFlag } from './headers';
import { detectLayout } from './layout';
import { previewImport } from './preview';

describe('header variants', () => {
  it.each([
    ['名称_英字', 'nameEn'],
    ['名称_英語', 'nameEn'],
    ['建物名等(方書)', 'building'],
    ['建物名等（方書）', 'building'],
    ['所在地_連結表記', 'addressFull'],
    ['所在地_連結標記', 'addressFull'],
    ['利用可能日時特記事項', 'scheduleNote'],
    ['利用可能時間特記事項', 'scheduleNote'],
    ['1.名称', 'name'],
    ['１．名称', 'name'],
    ['(3)緯度', 'lat'],
    [' 経度 ', 'lng'],
    ['都道府県コード又は市区町村コード', 'code'],
    ['NO', 'id'],
    ['実施サービス', 'kind'],
    ['介護サービス事業所名称', 'name'],
    ['イベント名', 'name'],
    ['盲導犬・介助犬、聴導犬同伴', 'a11y:assistance_dogs'],
    ['盲導犬・介助犬・聴導犬同伴', 'a11y:assistance_dogs'],
    ['location', 'latLng'],
    ['画像_ライセンス', null],
    ['画像ライセンス', null],
  ])('%s → %s', (header, field) => expect(canonicalField(header)).toBe(field));

  it('headerKey is idempotent', () => {
    for (const h of ['1.名称', '建物名等（方書）', '所在地_連結標記', 'ＵＲＬ']) expect(headerKey(headerKey(h))).toBe(headerKey(h));
  });

  it('reads barrier-free flags and the old single-cell list', () => {
    expect(['有', '○', '1', 'TRUE', 'あり'].every(isTrueFlag)).toBe(true);
    expect(['無', '×', '', '0'].some(isTrueFlag)).toBe(false);
    expect(accessibilityFromList('車椅子可;多目的トイレ;授乳室;不明な項目')).toEqual(['wheelchair', 'accessible_toilet', 'nursing_room']);
  });
});

describe('layouts', () => {
  it.each([
    [['全国地方公共団体コード', 'ID', '地方公共団体名', '名称', '所在地_連結表記', '緯度', '経度', '車椅子可'], 'national-current:public_facility'],
    [['都道府県コード又は市区町村コード', 'NO', '都道府県名', '市区町村名', '名称', '住所', '方書', '緯度', '経度', 'バリアフリー情報'], 'national-old:public_facility'],
    [['都道府県コード又は市区町村コード', 'NO', '都道府県名', '市区町村名', '介護サービス事業所名称', '実施サービス', '住所', '緯度', '経度'], 'national-old:care_service'],
    [['全国地方公共団体コード', 'ID', '名称', '種別', '受入年齢', '緯度', '経度'], 'national-current:childcare_facility'],
    [['全国地方公共団体コード', 'ID', 'イベント名', '開始日', '終了日', '開始時間', '終了時間', '場所名称', '緯度', '経度'], 'national-current:event'],
    [['団体名', '拠点ID', '名称', 'カテゴリ', 'メニュー名'], 'kasane-template'],
  ])('%j → %s', (header, id) => expect(detectLayout(header, {}).id).toBe(id));

  it('imports an old-generation 介護サービス事業所一覧 in CP932-free text with numbered headers and a dropped leading zero', () => {
    const csv = [
      '1.都道府県コード又は市区町村コード,2.NO,3.都道府県名,4.市区町村名,5.介護サービス事業所名称,6.介護サービス事業所名称_カナ,7.実施サービス,8.住所,9.方書,10.緯度,11.経度,12.電話番号,13.利用可能曜日,14.利用可能曜日特記事項',
      '92011,1,栃木県,宇都宮市,デイサービスかさね,デイサービスカサネ,通所型サービス,栃木県宇都宮市旭1-1-5,２階,36.5551,139.8828,028-000-0000,月〜金,祝日は休み',
      '92011,2,栃木県,宇都宮市,宇都宮市地域包括支援センター中央,,地域包括支援センター,栃木県宇都宮市旭1-1-5,,36.5552,139.8829,028-000-0001,平日,',
    ].join('\n');
    const p = previewImport(csv, { now: '2026-04-01T00:00:00+09:00', today: '2026-04-01' });
    expect(p.layout?.id).toBe('national-old:care_service');
    expect(p.rows.map((r) => r.category)).toEqual(['integrated_service', 'community_general_support_center']);
    expect(p.rows[0]!.site).toMatchObject({ municipalityCode: '092011', address: '栃木県宇都宮市旭1-1-5 ２階' });
    // no times: the weekday is known, so the schedule waits for hours (irregular)
    expect(p.rows[0]!.menu!.schedule).toMatchObject({ rules: [], closedOnHolidays: true });
    expect(p.problems.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('imports an イベント一覧 row as a dated weekly rule at its venue', () => {
    const csv = [
      '全国地方公共団体コード,ID,イベント名,開始日,終了日,開始時間,終了時間,説明,料金(基本),場所名称,所在地_連結表記,緯度,経度,種別',
      '111074,e1,親子で遊ぼう,2026/05/09,2026/05/09,10:00,11:30,親子向けの遊びの会,0,かさね公民館,埼玉県さいたま市浦和区高砂1-1,35.86,139.65,公民館',
    ].join('\r\n');
    const p = previewImport(csv, { now: '2026-04-01T00:00:00+09:00', today: '2026-04-01' });
    expect(p.layout?.id).toBe('national-current:event');
    const r = p.rows[0]!;
    expect(r.site!.name).toBe('かさね公民館');
    expect(r.menu).toMatchObject({ title: '親子で遊ぼう', cost: { kind: 'free' } });
    expect(r.menu!.schedule.rules).toEqual([{ freq: 'WEEKLY', interval: 1, byday: ['SA'], opensAt: '10:00', closesAt: '11:30', validFrom: '2026-05-09', validTo: '2026-05-09' }]);
  });

  it('reads TSV', () => {
    const tsv = '名称\t緯度\t経度\t種別\t全国地方公共団体コード\nひろば\t35.1\t139.1\t児童館\t111074\n';
    const p = previewImport(tsv, { today: '2026-04-01', now: '2026-04-01T00:00:00Z' });
    expect(p.rows[0]).toMatchObject({ name: 'ひろば', lat: 35.1, lng: 139.1, category: 'childrens_hall' });
  });

  it('lets a user mapping override the defaults', () => {
    const csv = '名称,緯度,経度,種別,全国地方公共団体コード\nA保育園,35.1,139.1,認可私立保育所,111074\n';
    const p = previewImport(csv, { mapping: [{ source: 'kind', match: '認可私立保育所', categoryId: 'child_family_center' }], today: '2026-04-01', now: '2026-04-01T00:00:00Z' });
    expect(p.rows[0]!.category).toBe('child_family_center');
    expect(p.problems.filter((x) => x.row === 0)).toEqual([]);
  });

  it('says what to do when there is no name column', () => {
    const p = previewImport('a,b\n1,2\n');
    expect(p.problems[0]).toMatchObject({ row: 0, severity: 'error', field: '名称' });
  });
});
