import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { FIELD_COLORS } from '../../domain/taxonomy';
import { GSI_PALE } from './basemap';
import { buildStyle, LAYER, SOURCE } from './layers';

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
