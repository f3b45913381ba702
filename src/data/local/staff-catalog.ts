// The matching catalog of a dataset, for the staff area: published sites and menus including
// staff-only ones; never drafts, pending or archived listings, nor confidential sites (their point
// is not plotted, even for staff) and their menus. The browser tests use it as their oracle.
import type { Dataset } from '../../domain/model';
import type { StaffCatalog } from '../case-port';

export function staffCatalogOf(dataset: Dataset): StaffCatalog {
  const sites = dataset.sites.filter((s) => s.status === 'published' && !s.confidential);
  const siteIds = new Set(sites.map((s) => s.id));
  const menus = dataset.menus.filter((m) => m.status === 'published' && (m.siteId === null || siteIds.has(m.siteId)));
  const organizations = dataset.organizations.map(({ id, name, kind }) => ({ id, name, kind }));
  return { sites, menus, areas: dataset.areas, organizations };
}
