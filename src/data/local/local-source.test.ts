// The local source against a real IndexedDB implementation (fake-indexeddb), with a small demo.
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateDemoDataset } from '../../domain/demo/generate';
import type { Dataset } from '../../domain/model';
import { CATEGORY_BY_ID } from '../../domain/taxonomy';
import { LocalDataSource } from './local-source';
import { openStore } from './idb-store';
import { DEMO_DATA_VERSION } from '../../domain/demo/version';
import { isPublicMenu, isPublicSite, publicView } from './public-view';
import { toListSnapshot } from './list-snapshot';

let demo: Dataset;
beforeAll(() => {
  demo = generateDemoDataset({ today: '2026-11-01' });
});

function source(factory = new IDBFactory(), data?: Dataset) {
  let generated = 0;
  const s = new LocalDataSource({
    indexedDB: factory,
    generate: async () => {
      generated++;
      return structuredClone(data ?? demo);
    },
  });
  return { s, generated: () => generated };
}

describe('public view', () => {
  it('keeps only published, public, non-confidential sites and their published public menus', () => {
    const view = publicView(demo);
    const siteIds = new Set(view.sites.map((s) => s.id));
    expect(view.sites.length).toBe(demo.sites.filter(isPublicSite).length);
    expect(view.sites.length).toBeLessThan(demo.sites.length);
    for (const s of demo.sites) expect(siteIds.has(s.id)).toBe(s.status === 'published' && s.visibility === 'public' && !s.confidential);
    const menuIds = new Set(view.menus.map((m) => m.id));
    for (const m of demo.menus) expect(menuIds.has(m.id)).toBe(isPublicMenu(m, siteIds));
    expect(view.menus.some((m) => demo.menus.find((x) => x.id === m.id)!.visibility === 'staff')).toBe(false);
  });

  it('drops private fields', () => {
    const view = publicView(demo);
    for (const s of view.sites) {
      expect(s).not.toHaveProperty('confidential');
      expect(s).not.toHaveProperty('status');
      expect(s).not.toHaveProperty('publicContactSiteId');
    }
    for (const m of view.menus) expect(m).not.toHaveProperty('visibility');
  });
});

