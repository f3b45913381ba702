// Web Worker entry of the local data source (started by worker-source.ts). Loading (IndexedDB or
// the dataset URL, JSON parsing), the public view, the search index and every query run here.
import { LocalCore } from './local-core';
import { serveLocalSource } from './worker-host';
import type { Endpoint } from './worker-protocol';

serveLocalSource(
  self as unknown as Endpoint,
  // a map drawn from a points snapshot does not need the dataset: let it draw first (local-core.ts);
  // a list snapshot answers the list meanwhile
  (init, mapDrawn) => new LocalCore({ datasetUrl: init.datasetUrl, mapDrawn: init.hasPoints ? mapDrawn : undefined, listUrl: init.listUrl }),
);
