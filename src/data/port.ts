// The one typed interface between the app and its data (DESIGN.md "Two data sources, one port").
// Implementations: `local` (in-browser, IndexedDB, demo data) and later `supabase`.
// Public methods never return drafts, staff-only menus or confidential sites: the sanitizing is
// done inside each implementation (in Postgres by RLS for supabase), never by the caller.
import type { Area, Dataset, Menu, Organization, Site } from '../domain/model';
import type { ImportPlan } from '../domain/import/plan';
import type { SiteQuery } from '../domain/search/query';
import type { SearchHit, SearchResult as DomainSearchResult } from '../domain/search/types';
import type { CategoryId, FieldId } from '../domain/taxonomy';
import type { StaffCatalog } from './case-port';
import type { EditorPort } from './editor-port';

/** A site as the public may see it. Confidential sites never become a PublicSite. */
export type PublicSite = Omit<Site, 'status' | 'visibility' | 'confidential' | 'publicContactSiteId' | 'updatedAt'>;
/** A menu as the public may see it. */
export type PublicMenu = Omit<Menu, 'status' | 'visibility' | 'updatedAt'>;

/**
 * What the results list shows of a site, and what a search reads without its menus: name and
 * reading (the list's order), category, fields, place, address, last check, accessibility.
 */
export type ListedSite = Pick<PublicSite, 'id' | 'name' | 'kana' | 'categoryId' | 'fields' | 'location' | 'address' | 'lastVerified' | 'accessibility'>;
/** a matching site, with its distance and the menus that satisfied the filters */
export type SiteHit = SearchHit<ListedSite>;
/** totals, the hits in view and every match's id (semantics in domain/search/types.ts) */
export type SearchResult = DomainSearchResult<ListedSite>;

/** One public site as a map point; the map's GeoJSON is built from these. */
export type PublicPoint = { id: string; lng: number; lat: number; field: FieldId; categoryId: CategoryId; name: string; helpDesk: boolean };

export type PublicSiteDetail = {
  site: PublicSite;
  organization: Pick<Organization, 'id' | 'name' | 'kind'>;
  menus: PublicMenu[];
  /** help desks (相談窓口) serving the site's area */
  helpDesks: PublicSite[];
  areas: Pick<Area, 'id' | 'name' | 'level'>[];
};

export type HelpDeskResult = {
  /** the areas that contain the point, most local first */
  areas: Pick<Area, 'id' | 'name' | 'level'>[];
  desks: (PublicSite & { distanceM: number })[];
};

/** getPublicPoints returns at most this many points; beyond, maps use getSiteTile (vector tiles) */
export const MAP_POINT_LIMIT = 50_000;

export interface DataSource {
  readonly kind: 'local' | 'supabase';
  /** human label of the data, e.g. 'デモデータ' */
  readonly label: string;

  // --- public (no account) ---
  searchPublicSites(query: SiteQuery, options?: { limit?: number; signal?: AbortSignal }): Promise<SearchResult>;
  /** every published public site as a point (the map's base data) */
  getPublicPoints(signal?: AbortSignal): Promise<PublicPoint[]>;
  getPublicSite(id: string, signal?: AbortSignal): Promise<PublicSiteDetail | null>;
  getAreas(signal?: AbortSignal): Promise<Area[]>;
  findHelpDesks(point: [number, number], signal?: AbortSignal): Promise<HelpDeskResult>;
  /**
   * One vector tile (layer "sites") of the public view, for maps of more points than
   * getPublicPoints returns (Supabase only: public_view_site_tiles).
   */
  getSiteTile?(z: number, x: number, y: number, signal?: AbortSignal): Promise<Uint8Array>;

  /**
   * Staff area only: published sites and menus INCLUDING staff-only ones (never drafts or
   * confidential sites), for matching. Supabase: under RLS, for staff and admins.
   */
  getStaffCatalog?(signal?: AbortSignal): Promise<StaffCatalog>;
  /** editing, review, history and error reports (editor-port.ts); absent where not supported yet */
  readonly editor?: EditorPort;
  /** calls `listener` when the data changed elsewhere (local: another tab); returns the unsubscribe function */
  onDataChanged?(listener: () => void): () => void;
  /**
   * The page's map has drawn its first data (local source: a large dataset is read only after it,
   * see LocalSourceOptions.mapDrawn). A hint; calling it more than once does nothing more.
   */
  mapDrawn?(): void;

  // --- local maintenance (local source only) ---
  exportBackup?(): Promise<Dataset>;
  restoreBackup?(data: unknown): Promise<void>;
  resetToDemo?(): Promise<void>;
  /** an import plan (domain/import/plan.ts), applied all or nothing; nothing changes on any error */
  applyImport?(plan: ImportPlan): Promise<void>;
  /** the listings an import is planned against (Supabase: what the user may read); else exportBackup */
  loadImportBase?(): Promise<Dataset>;
}
