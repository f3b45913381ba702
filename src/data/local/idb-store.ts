// Persistence of the local data source in IndexedDB: one object store per entity, so later edits
// write single records. No wrapper library: the API surface we need is four calls.
// Version 2 added the editing records (change requests, revisions, error reports: editor-core.ts).
import type { Dataset } from '../../domain/model';
import type { ChangeRequest, ErrorReport, Revision } from '../../domain/editing/types';

const DB_NAME = 'kasane-map';
const DB_VERSION = 2;
const EDITING_STORES = ['changes', 'revisions', 'reports'] as const;
const STORES = ['organizations', 'areas', 'sites', 'menus', 'meta', ...EDITING_STORES] as const;
type StoreName = (typeof STORES)[number];
type EntityStore = 'organizations' | 'areas' | 'sites' | 'menus';
type EditingStore = (typeof EDITING_STORES)[number];

/**
 * The version a write expects to replace (optimistic concurrency across tabs: another tab's
 * worker may have saved since this one loaded). `expected` is the current token: the pending
 * proposal's updatedAt if one waits, else the stored listing's (null: neither exists).
 */
export type WriteGuard = { kind: 'site' | 'menu'; id: string; expected: string | null };

/** the stored version differs from the guard's: nothing was written */
export class StaleWriteError extends Error {
  constructor(
    readonly stored: Dataset['sites'][number] | Dataset['menus'][number] | null,
    readonly pending: ChangeRequest | null,
  ) {
    super('ほかの画面で先に保存されています');
  }
}

export type EditingRecords = { changes: ChangeRequest[]; revisions: Revision[]; reports: ErrorReport[] };

/** single records written together by one edit (write()) */
export type RecordPut =
  | { store: 'sites'; value: Dataset['sites'][number] }
  | { store: 'menus'; value: Dataset['menus'][number] }
  | { store: 'changes'; value: ChangeRequest }
  | { store: 'revisions'; value: Revision }
  | { store: 'reports'; value: ErrorReport };

/** demoVersion: set when the data is the generator's output, untouched (see demo/version.ts) */
type Meta = { key: 'dataset'; version: 1; generatedAt: string; label: string; demoVersion?: number };

export type StoredDataset = { data: Dataset; demoVersion?: number };

function promisify<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export async function openStore(factory: IDBFactory = indexedDB): Promise<LocalStore> {
  const req = factory.open(DB_NAME, DB_VERSION);
  req.onupgradeneeded = () => {
    const db = req.result;
    for (const name of STORES) {
      if (!db.objectStoreNames.contains(name)) db.createObjectStore(name, { keyPath: name === 'meta' ? 'key' : 'id' });
    }
  };
  const db = await promisify(req);
  return new LocalStore(db);
}

export class LocalStore {
  constructor(private readonly db: IDBDatabase) {}

  /** The stored dataset, or null when nothing was stored yet. */
  async load(): Promise<StoredDataset | null> {
    const tx = this.db.transaction([...STORES], 'readonly');
    const meta = (await promisify(tx.objectStore('meta').get('dataset'))) as Meta | undefined;
    if (!meta) return null;
    const all = <T,>(name: EntityStore) => promisify(tx.objectStore(name).getAll()) as Promise<T[]>;
    const [organizations, areas, sites, menus] = await Promise.all([
      all<Dataset['organizations'][number]>('organizations'),
      all<Dataset['areas'][number]>('areas'),
      all<Dataset['sites'][number]>('sites'),
      all<Dataset['menus'][number]>('menus'),
    ]);
    return {
      data: { version: meta.version, generatedAt: meta.generatedAt, label: meta.label, organizations, areas, sites, menus },
      demoVersion: meta.demoVersion,
    };
  }

  /** Replaces everything in one transaction: either the whole dataset is stored or nothing changes. */
  async replaceAll(data: Dataset, options: { demoVersion?: number; keepEditing?: boolean } = {}): Promise<void> {
    const tx = this.db.transaction([...STORES], 'readwrite');
    // an import keeps the change requests, revisions and reports (they still name their listings)
    const kept: readonly StoreName[] = options.keepEditing ? EDITING_STORES : [];
    const cleared = STORES.filter((n) => !kept.includes(n));
    for (const name of cleared) tx.objectStore(name).clear();
    const put = (name: EntityStore, rows: { id: string }[]) => {
      const store = tx.objectStore(name);
      for (const row of rows) store.put(row);
    };
    put('organizations', data.organizations);
    put('areas', data.areas);
    put('sites', data.sites);
    put('menus', data.menus);
    const meta: Meta = { key: 'dataset', version: data.version, generatedAt: data.generatedAt, label: data.label, demoVersion: options.demoVersion };
    tx.objectStore('meta').put(meta);
    await done(tx);
  }

  /** The editing records (empty before the first edit). */
  async loadEditing(): Promise<EditingRecords> {
    const tx = this.db.transaction([...EDITING_STORES], 'readonly');
    const all = <T,>(name: EditingStore) => promisify(tx.objectStore(name).getAll()) as Promise<T[]>;
    const [changes, revisions, reports] = await Promise.all([all<ChangeRequest>('changes'), all<Revision>('revisions'), all<ErrorReport>('reports')]);
    return { changes, revisions, reports };
  }

  /**
   * Writes one edit's records in one transaction: all of them or none. `edited` marks the dataset
   * as no longer the generator's untouched output (its meta is stored without demoVersion, so a
   * newer generator never replaces edited data).
   */
  async write(puts: RecordPut[], edited?: Pick<Dataset, 'version' | 'generatedAt' | 'label'>, guard?: WriteGuard): Promise<void> {
    const listingStore = guard ? (guard.kind === 'site' ? 'sites' : 'menus') : null;
    const names = [
      ...new Set<StoreName>([...puts.map((p) => p.store), ...(edited ? (['meta'] as const) : []), ...(listingStore ? ([listingStore, 'changes'] as const) : [])]),
    ];
    const tx = this.db.transaction(names, 'readwrite');
    const finished = done(tx);
    if (guard && listingStore) {
      // read and compare inside the same transaction as the write: no other tab can slip between
      const [stored, changes] = await Promise.all([
        promisify(tx.objectStore(listingStore).get(guard.id)) as Promise<Dataset['sites'][number] | Dataset['menus'][number] | undefined>,
        promisify(tx.objectStore('changes').getAll()) as Promise<ChangeRequest[]>,
      ]);
      const pending = changes.find((c) => c.status === 'pending' && c.kind === guard.kind && c.listingId === guard.id) ?? null;
      const current = pending?.proposed.updatedAt ?? stored?.updatedAt ?? null;
      if (current !== guard.expected) {
        tx.abort();
        await finished.catch(() => undefined);
        throw new StaleWriteError(stored ?? null, pending);
      }
    }
    for (const p of puts) tx.objectStore(p.store).put(p.value);
    if (edited) {
      const meta: Meta = { key: 'dataset', version: edited.version, generatedAt: edited.generatedAt, label: edited.label };
      tx.objectStore('meta').put(meta);
    }
    await finished;
  }

  close(): void {
    this.db.close();
  }
}
