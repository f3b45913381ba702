// The list snapshot: what it holds, what it refuses, and that its answers are the full data's.
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../domain/demo/generate';
import type { Dataset } from '../../domain/model';
import type { SiteQuery } from '../../domain/search/query';
import { rng } from '../../domain/search/test-dataset';
import { ACCESSIBILITY, CATEGORY_IDS, FIELDS } from '../../domain/taxonomy';
import { answerableFromList, readListSnapshot, toListSnapshot } from './list-snapshot';
import { LocalDataSource } from './local-source';
import { isPublicMenu, isPublicSite, publicView } from './public-view';

let demo: Dataset;
beforeAll(() => {
  demo = generateDemoDataset({ today: '2026-11-01' });
});

const LISTED_KEYS = ['accessibility', 'address', 'categoryId', 'fields', 'id', 'kana', 'lastVerified', 'location', 'name'];

describe('toListSnapshot', () => {
  it('holds every public site, in the public view’s order, with the list’s fields and its public menus’ ids only', () => {
    const file = toListSnapshot(demo);
    const view = publicView(demo);
    expect(file.version).toBe(1);
    expect(file.kind).toBe('list');
    expect(file.sites.map((s) => s.id)).toEqual(view.sites.map((s) => s.id));
    for (const s of file.sites) expect(Object.keys(s).sort()).toEqual([...LISTED_KEYS, 'menuIds'].sort());
    const publicIds = new Set(view.sites.map((s) => s.id));
    const menuIds = file.sites.flatMap((s) => s.menuIds);
    const expected = demo.menus.filter((m) => m.siteId !== null && isPublicMenu(m, publicIds)).map((m) => m.id);
    expect(menuIds.sort()).toEqual(expected.sort());
    // nothing private: a confidential site, a staff-only menu, a draft
    const text = JSON.stringify(file);
    for (const s of demo.sites.filter((x) => !isPublicSite(x))) expect(text).not.toContain(`"${s.id}"`);
    expect(demo.menus.some((m) => m.visibility === 'staff')).toBe(true);
    for (const m of demo.menus.filter((x) => x.visibility === 'staff')) expect(menuIds).not.toContain(m.id);
    expect(text).not.toContain('"contact"');
    expect(text).not.toContain('"description"');
  });
});

describe('answerableFromList', () => {
  it.each<[SiteQuery, boolean]>([
    [{}, true],
    [
      {
        fields: ['children'],
        categories: ['salon'],
        helpDesksOnly: true,
        accessibility: ['wheelchair'],
      },
      true,
    ],
    [{ bbox: [139.5, 35.8, 139.7, 35.9], origin: [139.6, 35.86] }, true],
    [{ text: '　 ' }, true], // nothing left after normalization
    [{ fields: [], needs: [], targets: [], weekdays: [], ease: [] }, true],
    [{ text: 'サロン' }, false],
    [{ needs: ['consultation'] }, false],
    [{ targets: ['parents'] }, false],
    [{ weekdays: ['MO'] }, false],
    [{ today: '2026-11-27' }, false],
    [{ free: true }, false],
    [{ ease: ['no_reservation'] }, false],
  ])('%j → %s', (query, expected) => {
    expect(answerableFromList(query)).toBe(expected);
  });
});

describe('readListSnapshot', () => {
  it('refuses a file that is not a list snapshot, saying why', () => {
    expect(() => readListSnapshot(null)).toThrow(/not a list snapshot/);
    expect(() => readListSnapshot({ version: 1, points: [], areas: [] })).toThrow(/not a list snapshot/);
    expect(() => readListSnapshot({ version: 2, kind: 'list', sites: [] })).toThrow(/not a list snapshot/);
    const [first, ...rest] = toListSnapshot(demo).sites;
    const noAddress: Partial<typeof first> = { ...first! };
    delete noAddress.address;
    expect(() => readListSnapshot({ version: 1, kind: 'list', sites: [...rest, noAddress] })).toThrow(`site ${rest.length} of the list snapshot`);
    expect(() =>
      readListSnapshot({
        version: 1,
        kind: 'list',
        sites: [{ ...first!, location: [139.6, 'x'] }],
      }),
    ).toThrow(/site 0/);
  });

  it('passes on only a listed site’s fields, whatever else the file holds', () => {
    const file = toListSnapshot(demo);
    const withExtra = {
      ...file,
      sites: file.sites.map((s) => ({ ...s, contact: { tel: '000-0000-0000' }, note: '内部メモ' })),
    };
    const result = readListSnapshot(withExtra).search({}, 10_000);
    expect(result.hits.length).toBe(file.sites.length);
    for (const h of result.hits) expect(Object.keys(h.site).sort()).toEqual(LISTED_KEYS);
  });

  it('refuses a keyword or a menu condition instead of answering it wrongly', () => {
    const snapshot = readListSnapshot(toListSnapshot(demo));
    expect(() => snapshot.search({ text: '子ども' }, 10)).toThrow(/keyword or menu condition/);
    expect(() => snapshot.search({ free: true }, 10)).toThrow(/keyword or menu condition/);
  });

  it('answers 200 random site-level queries exactly as the full data does', async () => {
    const full = new LocalDataSource({
      indexedDB: new IDBFactory(),
      generate: async () => structuredClone(demo),
    });
    // through JSON, as the file is read
    const snapshot = readListSnapshot(JSON.parse(JSON.stringify(toListSnapshot(demo))));
    const sites = demo.sites.filter(isPublicSite);
    const rand = rng(7);
    const some = <T>(xs: readonly T[], max: number) => xs.filter(() => rand() < max / xs.length);
    let nonEmpty = 0;
    for (let n = 0; n < 200; n++) {
      const q: SiteQuery = {};
      if (rand() < 0.3) q.fields = some(FIELDS, 2);
      if (rand() < 0.3) q.categories = some(CATEGORY_IDS, 4);
      if (rand() < 0.15) q.helpDesksOnly = true;
      if (rand() < 0.3) q.accessibility = some(ACCESSIBILITY, 2);
      if (rand() < 0.6) {
        const [lng, lat] = sites[Math.floor(rand() * sites.length)]!.location;
        const r = 0.002 + rand() * 0.05;
        q.bbox = [lng - r, lat - r, lng + r, lat + r];
      }
      if (rand() < 0.5) q.origin = sites[Math.floor(rand() * sites.length)]!.location;
      const limit = 1 + Math.floor(rand() * 60);
      const expected = await full.searchPublicSites(q, { limit });
      expect(snapshot.search(q, limit), JSON.stringify(q)).toEqual(expected);
      if (expected.hits.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(100);
  });
});
