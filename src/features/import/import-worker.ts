// The import screen's worker: previews a file off the main thread, so that 10,000 rows never
// freeze the page. One request at a time; the page ignores answers to requests it replaced.
import { runImport, type ImportRequest } from './import-job';

type Incoming = { id: number; request: ImportRequest };

self.addEventListener('message', (event: MessageEvent<Incoming>) => {
  const { id, request } = event.data;
  try {
    self.postMessage({ id, result: runImport(request) });
  } catch (e) {
    self.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
