// The public port methods ask for the public view by name (public_view_* RPCs), never the
// caller-dependent RPCs: a signed-in staff member's public pages must read what a visitor reads
// (DOMAIN.md privacy rules). Postgres enforces it (supabase/tests/database/080-public-view.sql,
// tests/conformance); this test pins which RPC each method calls.
import { describe, expect, it } from 'vitest';
import type { KasaneClient } from './fetchers';
import { SupabaseDataSource } from './supabase-source';

const answers: Record<string, unknown> = {
  public_view_search: { total: 0, total_in_view: 0, hits: [], match_ids: [] },
  public_view_points: [],
  public_view_site: null,
  public_view_help_desks_at: { areas: [], desks: [] },
  public_areas: [],
};

function fakeClient() {
  const calls: { fn: string; args: unknown }[] = [];
  const client = {
    rpc(fn: string, args?: unknown) {
      calls.push({ fn, args });
      const result = { data: answers[fn] ?? null, error: fn in answers ? null : { message: `no such RPC ${fn}`, code: 'PGRST202', hint: '', details: '' }, count: 0 };
      const call = {
        range: () => call,
        abortSignal: () => call,
        then: (ok: (r: typeof result) => unknown, fail?: (e: unknown) => unknown) => Promise.resolve(result).then(ok, fail),
      };
      return call;
    },
  };
  return { client: client as unknown as KasaneClient, calls };
}

describe('SupabaseDataSource: the public methods request the public view', () => {
  it('search, points, site pages and help desks call the public_view_* RPCs', async () => {
    const { client, calls } = fakeClient();
    const source = new SupabaseDataSource(client);
    await source.searchPublicSites({ needs: ['meals'], bbox: [139, 36, 139.1, 36.1] }, { limit: 20 });
    await source.getPublicPoints();
    await source.getPublicSite('site_1');
    await source.findHelpDesks([139.0, 36.3]);
    await source.getAreas();
    expect(calls.map((c) => c.fn)).toEqual(['public_view_search', 'public_view_points', 'public_view_site', 'public_view_help_desks_at', 'public_areas']);
    expect(calls[0]!.args).toMatchObject({ filters: { needs: ['meals'] }, bbox: [139, 36, 139.1, 36.1], max_rows: 20 });
    expect(calls[2]!.args).toEqual({ site_id: 'site_1' });
  });

  it('never calls the caller-dependent read RPCs from a public method', async () => {
    const { client, calls } = fakeClient();
    const source = new SupabaseDataSource(client);
    await source.searchPublicSites({});
    await source.getPublicPoints();
    await source.getPublicSite('x');
    await source.findHelpDesks([139.0, 36.3]);
    for (const fn of ['search_public_sites', 'public_points', 'site_with_menus', 'help_desks_at', 'sites_in_bbox', 'search_sites']) {
      expect(calls.map((c) => c.fn)).not.toContain(fn);
    }
  });
});
