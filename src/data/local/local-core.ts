// The logic of the local data source (DESIGN.md: everything in the browser, no server). Seeded
// from the deterministic demo generator on first run, persisted in IndexedDB so edits survive a
// reload. Usable anywhere: LocalDataSource (local-source.ts) adds the validation of a backup file,
// and the app runs this class inside a Web Worker (local-worker.ts) behind a thin proxy
// (worker-source.ts), so that loading, parsing, the public view, the search index and every query
// stay off the main thread. A backup is validated before it reaches `restoreDataset` (by
// parse-backup.ts, on the main thread): zod stays out of the worker, which every visit loads.
import type { Area, Dataset } from '../../domain/model';
import type { ImportPlan } from '../../domain/import/plan';
import type { SiteQuery } from '../../domain/search/query';
import { buildSearchIndex, searchIndex, type SearchIndex } from '../../domain/search/index';
import { CATEGORY_BY_ID } from '../../domain/taxonomy';
import { containsPoint } from '../../domain/geo/point-in-polygon';
import { haversineMeters } from '../../domain/geo/distance';
import type { DataSource, HelpDeskResult, PublicMenu, PublicPoint, PublicSite, PublicSiteDetail, SearchResult } from '../port';
import { publicView, toPublicPoint } from './public-view';
import { answerableFromList, loadListSnapshot, type ListSnapshot } from './list-snapshot';
import { toListedSite } from '../listed-site';
import { fetchSameOrigin } from './fetch-same-origin';
import { openStore, type LocalStore } from './idb-store';
import { DEMO_DATA_VERSION } from '../../domain/demo/version';
import { todayInJapan } from '../../domain/schedule/dates';
import type { StaffCatalog } from '../case-port';
import { staffCatalogOf } from './staff-catalog';
import type { EditorCoreOptions, LocalEditorCore } from './editor-core';
import { deferredEditorPort, type EditorPort } from '../editor-port';

/** A fixed reference date for tests that need the same demo on every machine and every day. */
export const DEMO_TODAY = '2026-11-01';

type Loaded = {
  dataset: Dataset;
  sites: PublicSite[];
  siteById: Map<string, PublicSite>;
  menusBySite: Map<string, PublicMenu[]>;
  points: PublicPoint[];
  /** built on the first search, not at load: the map's points must not wait for it */
  index: () => SearchIndex<PublicSite, PublicMenu>;
};

export type LocalSourceOptions = {
  /** same-origin path of a dataset JSON to show instead of the demo (benchmarks); not persisted */
  datasetUrl?: string;
  /**
   * Settles when the map has drawn its first data from elsewhere (a points snapshot). A dataset
   * URL whose Content-Length is over READ_AT_ONCE_BYTES is read only after this (without a length,
   * the part beyond the first READ_AT_ONCE_BYTES): reading and parsing a dataset of 100 MB takes
   * seconds of CPU, which on a small device the map needs to draw (docs/benchmarks.md ## map). A
   * smaller dataset is not held back at all.
   */
  mapDrawn?: Promise<void>;
  /**
   * same-origin path of a list snapshot (list-snapshot.ts): the list's site-level searches are
   * answered from it until the dataset is loaded, so with `mapDrawn` the dataset is not read at
   * all, whatever its size, until the map has drawn
   */
  listUrl?: string;
  /** hook for tests: READ_AT_ONCE_BYTES */
  readAtOnceBytes?: number;
  /** IndexedDB factory; tests pass fake-indexeddb */
  indexedDB?: IDBFactory;
  /** hook for tests: how the demo is produced on first run */
  generate?: () => Promise<Dataset>;
  /** clock and ids of the editor (tests) */
  editor?: EditorCoreOptions;
};

/** how much of a dataset URL is read before the map has drawn (LocalSourceOptions.mapDrawn) */
export const READ_AT_ONCE_BYTES = 24 * 1024 * 1024;
/**
 * The largest list snapshot read before the map has drawn (about 13,000 sites). Measured: the
 * 1.5 MB snapshot of 5,000 sites, read instead of the 13 MB dataset, drew the map sooner; the
 * 15 MB one of 50,000 sites (whose dataset waits anyway) drew it later (docs/benchmarks.md ## map).
 */
export const LIST_READ_AT_ONCE_BYTES = 4 * 1024 * 1024;

