// The map's style as typed data (STYLE.md: visgl/maputnik habits). The component only composes
// these; nothing here touches a live map. No `glyphs` and no `sprite`: MapLibre then draws text
// locally with the browser's fonts and never asks a server for glyphs, so labels work offline.
import type {
  BackgroundLayerSpecification,
  CircleLayerSpecification,
  ExpressionSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  LineLayerSpecification,
  RasterLayerSpecification,
  StyleSpecification,
  SymbolLayerSpecification,
  VectorSourceSpecification,
} from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { FIELD_COLORS, FIELDS } from '../../domain/taxonomy';
import type { Basemap } from './basemap';

export const SOURCE = {
  basemap: 'basemap',
  sites: 'sites',
  areas: 'areas',
  areaLabels: 'area-labels',
} as const;

export const LAYER = {
  background: 'background',
  basemap: 'basemap',
  municipalityLine: 'area-municipality-line',
  dailyLifeLine: 'area-daily-life-line',
  municipalityLabel: 'area-municipality-label',
  dailyLifeLabel: 'area-daily-life-label',
  clusters: 'site-clusters',
  clusterCount: 'site-cluster-count',
  siteHalo: 'site-halo',
  sites: 'sites',
  helpDesks: 'help-desks',
  helpDeskCenter: 'help-desk-center',
} as const;

/** Layers whose features are single sites: click selects, hover highlights. */
export const SITE_LAYERS = [LAYER.sites, LAYER.helpDesks] as const;

/** The colours of the デジタル庁 design system the rest of the app uses. */
const INK = '#1a1a1a';
const PRIMARY = '#0017c1';
const FOCUS_YELLOW = '#ffd43d';
const PLAIN_BACKGROUND = '#eef0f2'; // what shows when there is no basemap (offline, or none configured)

/** Local font families, tried in order; TinySDF falls back to sans-serif. */
const FONT_STACK = ['Noto Sans JP', 'Noto Sans CJK JP'];

export const CLUSTER_OPTIONS = {
  cluster: true,
  clusterRadius: 48, // px: points closer than this on screen merge
  clusterMaxZoom: 15, // from z16 every site is drawn on its own
} as const;

const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
const unclustered: ExpressionSpecification = ['!', ['has', 'point_count']];

/** circle-color by the site's main field */
const fieldColor: ExpressionSpecification = [
  'match',
  ['get', 'field'],
  ...FIELDS.flatMap((f) => [f, FIELD_COLORS[f]]),
  INK, // unknown field: still visible
] as unknown as ExpressionSpecification;

const emptyCollection: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function siteSource(data: FeatureCollection = emptyCollection): GeoJSONSourceSpecification {
  return {
    type: 'geojson',
    data,
    ...CLUSTER_OPTIONS,
    promoteId: 'id', // string site ids become feature ids: feature-state and queryRenderedFeatures use them
  };
}

/**
 * The sites as vector tiles instead of GeoJSON points (Supabase mode with more points than GeoJSON
 * can carry: see public_view_site_tiles in docs/database.md). The tiles hold layer "sites": points
 * with id, name, category_id, field, help_desk from z 10; below, clusters with point_count and
 * field (the server clusters, so the source does not).
 */
export type SiteTiles = {
  /** tile URL template, e.g. `kasane-sites://{z}/{x}/{y}` (src/data/supabase/tile-protocol.ts) */
  url: string;
  /** the deepest zoom the server is asked for; MapLibre overzooms beyond it (default 14) */
  maxzoom?: number;
};

/** the layer inside each tile that holds the sites */
export const SITE_TILE_LAYER = 'sites';

export function siteTileSource(tiles: SiteTiles): VectorSourceSpecification {
  return {
    type: 'vector',
    tiles: [tiles.url],
    minzoom: 0,
    maxzoom: tiles.maxzoom ?? 14,
    promoteId: 'id', // MVT feature ids must be integers: the site id is a property
  };
}

export function areaSource(data: FeatureCollection = emptyCollection): GeoJSONSourceSpecification {
  return { type: 'geojson', data };
}

const background: BackgroundLayerSpecification = {
  id: LAYER.background,
  type: 'background',
  paint: { 'background-color': PLAIN_BACKGROUND },
};

const basemapLayer: RasterLayerSpecification = {
  id: LAYER.basemap,
  type: 'raster',
  source: SOURCE.basemap,
  paint: { 'raster-fade-duration': 0 },
};

const municipalityLine: LineLayerSpecification = {
  id: LAYER.municipalityLine,
  type: 'line',
  source: SOURCE.areas,
  filter: ['==', ['get', 'level'], 'municipality'],
  layout: { 'line-join': 'round' },
  paint: { 'line-color': INK, 'line-opacity': 0.75, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.5, 14, 3] },
};

const dailyLifeLine: LineLayerSpecification = {
  id: LAYER.dailyLifeLine,
  type: 'line',
  source: SOURCE.areas,
  filter: ['==', ['get', 'level'], 'daily_life'],
  layout: { 'line-join': 'round' },
  paint: { 'line-color': PRIMARY, 'line-opacity': 0.7, 'line-width': 1.5, 'line-dasharray': [3, 2] },
};

const areaLabelLayout: SymbolLayerSpecification['layout'] = {
  'text-field': ['get', 'name'],
  'text-font': FONT_STACK,
  'text-max-width': 8, // ems: long 圏域 names wrap instead of running across the map
};
const areaLabelBase = { type: 'symbol', source: SOURCE.areaLabels } as const;