describe('LocalDataSource', () => {
  it('generates the demo once and reads it back from IndexedDB on the next start', async () => {
    const factory = new IDBFactory();
    const first = source(factory);
    await first.s.ready();
    expect(first.generated()).toBe(1);
    const second = source(factory);
    const points = await second.s.getPublicPoints();
    expect(second.generated()).toBe(0);
    expect(points.length).toBe(demo.sites.filter(isPublicSite).length);
  });

  it('replaces a demo stored by an older generator, but never restored data', async () => {
    const factory = new IDBFactory();
    const store = await openStore(factory);
    const old = { ...structuredClone(demo), sites: demo.sites.slice(0, 5) };
    await store.replaceAll(old, { demoVersion: DEMO_DATA_VERSION - 1 });
    store.close();
    const upgraded = source(factory);
    expect((await upgraded.s.exportBackup()).sites.length).toBe(demo.sites.length);
    expect(upgraded.generated()).toBe(1);

    // a restore is the user's data: kept across starts, whatever the generator's version
    await upgraded.s.restoreBackup(old);
    const next = source(factory);
    expect((await next.s.exportBackup()).sites.length).toBe(5);
    expect(next.generated()).toBe(0);
  });

  it('never returns a non-public site by id', async () => {
    const { s } = source();
    const hidden = demo.sites.filter((x) => !isPublicSite(x));
    expect(hidden.length).toBeGreaterThan(0);
    for (const site of hidden) expect(await s.getPublicSite(site.id)).toBeNull();
  });

  it('returns a site with its public menus and the help desks of its area', async () => {
    const { s } = source();
    const site = demo.sites.find((x) => isPublicSite(x) && !CATEGORY_BY_ID[x.categoryId].helpDesk)!;
    const detail = await s.getPublicSite(site.id);
    expect(detail?.site.name).toBe(site.name);
    expect(detail?.menus.every((m) => m.siteId === site.id)).toBe(true);
    expect(detail!.helpDesks.length).toBeGreaterThan(0);
    expect(detail!.helpDesks.every((d) => CATEGORY_BY_ID[d.categoryId].helpDesk)).toBe(true);
    expect(detail!.areas.map((a) => a.level)).toContain('daily_life');
  });

  it('finds the help desks serving a point, nearest first, and none outside every area', async () => {
    const { s } = source();
    const area = demo.areas.find((a) => a.level === 'daily_life')!;
    const desk = demo.sites.find((x) => isPublicSite(x) && x.serviceAreaIds.includes(area.id))!;
    const r = await s.findHelpDesks(desk.location);
    expect(r.areas.map((a) => a.id)).toContain(area.id);
    expect(r.desks.map((d) => d.id)).toContain(desk.id);
    const distances = r.desks.map((d) => d.distanceM);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    const far = await s.findHelpDesks([130.0, 33.0]);
    expect(far.areas).toEqual([]);
    expect(far.desks).toEqual([]);
  });

  it('searches through the index: filters narrow, hits respect the bbox', async () => {
    const { s } = source();
    const all = await s.searchPublicSites({});
    const free = await s.searchPublicSites({ free: true });
    expect(free.total).toBeLessThan(all.total);
    expect(free.total).toBeGreaterThan(0);
    const town = demo.areas.find((a) => a.level === 'daily_life')!;
    const ring = town.geometry.type === 'Polygon' ? town.geometry.coordinates[0]! : town.geometry.coordinates[0]![0]!;
    const lngs = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    const bbox: [number, number, number, number] = [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
    const inView = await s.searchPublicSites({ bbox }, { limit: 1000 });
    expect(inView.totalInView).toBeLessThan(inView.total);
    for (const h of inView.hits) {
      expect(h.site.location[0]).toBeGreaterThanOrEqual(bbox[0]);
      expect(h.site.location[1]).toBeLessThanOrEqual(bbox[3]);
    }
  });

  it('backs up and restores; a bad backup changes nothing and says why', async () => {
    const factory = new IDBFactory();
    const { s } = source(factory);
    const backup = await s.exportBackup();
    const smaller: Dataset = { ...structuredClone(backup), sites: backup.sites.slice(0, 10) };
    await s.restoreBackup(smaller);
    expect((await s.exportBackup()).sites.length).toBe(10);
    // survives a restart
    expect((await source(factory).s.exportBackup()).sites.length).toBe(10);

    const broken = { ...structuredClone(backup), sites: [{ ...backup.sites[0], municipalityCode: '131017' }] };
    await expect(s.restoreBackup(broken)).rejects.toThrow(/バックアップファイルを読み込めません.*municipalityCode/);
    await expect(s.restoreBackup({ hello: 'world' })).rejects.toThrow(/バックアップファイルを読み込めません/);
    expect((await s.exportBackup()).sites.length).toBe(10);
    expect((await source(factory).s.exportBackup()).sites.length).toBe(10);
  });

  it('resets to the demo', async () => {
    const factory = new IDBFactory();
    const { s } = source(factory);
    await s.restoreBackup({ ...structuredClone(demo), sites: [], menus: [] });
    expect((await s.getPublicPoints()).length).toBe(0);
    await s.resetToDemo();
    expect((await s.getPublicPoints()).length).toBe(demo.sites.filter(isPublicSite).length);
  });

  it('refuses a dataset URL from another origin', async () => {
    const s = new LocalDataSource({ datasetUrl: 'https://evil.example/data.json', indexedDB: new IDBFactory() });
    await expect(s.ready()).rejects.toThrow(/same-origin/);
  });
});

/** the demo as a JSON body read in chunks of 64 KiB, as a browser reads a large file; counts the bytes read */
function demoBody() {
  const bytes = new TextEncoder().encode(JSON.stringify(demo));
  let served = 0;
  return {
    total: bytes.length,
    served: () => served,
    response(withLength: boolean) {
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (served >= bytes.length) return controller.close();
          const chunk = bytes.slice(served, served + 64 * 1024);
          served += chunk.length;
          controller.enqueue(chunk);
        },
      });
      return new Response(body, withLength ? { headers: { 'content-length': String(bytes.length) } } : undefined);
    },
  };
}

