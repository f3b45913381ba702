// The distinct 種別 / 実施サービス values of a file, with the category each maps to: the rows of the
// import screen's mapping table. A user's choice becomes an exact `kind` rule (category-mapping.ts)
// tried before the defaults, so the preview and this table always agree.
import type { CategoryId } from '../taxonomy';
import { compileCategoryMapping, mergeCategoryMapping, type CategoryMapping, type CategoryRule } from './category-mapping';
import { CsvFormatError, parseCsvTable } from './csv-table';
import { mapColumns } from './headers';
import { detectLayout } from './layout';

export type KindRow = {
  kind: string; // as written in the file (trimmed)
  count: number; // rows with this value
  categoryId: CategoryId | null; // null: no rule decides; the rows are errors until one is chosen
  approximate: boolean; // the closest category, not the same thing
  chosen: boolean; // decided by the user's rule, not a default
};

/** The 種別 values in file order of first appearance; empty for the template and for unreadable files. */
export function kindRows(text: string, userMapping: CategoryMapping = []): KindRow[] {
  let table;
  try {
    table = parseCsvTable(text);
  } catch (e) {
    if (e instanceof CsvFormatError) return [];
    throw e;
  }
  if (detectLayout(table.header, table.metadata).id === 'kasane-template') return [];
  const indices = mapColumns(table.header).get('kind');
  if (!indices) return [];
  const counts = new Map<string, number>();
  for (const cells of table.rows) {
    let kind = '';
    for (const i of indices) {
      kind = (cells[i] ?? '').trim();
      if (kind) break;
    }
    if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const decide = compileCategoryMapping(mergeCategoryMapping(userMapping));
  const user = new Set<CategoryRule>(userMapping);
  return [...counts].map(([kind, count]) => {
    const d = decide({ kind, file: '', name: '' });
    return { kind, count, categoryId: d?.categoryId ?? null, approximate: Boolean(d?.rule.approximate), chosen: Boolean(d && user.has(d.rule)) };
  });
}

/** The user's choices as rules: one exact 種別 rule per value. */
export function kindRules(choices: Readonly<Record<string, CategoryId>>): CategoryMapping {
  return Object.entries(choices).map(([match, categoryId]) => ({ source: 'kind', match, categoryId }));
}
