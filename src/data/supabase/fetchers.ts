// One fetcher per RPC: each takes the typed client, passes the abort signal, throws on error and
// validates what comes back (rows.ts). The data source composes them; nothing else calls them.
// The public port methods call the public_view_* RPCs: published public listings only, whatever
// the signed-in user's role (DOMAIN.md: public pages never read staff-only menus, drafts or
// confidential sites), so a staff member's public map and site pages equal a visitor's.
import type { PostgrestError, SupabaseClient } from '@supabase/supabase-js';
import type { Database, Json } from '../../lib/database.types';
import type { Area } from '../../domain/model';
import type { SiteQuery } from '../../domain/search/query';
import { MAP_POINT_LIMIT, type HelpDeskResult, type PublicPoint, type PublicSiteDetail, type SearchResult } from '../port';
import type { CandidateQuery } from '../../domain/matching/retrieval';
import { toArea, toHelpDeskResult, toMatchingCandidates, toPublicPoint, toSearchResult, toSiteDetail, type MatchingCandidates } from './rows';
import { toRpcFilters } from './filters';

export type KasaneClient = SupabaseClient<Database>;

/** PostgREST caps every response (config.toml max_rows); public_view_points is read in pages of this */
export const PAGE_ROWS = 1000;
/** beyond this many points the map uses the vector tiles (public_view_site_tiles) instead */
export const MAX_POINTS = MAP_POINT_LIMIT;
/** public_view_search returns at most this many hits */
export const MAX_HITS = 1000;

export class RpcError extends Error {
  constructor(
    readonly fn: string,
    readonly code: string,
    message: string,
    readonly hint?: string,
  ) {
    super(`${fn}: ${message}${hint ? ` (${hint})` : ''}`);
  }
}

function fail(fn: string, error: PostgrestError): never {
  throw new RpcError(fn, error.code, error.message, error.hint || undefined);
}

type Abortable<T> = { abortSignal(signal: AbortSignal): T };
const withSignal = <T extends Abortable<T>>(req: T, signal?: AbortSignal): T => (signal ? req.abortSignal(signal) : req);

export async function searchPublicSites(client: KasaneClient, query: SiteQuery, limit: number, signal?: AbortSignal): Promise<SearchResult> {
  const filters = toRpcFilters(query);
  if (filters === null) return { total: 0, totalInView: 0, hits: [], matchIds: [] }; // asks for something no listing has
  const maxRows = Math.max(0, Math.min(MAX_HITS, Number.isFinite(limit) ? Math.floor(limit) : MAX_HITS));
  const { data, error } = await withSignal(
    client.rpc('public_view_search', {
      filters: filters as Json,
      bbox: query.bbox ? [...query.bbox] : undefined,
      origin: query.origin ? [...query.origin] : undefined,
      max_rows: maxRows,
    }),
    signal,
  );
  if (error) fail('public_view_search', error);
  return toSearchResult(data);
}

export async function getPublicPoints(client: KasaneClient, signal?: AbortSignal): Promise<PublicPoint[]> {
  // first page with the count, then the rest in parallel (the order by id keeps pages stable)
  const page = (from: number, count = false) =>
    withSignal(client.rpc('public_view_points', undefined, count ? { count: 'exact' } : undefined).range(from, from + PAGE_ROWS - 1), signal);
  const first = await page(0, true);
  if (first.error) fail('public_view_points', first.error);
  const total = Math.min(first.count ?? first.data.length, MAX_POINTS);
  const rest = [];
  for (let from = PAGE_ROWS; from < total; from += PAGE_ROWS) rest.push(page(from));
  const pages = await Promise.all(rest);
  const rows: unknown[] = [...first.data];
  for (const p of pages) {
    if (p.error) fail('public_view_points', p.error);
    rows.push(...p.data);
  }
  return rows.slice(0, MAX_POINTS).map(toPublicPoint);
}

export async function getPublicSite(client: KasaneClient, id: string, signal?: AbortSignal): Promise<PublicSiteDetail | null> {
  const { data, error } = await withSignal(client.rpc('public_view_site', { site_id: id }), signal);
  if (error) fail('public_view_site', error);
  return toSiteDetail(data);
}

export async function getAreas(client: KasaneClient, signal?: AbortSignal): Promise<Area[]> {
  // areas are a few hundred rows at most per municipality; more would need paging like points
  const { data, error } = await withSignal(client.rpc('public_areas').range(0, PAGE_ROWS - 1), signal);
  if (error) fail('public_areas', error);
  return data.map(toArea);
}

export async function findHelpDesks(client: KasaneClient, [lng, lat]: [number, number], signal?: AbortSignal): Promise<HelpDeskResult> {
  const { data, error } = await withSignal(client.rpc('public_view_help_desks_at', { lng, lat }), signal);
  if (error) fail('public_view_help_desks_at', error);
  return toHelpDeskResult(data);
}

/** one Mapbox Vector Tile (layer "sites") of the public view, for the public map; empty when the tile is */
export async function getSiteTile(client: KasaneClient, z: number, x: number, y: number, signal?: AbortSignal): Promise<Uint8Array> {
  const { data, error } = await withSignal(client.rpc('public_view_site_tiles_base64', { z, x, y }), signal);
  if (error) fail('public_view_site_tiles_base64', error);
  if (typeof data !== 'string') throw new RpcError('public_view_site_tiles_base64', 'shape', `expected base64 text, got ${typeof data}`);
  const bin = atob(data.replace(/\s/g, ''));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/**
 * The candidates matching ranks for a household (staff and admins only: staff-only listings
 * included), from the spatial index: see householdRetrieval (domain/matching/retrieval.ts).
 */
export async function getMatchingCandidates(client: KasaneClient, q: CandidateQuery, signal?: AbortSignal): Promise<MatchingCandidates> {
  if (q.needs.length === 0) return { sites: [], menus: [] }; // no need: no menu can serve one
  const { data, error } = await withSignal(
    client.rpc('matching_candidates', { lng: q.point[0], lat: q.point[1], radius_m: q.radiusM, needs: [...q.needs], area_ids: [...q.areaIds] }),
    signal,
  );
  if (error) fail('matching_candidates', error);
  return toMatchingCandidates(data);
}
