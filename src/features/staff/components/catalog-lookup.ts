// Menus and sites of the staff catalog by id, built once per catalog.
import type { StaffCatalog } from '../../../data/case-port';
import type { Menu, Organization, Site } from '../../../domain/model';

export type CatalogLookup = {
  menu(id: string): Menu | undefined;
  site(id: string | null): Site | undefined;
  org(id: string): Pick<Organization, 'id' | 'name' | 'kind'> | undefined;
  areaName(id: string | null): string | null;
};

const cache = new WeakMap<StaffCatalog, CatalogLookup>();

export function lookupOf(catalog: StaffCatalog): CatalogLookup {
  let l = cache.get(catalog);
  if (!l) {
    const menus = new Map(catalog.menus.map((m) => [m.id, m]));
    const sites = new Map(catalog.sites.map((s) => [s.id, s]));
    const orgs = new Map(catalog.organizations.map((o) => [o.id, o]));
    const areas = new Map(catalog.areas.map((a) => [a.id, a.name]));
    l = {
      menu: (id) => menus.get(id),
      site: (id) => (id === null ? undefined : sites.get(id)),
      org: (id) => orgs.get(id),
      areaName: (id) => (id === null ? null : (areas.get(id) ?? null)),
    };
    cache.set(catalog, l);
  }
  return l;
}
