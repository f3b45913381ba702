// Bundles of lazy chunks (registerMessages) are not in the eager messages the all-bundles test
// checks: the same checks here, for each. English complete, やさしい日本語 only overrides,
// placeholders match, no key shared with the eager messages or another lazy bundle.
import { describe, expect, it } from 'vitest';
import { expectWellFormedBundle } from './expect-bundle';
import { allMessages, type LazyBundles } from './index';
import { editingWidgets } from './editing-widgets';
import { editor } from './editor';
import { importMessages } from './import';
import { report } from './report';
import { staff } from './staff';

const lazyBundles: Record<string, LazyBundles> = { staff, editor, report, importMessages, editingWidgets };
const eagerKeys = new Set(Object.keys(allMessages.ja));

describe.each(Object.entries(lazyBundles))('lazy bundle %s', (name, bundle) => {
  const keys = Object.keys(bundle.ja);

  it('English is complete, やさしい日本語 only overrides existing keys, placeholders match', () => {
    expectWellFormedBundle(bundle);
  });

  it('shares no key with the eager messages or another lazy bundle', () => {
    // registering in any order must not change what an eager key says
    expect(keys.filter((k) => eagerKeys.has(k) && allMessages.ja[k as keyof typeof allMessages.ja] !== (bundle.ja as Record<string, string>)[k])).toEqual([]);
    for (const [other, b] of Object.entries(lazyBundles)) {
      if (other === name) continue;
      expect(keys.filter((k) => k in b.ja), `${name} / ${other}`).toEqual([]);
    }
  });
});
