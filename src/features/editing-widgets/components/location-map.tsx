// The picker's small map: the one place that owns its imperative MapLibre map, like SiteMap
// (features/map). A click places the pin, the pin drags; both report the point up through
// `onPick`, and the pin follows the `location` prop (typed coordinates, a search hit). The style is
// the app's (area outlines and names, other sites as context, the configured basemap): without
// network the basemap fails quietly and the outlines and the pin still show.
// Lazy-load this module: MapLibre is most of an edit page's JavaScript.
import {
  AttributionControl,
  Map as MapLibreMap,
  Marker,
  NavigationControl,
  setWorkerUrl,
  type ErrorEvent as MapErrorEvent,
  type GeoJSONSource,
  type MapMouseEvent,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import type { PublicPoint } from '../../../data/port';
import type { Area, LngLat } from '../../../domain/model';
import { useI18n } from '../../../i18n/i18n';
import { basemap } from '../../map/basemap';
import { buildStyle, SOURCE } from '../../map/layers';
import {
  selectSiteFeatures,
  toAreaLabels,
  toAreaOutlines,
  toSiteFeatures,
} from '../../map/to-geojson';
import '../../map/components/site-map.css';
import { initialCamera, roundLngLat } from '../location';

setWorkerUrl(workerUrl);

const PIN_COLOR = '#0017c1'; // the app's primary blue: 8.6:1 against the pale basemap

export type LocationMapProps = {
  location: LngLat | null;
  /** outlined and named, as on the public map */
  areas: readonly Area[];
  /** other sites, drawn small for context (a neighbour already listed, a duplicate) */
  points?: readonly PublicPoint[];
  onPick(location: LngLat): void;
  /** accessible name of the map */
  label: string;
  /** id of the text that tells keyboard users where the alternatives are */
  describedBy?: string;
};

export function LocationMap({
  location,
  areas,
  points,
  onPick,
  label,
  describedBy,
}: LocationMapProps) {
  const { t } = useI18n();
  const rootRef = useRef<HTMLDivElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const markerRef = useRef<Marker | null>(null);
  const loaded = useRef(false);
  const [basemapFailed, setBasemapFailed] = useState(false);
  const [unavailable, setUnavailable] = useState(false);

  const areaData = useMemo(
    () => ({ outlines: toAreaOutlines(areas), labels: toAreaLabels(areas) }),
    [areas],
  );
  // forms tend to pass `points.filter(…)`, a new array per keystroke: same points, no setData
  const stablePoints = useShallowStable(points);
  const siteData = useMemo(
    () => selectSiteFeatures(toSiteFeatures(stablePoints ?? []), null),
    [stablePoints],
  );
  const applied = useRef<{ areas?: unknown; sites?: unknown }>({});
  // the camera has been placed on something (the pin, the areas) or moved by the user
  const placed = useRef(false);

  // the last point the map itself reported: the camera stays where the user is working
  const picked = useRef<LngLat | null>(null);
  const pick = useEffectEvent((lngLat: { lng: number; lat: number }) => {
    const point = roundLngLat([lngLat.lng, lngLat.lat]);
    picked.current = point;
    onPick(point);
  });

  /** Pushes props into the live map: data by setData, the pin by moving the one marker. */
  const sync = useEffectEvent(() => {
    const map = mapRef.current;
    const marker = markerRef.current;
    if (!map || !marker || !loaded.current) return;
    if (applied.current.areas !== areaData) {
      void map.getSource<GeoJSONSource>(SOURCE.areas)?.setData(areaData.outlines);
      void map.getSource<GeoJSONSource>(SOURCE.areaLabels)?.setData(areaData.labels);
      applied.current.areas = areaData;
    }
    if (applied.current.sites !== siteData) {
      void map.getSource<GeoJSONSource>(SOURCE.sites)?.setData(siteData);
      applied.current.sites = siteData;
    }
    // no pin, and the areas arrived after the map opened on all of Japan: open on them instead
    if (!placed.current && !location && areas.length > 0) {
      const camera = initialCamera(null, areas);
      if ('bounds' in camera) map.fitBounds(camera.bounds, { padding: 16, animate: false });
      placed.current = true;
    }
    if (location) {
      placed.current = true;
      const [lng, lat] = location;
      const at = marker.getLngLat() as { lng: number; lat: number } | undefined;
      if (!at || at.lng !== lng || at.lat !== lat) marker.setLngLat(location);
      if (!marker.getElement().isConnected) marker.addTo(map);
      // a pin placed from the search or typed elsewhere: bring it into view, close enough to
      // check the building (a pin placed on the map leaves the camera alone)
      const fromMap = picked.current?.[0] === lng && picked.current[1] === lat;
      if (!fromMap && (!map.getBounds().contains(location) || map.getZoom() < 14))
        map.jumpTo({ center: location, zoom: Math.max(map.getZoom(), 16) });
    } else if (marker.getElement().isConnected) {
      marker.remove();
    }
    const canvas = map.getCanvas();
    canvas.setAttribute('aria-label', label);
    if (describedBy) canvas.setAttribute('aria-describedby', describedBy);
  });

  const initial = useEffectEvent(() => ({
    camera: initialCamera(location, areas),
    data: { areas: areaData, sites: siteData },
    style: buildStyle(basemap, {
      sites: siteData,
      areas: areaData.outlines,
      areaLabels: areaData.labels,
    }),
    locale: {
      'Map.Title': label,
      'Marker.Title': t('editingWidgets.location.marker'),
      'NavigationControl.ZoomIn': t('map.zoomIn'),
      'NavigationControl.ZoomOut': t('map.zoomOut'),
      'AttributionControl.ToggleAttribution': t('map.attribution'),
    },
  }));

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const init = initial();
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container: host,
        style: init.style,
        ...('bounds' in init.camera
          ? { bounds: init.camera.bounds, fitBoundsOptions: { padding: 16 } }
          : { center: init.camera.center, zoom: init.camera.zoom }),
        minZoom: 4,
        maxZoom: 19,
        renderWorldCopies: false,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        attributionControl: false,
        locale: init.locale,
      });
    } catch (error) {
      // no WebGL: the coordinates and the address fields still place the site
      console.warn('Map could not start', error);
      setUnavailable(true); // eslint-disable-line react-hooks/set-state-in-effect -- a one-off failure of an external system
      return;
    }
    mapRef.current = map;
    placed.current = !('center' in init.camera && init.camera.zoom < 5); // not just "all of Japan"
    map.keyboard.disableRotation();
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new AttributionControl({ compact: false }), 'bottom-right');
    map.getCanvas().style.cursor = 'crosshair';

    const marker = new Marker({ draggable: true, color: PIN_COLOR });
    markerRef.current = marker;
    marker.on('dragend', () => pick(marker.getLngLat()));

    map.on('load', () => {
      loaded.current = true;
      applied.current = { ...init.data }; // drawn with the style
      sync();
    });
    map.on('idle', () => rootRef.current?.setAttribute('data-map-idle', 'true'));
    map.on('movestart', (e: { originalEvent?: Event }) => {
      rootRef.current?.setAttribute('data-map-idle', 'false');
      if (e.originalEvent) placed.current = true; // the user's own move is never undone
    });
    map.on('click', (e: MapMouseEvent) => pick(e.lngLat));
    // the keyboard way on the map itself: arrows pan (MapLibre), Enter drops the pin at the centre,
    // which a ring marks while the map has focus (editing-widgets.css)
    map.getCanvas().addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      pick(map.getCenter());
    });
    map.on('error', (e: MapErrorEvent & { sourceId?: string }) => {
      if (e.sourceId === SOURCE.basemap) setBasemapFailed(true);
      else console.error(e.error);
    });
    map.on('sourcedata', (e) => {
      if (e.sourceId === SOURCE.basemap && e.tile?.state === 'loaded') setBasemapFailed(false);
    });
    return () => {
      marker.remove();
      map.remove();
      mapRef.current = null;
      markerRef.current = null;
      loaded.current = false;
    };
  }, []);

  useEffect(() => sync(), [location, areaData, siteData, label, describedBy]);

  return (
    <div ref={rootRef} className="site-map location-map" data-map-idle="false">
      <div ref={hostRef} className="site-map__canvas" />
      <p role="status" className="site-map__notice">
        {unavailable
          ? t('editingWidgets.location.mapUnavailable')
          : basemapFailed
            ? t('editingWidgets.location.mapOffline')
            : ''}
      </p>
    </div>
  );
}

/** `list`, or the previous list when it holds the same items in the same order. */
function useShallowStable<T>(list: readonly T[] | undefined): readonly T[] | undefined {
  const [kept, setKept] = useState(list);
  if (kept === list) return kept;
  const same =
    kept !== undefined &&
    list !== undefined &&
    kept.length === list.length &&
    kept.every((item, i) => item === list[i]);
  if (same) return kept;
  setKept(list);
  return list;
}

export default LocationMap;
