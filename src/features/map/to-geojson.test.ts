import { describe, expect, it } from 'vitest';
import type { PublicPoint } from '../../data/port';
import type { Area } from '../../domain/model';
import { effectiveMatchIds, selectSiteFeatures, toAreaLabels, toAreaOutlines, toSiteFeatures } from './to-geojson';

const points: PublicPoint[] = [
  { id: 's1', lng: 139.5, lat: 35.5, field: 'elderly', categoryId: 'salon', name: 'サロンA', helpDesk: false },
  { id: 's2', lng: 139.6, lat: 35.6, field: 'poverty', categoryId: 'self_reliance_support', name: '自立相談', helpDesk: true },
];

const ring: [number, number][] = [
  [139, 35],
  [140, 35],
  [140, 36],
  [139, 36],
  [139, 35],
];
const area = (id: string, level: Area['level']): Area => ({ id, level, name: id, geometry: { type: 'Polygon', coordinates: [ring] } });

describe('site features', () => {
  it('carries [lng, lat] and only what the layers read', () => {
    const [f] = toSiteFeatures(points);
    expect(f).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [139.5, 35.5] },
      properties: { id: 's1', field: 'elderly', helpDesk: false },
    });
  });

  it('shows everything for null and only the matches otherwise', () => {
    const features = toSiteFeatures(points);
    expect(selectSiteFeatures(features, null).features).toHaveLength(2);
    expect(selectSiteFeatures(features, new Set(['s2', 'unknown'])).features.map((f) => f.properties.id)).toEqual(['s2']);
    expect(selectSiteFeatures(features, new Set()).features).toEqual([]);
  });
});

describe('effectiveMatchIds', () => {
  const features = toSiteFeatures(points);

  it('drops a filter that keeps every point', () => {
    expect(effectiveMatchIds(features, new Set(['s1', 's2']))).toBeNull();
    expect(effectiveMatchIds(features, new Set(['s1', 's2', 'gone']))).toBeNull();
    expect(effectiveMatchIds(features, null)).toBeNull();
  });

  it('keeps a filter that hides something', () => {
    const some = new Set(['s1']);
    expect(effectiveMatchIds(features, some)).toBe(some);
    const sameSizeOtherIds = new Set(['s1', 'other']);
    expect(effectiveMatchIds(features, sameSizeOtherIds)).toBe(sameSizeOtherIds);
  });
});

describe('area features', () => {
  const areas = [area('m', 'municipality'), area('d', 'daily_life'), area('e', 'elementary'), area('c', 'custom')];

  it('outlines municipalities and daily-life areas only', () => {
    expect(toAreaOutlines(areas).features.map((f) => f.properties.id)).toEqual(['m', 'd']);
  });

  it('puts one label point per outlined area', () => {
    const labels = toAreaLabels(areas);
    expect(labels.features.map((f) => [f.properties.name, f.geometry.coordinates])).toEqual([
      ['m', [139.5, 35.5]],
      ['d', [139.5, 35.5]],
    ]);
  });
});
