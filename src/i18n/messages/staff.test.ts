// The staff bundle loads lazily (registerMessages), so the all-bundles test does not see it: the
// same checks here. English complete, やさしい日本語 only overrides, placeholders match, and once
// registered, translate finds it.
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { allMessages, registerMessages } from './index';
import { staff } from './staff';

describe('staff messages', () => {
  const ja = Object.keys(staff.ja) as (keyof typeof staff.ja)[];
  it('English is complete, やさしい日本語 only overrides existing keys, placeholders match', () => {
    expect(Object.keys(staff.en).sort()).toEqual([...ja].sort());
    expect(Object.keys(staff.easy).filter((k) => !(k in staff.ja))).toEqual([]);
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of ja) {
      expect(staff.ja[k].trim(), k).not.toBe('');
      expect(staff.en[k].trim(), k).not.toBe('');
      expect(vars(staff.en[k]), k).toEqual(vars(staff.ja[k]));
      const easy = (staff.easy as Partial<Record<string, string>>)[k];
      if (easy) expect(vars(easy), k).toEqual(vars(staff.ja[k]));
    }
  });

  it('is not in the eager messages, and joins them when registered', () => {
    expect('staff.cases' in allMessages.ja).toBe(false);
    expect(allMessages.ja['staff.nav']).toBe('参加支援');
    registerMessages(staff);
    expect(translate('ja', 'staff.cases')).toBe('ケース一覧');
    expect(translate('easy', 'staff.sheetTitle')).toBe('つなぎ シート　あなたに しょうかいする かつどう');
    expect(translate('easy', 'staff.cases')).toBe('ケース一覧'); // falls back to Japanese
  });
});
