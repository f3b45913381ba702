import type { AppConfig } from '../config/env';
import type { AuthService } from '../data/auth-port';
import { LocalDataSource } from '../data/local/local-source';
import type { DataSource } from '../data/port';
import { createSupabase } from '../data/supabase/lazy';
import { DemoAuth } from '../features/auth/demo-auth';

/**
 * Picks the data source and the matching auth from the configuration: Supabase (with Supabase
 * Auth) when VITE_SUPABASE_URL and VITE_SUPABASE_ANON_KEY are set, else the local demo (with the
 * demo role switch). supabase-js is loaded only in the first case (src/data/supabase/lazy.ts).
 * `?dataset=/path.json` (same origin) shows a prepared dataset instead of the demo: used by the
 * benchmarks, never persisted.
 */
export function createAppServices(config: AppConfig, search: string = window.location.search): { source: DataSource; auth: AuthService } {
  if (config.dataSource === 'supabase' && config.supabaseUrl && config.supabaseAnonKey) {
    return createSupabase(config.supabaseUrl, config.supabaseAnonKey);
  }
  const datasetUrl = new URLSearchParams(search).get('dataset') ?? undefined;
  return { source: new LocalDataSource({ datasetUrl }), auth: new DemoAuth() };
}

export function createDataSource(config: AppConfig, search: string = window.location.search): DataSource {
  return createAppServices(config, search).source;
}
