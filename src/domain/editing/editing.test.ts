import { describe, expect, it } from 'vitest';
import { changedFields, diffListings } from './diff';
import { checkReportText, REPORT_MESSAGE_MAX } from './report-text';
import type { Listing } from './types';

describe('checkReportText', () => {
  it.each([
    ['開催日が変わっていました', null],
    ['2026-12-01 10:00 の回は休みでした', null],
    ['第2水曜日 13:30〜15:00 ではなく 14:00〜 です', null],
    ['', 'empty'],
    ['   ', 'empty'],
    ['090-1234-5678 に電話ください', 'phone'],
    ['０３（１２３４）５６７８', 'phone'],
    ['+81 90 1234 5678', 'phone'],
    ['0120123456', 'phone'],
    ['taro@example.jp', 'email'],
    ['ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ', 'email'],
    ['あ'.repeat(REPORT_MESSAGE_MAX + 1), 'too-long'],
  ])('%s → %s', (text, problem) => {
    expect(checkReportText(text)).toBe(problem);
  });
});

describe('changedFields', () => {
  const a = { id: 's', name: 'A', contact: { tel: '1' }, updatedAt: 't1' } as unknown as Listing;
  it('lists differing top-level fields, ignoring updatedAt', () => {
    const b = { ...a, contact: { tel: '2' }, updatedAt: 't2' } as Listing;
    expect(changedFields(a, b)).toEqual(['contact']);
    expect(diffListings(a, b)).toEqual([
      { field: 'contact', before: { tel: '1' }, after: { tel: '2' } },
    ]);
  });
  it('counts an added or removed optional field', () => {
    expect(changedFields(a, { ...a, access: 'x' } as Listing)).toEqual(['access']);
    const without = { ...(a as unknown as Record<string, unknown>) };
    delete without.contact;
    expect(changedFields(a, without as unknown as Listing)).toEqual(['contact']);
  });
  it('lists every field of a new listing', () => {
    expect(changedFields(null, a)).toEqual(['contact', 'id', 'name']);
  });
});
