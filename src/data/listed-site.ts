// What a search hit carries of a site, whichever source answered: exactly a ListedSite's fields
// (no contact, description or anything added to a site later). The site page fetches the rest.
import type { ListedSite } from './port';

export function toListedSite(s: ListedSite): ListedSite {
  return {
    id: s.id,
    name: s.name,
    kana: s.kana,
    categoryId: s.categoryId,
    fields: s.fields,
    location: s.location,
    address: s.address,
    lastVerified: s.lastVerified,
    accessibility: s.accessibility,
  };
}