/** The body as text; past `atOnce` bytes, reading waits for `wait` (the transfer stalls meanwhile). */
async function readText(res: Response, atOnce: number, wait: Promise<void> | undefined): Promise<string> {
  if (!wait || !res.body) return res.text();
  // a body known to be larger than `atOnce` is not read at all until `wait` settles
  const size = Number(res.headers.get('content-length') ?? NaN);
  if (size > atOnce) {
    await wait;
    return res.text();
  }
  // Otherwise read up to `atOnce` bytes, then wait. The bytes are kept as they come and decoded once
  // at the end: decoding and concatenating each chunk took a core for a second at 24 MB.
  const reader = res.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let read = 0;
  for (;;) {
    if (read > atOnce && wait) {
      await wait;
      wait = undefined;
    }
    const { done, value } = await reader.read();
    if (done) return new Blob(chunks).text(); // UTF-8, as Response.text()
    read += value.byteLength;
    chunks.push(value as Uint8Array<ArrayBuffer>); // a fetched body is never in shared memory
  }
}

const LEVEL_ORDER: Record<Area['level'], number> = { custom: 0, district: 1, elementary: 2, daily_life: 3, municipality: 4 };

async function generateDemo(): Promise<Dataset> {
  // loaded on first run only: the generator is not part of the public route's code after that
  const { generateDemoDataset } = await import('../../domain/demo/generate');
  // dated from today, so a new visitor sees a current-looking town that then ages like real data
  return generateDemoDataset({ today: todayInJapan() });
}

function assertDatasetShape(data: unknown): asserts data is Dataset {
  const d = data as Partial<Dataset> | null;
  if (!d || d.version !== 1 || !Array.isArray(d.sites) || !Array.isArray(d.menus) || !Array.isArray(d.areas) || !Array.isArray(d.organizations)) {
    throw new Error('データの形式が正しくありません（version 1 の sites, menus, areas, organizations が必要です）');
  }
}

function prepare(dataset: Dataset): Loaded {
  const view = publicView(dataset);
  const siteById = new Map(view.sites.map((s) => [s.id, s]));
  const menusBySite = new Map<string, PublicMenu[]>();
  for (const m of view.menus) {
    if (!m.siteId) continue;
    const list = menusBySite.get(m.siteId);
    if (list) list.push(m);
    else menusBySite.set(m.siteId, [m]);
  }
  const points: PublicPoint[] = view.sites.map(toPublicPoint);
  let index: SearchIndex<PublicSite, PublicMenu> | null = null;
  return { dataset, sites: view.sites, siteById, menusBySite, points, index: () => (index ??= buildSearchIndex(view.sites, view.menus)) };
}

export class LocalCore implements DataSource {
  readonly kind = 'local' as const;
  label = 'デモデータ';
  private loaded: Promise<Loaded>;
  private store: LocalStore | null = null;
  /** true when IndexedDB could not be opened: edits then last only until reload */
  persistent = true;
  /** grows whenever the public data changes (an applied edit, restore, reset): the worker re-announces it */
  publicVersion = 0;
  /**
   * editing, review, history and error reports (editor-core.ts, loaded with the first call: the
   * worker every visit starts does not carry it); applied changes republish here
   */
  readonly editor: EditorPort = deferredEditorPort(() => this.editorCore());
  private editorLoading: Promise<LocalEditorCore> | null = null;
  private editorLoaded: LocalEditorCore | null = null;
  /** called after another tab changed the stored data and this core reloaded it (the worker re-announces) */
  onExternalChange: (() => void) | null = null;
  /** tells the other tabs' cores that the stored data changed */
  private channel: BroadcastChannel | null = null;
  /** the list snapshot (null: none given, or it could not be read: the searches then wait for the data) */
  private readonly list: Promise<ListSnapshot | null> | null;
  /** true once the data is loaded: from then on every search uses it */
  private dataReady = false;

  constructor(private readonly options: LocalSourceOptions = {}) {
    const hold = options.mapDrawn && { bytes: LIST_READ_AT_ONCE_BYTES, until: options.mapDrawn };
    // it describes a dataset URL's data; the stored demo may have been edited since
    this.list = options.listUrl && options.datasetUrl ? loadListSnapshot(options.listUrl, hold || undefined).catch(() => null) : null;
    this.loaded = this.load();
    this.loaded.then(
      () => (this.dataReady = true),
      () => undefined,
    );
  }

