// The worker proxy against the real worker host over a MessageChannel (structured clone, as with a
// Worker), the core on fake-indexeddb: what the app runs, minus the Worker.
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateDemoDataset } from '../../domain/demo/generate';
import type { Dataset } from '../../domain/model';
import { LocalCore } from './local-core';
import { LocalDataSource } from './local-source';
import { isPublicSite, toPublicPoint, toPublicSite } from './public-view';
import { serveLocalSource } from './worker-host';
import { toListSnapshot } from './list-snapshot';
import type { Endpoint, FromWorker, WorkerInit } from './worker-protocol';
import { LocalWorkerSource, type WorkerSourceOptions } from './worker-source';

let demo: Dataset;
beforeAll(() => {
  demo = generateDemoDataset({ today: '2026-11-01' });
});

const open: MessagePort[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
  vi.unstubAllGlobals();
});

function connect(options: WorkerSourceOptions = {}, core?: (init: WorkerInit, mapDrawn: Promise<void>) => LocalCore) {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  const fromWorker: FromWorker[] = [];
  port1.addEventListener('message', (e) => fromWorker.push(e.data as FromWorker));
  const factory = new IDBFactory();
  serveLocalSource(port2 as Endpoint, core ?? ((init) => new LocalCore({ ...init, indexedDB: factory, generate: async () => structuredClone(demo) })));
  const proxy = new LocalWorkerSource(port1 as Endpoint, options);
  port1.start();
  port2.start();
  return { proxy, fromWorker, factory };
}

