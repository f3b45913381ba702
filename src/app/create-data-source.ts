import type { AppConfig } from '../config/env';
import { LocalDataSource } from '../data/local/local-source';
import type { DataSource } from '../data/port';

/**
 * Picks the data source from the configuration. `?dataset=/path.json` (same origin) shows a
 * prepared dataset instead of the demo: used by the benchmarks, never persisted.
 */
export function createDataSource(config: AppConfig, search: string = window.location.search): DataSource {
  if (config.dataSource === 'supabase') {
    // the Supabase source is issue 3; say so plainly rather than show an empty map
    throw new Error('Supabase のデータソースはまだこのビルドに含まれていません。VITE_SUPABASE_URL と VITE_SUPABASE_ANON_KEY を外すとデモデータで動きます。');
  }
  const datasetUrl = new URLSearchParams(search).get('dataset') ?? undefined;
  return new LocalDataSource({ datasetUrl });
}