  /** true when this search is answered from the list snapshot now, without waiting for the data */
  answersBeforeLoad(query: SiteQuery): boolean {
    return this.list !== null && !this.dataReady && answerableFromList(query);
  }

  private editorCore(): Promise<LocalEditorCore> {
    return (this.editorLoading ??= import('./editor-core').then(({ LocalEditorCore }) => {
      return (this.editorLoaded = new LocalEditorCore(
        {
          dataset: async () => (await this.loaded).dataset,
          store: () => this.store,
          replace: (next) => this.replaceData(next),
          written: () => this.channel?.postMessage('changed'),
        },
        this.options.editor,
      ));
    }));
  }

  /** another tab saved: read the stored data again (its edits, restore or reset) */
  private async reloadFromStore(): Promise<void> {
    const stored = await this.store?.load();
    if (!stored) return;
    this.label = stored.data.label;
    this.editorLoaded?.forget();
    this.replaceData(stored.data);
    this.onExternalChange?.();
  }

  private replaceData(next: Dataset): void {
    this.loaded = Promise.resolve(prepare(next));
    this.publicVersion++;
  }

  private async load(): Promise<Loaded> {
    if (this.options.datasetUrl) {
      const url = this.options.datasetUrl;
      const res = await fetchSameOrigin(url, 'dataset');
      // with a list snapshot the list does not need the dataset: none of it is read before the map
      const atOnce = this.options.listUrl ? 0 : (this.options.readAtOnceBytes ?? READ_AT_ONCE_BYTES);
      const data: unknown = JSON.parse(await readText(res, atOnce, this.options.mapDrawn));
      assertDatasetShape(data);
      this.persistent = false;
      this.label = data.label;
      return prepare(data);
    }
    const generate = this.options.generate ?? generateDemo;
    try {
      this.store = await openStore(this.options.indexedDB ?? indexedDB);
      if (typeof BroadcastChannel !== 'undefined' && !this.options.indexedDB) {
        this.channel = new BroadcastChannel('kasane-map-data');
        this.channel.onmessage = () => void this.reloadFromStore();
      }
    } catch {
      // private browsing or storage disabled: work in memory
      this.persistent = false;
      const data = await generate();
      this.label = data.label;
      return prepare(data);
    }
    const stored = await this.store.load();
    // a demo from an older generator is replaced; restored or edited data is never touched
    const outdatedDemo = stored?.demoVersion !== undefined && stored.demoVersion !== DEMO_DATA_VERSION;
    let data = stored?.data;
    if (!data || outdatedDemo) {
      data = await generate();
      await this.store.replaceAll(data, { demoVersion: DEMO_DATA_VERSION });
    }
    this.label = data.label;
    return prepare(data);
  }

  /** resolves when the data is ready (or rejects with the reason it is not) */
  ready(): Promise<void> {
    return this.loaded.then(() => undefined);
  }

  /** builds the search index now (it is otherwise built by the first search) */
  async warmIndex(): Promise<void> {
    (await this.loaded).index();
  }

  async searchPublicSites(query: SiteQuery, options: { limit?: number; signal?: AbortSignal } = {}): Promise<SearchResult> {
    const limit = options.limit ?? 50;
    if (this.answersBeforeLoad(query)) {
      const list = await this.list;
      options.signal?.throwIfAborted();
      if (list && !this.dataReady) return list.search(query, limit);
    }
    const l = await this.loaded;
    options.signal?.throwIfAborted();
    const result = searchIndex(l.index(), query, { limit });
    // the list's fields only, as from the list snapshot: the page gets the rest with the site
    return { ...result, hits: result.hits.map((h) => ({ ...h, site: toListedSite(h.site) })) };
  }

  async getPublicPoints(): Promise<PublicPoint[]> {
    return (await this.loaded).points;
  }

  async getAreas(): Promise<Area[]> {
    return (await this.loaded).dataset.areas;
  }

