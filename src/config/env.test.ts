import { describe, expect, it } from 'vitest';
import { ConfigError, GSI_PALE_URL, parseConfig } from './env';

describe('parseConfig', () => {
  it('defaults to the local demo and the GSI pale basemap', () => {
    const c = parseConfig({});
    expect(c.dataSource).toBe('local');
    expect(c.basemapUrl).toBe(GSI_PALE_URL);
    expect(c.basemapAttribution).toContain('地理院タイル');
  });
  it('selects Supabase when both variables are set', () => {
    expect(parseConfig({ VITE_SUPABASE_URL: 'https://x.supabase.co', VITE_SUPABASE_ANON_KEY: 'k' }).dataSource).toBe('supabase');
  });
  it('names the missing variable', () => {
    expect(() => parseConfig({ VITE_SUPABASE_URL: 'https://x.supabase.co' })).toThrow(/missing: VITE_SUPABASE_ANON_KEY/);
    expect(() => parseConfig({ VITE_SUPABASE_ANON_KEY: 'k' })).toThrow(ConfigError);
  });
  it('rejects a bad URL and a tile template without placeholders', () => {
    expect(() => parseConfig({ VITE_SUPABASE_URL: 'nope', VITE_SUPABASE_ANON_KEY: 'k' })).toThrow(/VITE_SUPABASE_URL/);
    expect(() => parseConfig({ VITE_BASEMAP_URL: 'https://tiles.example/{z}.png' })).toThrow(/VITE_BASEMAP_URL/);
  });
  it('turns the basemap off with an empty string', () => {
    const c = parseConfig({ VITE_BASEMAP_URL: '' });
    expect(c.basemapUrl).toBe('');
    expect(c.basemapAttribution).toBe('');
  });
  it('reads the stale limit in days (default 180) and names a bad value', () => {
    expect(parseConfig({}).staleAfterDays).toBe(180);
    expect(parseConfig({ VITE_STALE_AFTER_DAYS: '90' }).staleAfterDays).toBe(90);
    expect(() => parseConfig({ VITE_STALE_AFTER_DAYS: 'half a year' })).toThrow(/VITE_STALE_AFTER_DAYS/);
    expect(() => parseConfig({ VITE_STALE_AFTER_DAYS: '0' })).toThrow(/VITE_STALE_AFTER_DAYS/);
  });
});
