// The Supabase data source and auth behind a dynamic import: the app picks them synchronously at
// start-up, and supabase-js (≈ 50 kB gzip) is fetched only when VITE_SUPABASE_URL is set, never by
// the local-mode public bundle. Every call waits for the module; the auth state is 'loading' until then.
import type { Area, Dataset } from '../../domain/model';
import type { ImportPlan } from '../../domain/import/plan';
import { deferredEditorPort, type EditorPort } from '../editor-port';
import type { SiteQuery } from '../../domain/search/query';
import type { AuthService, AuthState } from '../auth-port';
import type { CasePortFactory } from '../case-port';
import type { DataSource, HelpDeskResult, PublicPoint, PublicSiteDetail, SearchResult } from '../port';
import type { SupabaseDataSource } from './supabase-source';

type Connected = { source: SupabaseDataSource; auth: AuthService };

class LazySupabaseSource implements DataSource {
  readonly kind = 'supabase' as const;
  readonly label: string;
  constructor(
    private readonly ready: Promise<Connected>,
    url: string,
  ) {
    this.label = new URL(url).host;
  }
  private async source(): Promise<SupabaseDataSource> {
    return (await this.ready).source;
  }
  async searchPublicSites(query: SiteQuery, options?: { limit?: number; signal?: AbortSignal }): Promise<SearchResult> {
    return (await this.source()).searchPublicSites(query, options);
  }
  async getPublicPoints(signal?: AbortSignal): Promise<PublicPoint[]> {
    return (await this.source()).getPublicPoints(signal);
  }
  async getPublicSite(id: string, signal?: AbortSignal): Promise<PublicSiteDetail | null> {
    return (await this.source()).getPublicSite(id, signal);
  }
  async getAreas(signal?: AbortSignal): Promise<Area[]> {
    return (await this.source()).getAreas(signal);
  }
  async findHelpDesks(point: [number, number], signal?: AbortSignal): Promise<HelpDeskResult> {
    return (await this.source()).findHelpDesks(point, signal);
  }
  /** a vector tile of the sites for a MapLibre vector source (see docs/database.md, site_tiles) */
  async getSiteTile(z: number, x: number, y: number, signal?: AbortSignal): Promise<Uint8Array> {
    return (await this.source()).getSiteTile(z, x, y, signal);
  }
  /** the editing port (supabase-editor.ts): every method waits for the module, then forwards */
  readonly editor: EditorPort = deferredEditorPort(async () => (await this.source()).editor);
  async loadImportBase(): Promise<Dataset> {
    return (await this.source()).loadImportBase();
  }
  async applyImport(plan: ImportPlan): Promise<void> {
    return (await this.source()).applyImport(plan);
  }
}

class LazyAuth implements AuthService {
  readonly kind = 'supabase' as const;
  private real: AuthService | null = null;
  private readonly listeners = new Set<() => void>();
  private static readonly LOADING: AuthState = { status: 'loading', role: 'resident' };
  constructor(private readonly ready: Promise<Connected>) {
    ready.then(
      ({ auth }) => {
        this.real = auth;
        auth.subscribe(() => this.emit());
        this.emit();
      },
      () => undefined, // the data source reports the failure
    );
  }
  private emit() {
    for (const l of this.listeners) l();
  }
  getState(): AuthState {
    return this.real?.getState() ?? LazyAuth.LOADING;
  }
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  async signOut(): Promise<void> {
    return (await this.ready).auth.signOut();
  }
  async signInWithPassword(email: string, password: string): Promise<void> {
    return (await this.ready).auth.signInWithPassword!(email, password);
  }
  async sendMagicLink(email: string, redirectTo: string): Promise<void> {
    return (await this.ready).auth.sendMagicLink!(email, redirectTo);
  }
}

export function createSupabase(url: string, anonKey: string): { source: DataSource; auth: AuthService; cases: CasePortFactory } {
  const ready = import('./supabase-source').then((m) => m.connectSupabase(url, anonKey));
  // the case port is a chunk of its own, fetched when the staff area first opens; it shares the
  // client, so its RPCs run with the signed-in user's token
  const cases: CasePortFactory = async (actor) => {
    const [{ source }, m] = await Promise.all([ready, import('./case-source')]);
    return m.openSupabaseCasePort(source.client, actor);
  };
  return { source: new LazySupabaseSource(ready, url), auth: new LazyAuth(ready), cases };
}
