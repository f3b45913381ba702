// Environment, read once at start-up and validated: a bad value is named in the error.
// (Hand-written rather than zod: this runs on the public route, where every kilobyte counts.)
import { STALE_AFTER_DAYS } from '../domain/taxonomy';

export type AppConfig = {
  /** 'supabase' when both Supabase variables are set, else the embedded local demo */
  dataSource: 'local' | 'supabase';
  supabaseUrl?: string;
  supabaseAnonKey?: string;
  /** raster tile URL template; '' = no basemap */
  basemapUrl: string;
  basemapAttribution: string;
  /** 最終確認日 older than this many days is flagged (editor lists; default STALE_AFTER_DAYS = 180) */
  staleAfterDays: number;
};

export const GSI_PALE_URL = 'https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png';
export const GSI_ATTRIBUTION = '<a href="https://maps.gsi.go.jp/development/ichiran.html" target="_blank" rel="noopener">地理院タイル</a>';

type RawEnv = Record<string, string | boolean | undefined>;

export class ConfigError extends Error {}

export function parseConfig(env: RawEnv): AppConfig {
  const str = (k: string) => {
    const v = env[k];
    return typeof v === 'string' ? v.trim() : undefined;
  };
  const url = str('VITE_SUPABASE_URL');
  const key = str('VITE_SUPABASE_ANON_KEY');
  if (Boolean(url) !== Boolean(key)) {
    throw new ConfigError(
      `Set both VITE_SUPABASE_URL and VITE_SUPABASE_ANON_KEY, or neither (missing: ${url ? 'VITE_SUPABASE_ANON_KEY' : 'VITE_SUPABASE_URL'}).`,
    );
  }
  if (url && !/^https?:\/\/[^\s]+$/.test(url)) {
    throw new ConfigError(`VITE_SUPABASE_URL must be an http(s) URL, got "${url}".`);
  }
  const basemap = str('VITE_BASEMAP_URL');
  if (basemap && !/^https?:\/\/.+\{z\}.+\{x\}.+\{y\}/.test(basemap)) {
    throw new ConfigError(`VITE_BASEMAP_URL must be a tile URL template with {z}, {x} and {y}, got "${basemap}".`);
  }
  const staleText = str('VITE_STALE_AFTER_DAYS');
  const staleAfterDays = staleText ? Number(staleText) : STALE_AFTER_DAYS;
  if (!Number.isInteger(staleAfterDays) || staleAfterDays < 1 || staleAfterDays > 3650) {
    throw new ConfigError(`VITE_STALE_AFTER_DAYS must be a whole number of days from 1 to 3650, got "${staleText}".`);
  }
  return {
    dataSource: url && key ? 'supabase' : 'local',
    supabaseUrl: url || undefined,
    supabaseAnonKey: key || undefined,
    basemapUrl: basemap ?? GSI_PALE_URL,
    basemapAttribution: str('VITE_BASEMAP_ATTRIBUTION') ?? (basemap === '' ? '' : GSI_ATTRIBUTION),
    staleAfterDays,
  };
}

let cached: AppConfig | null = null;
export function getConfig(): AppConfig {
  cached ??= parseConfig(import.meta.env as RawEnv);
  return cached;
}
