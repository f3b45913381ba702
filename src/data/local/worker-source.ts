// The local data source as the app uses it: a thin proxy on the main thread that forwards every
// call to the LocalDataSource running in a Web Worker (local-worker.ts, protocol in
// worker-protocol.ts). Loading, parsing, the public view, the search index and the queries never
// block the page. Aborted calls reject at once and their late replies are dropped; errors from the
// worker are re-thrown here with their message.
import type { Area, Dataset } from '../../domain/model';
import type { ImportPlan } from '../../domain/import/plan';
import type { SiteQuery } from '../../domain/search/query';
import type { DataSource, HelpDeskResult, PublicPoint, PublicSiteDetail, SearchResult } from '../port';
import { checkPlan } from '../check-plan';
import { parseBackup } from './parse-backup';
import { loadPointsSnapshot, type PointsSnapshot } from './points-snapshot';
import type { StaffCatalog } from '../case-port';
import type { Calls, Endpoint, FromWorker, Method, ToWorker } from './worker-protocol';
import { forwardingEditorPort, type EditorPort, type SaveResult } from '../editor-port';
import { validateListing } from './validate-listing';

export type WorkerSourceOptions = {
  /** same-origin path of a dataset JSON to show instead of the demo (benchmarks); not persisted */
  datasetUrl?: string;
  /** same-origin path of a points snapshot (points-snapshot.ts): the map's base data without waiting for the dataset */
  pointsUrl?: string;
  /** same-origin path of a list snapshot (list-snapshot.ts), read by the worker: the list without waiting for the dataset */
  listUrl?: string;
};

type Pending = { resolve: (value: unknown) => void; reject: (reason: unknown) => void };

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => (signal.removeEventListener('abort', onAbort), resolve(v)),
      (e: unknown) => (signal.removeEventListener('abort', onAbort), reject(e as Error)),
    );
  });
}

export class LocalWorkerSource implements DataSource {
  readonly kind = 'local' as const;
  label = 'デモデータ';
  /** false when the worker could not open IndexedDB (edits last until reload) or shows a dataset URL */
  persistent = true;
  private nextId = 1;
  private failed: Error | null = null;
  private readonly pending = new Map<number, Pending>();
  /** settles with the worker's first `loaded` (or `load-failed`) */
  private readonly loaded: Promise<void>;
  private settleLoaded!: { resolve: () => void; reject: (e: Error) => void };
  /** the map's base data as the worker last sent it (after load, restore, reset) */
  private fromWorker: PointsSnapshot | null = null;
  private readonly snapshot: Promise<PointsSnapshot | null> | null;
  private readonly changeListeners = new Set<() => void>();

  /**
   * The editing port: every method forwarded to the worker's editor-core.ts. A save is validated
   * here first (zod stays out of the worker, as for backups); an invalid record never crosses.
   */
  readonly editor: EditorPort = {
    ...forwardingEditorPort((name, args) => this.call('editor', [name, args])),
    save: async (actor, input) => {
      const issues = await validateListing(input.kind, input.record);
      if (issues.length) return { status: 'invalid', issues };
      return this.call('editor', ['save', [actor, input]]) as Promise<SaveResult>;
    },
  };

  constructor(
    private readonly port: Endpoint,
    options: WorkerSourceOptions = {},
  ) {
    this.loaded = new Promise<void>((resolve, reject) => (this.settleLoaded = { resolve, reject }));
    this.loaded.catch(() => undefined); // reported through the calls that need the data
    // a snapshot that cannot be read is not fatal: the points then come from the dataset
    this.snapshot = options.pointsUrl ? loadPointsSnapshot(options.pointsUrl).catch(() => null) : null;
    port.addEventListener('message', (e) => this.receive(e.data as FromWorker));
    this.send({ type: 'init', init: { datasetUrl: options.datasetUrl, hasPoints: Boolean(options.pointsUrl), listUrl: options.listUrl } });
  }

  /** the worker could not start or crashed: every waiting and later call fails with this message */
  fail(message: string): void {
    const error = new Error(message);
    this.settleLoaded.reject(error);
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
    this.failed = error;
  }

  private send(message: ToWorker): void {
    this.port.postMessage(message);
  }

