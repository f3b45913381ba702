// The Supabase data source: the port over supabase-js and the read RPCs (docs/database.md).
// Loaded on demand by ./lazy.ts, so supabase-js never enters the local-mode bundle.
// The port's methods serve the public pages, so they ask for the public view explicitly (the
// public_view_* RPCs): published public non-confidential listings and their public menus, the
// same for a visitor and a signed-in staff member (DOMAIN.md privacy rules). Postgres enforces it
// (RLS still applies underneath). The semantics of every method are the local source's; the conformance
// suite (tests/conformance) runs the same queries through both.
import { createClient } from '@supabase/supabase-js';
import type { Area, Dataset } from '../../domain/model';
import type { ImportPlan } from '../../domain/import/plan';
import type { SiteQuery } from '../../domain/search/query';
import type { AuthService } from '../auth-port';
import type { EditorPort } from '../editor-port';
import type { DataSource, HelpDeskResult, PublicPoint, PublicSiteDetail, SearchResult } from '../port';
import * as rpc from './fetchers';
import { SupabaseAuth } from './supabase-auth';
import { SupabaseEditor } from './supabase-editor';

export class SupabaseDataSource implements DataSource {
  readonly kind = 'supabase' as const;
  readonly label: string;
  /** editing, review, history, 変更なし and error reports through the RPCs (supabase-editor.ts) */
  readonly editor: EditorPort;

  constructor(
    readonly client: rpc.KasaneClient,
    label = 'Supabase',
  ) {
    this.label = label;
    this.editor = new SupabaseEditor(client);
  }

  searchPublicSites(query: SiteQuery, options: { limit?: number; signal?: AbortSignal } = {}): Promise<SearchResult> {
    return rpc.searchPublicSites(this.client, query, options.limit ?? 50, options.signal);
  }

  getPublicPoints(signal?: AbortSignal): Promise<PublicPoint[]> {
    return rpc.getPublicPoints(this.client, signal);
  }

  getPublicSite(id: string, signal?: AbortSignal): Promise<PublicSiteDetail | null> {
    return rpc.getPublicSite(this.client, id, signal);
  }

  getAreas(signal?: AbortSignal): Promise<Area[]> {
    return rpc.getAreas(this.client, signal);
  }

  findHelpDesks(point: [number, number], signal?: AbortSignal): Promise<HelpDeskResult> {
    return rpc.findHelpDesks(this.client, point, signal);
  }

  /** a vector tile of the sites (layer "sites", see site_tiles in docs/database.md) */
  getSiteTile(z: number, x: number, y: number, signal?: AbortSignal): Promise<Uint8Array> {
    return rpc.getSiteTile(this.client, z, x, y, signal);
  }

  /** what the signed-in user may read (listing_export), for the import preview's duplicates and re-import updates */
  async loadImportBase(): Promise<Dataset> {
    const { loadDatasetFromSupabase } = await import('./import-writer');
    return loadDatasetFromSupabase(this.client);
  }

  /**
   * The import page's commit: the plan checked against the schemas here, then written by
   * import_listings in one transaction (RLS decides what the user may write; PT409 when the data
   * changed since the preview). Nothing changes on any error.
   */
  async applyImport(plan: ImportPlan): Promise<void> {
    const [{ checkPlan }, { writeImportPlanToSupabase }] = await Promise.all([import('../check-plan'), import('./import-writer')]);
    await writeImportPlanToSupabase(this.client, await checkPlan(plan));
  }
}

/** One client for data and auth, so RPCs run with the signed-in user's token. */
export function connectSupabase(url: string, anonKey: string): { source: SupabaseDataSource; auth: AuthService } {
  const client = createClient(url, anonKey, {
    auth: {
      persistSession: true,
      autoRefreshToken: true,
      detectSessionInUrl: true, // the magic link comes back with ?code=…
      flowType: 'pkce',
    },
  }) as rpc.KasaneClient;
  return { source: new SupabaseDataSource(client, new URL(url).host), auth: new SupabaseAuth(client) };
}