const municipalityLabel: SymbolLayerSpecification = {
  ...areaLabelBase,
  id: LAYER.municipalityLabel,
  filter: ['==', ['get', 'level'], 'municipality'],
  maxzoom: 12, // nearer in, the daily-life labels say more
  layout: { ...areaLabelLayout, 'text-size': 16 },
  paint: { 'text-color': INK, 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
};

const dailyLifeLabel: SymbolLayerSpecification = {
  ...areaLabelBase,
  id: LAYER.dailyLifeLabel,
  filter: ['==', ['get', 'level'], 'daily_life'],
  minzoom: 11,
  layout: { ...areaLabelLayout, 'text-size': 13 },
  paint: { 'text-color': PRIMARY, 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
};

/**
 * The site layers, over GeoJSON points (clustered by MapLibre) or over vector tiles (clustered by
 * the server). The tiles' properties are snake_case (`help_desk`) and carry no
 * `point_count_abbreviated`; every layer then reads source-layer "sites".
 */
export function siteLayers(tiles?: SiteTiles): LayerSpecification[] {
  const from = tiles ? ({ source: SOURCE.sites, 'source-layer': SITE_TILE_LAYER } as const) : ({ source: SOURCE.sites } as const);
  const helpDesk: ExpressionSpecification = ['boolean', ['get', tiles ? 'help_desk' : 'helpDesk'], false];
  const count: ExpressionSpecification = tiles ? ['to-string', ['get', 'point_count']] : ['get', 'point_count_abbreviated'];

  const clusters: CircleLayerSpecification = {
    id: LAYER.clusters,
    type: 'circle',
    ...from,
    filter: ['has', 'point_count'],
    paint: {
      // clusters mix fields, so they take the neutral primary colour; the size says how many
      'circle-color': PRIMARY,
      'circle-opacity': 0.85,
      'circle-radius': ['step', ['get', 'point_count'], 14, 10, 18, 100, 23, 1000, 29],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  };

  const clusterCount: SymbolLayerSpecification = {
    id: LAYER.clusterCount,
    type: 'symbol',
    ...from,
    filter: ['has', 'point_count'],
    layout: {
      'text-field': count,
      'text-font': FONT_STACK,
      'text-size': 13,
      'text-allow-overlap': true, // a cluster without its count is a riddle
      'text-ignore-placement': true,
    },
    paint: { 'text-color': '#ffffff' },
  };

  /** A yellow ring behind the selected or hovered site, like the app's focus ring. */
  const siteHalo: CircleLayerSpecification = {
    id: LAYER.siteHalo,
    type: 'circle',
    ...from,
    filter: unclustered,
    paint: {
      'circle-color': FOCUS_YELLOW,
      'circle-radius': 16,
      'circle-opacity': ['case', selected, 1, hovered, 0.7, 0],
      'circle-stroke-color': INK,
      'circle-stroke-width': ['case', selected, 1, 0],
    },
  };

  const sites: CircleLayerSpecification = {
    id: LAYER.sites,
    type: 'circle',
    ...from,
    filter: ['all', unclustered, ['!', helpDesk]],
    paint: {
      'circle-color': fieldColor,
      'circle-radius': ['case', selected, 9, hovered, 8, 7],
      'circle-stroke-color': ['case', selected, INK, '#ffffff'],
      'circle-stroke-width': 2,
    },
  };

  /** Help desks (相談窓口): larger, with a dark ring and a white centre, so they read apart from activities. */
  const helpDesks: CircleLayerSpecification = {
    id: LAYER.helpDesks,
    type: 'circle',
    ...from,
    filter: ['all', unclustered, helpDesk],
    paint: {
      'circle-color': fieldColor,
      'circle-radius': ['case', selected, 11, hovered, 10, 9],
      'circle-stroke-color': INK,
      'circle-stroke-width': 3,
    },
  };

  const helpDeskCenter: CircleLayerSpecification = {
    id: LAYER.helpDeskCenter,
    type: 'circle',
    ...from,
    filter: ['all', unclustered, helpDesk],
    paint: { 'circle-color': '#ffffff', 'circle-radius': 3 },
  };

  return [clusters, clusterCount, siteHalo, sites, helpDesks, helpDeskCenter];
}

export type StyleData = { sites?: FeatureCollection; areas?: FeatureCollection; areaLabels?: FeatureCollection };

/**
 * The whole style. Data may be given up front so the first render needs no second round trip to the
 * worker. With `tiles` the sites come from that vector tile source and `data.sites` is ignored.
 */
export function buildStyle(basemap: Basemap, data: StyleData = {}, tiles?: SiteTiles): StyleSpecification {
  const layers: LayerSpecification[] = [
    background,
    ...(basemap ? [basemapLayer] : []),
    municipalityLine,
    dailyLifeLine,
    municipalityLabel,
    dailyLifeLabel,
    ...siteLayers(tiles),
  ];
  return {
    version: 8,
    sources: {
      ...(basemap
        ? {
            [SOURCE.basemap]: {
              type: 'raster',
              tiles: [basemap.tiles],
              tileSize: 256,
              minzoom: basemap.minzoom,
              maxzoom: basemap.maxzoom,
              attribution: basemap.attribution,
            },
          }
        : {}),
      [SOURCE.areas]: areaSource(data.areas),
      [SOURCE.areaLabels]: areaSource(data.areaLabels),
      [SOURCE.sites]: tiles ? siteTileSource(tiles) : siteSource(data.sites),
    },
    layers,
  };
}
