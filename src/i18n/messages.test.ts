import { describe, expect, it } from 'vitest';
import { allMessages } from './messages';
import { pickLabel, translate } from './i18n';
import { expectWellFormedBundle } from './messages/expect-bundle';

describe('messages', () => {
  it('English is complete, やさしい日本語 only overrides, no message is empty, placeholders match', () => {
    expectWellFormedBundle(allMessages);
  });

  it('falls back from やさしい日本語 to Japanese and fills placeholders', () => {
    expect(translate('easy', 'app.name')).toBe(allMessages.ja['app.name']);
    expect(translate('en', 'find.count', { total: 3 })).toBe('3 found');
    expect(pickLabel('easy', { ja: '高齢', en: 'Older people' })).toBe('高齢');
    expect(pickLabel('en', { ja: '高齢', en: 'Older people' })).toBe('Older people');
  });
});
