// The staff bundle loads lazily (registerMessages): once registered, translate finds it (its
// well-formedness is checked with the other lazy bundles in lazy-bundles.test.ts).
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { allMessages, registerMessages } from './index';
import { staff } from './staff';

describe('staff messages', () => {
  it('is not in the eager messages, and joins them when registered', () => {
    expect('staff.cases' in allMessages.ja).toBe(false);
    expect(allMessages.ja['staff.nav']).toBe('参加支援');
    registerMessages(staff);
    expect(translate('ja', 'staff.cases')).toBe('ケース一覧');
    expect(translate('easy', 'staff.sheetTitle')).toBe('つなぎ シート　あなたに しょうかいする かつどう');
    expect(translate('easy', 'staff.cases')).toBe('ケース一覧'); // falls back to Japanese
  });
});
