// The one boundary that owns the imperative MapLibre map (DESIGN.md "Map"). Data flows down as
// props and is pushed into the map's sources; the camera is uncontrolled and only reported up on
// `moveend`. Nothing about the camera or the map's internals goes through React state.
// Lazy-load this module (React.lazy): MapLibre is most of the public route's JavaScript, and the
// results list must not wait for it.
import {
  addProtocol,
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  prewarm,
  removeProtocol,
  setWorkerUrl,
  type ErrorEvent as MapErrorEvent,
  type GeoJSONSource,
  type MapMouseEvent,
  type PointLike,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useEffectEvent, useId, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import type { Point } from 'geojson';
import type { PublicPoint } from '../../../data/port';
import type { Area } from '../../../domain/model';
import { useI18n } from '../../../i18n/i18n';
import { basemap } from '../basemap';
import { SITE_TILE_PROTOCOL, SITE_TILE_URL, siteTileProtocol, type GetSiteTile } from '../../../data/supabase/tile-protocol';
import { buildStyle, LAYER, SITE_LAYERS, SOURCE } from '../layers';
import { installTestHook } from '../test-hook';
import { effectiveMatchIds, selectSiteFeatures, toAreaLabels, toAreaOutlines, toSiteFeatures, type SitePointFeature } from '../to-geojson';
import { normalizeView, type MapView } from '../view';
import './site-map.css';

// MapLibre 6 is ESM-only and cannot guess where Vite put its worker: tell it once, at module load.
setWorkerUrl(workerUrl);
// Start the worker now, while the page is still loading its data, rather than when the map is
// created; and keep it when a map unmounts, so going back to the map (SPA navigation) reuses it.
prewarm();

export type { MapView };

export type SiteMapHandle = {
  /** moves the camera to a place (instantly when the user prefers reduced motion) */
  flyTo(target: { center: [number, number]; zoom?: number }): void;
  /** moves the camera to a site of `points`; false when the id is unknown */
  flyToSite(id: string, zoom?: number): boolean;
  /** fits [west, south, east, north] into the view */
  fitBounds(bbox: [number, number, number, number], options?: { padding?: number; maxZoom?: number }): void;
};

export type SiteMapProps = {
  /** every public site; the map's base data */
  points: PublicPoint[];
  /** null: show all points; otherwise only these ids (the search's matches) */
  matchIds: ReadonlySet<string> | null;
  /** areas; levels 'municipality' and 'daily_life' are outlined and named */
  areas: Area[];
  selectedId: string | null;
  /** controlled hover (e.g. from the list); leave undefined to let the map hover on its own */
  hoveredId?: string | null;
  onSelect(id: string | null): void;
  onHover?(id: string | null): void;
  /** a click on the map that hits no site, with where it was (e.g. the staff area's 「地図で指定」) */
  onMapClick?(lngLat: [number, number]): void;
  /** the camera at mount; later changes are ignored (use the ref to move the map) */
  initialView: { center: [number, number]; zoom: number };
  /** after every move, and once after the map has loaded */
  onViewChange(view: MapView): void;
  /** accessible name of the map */
  label: string;
  /**
   * true while `points`/`areas` are still loading. Mount the map early with empty data and this
   * flag: MapLibre then starts (worker, WebGL, basemap) while the data loads, and the map is not
   * reported idle (data-map-idle, aria-busy) until the real data is drawn.
   */
  dataPending?: boolean;
  /**
   * Draw the sites from vector tiles (Supabase's public_view_site_tiles) instead of `points`: for
   * more points than GeoJSON can carry. Read once at mount. The tiles show every public site
   * (clustered by the server below z 10); `matchIds` does not filter them.
   */
  tiles?: SiteMapTiles;
  ref?: Ref<SiteMapHandle>;
  className?: string;
};

export type SiteMapTiles = {
  /** one tile of layer "sites" (src/data/supabase/tile-protocol.ts) */
  getTile: GetSiteTile;
  /** the deepest zoom asked of the server; MapLibre overzooms beyond (default 14) */
  maxzoom?: number;
};

/** Extra pixels around the pointer that still count as a hit: dots are small targets for a finger. */
const HIT_SLOP = 6;

function hitBox(point: { x: number; y: number }): [PointLike, PointLike] {
  return [
    [point.x - HIT_SLOP, point.y - HIT_SLOP],
    [point.x + HIT_SLOP, point.y + HIT_SLOP],
  ];
}

function readView(map: MapLibreMap): MapView {
  const b = map.getBounds();
  return normalizeView({ west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() }, map.getCenter(), map.getZoom());
}

export function SiteMap({
  points,
  matchIds,
  areas,
  selectedId,
  hoveredId,
  onSelect,
  onHover,
  onMapClick,
  initialView,
  onViewChange,
  label,
  dataPending = false,
  tiles,
  ref,
  className,
}: SiteMapProps) {
  const { t } = useI18n();
  const hintId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [basemapFailed, setBasemapFailed] = useState(false);
  const [unavailable, setUnavailable] = useState(false);

  const siteFeatures = useMemo(() => toSiteFeatures(points), [points]);
  const shownIds = useMemo(() => effectiveMatchIds(siteFeatures, matchIds), [siteFeatures, matchIds]);
  const areaData = useMemo(() => ({ outlines: toAreaOutlines(areas), labels: toAreaLabels(areas) }), [areas]);

  // what was fixed at mount
  const initRef = useRef<{ tiles?: SiteMapTiles }>({});
  // What the map currently shows, so that each change is pushed once and only when it differs.
  const applied = useRef<{
    sites?: { features: readonly SitePointFeature[]; matchIds: ReadonlySet<string> | null };
    areas?: typeof areaData;
    selectedId: string | null;
    hoveredId: string | null;
    loaded: boolean;
  }>({ selectedId: null, hoveredId: null, loaded: false });
  // hover from the pointer, used when the parent does not control hover
  const pointerHover = useRef<string | null>(null);

  // idle as MapLibre reports it; the page sees it only once the data is in (see `dataPending`)
  const mapIdle = useRef(false);
  const pendingRef = useRef(dataPending);
  const showIdle = useEffectEvent(() => rootRef.current?.setAttribute('data-map-idle', String(mapIdle.current && !pendingRef.current)));
  const setIdle = useEffectEvent((idle: boolean) => {
    mapIdle.current = idle;
    showIdle();
  });

  /** Pushes props into the live map: data by setData (never a new map), selection by feature-state. */
  const sync = useEffectEvent(() => {
    const map = mapRef.current;
    const state = applied.current;
    if (!map || !state.loaded) return; // 'load' calls sync again

    if (!initRef.current.tiles && (state.sites?.features !== siteFeatures || state.sites.matchIds !== shownIds)) {
      setIdle(false);
      void map.getSource<GeoJSONSource>(SOURCE.sites)?.setData(selectSiteFeatures(siteFeatures, shownIds));
      state.sites = { features: siteFeatures, matchIds: shownIds };
    }
    if (state.areas !== areaData) {
      setIdle(false);
      void map.getSource<GeoJSONSource>(SOURCE.areas)?.setData(areaData.outlines);
      void map.getSource<GeoJSONSource>(SOURCE.areaLabels)?.setData(areaData.labels);
      state.areas = areaData;
    }
    const setFlag = (id: string | null, key: 'selected' | 'hover', value: boolean) => {
      if (id !== null) map.setFeatureState({ source: SOURCE.sites, id }, { [key]: value });
    };
    if (state.selectedId !== selectedId) {
      setFlag(state.selectedId, 'selected', false);
      setFlag(selectedId, 'selected', true);
      state.selectedId = selectedId;
    }
    const hover = hoveredId === undefined ? pointerHover.current : hoveredId;
    if (state.hoveredId !== hover) {
      setFlag(state.hoveredId, 'hover', false);
      setFlag(hover, 'hover', true);
      state.hoveredId = hover;
    }

    // MapLibre takes its UI strings once; keep them in step with the language and the label
    const canvas = map.getCanvas();
    canvas.setAttribute('aria-label', label);
    canvas.setAttribute('aria-describedby', hintId);
    const titles: [string, string][] = [
      ['.maplibregl-ctrl-zoom-in', t('map.zoomIn')],
      ['.maplibregl-ctrl-zoom-out', t('map.zoomOut')],
      ['.maplibregl-ctrl-attrib-button', t('map.attribution')],
    ];
    for (const [selector, text] of titles) {
      const button = map.getContainer().querySelector(selector);
      button?.setAttribute('title', text);
      button?.setAttribute('aria-label', text);
    }
  });

  const reportView = useEffectEvent((map: MapLibreMap) => onViewChange(readView(map)));
  const select = useEffectEvent((id: string | null) => onSelect(id));
  const mapClick = useEffectEvent((lngLat: [number, number]) => onMapClick?.(lngLat));
  const hover = useEffectEvent((id: string | null) => {
    if (pointerHover.current === id) return;
    pointerHover.current = id;
    onHover?.(id);
    if (hoveredId === undefined) sync();
  });
  const initialState = useEffectEvent(() => ({
    view: initialView,
    tiles,
    sites: selectSiteFeatures(siteFeatures, shownIds),
    siteInputs: { features: siteFeatures, matchIds: shownIds },
    areaData,
    locale: {
      'Map.Title': label,
      'NavigationControl.ZoomIn': t('map.zoomIn'),
      'NavigationControl.ZoomOut': t('map.zoomOut'),
      'NavigationControl.ResetBearing': t('map.resetBearing'),
      'AttributionControl.ToggleAttribution': t('map.attribution'),
    },
  }));

  // create the map once; props reach it through sync()
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const init = initialState();
    // user-timing marks: the map benchmark reads them to say where the time to first idle goes
    performance.mark('kasane:map-create');
    let map: MapLibreMap;
    const siteTiles = init.tiles ? { url: SITE_TILE_URL, maxzoom: init.tiles.maxzoom } : undefined;
    if (init.tiles) addProtocol(SITE_TILE_PROTOCOL, siteTileProtocol(init.tiles.getTile));
    try {
      map = new MapLibreMap({
        container: host,
        style: buildStyle(basemap, { sites: init.sites, areas: init.areaData.outlines, areaLabels: init.areaData.labels }, siteTiles),
        center: init.view.center,
        zoom: init.view.zoom,
        minZoom: 4, // all of Japan; further out shows nothing useful
        maxZoom: 19,
        renderWorldCopies: false, // a Japan-only map: keeps bboxes inside ±180
        dragRotate: false, // a flat, north-up map is easier to read for residents
        pitchWithRotate: false,
        touchPitch: false,
        attributionControl: false, // added below, uncompacted: the GSI terms ask for visible credit
        locale: init.locale,
      });
    } catch (error) {
      // no WebGL (old device, disabled GPU): the list still works; say so instead of a blank box
      console.warn('Map could not start', error);
      setUnavailable(true); // eslint-disable-line react-hooks/set-state-in-effect -- a one-off failure of an external system
      return;
    }
    mapRef.current = map;
    initRef.current = { tiles: init.tiles };
    map.keyboard.disableRotation();
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new AttributionControl({ compact: false }), 'bottom-right');
    applied.current = {
      sites: init.siteInputs,
      areas: init.areaData,
      selectedId: null,
      hoveredId: null,
      loaded: false,
    };
    const uninstallHook = installTestHook(map);

    map.once('load', () => performance.mark('kasane:map-load'));
    map.once('idle', () => performance.mark('kasane:map-idle'));
    map.on('load', () => {
      applied.current.loaded = true;
      sync();
      reportView(map);
    });
    map.on('movestart', () => setIdle(false));
    map.on('moveend', () => reportView(map));
    map.on('idle', () => setIdle(true));
    map.on('error', (e: MapErrorEvent & { sourceId?: string }) => {
      if (e.sourceId === SOURCE.basemap) setBasemapFailed(true);
      else console.error(e.error);
    });
    map.on('sourcedata', (e) => {
      // the network came back: a basemap tile loaded
      if (e.sourceId === SOURCE.basemap && e.tile?.state === 'loaded') setBasemapFailed(false);
    });

    map.on('click', (e: MapMouseEvent) => {
      const [hit] = map.queryRenderedFeatures(hitBox(e.point), { layers: [...SITE_LAYERS, LAYER.clusters] });
      if (!hit) {
        mapClick([e.lngLat.lng, e.lngLat.lat]);
        return select(null);
      }
      if (hit.layer.id === LAYER.clusters) {
        if (initRef.current.tiles) {
          // the server's clusters have no cluster_id: zoom in two levels on the cluster
          map.easeTo({ center: (hit.geometry as Point).coordinates as [number, number], zoom: map.getZoom() + 2 });
          return;
        }
        const source = map.getSource<GeoJSONSource>(SOURCE.sites);
        const clusterId = hit.properties.cluster_id as number;
        const center = (hit.geometry as Point).coordinates as [number, number];
        void source?.getClusterExpansionZoom(clusterId).then((zoom) => map.easeTo({ center, zoom }));
        return;
      }
      select(hit.id === undefined ? null : String(hit.id));
    });
    map.on('mousemove', (e: MapMouseEvent) => {
      const [hit] = map.queryRenderedFeatures(hitBox(e.point), { layers: [...SITE_LAYERS, LAYER.clusters] });
      map.getCanvas().style.cursor = hit ? 'pointer' : '';
      hover(hit && hit.layer.id !== LAYER.clusters && hit.id !== undefined ? String(hit.id) : null);
    });
    map.getCanvas().addEventListener('mouseleave', () => hover(null));

    return () => {
      uninstallHook();
      map.remove();
      if (init.tiles) removeProtocol(SITE_TILE_PROTOCOL);
      mapRef.current = null;
    };
  }, []);

  useEffect(() => sync(), [siteFeatures, shownIds, areaData, selectedId, hoveredId, label, t]);
  useEffect(() => {
    // declared after the sync effect: when the data arrives, setData has already marked the map busy
    pendingRef.current = dataPending;
    showIdle();
  });

  useImperativeHandle(
    ref,
    () => ({
      flyTo({ center, zoom }) {
        const map = mapRef.current;
        map?.flyTo({ center, zoom: zoom ?? map.getZoom() });
      },
      flyToSite(id, zoom = 16) {
        const map = mapRef.current;
        const p = points.find((q) => q.id === id);
        if (!p || !map) return false;
        map.flyTo({ center: [p.lng, p.lat], zoom: Math.max(zoom, map.getZoom()) });
        return true;
      },
      fitBounds([w, s, e, n], options) {
        mapRef.current?.fitBounds(
          [
            [w, s],
            [e, n],
          ],
          { padding: options?.padding ?? 40, maxZoom: options?.maxZoom ?? 16 },
        );
      },
    }),
    [points],
  );

  return (
    <div
      ref={rootRef}
      className={['site-map', className].filter(Boolean).join(' ')}
      data-map-idle="false"
      aria-busy={dataPending || undefined}
    >
      <div ref={hostRef} className="site-map__canvas" />
      <p id={hintId} className="site-map__sr-only">
        {t('map.keyboardHint')}
      </p>
      <p role="status" className="site-map__notice">
        {unavailable ? t('map.unavailable') : basemapFailed ? t('map.basemapOffline') : ''}
      </p>
    </div>
  );
}

export default SiteMap;
