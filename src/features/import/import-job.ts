// One preview of a file for the import screen: decode, preview, the 種別 table and the plan against
// the current data. Pure (no DOM), so it runs in the import worker (import-worker.ts) or, where
// workers are missing, on the page. The plan is what the commit sends to the data source.
import { decodeCsvBytes, type CsvEncoding } from '../../domain/import/decode';
import { kindRows, kindRules, type KindRow } from '../../domain/import/kinds';
import { planImport, type ImportPlan } from '../../domain/import/plan';
import { previewImport, type Problem } from '../../domain/import/preview';
import type { Dataset } from '../../domain/model';
import type { CategoryId } from '../../domain/taxonomy';

export type ImportRequest = {
  bytes: Uint8Array;
  fileName: string;
  existing: Dataset;
  /** the user's 種別 → category choices */
  choices: Record<string, CategoryId>;
  /** leave out every row with an error */
  skipErrors: boolean;
  /** data row numbers the user took out */
  exclude?: number[];
  /** new listings are published at once (staff and admins) instead of waiting for review */
  publish?: boolean;
  /** every row belongs to this existing organization (a coordinator imports their own listings) */
  orgId?: string;
  /** YYYY-MM-DD / ISO timestamp; default: today / now */
  today?: string;
  now?: string;
};

export type RowState = 'new' | 'updated' | 'unchanged' | 'skipped' | 'error';

export type PreviewRow = {
  row: number;
  name: string;
  categoryId: CategoryId | null;
  lat: number | null;
  lng: number | null;
  state: RowState;
  errors: number;
  warnings: number;
};

export type ImportResult = {
  encoding: CsvEncoding;
  layoutId: string | null;
  layoutLabel: string | null;
  rowCount: number;
  rows: PreviewRow[];
  problems: Problem[];
  kinds: KindRow[];
  plan: ImportPlan;
  summary: { new: number; updated: number; unchanged: number; skipped: number; errors: number; warnings: number; duplicates: number };
};

export function runImport(req: ImportRequest): ImportResult {
  const { text, encoding } = decodeCsvBytes(req.bytes);
  const mapping = kindRules(req.choices);
  const preview = previewImport(text, {
    existing: req.existing,
    mapping,
    fileName: req.fileName,
    ...(req.publish ? { status: 'published' as const } : {}),
    ...(req.orgId ? { orgId: req.orgId } : {}),
    ...(req.now ? { now: req.now } : {}),
    ...(req.today ? { today: req.today } : {}),
  });
  const errorRows = new Set(preview.problems.filter((p) => p.severity === 'error' && p.row > 0).map((p) => p.row));
  const exclude = [...new Set([...(req.skipErrors ? errorRows : []), ...(req.exclude ?? [])])];
  const plan = planImport(preview, req.existing, { exclude, ...(req.now ? { now: req.now } : {}) });

  const created = new Set([...plan.creates.sites, ...plan.creates.menus].map((x) => x.id));
  const updated = new Set([...plan.updates.sites, ...plan.updates.menus].map((x) => x.after.id));
  const excluded = new Set(exclude);
  const counts = new Map<number, { errors: number; warnings: number }>();
  for (const p of preview.problems) {
    if (p.row === 0) continue;
    const c = counts.get(p.row) ?? { errors: 0, warnings: 0 };
    if (p.severity === 'error') c.errors++;
    else c.warnings++;
    counts.set(p.row, c);
  }
  const summary = { new: 0, updated: 0, unchanged: 0, skipped: 0, errors: errorRows.size, warnings: 0, duplicates: 0 };
  const rows: PreviewRow[] = preview.rows.map((r) => {
    const ids = [r.site?.id, r.menu?.id].filter((x): x is string => Boolean(x));
    const state: RowState = excluded.has(r.row)
      ? 'skipped'
      : r.hasError
        ? 'error'
        : ids.some((id) => created.has(id))
          ? 'new'
          : ids.some((id) => updated.has(id))
            ? 'updated'
            : 'unchanged';
    if (state !== 'error') summary[state]++;
    const c = counts.get(r.row);
    return { row: r.row, name: r.name, categoryId: r.category, lat: r.lat, lng: r.lng, state, errors: c?.errors ?? 0, warnings: c?.warnings ?? 0 };
  });
  summary.warnings = preview.problems.filter((p) => p.severity === 'warning').length;
  summary.duplicates = preview.problems.filter((p) => p.severity === 'warning' && /離れていません/.test(p.message)).length;
  return {
    encoding,
    layoutId: preview.layout?.id ?? null,
    layoutLabel: preview.layout?.label ?? null,
    rowCount: preview.rows.length,
    rows,
    problems: preview.problems,
    kinds: kindRows(text, mapping),
    plan,
    summary,
  };
}
