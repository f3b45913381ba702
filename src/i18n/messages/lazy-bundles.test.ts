// Bundles of lazy chunks (registerMessages) are not in the eager messages the all-bundles test
// checks: the same checks here, for each. English complete, やさしい日本語 only overrides,
// placeholders match, no key shared with the eager messages or another lazy bundle.
import { describe, expect, it } from 'vitest';
import { allMessages, type LazyBundles } from './index';
import { editingWidgets } from './editing-widgets';
import { editor } from './editor';
import { importMessages } from './import';
import { report } from './report';
import { staff } from './staff';

const lazyBundles: Record<string, LazyBundles> = { staff, editor, report, importMessages, editingWidgets };
const eagerKeys = new Set(Object.keys(allMessages.ja));

describe.each(Object.entries(lazyBundles))('lazy bundle %s', (name, bundle) => {
  const ja = bundle.ja as Record<string, string>;
  const en = bundle.en as Record<string, string>;
  const easy = bundle.easy as Partial<Record<string, string>>;
  const keys = Object.keys(ja);

  it('English is complete, やさしい日本語 only overrides existing keys, placeholders match', () => {
    expect(Object.keys(en).sort()).toEqual([...keys].sort());
    expect(Object.keys(easy).filter((k) => !(k in ja))).toEqual([]);
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of keys) {
      expect(ja[k]!.trim(), k).not.toBe('');
      expect(en[k]!.trim(), k).not.toBe('');
      expect(vars(en[k]!), k).toEqual(vars(ja[k]!));
      if (easy[k]) expect(vars(easy[k]), k).toEqual(vars(ja[k]!));
    }
  });

  it('shares no key with the eager messages or another lazy bundle', () => {
    // registering in any order must not change what an eager key says
    expect(keys.filter((k) => eagerKeys.has(k) && allMessages.ja[k as keyof typeof allMessages.ja] !== ja[k])).toEqual([]);
    for (const [other, b] of Object.entries(lazyBundles)) {
      if (other === name) continue;
      expect(keys.filter((k) => k in b.ja), `${name} / ${other}`).toEqual([]);
    }
  });
});
