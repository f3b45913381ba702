// Public sites as a GeoJSON FeatureCollection (RFC 7946: [lng, lat], WGS84), each with its public
// menus and their schedules in words. Confidential sites are never written: their point is secret.
import type { Dataset, Menu } from '../model';
import { describeSchedule } from '../schedule/render';
import { CATEGORY_BY_ID } from '../taxonomy';
import { isPublicMenu, isPublicSite } from './national-csv';

export type SiteFeature = {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: {
    name: string;
    kana: string;
    categoryId: string;
    category: string; // label in Japanese
    fields: string[];
    address: string;
    municipalityCode: string;
    tel?: string;
    email?: string;
    url?: string;
    accessibility: string[];
    description: string;
    lastVerified: string;
    menus: { id: string; title: string; schedule: string[]; needs: string[]; targets: string[] }[];
  };
};
export type SiteFeatureCollection = { type: 'FeatureCollection'; features: SiteFeature[] };

export function exportGeoJson(dataset: Dataset): SiteFeatureCollection {
  const menusBySite = new Map<string, Menu[]>();
  for (const m of dataset.menus)
    if (m.siteId !== null && isPublicMenu(m)) menusBySite.set(m.siteId, [...(menusBySite.get(m.siteId) ?? []), m]);
  return {
    type: 'FeatureCollection',
    features: dataset.sites.filter(isPublicSite).map((s) => ({
      type: 'Feature',
      id: s.id,
      geometry: { type: 'Point', coordinates: [s.location[0], s.location[1]] },
      properties: {
        name: s.name,
        kana: s.kana,
        categoryId: s.categoryId,
        category: CATEGORY_BY_ID[s.categoryId].label.ja,
        fields: [...s.fields],
        address: s.address,
        municipalityCode: s.municipalityCode,
        ...(s.contact.tel ? { tel: s.contact.tel } : {}),
        ...(s.contact.email ? { email: s.contact.email } : {}),
        ...(s.contact.url ? { url: s.contact.url } : {}),
        accessibility: [...s.accessibility],
        description: s.description,
        lastVerified: s.lastVerified,
        menus: (menusBySite.get(s.id) ?? []).map((m) => ({
          id: m.id,
          title: m.title,
          schedule: describeSchedule(m.schedule, 'ja'),
          needs: [...m.needs],
          targets: [...m.targets],
        })),
      },
    })),
  };
}
