// The map module, loaded once. Call `loadSiteMap()` early (e.g. when the find page mounts) so that
// MapLibre downloads and its worker starts while the data loads; render it with `useSiteMapModule`
// (or React.lazy where a few hundred milliseconds do not matter): the map then appears as soon as
// its data is ready, and the list never waits for it.
import { useEffect, useState } from 'react';

export type SiteMapModule = typeof import('./components/site-map');

let pending: Promise<SiteMapModule> | undefined;
let loaded: SiteMapModule | undefined;

export function loadSiteMap(): Promise<SiteMapModule> {
  pending ??= import('./components/site-map').then((m) => (loaded = m));
  // a failed download (offline) may be retried on the next call
  pending.catch(() => (pending = undefined));
  return pending;
}

/**
 * The map module once it has loaded, without Suspense. React 19 holds back the content of a
 * Suspense boundary that showed its fallback for up to 300 ms after that fallback appeared (its
 * fallback throttle), and React.lazy suspends on a module's first render even when the module has
 * long arrived: behind React.lazy the map was created ~250 ms after its data was ready
 * (docs/benchmarks.md ## map). `failed`: the module could not be loaded (offline).
 */
export function useSiteMapModule(): { module: SiteMapModule | undefined; failed: boolean } {
  const [state, setState] = useState<{ module: SiteMapModule | undefined; failed: boolean }>(() => ({ module: loaded, failed: false }));
  useEffect(() => {
    if (state.module) return;
    let live = true;
    loadSiteMap().then(
      (module) => live && setState({ module, failed: false }),
      () => live && setState({ module: undefined, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [state.module]);
  return state;
}
