// Persistence of the local data source in IndexedDB: one object store per entity, so later edits
// write single records. No wrapper library: the API surface we need is four calls.
import type { Dataset } from '../../domain/model';

const DB_NAME = 'kasane-map';
const DB_VERSION = 1;
const STORES = ['organizations', 'areas', 'sites', 'menus', 'meta'] as const;
type StoreName = (typeof STORES)[number];
type EntityStore = Exclude<StoreName, 'meta'>;

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
  async replaceAll(data: Dataset, options: { demoVersion?: number } = {}): Promise<void> {
    const tx = this.db.transaction([...STORES], 'readwrite');
    for (const name of STORES) tx.objectStore(name).clear();
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

  close(): void {
    this.db.close();
  }
}
