import type { AppConfig } from '../config/env';
import type { AuthService } from '../data/auth-port';
import type { CasePortFactory } from '../data/case-port';
import { createLocalWorkerSource } from '../data/local/worker-source';
import type { DataSource } from '../data/port';
import { createSupabase } from '../data/supabase/lazy';
import { DemoAuth } from '../features/auth/demo-auth';

/**
 * Picks the data source and the matching auth from the configuration: Supabase (with Supabase
 * Auth) when VITE_SUPABASE_URL and VITE_SUPABASE_ANON_KEY are set, else the local demo (with the
 * demo role switch). supabase-js is loaded only in the first case (src/data/supabase/lazy.ts).
 * `?dataset=/path.json` (same origin) shows a prepared dataset instead of the demo: used by the
 * benchmarks, never persisted; `&points=/path.json` adds a published points snapshot for the map
 * (src/data/local/points-snapshot.ts) and `&list=/path.json` one of the results list
 * (src/data/local/list-snapshot.ts). The local source runs in a Web Worker.
 */
export function createAppServices(
  config: AppConfig,
  search: string = window.location.search,
): { source: DataSource; auth: AuthService; cases?: CasePortFactory } {
  if (config.dataSource === 'supabase' && config.supabaseUrl && config.supabaseAnonKey) {
    return createSupabase(config.supabaseUrl, config.supabaseAnonKey);
  }
  const params = new URLSearchParams(search);
  const datasetUrl = params.get('dataset') ?? undefined;
  const pointsUrl = params.get('points') ?? undefined;
  const listUrl = params.get('list') ?? undefined;
  const source = createLocalWorkerSource({ datasetUrl, pointsUrl, listUrl });
  // the case store (its own IndexedDB database) loads with the staff area, never on public routes
  const cases: CasePortFactory = (actor) =>
    import('../data/local/case-store').then((m) => m.openLocalCaseStore({ actor, catalog: (signal) => source.getStaffCatalog(signal) }));
  return { source, auth: new DemoAuth(), cases };
}

export function createDataSource(config: AppConfig, search: string = window.location.search): DataSource {
  return createAppServices(config, search).source;
}
