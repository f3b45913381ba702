// Types shared by the import modules, and the one helper that turns zod issues into problems.
import type * as z from 'zod';
import type { Dataset, Menu, Organization, Site } from '../model';
import type { CategoryId, ListingStatus } from '../taxonomy';
import type { CategoryMapping } from './category-mapping';
import type { CsvEncoding } from './decode';
import type { ImportLayout } from './layout';

export type Severity = 'error' | 'warning';

/** One thing to look at. `row` is the 1-based data row in the file; 0 means the whole file. */
export type Problem = { row: number; severity: Severity; field: string; message: string };

export type ImportedRow = {
  row: number; // 1-based data row number in the file (header and `#` rows not counted)
  key: string; // stable external key: the same row of the same file gives the same key every time
  name: string;
  lat: number | null;
  lng: number | null;
  category: CategoryId | null;
  needsGeocode: boolean; // no usable coordinates: place the pin or geocode the address first
  site: Site | null; // the proposed site (null: an outreach menu, or the row has errors)
  menu: Menu | null; // the proposed menu (null: a site without menus, or the row has errors)
  organization: Organization | null; // the row's organization when the file names one
  siteFields: readonly (keyof Site)[]; // fields this file provides: an update overwrites only these
  menuFields: readonly (keyof Menu)[];
  hasError: boolean;
};

export type PreviewOptions = {
  existing?: Dataset; // for duplicate warnings and to reuse organizations by name
  mapping?: CategoryMapping; // the user's category rules, tried before the defaults
  categoryId?: CategoryId; // one category for every row, overriding the mapping
  orgId?: string; // every row belongs to this (existing) organization, e.g. the coordinator's own
  municipalityCode?: string; // for files without a 全国地方公共団体コード column
  fileName?: string; // a hint for the category and part of the external key
  status?: ListingStatus; // of new listings; default 'pending' (waits for review)
  now?: string; // ISO timestamp for updatedAt; default: the clock
  today?: string; // YYYY-MM-DD for lastVerified; default: today in Japan
};

export type ImportPreview = {
  encoding: CsvEncoding | 'text'; // 'text' when a string was passed in
  layout: ImportLayout | null; // null when the file could not be read at all
  rows: ImportedRow[];
  problems: Problem[];
};

export const DEFAULT_IMPORT_STATUS: ListingStatus = 'pending';

const HAS_JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

export function zodProblems(row: number, error: z.ZodError, labels: Partial<Record<string, string>>, fallback: string): Problem[] {
  return error.issues.map((issue) => {
    const head = String(issue.path[0] ?? '');
    const field = labels[head] ?? (head || fallback);
    const message = HAS_JAPANESE.test(issue.message)
      ? issue.message
      : `「${field}」の値が正しくありません（${issue.path.join('.')}）。値を確認して直してください。`;
    return { row, severity: 'error', field, message };
  });
}

