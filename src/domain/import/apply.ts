// Applying an import plan (plan.ts) to a dataset, all or nothing, without zod: the local data
// worker, which every visit loads, applies plans with this, and zod stays out of it (the schemas
// are checked on the page first, by planSchemaProblems in plan.ts, as a backup is by
// parse-backup.ts). plan.ts's applyImport is this plus that check.
import type { Dataset } from '../model';
import type { Change, ImportPlan } from './plan';
import type { Problem } from './types';

export class ImportBlockedError extends Error {
  constructor(
    message: string,
    readonly problems: Problem[],
  ) {
    super(message);
    this.name = 'ImportBlockedError';
  }
}

/**
 * The dataset after the plan, as a new object; `dataset` itself is never modified. All or nothing:
 * throws ImportBlockedError, changing nothing, when the plan still has blocking errors, when the data
 * changed since the plan was made, when a reference is missing (a menu whose site is not there), or
 * when `schemaProblems` (plan.ts's planSchemaProblems; left out where the caller ran it already)
 * finds any.
 */
export function applyPlan(plan: ImportPlan, dataset: Dataset, schemaProblems: (plan: ImportPlan) => Problem[] = () => []): Dataset {
  if (plan.blocking.length > 0)
    throw new ImportBlockedError(
      `エラーのある行が ${new Set(plan.blocking.map((p) => p.row)).size} 件あるため、何も取り込んでいません。エラーを直すか、その行を取り込みから外してください。`,
      plan.blocking,
    );
  const problems: Problem[] = [];
  const apply = <T extends { id: string }>(current: readonly T[], creates: readonly T[], updates: readonly Change<T>[], label: string): T[] => {
    const byId = new Map(current.map((x) => [x.id, x]));
    for (const u of updates) {
      const now = byId.get(u.before.id);
      // the data changed after the preview: applying would overwrite someone's edit
      if (!now || JSON.stringify(now) !== JSON.stringify(u.before))
        problems.push({ row: u.rows[0] ?? 0, severity: 'error', field: label, message: `「${u.before.id}」はプレビューの後に変更されました。もう一度プレビューしてから取り込んでください。` });
      byId.set(u.before.id, u.after);
    }
    for (const c of creates) {
      if (byId.has(c.id))
        problems.push({ row: 0, severity: 'error', field: label, message: `「${c.id}」はプレビューの後に追加されました。もう一度プレビューしてから取り込んでください。` });
      byId.set(c.id, c);
    }
    return [...byId.values()];
  };
  const next: Dataset = {
    ...dataset,
    organizations: apply(dataset.organizations, plan.creates.organizations, plan.updates.organizations, '団体'),
    sites: apply(dataset.sites, plan.creates.sites, plan.updates.sites, '拠点'),
    menus: apply(dataset.menus, plan.creates.menus, plan.updates.menus, 'メニュー'),
  };

  // references: every site's and menu's organization, every menu's site
  const orgIds = new Set(next.organizations.map((o) => o.id));
  const siteIds = new Set(next.sites.map((s) => s.id));
  for (const s of next.sites)
    if (!orgIds.has(s.orgId)) problems.push({ row: 0, severity: 'error', field: '団体', message: `拠点「${s.name}」の団体「${s.orgId}」がありません。団体を先に登録してください。` });
  for (const m of next.menus) {
    if (!orgIds.has(m.orgId)) problems.push({ row: 0, severity: 'error', field: '団体', message: `メニュー「${m.title}」の団体「${m.orgId}」がありません。団体を先に登録してください。` });
    if (m.siteId !== null && !siteIds.has(m.siteId))
      problems.push({ row: 0, severity: 'error', field: '拠点', message: `メニュー「${m.title}」の拠点「${m.siteId}」がありません。拠点の行も取り込んでください。` });
  }
  // the changed objects against the schemas (the untouched ones were valid before)
  problems.push(...schemaProblems(plan));

  if (problems.length) throw new ImportBlockedError('取り込みを中止しました。データは変更していません。', problems);
  return next;
}
