// The lazy Supabase source forwards what the pages use beyond the public reads: the editing port
// (every method of EDITOR_METHODS) and the import commit. The module behind it is replaced here by
// one that records the calls: what is tested is the forwarding, not supabase-js.
import { describe, expect, it, vi } from 'vitest';
import { EDITOR_METHODS } from '../local/worker-protocol';

const calls: { method: string; args: unknown[] }[] = [];
const record = (method: string) => (...args: unknown[]) => {
  calls.push({ method, args });
  return Promise.resolve(`${method} done`);
};

vi.mock('./supabase-source', () => ({
  connectSupabase: () => ({
    source: {
      editor: Object.fromEntries(EDITOR_METHODS.map((m) => [m, record(`editor.${m}`)])),
      applyImport: record('applyImport'),
      loadImportBase: record('loadImportBase'),
    },
    auth: { kind: 'supabase', getState: () => ({ status: 'signed-out', role: 'resident' }), subscribe: () => () => undefined, signOut: async () => undefined },
  }),
}));

describe('LazySupabaseSource', () => {
  it('forwards every editing method and the import calls to the loaded source', async () => {
    const { createSupabase } = await import('./lazy');
    const { source } = createSupabase('https://example.supabase.co', 'anon');
    expect(source.editor).toBeDefined();
    for (const m of EDITOR_METHODS) {
      const fn = source.editor![m] as (...xs: unknown[]) => Promise<unknown>;
      expect(await fn('a', 1)).toBe(`editor.${m} done`);
    }
    expect(await source.loadImportBase!()).toBe('loadImportBase done');
    await source.applyImport!({} as never);
    expect(calls.map((c) => c.method)).toEqual([...EDITOR_METHODS.map((m) => `editor.${m}`), 'loadImportBase', 'applyImport']);
    expect(calls[0]!.args).toEqual(['a', 1]);
  });
});
