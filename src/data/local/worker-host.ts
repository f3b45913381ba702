// The worker's side of the local source: owns a LocalCore and answers the proxy's calls
// (protocol in worker-protocol.ts). Kept apart from local-worker.ts so tests can run it over a
// MessageChannel with fake-indexeddb.
import type { LocalCore } from './local-core';
import { EDITOR_METHODS, type Calls, type EditorMethod, type Endpoint, type FromWorker, type Method, type ToWorker, type WorkerInit } from './worker-protocol';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * How long a large dataset (or any dataset, with a list snapshot) waits for the map at most (a map
 * that failed). `mapDrawn` also settles as soon as a call other than a search arrives: a site page,
 * help desks or editing have no map to wait for.
 */
const MAP_DRAWN_TIMEOUT_MS = 10_000;

export function serveLocalSource(port: Endpoint, create: (init: WorkerInit, mapDrawn: Promise<void>) => LocalCore): void {
  let core: LocalCore | null = null;
  let drawn!: () => void;
  const mapDrawn = new Promise<void>((resolve) => (drawn = resolve));
  /** resolves once `loaded` is posted: calls wait for it, so the map's points go out before any search builds the index */
  let gate: Promise<void> = Promise.resolve();
  const post = (message: FromWorker) => port.postMessage(message);

  const announce = async (source: LocalCore, withPoints: boolean, external?: true) => {
    const [points, areas] = withPoints ? await Promise.all([source.getPublicPoints(), source.getAreas()]) : [undefined, undefined];
    post({ type: 'loaded', label: source.label, persistent: source.persistent, points, areas, ...(external ? { external } : {}) });
  };

  const run = async <M extends Method>(source: LocalCore, method: M, args: Calls[M]['args']): Promise<unknown> => {
    const a = args as never[];
    switch (method) {
      case 'searchPublicSites':
        return source.searchPublicSites(a[0]!, { limit: a[1] });
      case 'getPublicPoints':
        return source.getPublicPoints();
      case 'getAreas':
        return source.getAreas();
      case 'getPublicSite':
        return source.getPublicSite(a[0]!);
      case 'findHelpDesks':
        return source.findHelpDesks(a[0]!);
      case 'exportBackup':
        return source.exportBackup();
      case 'restoreBackup':
        // validated by the proxy before it was sent (parse-backup.ts)
        await source.restoreDataset(a[0]!);
        await announce(source, true);
        return undefined;
      case 'getStaffCatalog':
        return source.getStaffCatalog();
      case 'resetToDemo':
        await source.resetToDemo();
        await announce(source, true);
        return undefined;
      case 'editor': {
        const [name, editorArgs] = a as unknown as [EditorMethod, unknown[]];
        if (!EDITOR_METHODS.includes(name)) throw new Error(`unknown editor method ${String(name)}`);
        const version = source.publicVersion;
        const fn = source.editor[name] as (...xs: unknown[]) => Promise<unknown>;
        const result = await fn.apply(source.editor, editorArgs);
        // an applied change: the map's points go out before the caller refetches anything
        if (source.publicVersion !== version) await announce(source, true);
        return result;
      }
      case 'applyImport':
        await source.applyImport(a[0]!);
        await announce(source, true);
        return undefined;
      default:
        throw new Error(`unknown method ${String(method)}`);
    }
  };

  port.addEventListener('message', (event: MessageEvent) => {
    const msg = event.data as ToWorker;
    if (msg.type === 'map-drawn') return drawn();
    if (msg.type === 'init') {
      if (core) return;
      setTimeout(drawn, MAP_DRAWN_TIMEOUT_MS);
      const source = (core = create(msg.init, mapDrawn));
      gate = source.ready().then(
        async () => {
          // another tab changed the stored data: send the new points (the page refetches the rest)
          source.onExternalChange = () => void announce(source, true, true);
          await announce(source, !msg.init.hasPoints);
          // the index is needed by the first search anyway: build it while the page renders
          setTimeout(() => void source.warmIndex().catch(() => undefined), 0);
        },
        (e: unknown) => post({ type: 'load-failed', message: messageOf(e) }),
      );
      return;
    }
    const { id, method, args } = msg;
    void (async () => {
      try {
        if (!core) throw new Error('the local data source was not started');
        // The list's searches wait for the map like the dataset (unless the list snapshot answers
        // them); any other call (a site page, help desks, editing) has no map to wait for.
        const search = method === 'searchPublicSites';
        if (!search) drawn();
        if (!search || !core.answersBeforeLoad((args as Calls['searchPublicSites']['args'])[0])) await gate;
        post({ type: 'result', id, value: await run(core, method, args) });
      } catch (e) {
        post({ type: 'error', id, message: messageOf(e) });
      }
    })();
  });
}
