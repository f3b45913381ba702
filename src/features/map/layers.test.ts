import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { FIELD_COLORS } from '../../domain/taxonomy';
import { GSI_PALE } from './basemap';
import { buildStyle, LAYER, SITE_TILE_LAYER, siteTileSource, SOURCE } from './layers';

describe('buildStyle', () => {
  it('is a valid MapLibre style, with and without a basemap', () => {
    expect(validateStyleMin(buildStyle(GSI_PALE))).toEqual([]);
    expect(validateStyleMin(buildStyle(null))).toEqual([]);
  });

  it('asks no server for glyphs or sprites, so it works offline', () => {
    const style = buildStyle(GSI_PALE);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
  });

  it('drops the raster source and layer when there is no basemap', () => {
    const style = buildStyle(null);
    expect(style.sources[SOURCE.basemap]).toBeUndefined();
    expect(style.layers.map((l) => l.id)).not.toContain(LAYER.basemap);
    expect(style.layers[0]?.type).toBe('background');
  });

  it('clusters the sites and promotes their ids for feature-state', () => {
    expect(buildStyle(null).sources[SOURCE.sites]).toMatchObject({ type: 'geojson', cluster: true, promoteId: 'id' });
  });

  it('colours every field', () => {
    const json = JSON.stringify(buildStyle(null).layers.find((l) => l.id === LAYER.sites));
    for (const color of Object.values(FIELD_COLORS)) expect(json).toContain(color);
  });
});

describe('buildStyle with vector tiles (Supabase mode, many points)', () => {
  const tiles = { url: 'kasane-sites://{z}/{x}/{y}' };
  const style = buildStyle(null, {}, tiles);
  const siteLayerIds: string[] = [LAYER.clusters, LAYER.clusterCount, LAYER.siteHalo, LAYER.sites, LAYER.helpDesks, LAYER.helpDeskCenter];

  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style)).toEqual([]);
    expect(validateStyleMin(buildStyle(GSI_PALE, {}, { ...tiles, maxzoom: 12 }))).toEqual([]);
  });

  it('reads the sites from a vector source that promotes the site id', () => {
    expect(style.sources[SOURCE.sites]).toEqual({ type: 'vector', tiles: [tiles.url], minzoom: 0, maxzoom: 14, promoteId: 'id' });
    expect(siteTileSource({ ...tiles, maxzoom: 12 })).toMatchObject({ maxzoom: 12 });
  });

  it('every site layer reads source-layer "sites"; the area layers are unchanged', () => {
    for (const id of siteLayerIds) {
      expect(style.layers.find((l) => l.id === id), id).toMatchObject({ source: SOURCE.sites, 'source-layer': SITE_TILE_LAYER });
    }
    expect(SITE_TILE_LAYER).toBe('sites');
    expect(style.layers.filter((l) => 'source-layer' in l).map((l) => l.id).sort()).toEqual([...siteLayerIds].sort());
  });

  it('clusters by the tiles\' point_count and field; help desks by help_desk', () => {
    const byId = (id: string) => JSON.stringify(style.layers.find((l) => l.id === id));
    expect(byId(LAYER.clusters)).toContain('"point_count"');
    expect(byId(LAYER.clusterCount)).toContain('["to-string",["get","point_count"]]');
    expect(byId(LAYER.clusterCount)).not.toContain('point_count_abbreviated');
    expect(byId(LAYER.sites)).toContain('["get","field"]');
    for (const id of [LAYER.sites, LAYER.helpDesks, LAYER.helpDeskCenter]) {
      expect(byId(id)).toContain('"help_desk"');
      expect(byId(id)).not.toContain('"helpDesk"');
    }
  });

  it('without tiles the sites stay clustered GeoJSON with helpDesk and the abbreviated count', () => {
    const plain = buildStyle(null);
    expect(plain.sources[SOURCE.sites]).toMatchObject({ type: 'geojson', cluster: true, promoteId: 'id' });
    expect(plain.layers.some((l) => 'source-layer' in l)).toBe(false);
    expect(JSON.stringify(plain.layers.find((l) => l.id === LAYER.helpDesks))).toContain('"helpDesk"');
    expect(JSON.stringify(plain.layers.find((l) => l.id === LAYER.clusterCount))).toContain('point_count_abbreviated');
  });
});
