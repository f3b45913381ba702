// Plain data in, new GeoJSON out: what the map's sources are fed. Kept free of MapLibre so it can be
// tested in node and reused by the benchmark's bare page.
import type { Feature, FeatureCollection, Point, Polygon, MultiPolygon } from 'geojson';
import type { PublicPoint } from '../../data/port';
import type { Area } from '../../domain/model';
import type { AreaLevel, FieldId } from '../../domain/taxonomy';
import { labelPoint } from '../../domain/geo/label-point';

/** Properties of a site point. Only what a layer or the test hook reads: each byte is copied to the worker. */
export type SitePointProperties = { id: string; field: FieldId; helpDesk: boolean };
export type SitePointFeature = Feature<Point, SitePointProperties>;

/** The area levels the public map outlines; finer levels would clutter a resident's view. */
export const OUTLINED_AREA_LEVELS: readonly AreaLevel[] = ['municipality', 'daily_life'];

export type AreaProperties = { id: string; level: AreaLevel; name: string };

export function toSiteFeatures(points: readonly PublicPoint[]): SitePointFeature[] {
  return points.map((p) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [p.lng, p.lat] },
    properties: { id: p.id, field: p.field, helpDesk: p.helpDesk },
  }));
}

/**
 * The filter that actually applies: null when `matchIds` keeps every feature. A search with no
 * criteria matches everything; treating that as "no filter" spares the worker a second load of
 * the same points (re-clustering 50,000 points costs a visible fraction of a second).
 */
export function effectiveMatchIds(
  features: readonly SitePointFeature[],
  matchIds: ReadonlySet<string> | null,
): ReadonlySet<string> | null {
  if (!matchIds || matchIds.size < features.length) return matchIds;
  return features.every((f) => matchIds.has(f.properties.id)) ? null : matchIds;
}

/** The features to show: all of them when `matchIds` is null, else only the matches. */
export function selectSiteFeatures(
  features: readonly SitePointFeature[],
  matchIds: ReadonlySet<string> | null,
): FeatureCollection<Point, SitePointProperties> {
  return {
    type: 'FeatureCollection',
    features: matchIds ? features.filter((f) => matchIds.has(f.properties.id)) : features.slice(),
  };
}

export function toAreaOutlines(areas: readonly Area[]): FeatureCollection<Polygon | MultiPolygon, AreaProperties> {
  return {
    type: 'FeatureCollection',
    features: areas
      .filter((a) => OUTLINED_AREA_LEVELS.includes(a.level))
      .map((a) => ({
        type: 'Feature',
        geometry: a.geometry,
        properties: { id: a.id, level: a.level, name: a.name },
      })),
  };
}

export function toAreaLabels(areas: readonly Area[]): FeatureCollection<Point, AreaProperties> {
  return {
    type: 'FeatureCollection',
    features: areas
      .filter((a) => OUTLINED_AREA_LEVELS.includes(a.level))
      .map((a) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: labelPoint(a.geometry) },
        properties: { id: a.id, level: a.level, name: a.name },
      })),
  };
}
