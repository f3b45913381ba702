// A published listing: what the results list and the filters need, and nothing the list does not
// show or search (docs/benchmarks.md ## map). Every public site as the public sees it, in the
// order of the public view, and of each public menu only the fields the search reads (no
// description, capacity, languages, dates). The search index built from a listing is the one built
// from the whole dataset, so the list can answer long before a large dataset (site pages, help
// desks, backups) has been read. Format: { "version": 1, "label": string, "sites": PublicSite[],
// "menus": ListingMenu[] }. Like `?dataset=` and `?points=`, the file is trusted to be published
// data; it is copied field by field, so nothing but a PublicSite's and a ListingMenu's fields
// reaches the app.
import type { Dataset } from '../../domain/model';
import type { PublicMenu, PublicSite } from '../port';
import { publicView, toPublicSite } from './public-view';

/** the fields of a public menu the search reads (domain/search/types.ts SearchableMenu) */
export type ListingMenu = Pick<PublicMenu, 'id' | 'siteId' | 'title' | 'needs' | 'targets' | 'schedule' | 'cost' | 'ease'>;

export type ListingSnapshot = { label: string; sites: PublicSite[]; menus: ListingMenu[] };

export function toListingMenu(m: ListingMenu): ListingMenu {
  return { id: m.id, siteId: m.siteId, title: m.title, needs: m.needs, targets: m.targets, schedule: m.schedule, cost: m.cost, ease: m.ease };
}

/** The listing of a dataset, as a publisher writes it (the benchmark does). */
export function toListingSnapshot(data: Pick<Dataset, 'label' | 'sites' | 'menus'>): ListingSnapshot {
  const view = publicView(data);
  return { label: data.label, sites: view.sites, menus: view.menus.map(toListingMenu) };
}

export async function loadListingSnapshot(url: string): Promise<ListingSnapshot> {
  if (!url.startsWith('/') || url.startsWith('//')) throw new Error('listing must be a same-origin path');
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load ${url}: ${res.status}`);
  const data = (await res.json()) as Partial<{ version: number; label: unknown; sites: unknown; menus: unknown }> | null;
  if (!data || data.version !== 1 || typeof data.label !== 'string' || !Array.isArray(data.sites) || !Array.isArray(data.menus)) {
    throw new Error(`${url} is not a listing (version 1 with label, sites and menus)`);
  }
  return { label: data.label, sites: (data.sites as PublicSite[]).map(toPublicSite), menus: (data.menus as ListingMenu[]).map(toListingMenu) };
}
