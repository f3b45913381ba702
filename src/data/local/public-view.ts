// What the public may see of a dataset. Every public read of the local source goes through here,
// as every public read of Supabase goes through RLS: drafts, staff-only menus and confidential
// sites are dropped, and the fields that only staff may see are removed from what remains.
import type { Dataset, Menu, Site } from '../../domain/model';
import { CATEGORY_BY_ID } from '../../domain/taxonomy';
import type { PublicMenu, PublicPoint, PublicSite } from '../port';

export function isPublicSite(s: Site): boolean {
  return s.status === 'published' && s.visibility === 'public' && !s.confidential;
}

export function isPublicMenu(m: Menu, publicSiteIds: ReadonlySet<string>): boolean {
  if (m.status !== 'published' || m.visibility !== 'public') return false;
  // an outreach menu has no site; a menu at a non-public site is hidden with its site
  return m.siteId === null || publicSiteIds.has(m.siteId);
}

export function toPublicSite(s: Site): PublicSite {
  // explicit copy, not spread-and-delete: a field added to Site later stays private by default
  return {
    id: s.id,
    orgId: s.orgId,
    name: s.name,
    kana: s.kana,
    categoryId: s.categoryId,
    fields: s.fields,
    location: s.location,
    address: s.address,
    municipalityCode: s.municipalityCode,
    contact: s.contact,
    access: s.access,
    accessibility: s.accessibility,
    description: s.description,
    photoUrl: s.photoUrl,
    serviceAreaIds: s.serviceAreaIds,
    lastVerified: s.lastVerified,
  };
}

export function toPublicMenu(m: Menu): PublicMenu {
  return {
    id: m.id,
    siteId: m.siteId,
    orgId: m.orgId,
    title: m.title,
    description: m.description,
    needs: m.needs,
    targets: m.targets,
    ageMin: m.ageMin,
    ageMax: m.ageMax,
    schedule: m.schedule,
    cost: m.cost,
    capacity: m.capacity,
    ease: m.ease,
    languages: m.languages,
    serviceAreaIds: m.serviceAreaIds,
    lastVerified: m.lastVerified,
  };
}

export type PublicView = { sites: PublicSite[]; menus: PublicMenu[] };

export function publicView(data: Pick<Dataset, 'sites' | 'menus'>): PublicView {
  const sites = data.sites.filter(isPublicSite);
  const ids = new Set(sites.map((s) => s.id));
  const menus = data.menus.filter((m) => isPublicMenu(m, ids));
  return { sites: sites.map(toPublicSite), menus: menus.map(toPublicMenu) };
}

/** A public site as a map point: what the map's GeoJSON is built from. */
export function toPublicPoint(s: Pick<PublicSite, 'id' | 'location' | 'fields' | 'categoryId' | 'name'>): PublicPoint {
  return {
    id: s.id,
    lng: s.location[0],
    lat: s.location[1],
    field: s.fields[0]!,
    categoryId: s.categoryId,
    name: s.name,
    helpDesk: CATEGORY_BY_ID[s.categoryId].helpDesk,
  };
}
