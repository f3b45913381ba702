import { describe, expect, it } from 'vitest';
import { allMessages } from './messages';
import { pickLabel, translate } from './i18n';

describe('messages', () => {
  const ja = Object.keys(allMessages.ja);

  it('English is complete and has no keys Japanese lacks', () => {
    expect(Object.keys(allMessages.en).sort()).toEqual([...ja].sort());
  });

  it('やさしい日本語 only overrides existing keys', () => {
    expect(Object.keys(allMessages.easy).filter((k) => !ja.includes(k))).toEqual([]);
  });

  it('no message is empty, and placeholders match across languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of ja) {
      const k = key as keyof typeof allMessages.ja;
      expect(allMessages.ja[k].trim(), key).not.toBe('');
      expect(allMessages.en[k].trim(), key).not.toBe('');
      expect(vars(allMessages.en[k]), key).toEqual(vars(allMessages.ja[k]));
      const easy = allMessages.easy[k];
      if (easy) expect(vars(easy), key).toEqual(vars(allMessages.ja[k]));
    }
  });

  it('falls back from やさしい日本語 to Japanese and fills placeholders', () => {
    expect(translate('easy', 'app.name')).toBe(allMessages.ja['app.name']);
    expect(translate('en', 'find.count', { total: 3 })).toBe('3 found');
    expect(pickLabel('easy', { ja: '高齢', en: 'Older people' })).toBe('高齢');
    expect(pickLabel('en', { ja: '高齢', en: 'Older people' })).toBe('Older people');
  });
});
