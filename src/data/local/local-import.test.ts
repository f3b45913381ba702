// Import into the local source: all or nothing, persisted in one transaction, and re-importing
// the same file updates instead of adding copies.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../domain/demo/generate';
import { planImport } from '../../domain/import/plan';
import { previewImport } from '../../domain/import/preview';
import { templateCsvText, templateRecord } from '../../domain/import/template';
import type { Dataset } from '../../domain/model';
import { openStore } from './idb-store';
import { LocalCore } from './local-core';
import { LocalDataSource } from './local-source';
import { serveLocalSource } from './worker-host';
import type { Endpoint, FromWorker } from './worker-protocol';
import { LocalWorkerSource } from './worker-source';

const demo: Dataset = generateDemoDataset({ today: '2026-11-01', sites: 120 });
const OPTIONS = { now: '2026-11-02T09:00:00+09:00', today: '2026-11-02', status: 'published' as const };

function source(factory: IDBFactory) {
  return new LocalDataSource({ indexedDB: factory, generate: async () => structuredClone(demo) });
}

/** a template file with two new published sites (one menu each), the second without coordinates when `broken` */
function file(broken = false): string {
  const site = (id: string, name: string, lat: number) => ({
    ...demo.sites[0]!,
    id,
    name,
    location: [139.65, lat] as [number, number],
    status: 'published' as const,
    visibility: 'public' as const,
    confidential: false,
  });
  const menu = (siteId: string) => ({ ...demo.menus.find((m) => m.siteId === demo.sites[0]!.id)!, id: `${siteId}-m`, siteId, status: 'published' as const, visibility: 'public' as const });
  const org = demo.organizations.find((o) => o.id === demo.sites[0]!.orgId)!;
  const records = [templateRecord(org, site('site-imp-a', '取り込みテストひろばＡ', 35.86), menu('site-imp-a')), templateRecord(org, site('site-imp-b', '取り込みテストひろばＢ', 35.87), menu('site-imp-b'))];
  if (broken) records[1]!['緯度'] = '';
  return templateCsvText(records);
}

