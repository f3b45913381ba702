// Messages between the main thread's proxy (worker-source.ts) and the local source running in a
// Web Worker (worker-host.ts). Everything crossing is structured-cloned; only public data crosses
// (the core's public methods already sanitize), except a backup, which is the user's own data.
import type { Area, Dataset } from '../../domain/model';
import type { ImportPlan } from '../../domain/import/plan';
import type { SiteQuery } from '../../domain/search/query';
import type { HelpDeskResult, PublicPoint, PublicSiteDetail, SearchResult } from '../port';
import type { StaffCatalog } from '../case-port';
import type { EditorMethod } from '../editor-port';

/** the editing port's methods, forwarded as one `editor` call (editor-core.ts runs them in the worker) */
export { EDITOR_METHODS, type EditorMethod } from '../editor-port';

/** what the worker is started with: plain data only (an IDBFactory or a function cannot cross) */
export type WorkerInit = {
  /** same-origin path of a dataset JSON to show instead of the demo (benchmarks); not persisted */
  datasetUrl?: string;
  /** the main thread has the map's points already (a published snapshot): do not send them with `loaded` */
  hasPoints?: boolean;
  /** same-origin path of a list snapshot (list-snapshot.ts): the worker reads it and answers the list from it first */
  listUrl?: string;
};

/** the calls the proxy forwards, with their arguments and results */
export type Calls = {
  searchPublicSites: { args: [query: SiteQuery, limit: number]; result: SearchResult };
  getPublicPoints: { args: []; result: PublicPoint[] };
  getAreas: { args: []; result: Area[] };
  getPublicSite: { args: [id: string]; result: PublicSiteDetail | null };
  findHelpDesks: { args: [point: [number, number]]; result: HelpDeskResult };
  exportBackup: { args: []; result: Dataset };
  /** a dataset the main thread has validated already (parse-backup.ts) */
  restoreBackup: { args: [data: Dataset]; result: void };
  resetToDemo: { args: []; result: void };
  /** published listings incl. staff-only, for matching (the staff area asks; not public data) */
  getStaffCatalog: { args: []; result: StaffCatalog };
  /** an editing call; when it changes the public data, `loaded` is posted again first */
  editor: { args: [method: EditorMethod, args: unknown[]]; result: unknown };
  /** an import plan made on the page (domain/import/plan.ts): applied all or nothing */
  applyImport: { args: [plan: ImportPlan]; result: void };
};
export type Method = keyof Calls;

export type ToWorker =
  | { type: 'init'; init: WorkerInit }
  /** the map has drawn its first data: a large dataset may now be read at full speed (LocalSourceOptions.mapDrawn) */
  | { type: 'map-drawn' }
  | { [M in Method]: { type: 'call'; id: number; method: M; args: Calls[M]['args'] } }[Method];

export type FromWorker =
  /**
   * Sent as soon as the data is loaded, before the search index is built, and again after a
   * restore or reset: the map's base data never waits for the index. `points` and `areas` are
   * left out when the main thread said it has them (WorkerInit.hasPoints) and nothing changed.
   */
  | { type: 'loaded'; label: string; persistent: boolean; points?: PublicPoint[]; areas?: Area[]; /** another tab changed the data */ external?: true }
  | { type: 'load-failed'; message: string }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; message: string };

/** the part of a Worker / DedicatedWorkerGlobalScope / MessagePort both sides use */
export type Endpoint = {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
};