  async getPublicSite(id: string): Promise<PublicSiteDetail | null> {
    const l = await this.loaded;
    const site = l.siteById.get(id);
    if (!site) return null;
    const org = l.dataset.organizations.find((o) => o.id === site.orgId);
    const areas = this.areasAt(l, site.location);
    const helpDesks = this.desksFor(l, areas.map((a) => a.id), site.location)
      .filter((d) => d.id !== site.id)
      .map(({ distanceM: _d, ...desk }) => desk);
    return {
      site,
      organization: org ? { id: org.id, name: org.name, kind: org.kind } : { id: site.orgId, name: '', kind: 'voluntary_group' },
      menus: l.menusBySite.get(id) ?? [],
      helpDesks,
      areas: areas.map(({ id: areaId, name, level }) => ({ id: areaId, name, level })),
    };
  }

  async findHelpDesks(point: [number, number]): Promise<HelpDeskResult> {
    const l = await this.loaded;
    const areas = this.areasAt(l, point);
    return {
      areas: areas.map(({ id, name, level }) => ({ id, name, level })),
      desks: this.desksFor(l, areas.map((a) => a.id), point),
    };
  }

  private areasAt(l: Loaded, point: [number, number]): Area[] {
    return l.dataset.areas
      .filter((a) => containsPoint(a.geometry, point))
      .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  }

  /** help desks serving any of these areas (or the whole municipality), nearest first */
  private desksFor(l: Loaded, areaIds: string[], point: [number, number]): (PublicSite & { distanceM: number })[] {
    // outside every area we list, not even the town-wide desks are responsible
    if (areaIds.length === 0) return [];
    const inAreas = new Set(areaIds);
    return l.sites
      .filter((s) => CATEGORY_BY_ID[s.categoryId].helpDesk)
      .filter((s) => s.serviceAreaIds.length === 0 || s.serviceAreaIds.some((id) => inAreas.has(id)))
      .map((s) => ({ ...s, distanceM: haversineMeters(point, s.location) }))
      .sort((a, b) => a.distanceM - b.distanceM);
  }

  /** the matching catalog for the staff area (staff-catalog.ts); not audited: it holds no case data */
  async getStaffCatalog(): Promise<StaffCatalog> {
    return staffCatalogOf((await this.loaded).dataset);
  }

  async exportBackup(): Promise<Dataset> {
    return (await this.loaded).dataset;
  }

  /** Replaces the data with an already validated dataset (parse-backup.ts). */
  async restoreDataset(data: Dataset): Promise<void> {
    if (this.store) await this.store.replaceAll(data);
    this.channel?.postMessage('changed');
    this.label = data.label;
    this.editorLoaded?.forget();
    this.replaceData(data);
  }

  /**
   * Applies an import plan (domain/import/plan.ts) to the current data, all or nothing: the new
   * dataset is made first (applyPlan refuses a plan with errors, one made against data that
   * changed since, or one with a missing reference), then stored in one IndexedDB transaction, and
   * only then shown. Stored without a demo version: data with imported listings is never replaced
   * by a newer demo. The plan's objects were checked against the schemas before they got here
   * (planSchemaProblems, by the proxy or LocalDataSource): zod stays out of the worker.
   */
  async applyImport(plan: ImportPlan): Promise<void> {
    const l = await this.loaded;
    // the import code loads with the first import, not with every visit's worker
    const { applyPlan, ImportBlockedError } = await import('../../domain/import/apply');
    let next: Dataset;
    try {
      next = applyPlan(plan, l.dataset);
    } catch (e) {
      // only the message crosses to the page: the first reason goes with it
      const first = e instanceof ImportBlockedError ? e.problems[0] : undefined;
      throw first && !(e as Error).message.includes(first.message) ? new Error(`${(e as Error).message}（${first.message}）`) : e;
    }
    if (this.store) {
      try {
        await this.store.replaceAll(next, { keepEditing: true });
      } catch (e) {
        // the transaction was rolled back: the stored data is as it was, and so is what is shown
        throw new Error(`保存できなかったため、取り込みを中止しました。データは変更していません。（${e instanceof Error ? e.message : String(e)}）`);
      }
    }
    this.replaceData(next);
  }

  async resetToDemo(): Promise<void> {
    const data = await (this.options.generate ?? generateDemo)();
    if (this.store) await this.store.replaceAll(data, { demoVersion: DEMO_DATA_VERSION });
    this.channel?.postMessage('changed');
    this.label = data.label;
    this.editorLoaded?.forget();
    this.replaceData(data);
  }
}