describe('LocalWorkerSource (proxy) over a message channel', () => {
  it('sends the staff catalog: published listings with staff-only menus, never drafts or confidential sites', async () => {
    const { proxy } = connect();
    const catalog = await proxy.getStaffCatalog();
    const siteIds = new Set(catalog.sites.map((s) => s.id));
    expect(catalog.sites.every((s) => s.status === 'published' && !s.confidential)).toBe(true);
    expect(catalog.menus.every((m) => m.status === 'published' && (m.siteId === null || siteIds.has(m.siteId)))).toBe(true);
    expect(catalog.menus.some((m) => m.visibility === 'staff')).toBe(true);
    const expected = demo.menus.filter((m) => {
      const site = m.siteId === null ? null : demo.sites.find((s) => s.id === m.siteId);
      return m.status === 'published' && (m.siteId === null || (site?.status === 'published' && !site.confidential));
    });
    expect(catalog.menus.map((m) => m.id).sort()).toEqual(expected.map((m) => m.id).sort());
    expect(catalog.menus.length).toBeLessThan(demo.menus.length);
    expect(catalog.areas).toEqual(demo.areas);
  });

  it('answers like the core it forwards to', async () => {
    const { proxy } = connect();
    const direct = new LocalDataSource({ indexedDB: new IDBFactory(), generate: async () => structuredClone(demo) });
    expect(await proxy.getPublicPoints()).toEqual(await direct.getPublicPoints());
    expect(await proxy.getAreas()).toEqual(await direct.getAreas());
    expect(await proxy.searchPublicSites({ free: true }, { limit: 20 })).toEqual(await direct.searchPublicSites({ free: true }, { limit: 20 }));
    const site = demo.sites.find(isPublicSite)!;
    expect(await proxy.getPublicSite(site.id)).toEqual(await direct.getPublicSite(site.id));
    expect(await proxy.findHelpDesks(site.location)).toEqual(await direct.findHelpDesks(site.location));
    expect(proxy.label).toBe(demo.label);
  });

  it('forwards editing calls, and re-sends the map its points when a change is published', async () => {
    const { proxy, fromWorker } = connect();
    await proxy.ready();
    const site = demo.sites.find(isPublicSite)!;
    const staff = { userId: 'demo-staff', role: 'staff' as const, organizationIds: [] };
    const loadedBefore = fromWorker.filter((m) => m.type === 'loaded').length;
    const r = await proxy.editor.save(staff, { kind: 'site', record: { ...site, name: '名前を変えた場所' }, baseUpdatedAt: site.updatedAt });
    expect(r.status).toBe('published');
    expect(fromWorker.filter((m) => m.type === 'loaded').length).toBe(loadedBefore + 1);
    expect((await proxy.getPublicPoints()).find((p) => p.id === site.id)?.name).toBe('名前を変えた場所');
    await expect(proxy.editor.listReports({ userId: 'anonymous', role: 'resident', organizationIds: [] })).rejects.toThrow('サインイン');
    // validated on this side (zod stays out of the worker): an invalid record never crosses
    const bad = await proxy.editor.save(staff, { kind: 'site', record: { ...site, name: '' }, baseUpdatedAt: site.updatedAt });
    expect(bad).toEqual({ status: 'invalid', issues: [{ path: 'name', message: '名称を入力してください' }] });
  });

  it('keeps search results small: at most `limit` hits, every match as an id', async () => {
    const { proxy } = connect();
    const r = await proxy.searchPublicSites({}, { limit: 5 });
    expect(r.hits.length).toBe(5);
    expect(r.matchIds.length).toBe(r.total);
    expect(r.total).toBe(demo.sites.filter(isPublicSite).length);
  });

  it('sends the map its points before answering any search', async () => {
    const { proxy, fromWorker } = connect();
    await Promise.all([proxy.searchPublicSites({}), proxy.getPublicPoints()]);
    const loaded = fromWorker.findIndex((m) => m.type === 'loaded');
    const firstResult = fromWorker.findIndex((m) => m.type === 'result');
    expect(loaded).toBeGreaterThanOrEqual(0);
    expect(loaded).toBeLessThan(firstResult);
    const msg = fromWorker[loaded] as Extract<FromWorker, { type: 'loaded' }>;
    expect(msg.points?.length).toBe(demo.sites.filter(isPublicSite).length);
  });

  it('never returns a non-public site, and nothing private crosses the boundary', async () => {
    const { proxy, fromWorker } = connect();
    for (const site of demo.sites.filter((x) => !isPublicSite(x)).slice(0, 20)) expect(await proxy.getPublicSite(site.id)).toBeNull();
    await proxy.searchPublicSites({}, { limit: 10_000 });
    const crossed = JSON.stringify(fromWorker);
    for (const s of demo.sites.filter((x) => x.confidential)) expect(crossed).not.toContain(s.name);
    expect(crossed).not.toContain('"confidential"');
  });

  it('re-throws the worker’s errors with their message', async () => {
    const { proxy } = connect({ datasetUrl: 'https://evil.example/data.json' });
    await expect(proxy.ready()).rejects.toThrow(/same-origin/);
    await expect(proxy.searchPublicSites({})).rejects.toThrow(/same-origin/);
    await expect(proxy.getPublicPoints()).rejects.toThrow(/same-origin/);
  });

  it('rejects an aborted call at once and drops its late reply', async () => {
    const { proxy } = connect();
    const controller = new AbortController();
    const pending = proxy.searchPublicSites({}, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toThrow(/abort/i);
    const before = new AbortController();
    before.abort();
    await expect(proxy.getPublicSite('x', before.signal)).rejects.toThrow(/abort/i);
    // the source still works, and the late reply went nowhere
    expect((await proxy.searchPublicSites({})).total).toBeGreaterThan(0);
  });

  it('restores (validated before it is sent) and resets; the map’s points follow', async () => {
    const { proxy, factory } = connect();
    const backup = await proxy.exportBackup();
    await expect(proxy.restoreBackup({ hello: 'world' })).rejects.toThrow(/バックアップファイルを読み込めません/);
    const smaller: Dataset = { ...structuredClone(backup), sites: backup.sites.filter(isPublicSite).slice(0, 10) };
    await proxy.restoreBackup(smaller);
    expect((await proxy.getPublicPoints()).length).toBe(10);
    // stored in IndexedDB, as by the core
    const again = new LocalDataSource({ indexedDB: factory, generate: async () => structuredClone(demo) });
    expect((await again.exportBackup()).sites.length).toBe(10);
    await proxy.resetToDemo();
    expect((await proxy.getPublicPoints()).length).toBe(demo.sites.filter(isPublicSite).length);
  });

  it('draws the map from a points snapshot without waiting for the dataset', async () => {
    const points = demo.sites.filter(isPublicSite).slice(0, 3).map((s) => ({ ...toPublicPoint(toPublicSite(s)), extra: 'dropped' }));
    const fetch = vi.fn(async () => new Response(JSON.stringify({ version: 1, points, areas: demo.areas.slice(0, 1) })));
    vi.stubGlobal('fetch', fetch);
    // a worker that never finishes loading
    const never = () => new LocalCore({ indexedDB: new IDBFactory(), generate: () => new Promise<Dataset>(() => undefined) });
    const { proxy, fromWorker } = connect({ pointsUrl: '/points.json' }, never);
    const got = await proxy.getPublicPoints();
    expect(got.map((p) => p.id)).toEqual(points.map((p) => p.id));
    expect(got[0]).not.toHaveProperty('extra');
    expect((await proxy.getAreas()).map((a) => a.id)).toEqual([demo.areas[0]!.id]);
    expect(fetch).toHaveBeenCalledWith('/points.json');
    expect(fromWorker.some((m) => m.type === 'loaded')).toBe(false);
  });

  it('tells the worker once that the map has drawn', async () => {
    let mapDrawn: Promise<void> | undefined;
    const { proxy } = connect({}, (_init, drawn) => {
      mapDrawn = drawn;
      return new LocalCore({ indexedDB: new IDBFactory(), generate: async () => structuredClone(demo) });
    });
    await proxy.ready();
    let settled = false;
    void mapDrawn!.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    proxy.mapDrawn();
    proxy.mapDrawn();
    await mapDrawn;
    expect(settled).toBe(true);
  });

  it('answers the list from a list snapshot while the dataset waits for the map; a site page does not wait', async () => {
    let datasetRead = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url === '/list.json') {
          const list = new TextEncoder().encode(JSON.stringify(toListSnapshot(demo)));
          return new Response(list, { headers: { 'content-length': String(list.length) } });
        }
        if (url === '/points.json') return Response.json({ version: 1, points: [], areas: [] });
        const text = JSON.stringify(demo);
        const body = new ReadableStream<Uint8Array>({
          start: (c) => c.enqueue(new TextEncoder().encode(text.slice(0, 10))),
          pull(c) {
            datasetRead = true;
            c.enqueue(new TextEncoder().encode(text.slice(10)));
            c.close();
          },
        });
        return new Response(body, {
          headers: { 'content-length': String(new TextEncoder().encode(text).length) },
        });
      }),
    );
    const { proxy, fromWorker } = connect(
      { datasetUrl: '/data.json', pointsUrl: '/points.json', listUrl: '/list.json' },
      (init, mapDrawn) =>
        new LocalCore({
          datasetUrl: init.datasetUrl,
          listUrl: init.listUrl,
          mapDrawn: init.hasPoints ? mapDrawn : undefined,
          indexedDB: new IDBFactory(),
        }),
    );
    const first = await proxy.searchPublicSites({ categories: ['salon'] }, { limit: 10 });
    expect(first.hits.length).toBe(10);
    expect(datasetRead).toBe(false);
    expect(fromWorker.some((m) => m.type === 'loaded')).toBe(false);
    // a site page has no map to wait for: asking for a site starts the read
    const site = demo.sites.find(isPublicSite)!;
    expect((await proxy.getPublicSite(site.id))?.site.name).toBe(site.name);
    expect(datasetRead).toBe(true);
    expect(await proxy.searchPublicSites({ categories: ['salon'] }, { limit: 10 })).toEqual(first);
  });

  it('falls back to the worker’s points when the snapshot cannot be read', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('nope', { status: 404 })));
    const { proxy } = connect({ pointsUrl: '/missing.json' });
    expect((await proxy.getPublicPoints()).length).toBe(demo.sites.filter(isPublicSite).length);
  });
});
