// The published listing (listing-snapshot.ts): the local source answers the list from it exactly as
// from the whole dataset, and reads the dataset only when something needs more than the list.
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateDemoDataset } from '../../domain/demo/generate';
import type { Dataset } from '../../domain/model';
import type { SiteQuery } from '../../domain/search/query';
import { LocalDataSource } from './local-source';
import { loadListingSnapshot, toListingSnapshot } from './listing-snapshot';
import { isPublicMenu, isPublicSite } from './public-view';

let demo: Dataset;
beforeAll(() => {
  demo = generateDemoDataset({ today: '2026-11-01' });
});
afterEach(() => vi.unstubAllGlobals());

const TODAY = '2026-11-04'; // a Wednesday

/** serves `files` by path; records every path asked for */
function serve(files: Record<string, unknown>) {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      asked.push(url);
      return url in files ? new Response(JSON.stringify(files[url])) : new Response('not found', { status: 404 });
    }),
  );
  return asked;
}

const QUERIES: SiteQuery[] = [
  {},
  { text: 'カフェ' },
  { text: 'そうだん' },
  { fields: ['elderly'], free: true },
  { needs: ['consultation'], weekdays: ['WE'] },
  { today: TODAY, ease: ['no_reservation'] },
  { helpDesksOnly: true, accessibility: ['wheelchair'] },
  { targets: ['parents'], origin: [139.6, 35.86] },
  { bbox: [139.58, 35.84, 139.62, 35.88], origin: [139.6, 35.86] },
];

describe('listing snapshot', () => {
  it('holds the public sites and, of the public menus, only the fields the search reads', () => {
    const listing = toListingSnapshot(demo);
    expect(listing.label).toBe(demo.label);
    expect(listing.sites.map((s) => s.id)).toEqual(demo.sites.filter(isPublicSite).map((s) => s.id));
    const siteIds = new Set(listing.sites.map((s) => s.id));
    expect(listing.menus.map((m) => m.id)).toEqual(demo.menus.filter((m) => isPublicMenu(m, siteIds)).map((m) => m.id));
    for (const s of listing.sites) {
      expect(s).not.toHaveProperty('confidential');
      expect(s).not.toHaveProperty('status');
    }
    for (const m of listing.menus) expect(Object.keys(m).sort()).toEqual(['cost', 'ease', 'id', 'needs', 'schedule', 'siteId', 'targets', 'title']);
  });

  it('answers every search as the whole dataset does, without reading the dataset', async () => {
    const asked = serve({ '/data.json': demo, '/listing.json': { version: 1, ...toListingSnapshot(demo) } });
    const full = new LocalDataSource({ datasetUrl: '/data.json', indexedDB: new IDBFactory() });
    const listed = new LocalDataSource({ datasetUrl: '/data.json', listingUrl: '/listing.json', indexedDB: new IDBFactory() });
    for (const query of QUERIES) {
      const expected = await full.searchPublicSites(query, { limit: 20 });
      expect(expected.total).toBeGreaterThan(0);
      expect(await listed.searchPublicSites(query, { limit: 20 })).toEqual(expected);
    }
    expect(listed.label).toBe(demo.label);
    expect(listed.persistent).toBe(false);
    // one read of the dataset (by `full`), one of the listing
    expect(asked.filter((u) => u === '/data.json')).toHaveLength(1);
    expect(asked.filter((u) => u === '/listing.json')).toHaveLength(1);
  });

  it('reads the dataset once, when a site page needs it', async () => {
    const asked = serve({ '/data.json': demo, '/listing.json': { version: 1, ...toListingSnapshot(demo) } });
    const s = new LocalDataSource({ datasetUrl: '/data.json', listingUrl: '/listing.json', indexedDB: new IDBFactory() });
    await s.ready();
    const [hit] = (await s.searchPublicSites({}, { limit: 1 })).hits;
    expect(asked).toEqual(['/listing.json']);
    const detail = await s.getPublicSite(hit!.site.id);
    expect(detail?.site).toEqual(hit!.site);
    expect(detail?.menus.length).toBeGreaterThan(0);
    await s.findHelpDesks(hit!.site.location);
    expect(asked).toEqual(['/listing.json', '/data.json']);
  });

  it('copies only the fields of a site and of a listed menu', async () => {
    const listing = toListingSnapshot(demo);
    const site = { ...listing.sites[0]!, confidential: true, staffNote: 'x' };
    const menu = { ...listing.menus[0]!, description: 'internal', capacity: { availability: 'full' } };
    serve({ '/listing.json': { version: 1, label: 'L', sites: [site], menus: [menu] } });
    const got = await loadListingSnapshot('/listing.json');
    expect(got.sites[0]).toEqual(listing.sites[0]);
    expect(got.menus[0]).toEqual(listing.menus[0]);
  });

  it('refuses a listing from another origin or of another shape', async () => {
    await expect(loadListingSnapshot('https://evil.example/listing.json')).rejects.toThrow(/same-origin/);
    serve({ '/points.json': { version: 1, points: [], areas: [] } });
    await expect(loadListingSnapshot('/points.json')).rejects.toThrow(/not a listing/);
    await expect(loadListingSnapshot('/missing.json')).rejects.toThrow(/404/);
  });

  it('stops answering from the listing once a backup replaces the data', async () => {
    serve({ '/data.json': demo, '/listing.json': { version: 1, ...toListingSnapshot(demo) } });
    const s = new LocalDataSource({ datasetUrl: '/data.json', listingUrl: '/listing.json', indexedDB: new IDBFactory() });
    expect((await s.searchPublicSites({})).total).toBe(demo.sites.filter(isPublicSite).length);
    const smaller: Dataset = { ...structuredClone(demo), sites: demo.sites.filter(isPublicSite).slice(0, 5) };
    await s.restoreBackup(smaller);
    expect((await s.searchPublicSites({})).total).toBe(5);
  });
});
