// A read-only window into the live map for the browser tests (DESIGN.md: tests read
// queryRenderedFeatures through a test-only hook, never sleep). It ships in the production build
// because the tests drive that build; it exposes counts and ids of what is already on screen, and
// nothing that changes the map.
import type { Point } from 'geojson';
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
    renderedMarkers() {
      const seen = new Set<string>();
      const markers: ReturnType<KasaneMapHook['renderedMarkers']> = [];
      for (const f of map.queryRenderedFeatures({ layers: [...SITE_LAYERS, LAYER.clusters] })) {
        const cluster = f.layer.id === LAYER.clusters;
        const id = cluster ? `cluster:${String(f.properties.cluster_id)}` : String(f.id);
        if (seen.has(id)) continue;
        seen.add(id);
        const [lng, lat] = (f.geometry as Point).coordinates as [number, number];
        const { x, y } = map.project([lng, lat]);
        markers.push({ kind: cluster ? 'cluster' : 'site', id, count: cluster ? Number(f.properties.point_count) : 1, x, y });
      }
      return markers;
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
