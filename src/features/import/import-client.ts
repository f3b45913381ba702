// Runs import previews in a Web Worker (import-worker.ts), or on the page where there is none.
import type { ImportRequest, ImportResult } from './import-job';

type Answer = { id: number; result?: ImportResult; error?: string };

export type ImportClient = { preview(request: ImportRequest): Promise<ImportResult>; dispose(): void };

export function createImportClient(): ImportClient {
  if (typeof Worker === 'undefined') {
    return {
      preview: async (request) => (await import('./import-job')).runImport(request),
      dispose: () => undefined,
    };
  }
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'kasane-import' });
  const pending = new Map<number, { resolve: (r: ImportResult) => void; reject: (e: Error) => void }>();
  let next = 1;
  worker.addEventListener('message', (e: MessageEvent<Answer>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if (e.data.result) p.resolve(e.data.result);
    else p.reject(new Error(e.data.error ?? 'unknown error'));
  });
  worker.addEventListener('error', (e) => {
    for (const p of pending.values()) p.reject(new Error(e.message || 'the import worker failed'));
    pending.clear();
  });
  return {
    preview(request) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, request });
      });
    },
    dispose: () => worker.terminate(),
  };
}