describe('a large dataset URL while the map draws', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** serves the demo in chunks (with its length when `withLength`) */
  function serveDemo(withLength = false) {
    const file = demoBody();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => file.response(withLength)),
    );
    return file;
  }

  it('reads the first part at once and the rest after the map has drawn', async () => {
    const file = serveDemo();
    let drawn!: () => void;
    const mapDrawn = new Promise<void>((resolve) => (drawn = resolve));
    const s = new LocalDataSource({ datasetUrl: '/data.json', indexedDB: new IDBFactory(), mapDrawn, readAtOnceBytes: 200 * 1024 });
    let ready = false;
    void s.ready().then(() => (ready = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ready).toBe(false);
    // stalled a little past the first part: the rest of the file stays unread
    expect(file.served()).toBeGreaterThan(200 * 1024);
    expect(file.served()).toBeLessThan(file.total);
    drawn();
    await s.ready();
    expect(file.served()).toBe(file.total);
    expect((await s.searchPublicSites({})).total).toBe(demo.sites.filter(isPublicSite).length);
  });

  it('reads none of a file it knows to be larger than the first part until the map has drawn', async () => {
    const file = serveDemo(true);
    let drawn!: () => void;
    const mapDrawn = new Promise<void>((resolve) => (drawn = resolve));
    const s = new LocalDataSource({ datasetUrl: '/data.json', indexedDB: new IDBFactory(), mapDrawn, readAtOnceBytes: 200 * 1024 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // a stream's first chunk may be pulled when it is created; nothing is read beyond it
    expect(file.served()).toBeLessThanOrEqual(64 * 1024);
    drawn();
    await s.ready();
    expect(file.served()).toBe(file.total);
    expect((await s.exportBackup()).sites.length).toBe(demo.sites.length);
  });

  it('does not hold back a dataset smaller than the first part', async () => {
    serveDemo();
    const never = new Promise<void>(() => undefined);
    const s = new LocalDataSource({ datasetUrl: '/data.json', indexedDB: new IDBFactory(), mapDrawn: never });
    await s.ready();
    expect((await s.exportBackup()).sites.length).toBe(demo.sites.length);
  });
});

describe('a list snapshot while the map draws', () => {
  afterEach(() => vi.unstubAllGlobals());

  /**
   * serves the demo at /data.json (with its length; counts the bytes read) and its list snapshot
   * at /list.json (with its length unless `listLength` is false), or a 404 there
   */
  function serve(listStatus = 200, listLength = true) {
    const file = demoBody();
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url === '/list.json') {
          if (listStatus !== 200) return new Response('', { status: listStatus });
          const list = new TextEncoder().encode(JSON.stringify(toListSnapshot(demo)));
          return new Response(list, listLength ? { headers: { 'content-length': String(list.length) } } : undefined);
        }
        return file.response(true);
      }),
    );
    return file;
  }

  /** a source of /data.json with the list snapshot /list.json, and the call that says the map has drawn */
  function startWithList() {
    let drawn!: () => void;
    const mapDrawn = new Promise<void>((resolve) => (drawn = resolve));
    const s = new LocalDataSource({ datasetUrl: '/data.json', listUrl: '/list.json', indexedDB: new IDBFactory(), mapDrawn });
    return { s, drawn };
  }

  it('answers the list from it before reading the dataset, however small; a keyword waits for the dataset', async () => {
    const file = serve();
    const { s, drawn } = startWithList();
    const query = {
      fields: ['children' as const],
      bbox: [139.5, 35.8, 139.7, 35.95] as [number, number, number, number],
    };
    expect(s.answersBeforeLoad(query)).toBe(true);
    expect(s.answersBeforeLoad({ text: 'サロン' })).toBe(false);
    const early = await s.searchPublicSites(query, { limit: 20 });
    expect(early.hits.length).toBe(20);
    let keywordDone = false;
    const keyword = s.searchPublicSites({ text: 'サロン' }).then((r) => ((keywordDone = true), r));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // under READ_AT_ONCE_BYTES, yet not read: the list did not need it
    expect(file.served()).toBeLessThanOrEqual(64 * 1024);
    expect(keywordDone).toBe(false);
    drawn();
    expect((await keyword).total).toBeGreaterThan(0);
    expect(file.served()).toBe(file.total);
    expect(s.answersBeforeLoad(query)).toBe(false);
    // the same answer from the data
    expect(await s.searchPublicSites(query, { limit: 20 })).toEqual(early);
  });

  /** a search for the whole list must wait until the map has drawn, and then answer it */
  async function expectListAfterMap() {
    const { s, drawn } = startWithList();
    let done = false;
    const search = s.searchPublicSites({}).then((r) => ((done = true), r));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(done).toBe(false);
    drawn();
    expect((await search).total).toBe(demo.sites.filter(isPublicSite).length);
    return s;
  }

  it('holds a snapshot larger than LIST_READ_AT_ONCE_BYTES (or of unknown length) until the map has drawn', async () => {
    const file = serve(200, false);
    const s = await expectListAfterMap();
    await s.ready();
    expect(file.served()).toBe(file.total);
  });

  it('waits for the dataset when the snapshot cannot be read', async () => {
    serve(404);
    await expectListAfterMap();
  });

  it('is ignored without a dataset URL: the stored data may have been edited since', async () => {
    serve();
    const s = new LocalDataSource({
      listUrl: '/list.json',
      indexedDB: new IDBFactory(),
      generate: async () => structuredClone(demo),
    });
    expect(s.answersBeforeLoad({})).toBe(false);
    expect(fetch).not.toHaveBeenCalled();
  });
});
