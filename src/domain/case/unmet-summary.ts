// 「惜しいケース」: unmet-need records aggregated by need × area × blocking constraint, for
// 地域づくり ("土曜午後の居場所が北部圏域で 12 件不足"). Counts seen outside the owning team are
// suppressed below 5 (DOMAIN.md "Privacy rules"): a small count with an area and a need could
// point at a household.
import type { NeedId } from '../taxonomy';
import type { BlockingConstraint } from '../matching/types';

/** counts below this are shown as "<5" to anyone outside the team that owns every record counted */
export const SMALL_COUNT_LIMIT = 5;

export type UnmetRecordForSummary = {
  need: NeedId;
  areaId: string | null;
  blockingConstraint: BlockingConstraint;
  teamId: string;
};

export type UnmetSummaryRow = {
  need: NeedId;
  areaId: string | null;
  blockingConstraint: BlockingConstraint;
  /** null: fewer than SMALL_COUNT_LIMIT and not all of them the viewer's team's (shown "<5") */
  count: number | null;
  /** how many of them are the viewer's team's own records (always exact: the team knows them) */
  ownCount: number;
};

/**
 * One row per need × area × blocking constraint, largest first. `viewer.admin` sees every count;
 * a team sees a small count exactly only when every record in it is its own.
 */
export function summarizeUnmet(records: readonly UnmetRecordForSummary[], viewer: { teamId: string | null; admin: boolean }): UnmetSummaryRow[] {
  const groups = new Map<string, { row: Omit<UnmetSummaryRow, 'count' | 'ownCount'>; total: number; own: number }>();
  for (const r of records) {
    const key = `${r.need}|${r.areaId ?? ''}|${r.blockingConstraint}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { row: { need: r.need, areaId: r.areaId, blockingConstraint: r.blockingConstraint }, total: 0, own: 0 }));
    g.total++;
    if (viewer.teamId !== null && r.teamId === viewer.teamId) g.own++;
  }
  const rows = [...groups.values()].map(({ row, total, own }) => ({
    ...row,
    count: viewer.admin || total >= SMALL_COUNT_LIMIT || own === total ? total : null,
    ownCount: own,
  }));
  // largest first; suppressed rows after every shown one; then a stable key order
  const size = (r: UnmetSummaryRow) => r.count ?? -1;
  const key = (r: UnmetSummaryRow) => `${r.need}|${r.areaId ?? ''}|${r.blockingConstraint}`;
  return rows.sort((a, b) => size(b) - size(a) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/**
 * The summary as CSV (UTF-8 with BOM so Excel opens Japanese correctly), header in Japanese.
 * `labels` word the need, the area and the constraint; a suppressed count is written "<5".
 */
export function unmetSummaryCsv(
  rows: readonly UnmetSummaryRow[],
  labels: { need(id: NeedId): string; area(id: string | null): string; constraint(c: BlockingConstraint): string },
  header: readonly [string, string, string, string] = ['ニーズ', '地域', '妨げになった条件', '件数'],
): string {
  const lines = [header.map(csvCell).join(',')];
  for (const r of rows) {
    lines.push([labels.need(r.need), labels.area(r.areaId), labels.constraint(r.blockingConstraint), r.count === null ? `<${SMALL_COUNT_LIMIT}` : String(r.count)].map(csvCell).join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
