// Where a page shows the map: `loading` until the map module has arrived, then `render(SiteMap)`;
// `fallback` if the module cannot be loaded (offline) or the map fails while rendering (no WebGL),
// so the rest of the page keeps working. No React.lazy/Suspense: see useSiteMapModule. Kept apart
// from site-map.tsx: it must not pull MapLibre in.
import type { ReactNode } from 'react';
import { useSiteMapModule, type SiteMapModule } from '../load-site-map';
import { MapErrorBoundary } from './map-error-boundary';

export function SiteMapSlot({
  fallback,
  loading,
  render,
}: {
  fallback: ReactNode;
  loading: ReactNode;
  render: (SiteMap: SiteMapModule['SiteMap']) => ReactNode;
}) {
  const { module, failed } = useSiteMapModule();
  if (failed) return fallback;
  if (!module) return loading;
  return <MapErrorBoundary fallback={fallback}>{render(module.SiteMap)}</MapErrorBoundary>;
}
