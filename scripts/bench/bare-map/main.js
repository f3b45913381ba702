/* global document, location */ // a browser page; the repo lints .js files as node code
// The bare page: ?points=<GeoJSON URL>&view=lng,lat,zoom[&basemap=<XYZ template, empty for none>].
// Sets data-map-idle="true" on the map element at MapLibre's first `idle`, as the app does.
import { Map, setWorkerUrl } from '/maplibre/maplibre-gl.mjs';

setWorkerUrl('/maplibre/maplibre-gl-worker.mjs');

const GSI_PALE = 'https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png';
const params = new URLSearchParams(location.search);
const [lng, lat, zoom] = (params.get('view') ?? '139.6,35.86,12').split(',').map(Number);
const basemap = params.has('basemap') ? params.get('basemap') : GSI_PALE;
const points = params.get('points');
if (!points) throw new Error('give the points as ?points=/bench/points-N.geojson');

const sources = {
  sites: { type: 'geojson', data: points, cluster: true, clusterRadius: 48, clusterMaxZoom: 15, promoteId: 'id' },
};
const layers = [{ id: 'background', type: 'background', paint: { 'background-color': '#eef0f2' } }];
if (basemap) {
  sources.basemap = { type: 'raster', tiles: [basemap], tileSize: 256, minzoom: 2, maxzoom: 18 };
  layers.push({ id: 'basemap', type: 'raster', source: 'basemap' });
}
layers.push(
  {
    id: 'clusters',
    type: 'circle',
    source: 'sites',
    filter: ['has', 'point_count'],
    paint: { 'circle-color': '#0017c1', 'circle-radius': ['step', ['get', 'point_count'], 14, 10, 18, 100, 23, 1000, 29] },
  },
  {
    id: 'cluster-count',
    type: 'symbol',
    source: 'sites',
    filter: ['has', 'point_count'],
    layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-size': 13, 'text-allow-overlap': true },
    paint: { 'text-color': '#ffffff' },
  },
  {
    id: 'sites',
    type: 'circle',
    source: 'sites',
    filter: ['!', ['has', 'point_count']],
    paint: { 'circle-color': '#1d4ed8', 'circle-radius': 7, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
  },
);

const container = document.getElementById('map');
container.setAttribute('data-map-idle', 'false');
// the same user-timing marks as the app's map, so the benchmark can compare the phases
performance.mark('kasane:map-create');
const map = new Map({ container, center: [lng, lat], zoom, style: { version: 8, sources, layers } });
map.once('load', () => performance.mark('kasane:map-load'));
map.once('idle', () => {
  performance.mark('kasane:map-idle');
  container.setAttribute('data-map-idle', 'true');
});
