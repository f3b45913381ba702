// The import screen's preview job on a real file: detection, the 種別 table, per-row states and
// the summary, and a user's category choice reaching the preview.
import { describe, expect, it } from 'vitest';
import { readRealdata } from '../../../tests/support/realdata';
import { generateDemoDataset } from '../../domain/demo/generate';
import { applyImport } from '../../domain/import/plan';
import { runImport } from './import-job';

const existing = generateDemoDataset({ today: '2026-11-01', sites: 60 });
const bytes = readRealdata('kawaguchi_112038_preschool.csv');
const base = { bytes, fileName: 'kawaguchi_112038_preschool.csv', existing, choices: {}, skipErrors: false, now: '2026-11-02T09:00:00+09:00', today: '2026-11-02' };

describe('runImport', () => {
  it('detects the file, lists its 種別 values with categories, and counts rows by what would happen', () => {
    const r = runImport(base);
    expect(r.encoding).toBe('utf-8-bom');
    expect(r.layoutId).toBe('national-current:childcare_facility');
    expect(r.rowCount).toBe(302);
    expect(r.kinds.length).toBeGreaterThan(1);
    expect(r.kinds.reduce((n, k) => n + k.count, 0)).toBeLessThanOrEqual(302);
    const hoikusho = r.kinds.find((k) => k.kind.includes('保育所'));
    expect(hoikusho).toMatchObject({ categoryId: 'childcare_hub', approximate: true, chosen: false });
    // the row without coordinates is an error; the others would be new
    expect(r.summary.errors).toBeGreaterThan(0);
    expect(r.rows.filter((x) => x.state === 'error').length).toBe(r.summary.errors);
    expect(r.summary.new).toBe(302 - r.summary.errors);
    expect(r.plan.blocking.length).toBeGreaterThan(0);
  });

  it('leaves out the rows with errors when asked, and applies what remains', () => {
    const r = runImport({ ...base, skipErrors: true });
    expect(r.summary.skipped).toBe(runImport(base).summary.errors);
    expect(r.plan.blocking).toEqual([]);
    const next = applyImport(r.plan, existing);
    expect(next.sites.length).toBeGreaterThan(existing.sites.length);
    // the same file against the new data: nothing new, nothing changed
    const again = runImport({ ...base, existing: next, skipErrors: true });
    expect(again.summary).toMatchObject({ new: 0, updated: 0 });
    expect(again.summary.unchanged).toBe(r.summary.new);
  });

  it('a changed row of the same file updates its listing instead of adding one', () => {
    const first = runImport({ ...base, skipErrors: true });
    const next = applyImport(first.plan, existing);
    const text = new TextDecoder().decode(bytes);
    const name = first.rows.find((x) => x.state === 'new')!.name;
    const changed = new TextEncoder().encode(text.replace(name, `${name}（新館）`));
    const again = runImport({ ...base, bytes: changed, existing: next, skipErrors: true });
    expect(again.summary).toMatchObject({ new: 0, updated: 1, unchanged: first.summary.new - 1 });
    expect(again.rows.find((x) => x.state === 'updated')!.name).toBe(`${name}（新館）`);
  });

  it('uses the category the user chose for a 種別', () => {
    const kind = runImport(base).kinds.find((k) => k.kind.includes('保育所'))!.kind;
    const r = runImport({ ...base, choices: { [kind]: 'multigenerational_place' } });
    expect(r.kinds.find((k) => k.kind === kind)).toMatchObject({ categoryId: 'multigenerational_place', chosen: true });
    const ids = r.rows.filter((x) => x.state !== 'error').map((x) => x.categoryId);
    expect(ids).toContain('multigenerational_place');
  });

  it('puts every row under a coordinator’s own organization when one is given', () => {
    const org = existing.organizations[0]!;
    const r = runImport({ ...base, skipErrors: true, orgId: org.id });
    expect(r.plan.creates.organizations).toEqual([]);
    expect(r.plan.creates.sites.length).toBeGreaterThan(0);
    expect(new Set(r.plan.creates.sites.map((s) => s.orgId))).toEqual(new Set([org.id]));
  });

  it('an unreadable file gives one file-level error and a plan that blocks', () => {
    const r = runImport({ ...base, bytes: new TextEncoder().encode('') });
    expect(r.layoutId).toBeNull();
    expect(r.problems).toEqual([expect.objectContaining({ row: 0, severity: 'error' })]);
    expect(r.plan.blocking.length).toBe(1);
  });
});
