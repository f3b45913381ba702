// Shapes the search reads and returns. They are structural on purpose: the domain may not import
// the data port (lint rule), so the port's PublicSite / PublicMenu only have to fit these, and
// SearchResult<PublicSite> is the port's SearchResult (checked in index.test.ts).
import type { Menu, Site } from '../model';
import type { CategoryId, Label } from '../taxonomy';
import type { OccursOn } from './weekday';

/** the fields of a site the search reads */
export type SearchableSite = Pick<Site, 'id' | 'name' | 'kana' | 'categoryId' | 'fields' | 'location' | 'accessibility' | 'description'>;

/** the fields of a menu the search reads; menus whose siteId is null or unknown are ignored */
export type SearchableMenu = Pick<Menu, 'id' | 'siteId' | 'title' | 'needs' | 'targets' | 'schedule' | 'cost' | 'ease'>;

export type SearchHit<S> = {
  site: S;
  /** metres from the query origin, straight line (haversine); present when the query has an origin */
  distanceM?: number;
  /** ids of the site's menus that satisfy the menu-level filters (all its menus if none) */
  menuIds: string[];
};

export type SearchResult<S> = {
  total: number; // every match, anywhere
  totalInView: number; // matches inside the query's bbox (= total without bbox)
  /** matches in the bbox, sorted (distance from origin, else kana), at most `limit` */
  hits: SearchHit<S>[];
  /** ids of every match anywhere, in input order, for the map's filter */
  matchIds: string[];
};

/** labels that go into the keyword text; an admin-extended taxonomy passes its own */
export type KeywordLabels = {
  categories?: Partial<Record<CategoryId, Label>>; // default: CATEGORY_BY_ID labels
  helpDesk?: Label; // added to every help desk's text; default: HELP_DESK_LABEL (相談窓口)
};

export type BuildOptions = {
  labels?: KeywordLabels;
};

export type SearchOptions = {
  limit?: number; // most hits returned (default 100); matchIds and totals are never cut
  /** exact "has a session on this date" for query.today; default: the schedule module's occursOn */
  occursOn?: OccursOn;
};

export const DEFAULT_LIMIT = 100;
