// Schema validation of a listing before it is saved (the zod schemas of domain/model.ts). Runs
// where zod may be loaded: on the main thread in front of the worker (worker-source.ts), and in
// LocalDataSource (tests, conformance). The data worker itself never loads zod: every visit loads
// the worker, and editing is rare (the same split as backups, parse-backup.ts).
import type { FieldIssue } from '../editor-port';
import type { Listing, ListingKind } from '../../domain/editing/types';

export async function validateListing(kind: ListingKind, record: Listing): Promise<FieldIssue[]> {
  const { siteSchema, menuSchema } = await import('../../domain/model');
  const result = kind === 'site' ? siteSchema.safeParse(record) : menuSchema.safeParse(record);
  if (result.success) return [];
  return result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}
