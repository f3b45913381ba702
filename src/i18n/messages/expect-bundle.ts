// The checks every message bundle passes (test helper): English complete and no key Japanese
// lacks, やさしい日本語 only overrides existing keys, no empty message, placeholders alike in
// every language. Used for the eager messages (messages.test.ts) and each lazy bundle.
import { expect } from 'vitest';

type Texts = Partial<Record<string, string>>;
const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

export function expectWellFormedBundle(bundle: { ja: Texts; en: Texts; easy: Texts }): void {
  const keys = Object.keys(bundle.ja);
  expect(Object.keys(bundle.en).sort()).toEqual([...keys].sort());
  expect(Object.keys(bundle.easy).filter((k) => !(k in bundle.ja))).toEqual([]);
  for (const k of keys) {
    const ja = bundle.ja[k]!;
    expect(ja.trim(), k).not.toBe('');
    expect(bundle.en[k]!.trim(), k).not.toBe('');
    expect(vars(bundle.en[k]!), k).toEqual(vars(ja));
    const easy = bundle.easy[k];
    if (easy) expect(vars(easy), k).toEqual(vars(ja));
  }
}
