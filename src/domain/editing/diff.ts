// Which fields of a listing differ: the history's "changed fields" and the review's before/after.
import type { Listing } from './types';

/** fields never shown as a change: the concurrency token moves with every save */
const IGNORED = new Set(['updatedAt']);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Top-level fields that differ between two versions (all of `after`'s fields when `before` is null), sorted. */
export function changedFields(before: Listing | null, after: Listing): string[] {
  const keys = new Set([...Object.keys(after), ...(before ? Object.keys(before) : [])]);
  const out: string[] = [];
  for (const k of keys) {
    if (IGNORED.has(k)) continue;
    const a = before ? (before as Record<string, unknown>)[k] : undefined;
    const b = (after as Record<string, unknown>)[k];
    if (!before ? b !== undefined : !same(a, b)) out.push(k);
  }
  return out.sort();
}

export type FieldDiff = { field: string; before: unknown; after: unknown };

/** The differing fields with both values, for a before/after view. */
export function diffListings(before: Listing | null, after: Listing): FieldDiff[] {
  return changedFields(before, after).map((field) => ({
    field,
    before: before ? (before as Record<string, unknown>)[field] : undefined,
    after: (after as Record<string, unknown>)[field],
  }));
}