  private receive(msg: FromWorker): void {
    switch (msg.type) {
      case 'loaded':
        this.label = msg.label;
        this.persistent = msg.persistent;
        if (msg.points && msg.areas) this.fromWorker = { points: msg.points, areas: msg.areas };
        this.settleLoaded.resolve();
        if (msg.external) for (const l of this.changeListeners) l();
        return;
      case 'load-failed':
        this.settleLoaded.reject(new Error(msg.message));
        return;
      case 'result':
      case 'error': {
        const p = this.pending.get(msg.id);
        if (!p) return; // aborted: nobody waits for it any more
        this.pending.delete(msg.id);
        if (msg.type === 'result') p.resolve(msg.value);
        else p.reject(new Error(msg.message));
      }
    }
  }

  private call<M extends Method>(method: M, args: Calls[M]['args'], signal?: AbortSignal): Promise<Calls[M]['result']> {
    if (this.failed) return Promise.reject(this.failed);
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    const id = this.nextId++;
    return new Promise<Calls[M]['result']>((resolve, reject) => {
      const onAbort = () => {
        this.pending.delete(id);
        reject(signal!.reason as Error);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, {
        resolve: (v) => (done(), resolve(v as Calls[M]['result'])),
        reject: (e) => (done(), reject(e as Error)),
      });
      this.send({ type: 'call', id, method, args } as ToWorker);
    });
  }

  /** calls `listener` when another tab changed the stored data (edits, restore, reset) */
  onDataChanged(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private drawnSent = false;

  /** The map has drawn its first data: the worker may read a large dataset at full speed now. */
  mapDrawn(): void {
    if (this.drawnSent || this.failed) return;
    this.drawnSent = true;
    this.send({ type: 'map-drawn' });
  }

  /** resolves when the worker has loaded the data (or rejects with the reason it has not) */
  ready(): Promise<void> {
    return this.loaded;
  }

  /** the map's base data: the snapshot until the worker sends newer data, else the worker's */
  private async base(signal?: AbortSignal): Promise<PointsSnapshot> {
    if (this.fromWorker) return this.fromWorker;
    const snap = this.snapshot && (await abortable(this.snapshot, signal));
    if (this.fromWorker) return this.fromWorker;
    if (snap) return snap;
    await abortable(this.loaded, signal);
    if (this.fromWorker) return this.fromWorker;
    // the worker was told we had a snapshot, and we have not: ask for the data
    const [points, areas] = await Promise.all([this.call('getPublicPoints', [], signal), this.call('getAreas', [], signal)]);
    return (this.fromWorker = { points, areas });
  }

  searchPublicSites(query: SiteQuery, options: { limit?: number; signal?: AbortSignal } = {}): Promise<SearchResult> {
    return this.call('searchPublicSites', [query, options.limit ?? 50], options.signal);
  }

  async getPublicPoints(signal?: AbortSignal): Promise<PublicPoint[]> {
    return (await this.base(signal)).points;
  }

  async getAreas(signal?: AbortSignal): Promise<Area[]> {
    return (await this.base(signal)).areas;
  }

  getPublicSite(id: string, signal?: AbortSignal): Promise<PublicSiteDetail | null> {
    return this.call('getPublicSite', [id], signal);
  }

  findHelpDesks(point: [number, number], signal?: AbortSignal): Promise<HelpDeskResult> {
    return this.call('findHelpDesks', [point], signal);
  }

  exportBackup(): Promise<Dataset> {
    return this.call('exportBackup', []);
  }

  /** Validates the whole file first (here: zod stays out of the worker); on any error nothing changes. */
  async restoreBackup(data: unknown): Promise<void> {
    await this.call('restoreBackup', [await parseBackup(data)]);
  }

  resetToDemo(): Promise<void> {
    return this.call('resetToDemo', []);
  }

  /** the matching catalog for the staff area (staff-only menus included, never drafts) */
  getStaffCatalog(signal?: AbortSignal): Promise<StaffCatalog> {
    return this.call('getStaffCatalog', [], signal);
  }

  /** Checks the plan against the schemas here (zod stays out of the worker), then applies it there, all or nothing. */
  async applyImport(plan: ImportPlan): Promise<void> {
    await this.call('applyImport', [await checkPlan(plan)]);
  }
}

/** Starts the worker and returns its proxy. */
export function createLocalWorkerSource(options: WorkerSourceOptions = {}): LocalWorkerSource {
  const worker = new Worker(new URL('./local-worker.ts', import.meta.url), { type: 'module', name: 'kasane-local-data' });
  const source = new LocalWorkerSource(worker, options);
  worker.addEventListener('error', (e) => source.fail(e.message || 'the local data worker failed'));
  return source;
}
