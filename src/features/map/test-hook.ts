// A read-only window into the live map for the browser tests (DESIGN.md: tests read
// queryRenderedFeatures through a test-only hook, never sleep). It ships in the production build
// because the tests drive that build; it exposes counts and ids of what is already on screen, and
// nothing that changes the map.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { LAYER, SITE_LAYERS } from './layers';
import type { KasaneMapHook } from './test-hook-types';
import { normalizeView } from './view';

export type { KasaneMapHook };

export function installTestHook(map: MapLibreMap): () => void {
  const hook: KasaneMapHook = Object.freeze({
    renderedSiteIds() {
      // a point near a tile edge is drawn in both tiles' buffers: deduplicate
      const ids = new Set<string>();
      for (const f of map.queryRenderedFeatures({ layers: [...SITE_LAYERS] })) {
        if (f.id !== undefined) ids.add(String(f.id));
      }
      return [...ids].sort();
    },
    clusterCount() {
      const ids = new Set<unknown>();
      for (const f of map.queryRenderedFeatures({ layers: [LAYER.clusters] })) ids.add(f.properties.cluster_id);
      return ids.size;
    },
    getView() {
      const b = map.getBounds();
      return normalizeView(
        { west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() },
        map.getCenter(),
        map.getZoom(),
      );
    },
  });
  Object.defineProperty(window, '__kasaneMap', { value: hook, configurable: true, enumerable: false, writable: false });
  return () => {
    // a second map (StrictMode remount) may have replaced ours in the meantime: remove only our own
    if (window.__kasaneMap === hook) delete window.__kasaneMap;
  };
}