describe('LocalDataSource.applyImport', () => {
  it('adds the listings, shows them, keeps them after a restart, and no longer counts as the untouched demo', async () => {
    const factory = new IDBFactory();
    const s = source(factory);
    const before = await s.exportBackup();
    const plan = planImport(previewImport(file(), { ...OPTIONS, existing: before }), before);
    expect(plan.creates.sites.map((x) => x.id)).toEqual(['site-imp-a', 'site-imp-b']);
    await s.applyImport(plan);
    expect((await s.getPublicPoints()).some((p) => p.name === '取り込みテストひろばＡ')).toBe(true);
    const stored = await (await openStore(factory)).load();
    expect(stored?.demoVersion).toBeUndefined();
    expect(stored?.data.sites.length).toBe(before.sites.length + 2);
    // a second start reads the imported data back instead of generating the demo again
    const again = source(factory);
    expect((await again.exportBackup()).sites.length).toBe(before.sites.length + 2);
  });

  it('keeps the editing records: an error report sent before an import is still in the queue after it', async () => {
    const factory = new IDBFactory();
    const s = source(factory);
    const before = await s.exportBackup();
    const target = (await s.getPublicPoints())[0]!;
    const report = await s.editor.submitReport({ siteId: target.id, kind: 'closed', message: '先週から閉まっていました' });
    await s.applyImport(planImport(previewImport(file(), { ...OPTIONS, existing: before }), before));
    const staff = { userId: 'demo-staff', role: 'staff' as const, organizationIds: [] };
    expect((await s.editor.listReports(staff)).map((r) => r.id)).toContain(report.id);
    // and after a restart, read back from IndexedDB
    expect((await source(factory).editor.listReports(staff)).map((r) => r.id)).toContain(report.id);
  });

  it('re-importing the same file changes nothing and adds no copies', async () => {
    const s = source(new IDBFactory());
    const first = await s.exportBackup();
    await s.applyImport(planImport(previewImport(file(), { ...OPTIONS, existing: first }), first));
    const after = await s.exportBackup();
    const plan = planImport(previewImport(file(), { ...OPTIONS, existing: after }), after);
    expect(plan.creates.sites).toEqual([]);
    expect(plan.updates.sites).toEqual([]);
    expect(plan.unchanged.sites.sort()).toEqual(['site-imp-a', 'site-imp-b']);
    await s.applyImport(plan);
    expect((await s.exportBackup()).sites.length).toBe(after.sites.length);
  });

  it('refuses a plan with errors and leaves the data and the store untouched', async () => {
    const factory = new IDBFactory();
    const s = source(factory);
    const before = await s.exportBackup();
    const plan = planImport(previewImport(file(true), { ...OPTIONS, existing: before }), before);
    expect(plan.blocking.length).toBeGreaterThan(0);
    await expect(s.applyImport(plan)).rejects.toThrow(/何も取り込んでいません/);
    expect(await s.exportBackup()).toEqual(before);
    expect((await (await openStore(factory)).load())?.data.sites.length).toBe(before.sites.length);
  });

  it('refuses a plan made before the data changed (half-way: nothing of it is written)', async () => {
    const factory = new IDBFactory();
    const s = source(factory);
    const before = await s.exportBackup();
    const first = planImport(previewImport(file(), { ...OPTIONS, existing: before }), before);
    await s.applyImport(first);
    const snapshot = await s.exportBackup();
    // the same plan again: its sites exist now, so applying it would overwrite; all of it is refused
    await expect(s.applyImport(first)).rejects.toThrow(/データは変更していません/);
    expect(await s.exportBackup()).toEqual(snapshot);
    expect((await (await openStore(factory)).load())?.data.sites.length).toBe(snapshot.sites.length);
  });

  it('refuses a plan whose objects the schemas refuse (checked before the data is touched)', async () => {
    const factory = new IDBFactory();
    const s = source(factory);
    const before = await s.exportBackup();
    const plan = planImport(previewImport(file(), { ...OPTIONS, existing: before }), before);
    plan.creates.sites[1] = { ...plan.creates.sites[1]!, name: '' };
    await expect(s.applyImport(plan)).rejects.toThrow(/取り込みを中止しました。データは変更していません。/);
    expect(await s.exportBackup()).toEqual(before);
  });

  it('through the worker proxy: applies the plan in the worker and sends the map its new points', async () => {
    const { port1, port2 } = new MessageChannel();
    const fromWorker: FromWorker[] = [];
    port1.addEventListener('message', (e) => fromWorker.push(e.data as FromWorker));
    const factory = new IDBFactory();
    serveLocalSource(port2 as Endpoint, (init) => new LocalCore({ ...init, indexedDB: factory, generate: async () => structuredClone(demo) }));
    const proxy = new LocalWorkerSource(port1 as Endpoint);
    port1.start();
    port2.start();
    try {
      const before = await proxy.exportBackup();
      await proxy.applyImport(planImport(previewImport(file(), { ...OPTIONS, existing: before }), before));
      expect((await proxy.getPublicPoints()).filter((p) => p.name.startsWith('取り込みテストひろば')).length).toBe(2);
      expect(fromWorker.filter((m) => m.type === 'loaded').length).toBe(2);
      // a refused plan: the proxy's schema check, nothing sent
      const after = await proxy.exportBackup();
      const bad = planImport(previewImport(file(), { ...OPTIONS, existing: before }), before);
      bad.creates.menus[0] = { ...bad.creates.menus[0]!, needs: [] };
      await expect(proxy.applyImport(bad)).rejects.toThrow(/データは変更していません/);
      expect(await proxy.exportBackup()).toEqual(after);
    } finally {
      port1.close();
      port2.close();
    }
  });

  it('keeps the editing records (error reports, history) beside the imported data', async () => {
    const factory = new IDBFactory();
    const s = source(factory);
    const before = await s.exportBackup();
    const site = before.sites.find((x) => x.status === 'published' && x.visibility === 'public' && !x.confidential)!;
    await s.editor.submitReport({ siteId: site.id, kind: 'other', message: '入口の場所が変わりました' });
    await s.applyImport(planImport(previewImport(file(), { ...OPTIONS, existing: before }), before));
    const store = await openStore(factory);
    expect((await store.loadEditing()).reports.map((r) => r.siteId)).toEqual([site.id]);
    expect((await store.load())?.data.sites.length).toBe(before.sites.length + 2);
  });
});
