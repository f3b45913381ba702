// The map module, loaded once. Call `loadSiteMap()` early (e.g. when the find page mounts) so that
// MapLibre downloads and its worker starts while the data loads, and give the same function to
// React.lazy: the map then appears as soon as its data is ready, and the list never waits for it.
type SiteMapModule = typeof import('./components/site-map');

let pending: Promise<SiteMapModule> | undefined;

export function loadSiteMap(): Promise<SiteMapModule> {
  pending ??= import('./components/site-map');
  // a failed download (offline) may be retried on the next call
  pending.catch(() => (pending = undefined));
  return pending;
}
