// Import into Supabase (issue 4, items 10–11): the listings already there, as a Dataset for the
// preview and planImport (listing_export), and the plan written in one call (import_listings), one
// transaction in the database: a failure half-way changes nothing. Updates carry the updated_at
// they were planned from, so a listing changed since the preview is a conflict, not overwritten.
// Used by `npm run import` with the service-role key (serviceRoleClient).
import { PostgrestClient } from '@supabase/postgrest-js';
import type { Dataset } from '../../domain/model';
import type { ImportPlan } from '../../domain/import/plan';
import type { Database } from '../../lib/database.types';
import { RpcError } from './fetchers';
import type { RpcClient } from './rpc-client';
import { RowShapeError } from './rows';
import { menuToRecord, organizationToRecord, recordToMenu, recordToOrganization, recordToSite, siteToRecord } from './listing-records';

/** the app's supabase-js client (an admin importing from the browser), or serviceRoleClient (the CLI) */
export type ImportClient = RpcClient;

/** A client for the CLI: the project URL and the service-role key (never in the browser). PostgREST
 * without auth and realtime: supabase-js needs a WebSocket implementation in Node 20 even unused. */
export function serviceRoleClient(url: string, serviceRoleKey: string): PostgrestClient<Database> {
  return new PostgrestClient<Database>(`${url.replace(/\/+$/, '')}/rest/v1`, {
    headers: { apikey: serviceRoleKey, Authorization: `Bearer ${serviceRoleKey}` },
  });
}

export type ImportCounts = { organizations: number; sites: number; menus: number };
export type ImportResult = { created: ImportCounts; updated: ImportCounts };

type PlanItem = { op: 'create' | 'update'; record: object; base_updated_at?: string };
export type ImportRpcPlan = { organizations: PlanItem[]; sites: PlanItem[]; menus: PlanItem[] };

/** Every organization, site and menu the key may read (the service role: all), as a Dataset. */
export async function loadDatasetFromSupabase(client: ImportClient): Promise<Dataset> {
  const { data, error } = await client.rpc('listing_export');
  if (error) throw new RpcError('listing_export', error.code, error.message, error.hint || undefined);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new RowShapeError('listing_export', '(result)', data);
  const d = data as Record<string, unknown>;
  const list = (k: string): unknown[] => {
    if (!Array.isArray(d[k])) throw new RowShapeError('listing_export', k, d[k]);
    return d[k] as unknown[];
  };
  return {
    version: 1,
    generatedAt: new Date().toISOString(),
    label: 'Supabase',
    organizations: list('organizations').map(recordToOrganization),
    areas: [],
    sites: list('sites').map(recordToSite),
    menus: list('menus').map(recordToMenu),
  };
}

/** The plan as import_listings takes it: creates, then updates with their base updated_at. */
export function toImportRpcPlan(plan: ImportPlan): ImportRpcPlan {
  return {
    organizations: [
      ...plan.creates.organizations.map((o): PlanItem => ({ op: 'create', record: organizationToRecord(o) })),
      ...plan.updates.organizations.map((u): PlanItem => ({ op: 'update', record: organizationToRecord(u.after) })),
    ],
    sites: [
      ...plan.creates.sites.map((s): PlanItem => ({ op: 'create', record: siteToRecord(s) })),
      ...plan.updates.sites.map((u): PlanItem => ({ op: 'update', record: siteToRecord(u.after), base_updated_at: u.before.updatedAt })),
    ],
    menus: [
      ...plan.creates.menus.map((m): PlanItem => ({ op: 'create', record: menuToRecord(m) })),
      ...plan.updates.menus.map((u): PlanItem => ({ op: 'update', record: menuToRecord(u.after), base_updated_at: u.before.updatedAt })),
    ],
  };
}

/** Writes the plan in one transaction; throws RpcError (code PT409: the data changed since the preview). */
export async function writeImportPlanToSupabase(client: ImportClient, plan: ImportPlan): Promise<ImportResult> {
  const { data, error } = await client.rpc('import_listings', { plan: toImportRpcPlan(plan) });
  if (error) throw new RpcError('import_listings', error.code, error.message, error.hint || undefined);
  const r = data as unknown as ImportResult | null;
  if (!r || typeof r.created !== 'object' || typeof r.updated !== 'object') throw new RowShapeError('import_listings', '(result)', data);
  return r;
}
