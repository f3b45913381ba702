// What a preview would change in a dataset (planImport), and doing it all or nothing
// (applyImport). Ids come from the rows' stable keys (preview.ts), so importing the same file again
// finds its earlier listings and updates them instead of adding copies.
import { datasetSchema, type Dataset, type Menu, type Organization, type Site } from '../model';
import { applyPlan } from './apply';
import type { ImportPreview, Problem } from './types';

export { ImportBlockedError } from './apply';

export type Change<T> = { before: T; after: T; rows: number[] };

export type ImportPlan = {
  creates: { organizations: Organization[]; sites: Site[]; menus: Menu[] };
  updates: { organizations: Change<Organization>[]; sites: Change<Site>[]; menus: Change<Menu>[] };
  unchanged: { organizations: string[]; sites: string[]; menus: string[] }; // ids
  blocking: Problem[]; // errors in rows that were not excluded: applyImport refuses while any remain
  excludedRows: number[];
};

export type PlanOptions = {
  exclude?: readonly number[]; // data row numbers the user took out of the import
  now?: string; // updatedAt of changed listings; default: the clock
};

// bookkeeping fields: a difference in these alone is not a change
const IGNORED: ReadonlySet<string> = new Set(['updatedAt', 'lastVerified']);

function sameContent(a: object, b: object): boolean {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const k of new Set([...Object.keys(ra), ...Object.keys(rb)])) {
    if (IGNORED.has(k)) continue;
    if (JSON.stringify(ra[k]) !== JSON.stringify(rb[k])) return false;
  }
  return true;
}

/** The existing object with the fields the file provides taken from the imported one. */
function merge<T extends object>(existing: T, imported: T, fields: readonly (keyof T)[], now: string, today: string | undefined): T {
  const out: Record<string, unknown> = { ...(existing as Record<string, unknown>) };
  for (const f of fields) {
    const v = imported[f];
    if (v === undefined) delete out[f as string];
    else out[f as string] = v;
  }
  if ('updatedAt' in out) out.updatedAt = now;
  if (today && 'lastVerified' in out) out.lastVerified = today;
  return out as T;
}

export function planImport(preview: ImportPreview, existing: Dataset, options: PlanOptions = {}): ImportPlan {
  const now = options.now ?? new Date().toISOString();
  const excluded = new Set(options.exclude ?? []);
  const plan: ImportPlan = {
    creates: { organizations: [], sites: [], menus: [] },
    updates: { organizations: [], sites: [], menus: [] },
    unchanged: { organizations: [], sites: [], menus: [] },
    blocking: preview.problems.filter((p) => p.severity === 'error' && (p.row === 0 || !excluded.has(p.row))),
    excludedRows: [...excluded].sort((a, b) => a - b),
  };
  const orgs = new Map(existing.organizations.map((o) => [o.id, o]));
  const sites = new Map(existing.sites.map((s) => [s.id, s]));
  const menus = new Map(existing.menus.map((m) => [m.id, m]));
  const done = new Set<string>(); // ids already planned: rows sharing a site or an organization

  type Target<T> = { kind: string; current: Map<string, T>; creates: T[]; updates: Change<T>[]; unchanged: string[] };
  const place = <T extends { id: string }>(t: Target<T>, imported: T, fields: readonly (keyof T)[] | 'all', row: number, today: string | undefined) => {
    const tag = `${t.kind}:${imported.id}`;
    if (done.has(tag)) {
      t.updates.find((c) => c.after.id === imported.id)?.rows.push(row);
      return;
    }
    done.add(tag);
    const before = t.current.get(imported.id);
    if (!before) {
      t.creates.push(imported);
      return;
    }
    const after = fields === 'all' ? { ...imported } : merge(before, imported, fields, now, today);
    if (sameContent(before, after)) t.unchanged.push(imported.id);
    else t.updates.push({ before, after, rows: [row] });
  };
  const orgTarget: Target<Organization> = { kind: 'organizations', current: orgs, creates: plan.creates.organizations, updates: plan.updates.organizations, unchanged: plan.unchanged.organizations };
  const siteTarget: Target<Site> = { kind: 'sites', current: sites, creates: plan.creates.sites, updates: plan.updates.sites, unchanged: plan.unchanged.sites };
  const menuTarget: Target<Menu> = { kind: 'menus', current: menus, creates: plan.creates.menus, updates: plan.updates.menus, unchanged: plan.unchanged.menus };

  for (const r of preview.rows) {
    if (excluded.has(r.row) || r.hasError) continue;
    if (r.organization) {
      // an organization already in the data keeps what admins set (trusted); the file adds nothing else
      if (!orgs.has(r.organization.id)) place(orgTarget, r.organization, 'all', r.row, undefined);
      else if (!done.has(`organizations:${r.organization.id}`)) {
        done.add(`organizations:${r.organization.id}`);
        const before = orgs.get(r.organization.id)!;
        const after = { ...r.organization, trusted: before.trusted };
        if (sameContent(before, after)) plan.unchanged.organizations.push(before.id);
        else plan.updates.organizations.push({ before, after, rows: [r.row] });
      }
    }
    if (r.site) place(siteTarget, r.site, r.siteFields, r.row, r.site.lastVerified);
    if (r.menu) place(menuTarget, r.menu, r.menuFields, r.row, r.menu.lastVerified);
  }
  return plan;
}

/**
 * The objects a plan creates or changes, against the schemas: what `applyImport` checks besides
 * the plan's own consistency. Split out so that the local data worker, which loads on every visit,
 * applies plans without zod: its proxy runs this check on the page first (worker-source.ts).
 */
export function planSchemaProblems(plan: ImportPlan): Problem[] {
  const changed = {
    version: 1,
    generatedAt: '',
    label: '',
    organizations: [...plan.creates.organizations, ...plan.updates.organizations.map((u) => u.after)],
    sites: [...plan.creates.sites, ...plan.updates.sites.map((u) => u.after)],
    menus: [...plan.creates.menus, ...plan.updates.menus.map((u) => u.after)],
    areas: [],
  };
  const check = datasetSchema.safeParse(changed);
  return check.success
    ? []
    : check.error.issues.map((issue) => ({
        row: 0,
        severity: 'error' as const,
        field: issue.path.slice(0, 2).join('.'),
        message: `取り込む内容が正しくありません（${issue.path.join('.')}: ${issue.message}）。もう一度プレビューしてください。`,
      }));
}

/**
 * The dataset after the plan, as a new object; `dataset` itself is never modified. All or nothing:
 * throws ImportBlockedError, changing nothing, when the plan still has blocking errors, when the data
 * changed since the plan was made, or when the result would not be a valid dataset (e.g. a menu
 * whose site is missing, an object the schemas refuse).
 */
export function applyImport(plan: ImportPlan, dataset: Dataset): Dataset {
  return applyPlan(plan, dataset, planSchemaProblems);
}
