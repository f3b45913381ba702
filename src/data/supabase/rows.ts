// RPC results (snake_case jsonb, as the tables name them) → the port's types, validated at the
// boundary: a field of the wrong type is a schema drift between the app and the database, and the
// error says which field to look at instead of rendering `undefined` somewhere far away.
import type { Area, Menu, Organization, Site } from '../../domain/model';
import type { CategoryId, FieldId } from '../../domain/taxonomy';
import type { MatchableMenu, MatchableSite } from '../../domain/matching/types';
import type { HelpDeskResult, PublicMenu, PublicPoint, PublicSite, PublicSiteDetail, SearchResult, SiteHit } from '../port';
import { toListedSite } from '../listed-site';

type Obj = Record<string, unknown>;

export class RowShapeError extends Error {
  constructor(what: string, field: string, value: unknown) {
    super(`データベースの応答の形が想定と違います: ${what}.${field} = ${JSON.stringify(value)?.slice(0, 80)}（アプリとデータベースの版を揃えてください / the app and the database migrations differ）`);
  }
}

const obj = (v: unknown, what: string): Obj => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new RowShapeError(what, '(row)', v);
  return v as Obj;
};
const str = (o: Obj, k: string, what: string): string => {
  const v = o[k];
  if (typeof v !== 'string') throw new RowShapeError(what, k, v);
  return v;
};
const optStr = (o: Obj, k: string, what: string): string | undefined => {
  const v = o[k];
  if (v === null || v === undefined) return undefined;
  if (typeof v !== 'string') throw new RowShapeError(what, k, v);
  return v;
};
const num = (o: Obj, k: string, what: string): number => {
  const v = o[k];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new RowShapeError(what, k, v);
  return v;
};
const optNum = (o: Obj, k: string, what: string): number | undefined => {
  const v = o[k];
  if (v === null || v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new RowShapeError(what, k, v);
  return v;
};
const strs = (o: Obj, k: string, what: string): string[] => {
  const v = o[k];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new RowShapeError(what, k, v);
  return v as string[];
};
const list = (v: unknown, what: string): unknown[] => {
  if (!Array.isArray(v)) throw new RowShapeError(what, '(list)', v);
  return v;
};

/** drop undefined optional fields, as the local source's objects have none */
function compact<T extends Obj>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

/** public_site_json (site_hit rows have the same keys) */
export function toPublicSite(row: unknown): PublicSite {
  const o = obj(row, 'site');
  return compact({
    id: str(o, 'id', 'site'),
    orgId: str(o, 'organization_id', 'site'),
    name: str(o, 'name', 'site'),
    kana: str(o, 'kana', 'site'),
    categoryId: str(o, 'category_id', 'site') as CategoryId,
    fields: strs(o, 'fields', 'site') as FieldId[],
    location: [num(o, 'lng', 'site'), num(o, 'lat', 'site')],
    address: str(o, 'address', 'site'),
    municipalityCode: str(o, 'municipality_code', 'site'),
    contact: obj(o.contact, 'site.contact') as PublicSite['contact'],
    access: optStr(o, 'access', 'site'),
    accessibility: strs(o, 'accessibility', 'site') as PublicSite['accessibility'],
    description: str(o, 'description', 'site'),
    photoUrl: optStr(o, 'photo_url', 'site'),
    serviceAreaIds: strs(o, 'service_area_ids', 'site'),
    lastVerified: str(o, 'last_verified', 'site'),
  });
}

/** public_menu_json */
export function toPublicMenu(row: unknown): PublicMenu {
  const o = obj(row, 'menu');
  const siteId = o.site_id;
  if (siteId !== null && typeof siteId !== 'string') throw new RowShapeError('menu', 'site_id', siteId);
  return compact({
    id: str(o, 'id', 'menu'),
    siteId,
    orgId: str(o, 'organization_id', 'menu'),
    title: str(o, 'title', 'menu'),
    description: str(o, 'description', 'menu'),
    needs: strs(o, 'needs', 'menu') as PublicMenu['needs'],
    targets: strs(o, 'targets', 'menu') as PublicMenu['targets'],
    ageMin: optNum(o, 'age_min', 'menu'),
    ageMax: optNum(o, 'age_max', 'menu'),
    schedule: obj(o.schedule, 'menu.schedule') as PublicMenu['schedule'],
    cost: compact({
      kind: str(o, 'cost_kind', 'menu') as PublicMenu['cost']['kind'],
      amountYen: optNum(o, 'cost_amount_yen', 'menu'),
      note: optStr(o, 'cost_note', 'menu'),
    }),
    capacity: compact({
      capacity: optNum(o, 'capacity', 'menu'),
      availability: str(o, 'availability', 'menu') as PublicMenu['capacity']['availability'],
    }),
    ease: strs(o, 'ease', 'menu') as PublicMenu['ease'],
    languages: strs(o, 'languages', 'menu') as PublicMenu['languages'],
    serviceAreaIds: strs(o, 'service_area_ids', 'menu'),
    lastVerified: str(o, 'last_verified', 'menu'),
  });
}

function toAreaRef(row: unknown): Pick<Area, 'id' | 'name' | 'level'> {
  const o = obj(row, 'area');
  return { id: str(o, 'id', 'area'), name: str(o, 'name', 'area'), level: str(o, 'level', 'area') as Area['level'] };
}

/** search_public_sites */
export function toSearchResult(value: unknown): SearchResult {
  const o = obj(value, 'search');
  const hits: SiteHit[] = list(o.hits, 'search.hits').map((h) => {
    const row = obj(h, 'hit');
    const distanceM = optNum(row, 'distance_m', 'hit');
    // the list's fields, as from the local source (the RPC's row is checked whole first)
    const site = toListedSite(toPublicSite(row));
    const menuIds = strs(row, 'menu_ids', 'hit');
    return distanceM === undefined ? { site, menuIds } : { site, distanceM, menuIds };
  });
  return {
    total: num(o, 'total', 'search'),
    totalInView: num(o, 'total_in_view', 'search'),
    hits,
    matchIds: strs(o, 'match_ids', 'search'),
  };
}

/** public_points rows */
export function toPublicPoint(row: unknown): PublicPoint {
  const o = obj(row, 'point');
  const helpDesk = o.help_desk;
  if (typeof helpDesk !== 'boolean') throw new RowShapeError('point', 'help_desk', helpDesk);
  return {
    id: str(o, 'id', 'point'),
    lng: num(o, 'lng', 'point'),
    lat: num(o, 'lat', 'point'),
    field: str(o, 'field', 'point') as FieldId,
    categoryId: str(o, 'category_id', 'point') as CategoryId,
    name: str(o, 'name', 'point'),
    helpDesk,
  };
}

/** site_with_menus (null: no such public site) */
export function toSiteDetail(value: unknown): PublicSiteDetail | null {
  if (value === null) return null;
  const o = obj(value, 'detail');
  const org = obj(o.organization, 'detail.organization');
  return {
    site: toPublicSite(o.site),
    organization: {
      id: str(org, 'id', 'organization'),
      name: str(org, 'name', 'organization'),
      kind: str(org, 'kind', 'organization') as PublicSiteDetail['organization']['kind'],
    },
    menus: list(o.menus, 'detail.menus').map(toPublicMenu),
    helpDesks: list(o.help_desks, 'detail.help_desks').map(toPublicSite),
    areas: list(o.areas, 'detail.areas').map(toAreaRef),
  };
}

/** help_desks_at */
export function toHelpDeskResult(value: unknown): HelpDeskResult {
  const o = obj(value, 'help_desks');
  return {
    areas: list(o.areas, 'help_desks.areas').map(toAreaRef),
    desks: list(o.desks, 'help_desks.desks').map((d) => ({ ...toPublicSite(d), distanceM: num(obj(d, 'desk'), 'distance_m', 'desk') })),
  };
}

/** public_areas rows */
export function toArea(row: unknown): Area {
  const o = obj(row, 'area');
  return compact({
    id: str(o, 'id', 'area'),
    level: str(o, 'level', 'area') as Area['level'],
    name: str(o, 'name', 'area'),
    kana: optStr(o, 'kana', 'area'),
    parentId: optStr(o, 'parent_id', 'area'),
    population: optNum(o, 'population', 'area'),
    geometry: obj(o.geometry, 'area.geometry') as Area['geometry'],
  });
}

/** a site of the staff catalog: the public columns and what the engine's gates read */
export type CandidateSite = PublicSite & Pick<Site, 'status' | 'visibility' | 'confidential'>;
/** a menu of the staff catalog */
export type CandidateMenu = PublicMenu & Pick<Menu, 'status' | 'visibility'>;
/** matching_candidates: exactly what the matching engine reads, every row published */
export type MatchingCandidates = { sites: MatchableSite[]; menus: MatchableMenu[] };

const bool = (o: Obj, k: string, what: string): boolean => {
  const v = o[k];
  if (typeof v !== 'boolean') throw new RowShapeError(what, k, v);
  return v;
};

/** catalog rows (objects with the public columns, status, visibility and confidential) */
function toCatalogRows(value: unknown): { sites: CandidateSite[]; menus: CandidateMenu[] } {
  const o = obj(value, 'candidates');
  return {
    sites: list(o.sites, 'candidates.sites').map((row) => {
      const r = obj(row, 'site');
      return {
        ...toPublicSite(r),
        status: str(r, 'status', 'site') as Site['status'],
        visibility: str(r, 'visibility', 'site') as Site['visibility'],
        confidential: bool(r, 'confidential', 'site'),
      };
    }),
    menus: list(o.menus, 'candidates.menus').map((row) => {
      const r = obj(row, 'menu');
      return { ...toPublicMenu(r), status: str(r, 'status', 'menu') as Menu['status'], visibility: str(r, 'visibility', 'menu') as Menu['visibility'] };
    }),
  };
}

/** one positional row of matching_candidates, read as an object keyed by the column names */
function positional(row: unknown, columns: readonly string[], what: string): Obj {
  if (!Array.isArray(row) || row.length !== columns.length) throw new RowShapeError(what, `(row of ${columns.length})`, row);
  const o: Obj = {};
  columns.forEach((k, i) => (o[k] = row[i]));
  return o;
}

const CANDIDATE_SITE_COLUMNS = ['id', 'lng', 'lat', 'accessibility', 'visibility', 'confidential'] as const;
const CANDIDATE_MENU_COLUMNS = [
  'id', 'site_id', 'needs', 'targets', 'age_min', 'age_max', 'schedule', 'cost_kind', 'cost_amount_yen',
  'availability', 'ease', 'languages', 'service_area_ids', 'last_verified', 'visibility',
] as const;

/**
 * matching_candidates (20261130090000, 20261130090100): one array per row, the columns above, in no
 * particular order. Pair them with pairCandidates (domain/matching/matching-index.ts); names,
 * descriptions and contact details are not sent (the results screen reads them from the catalog).
 */
export function toMatchingCandidates(value: unknown): MatchingCandidates {
  const o = obj(value, 'candidates');
  return {
    sites: list(o.sites, 'candidates.sites').map((row) => {
      const r = positional(row, CANDIDATE_SITE_COLUMNS, 'site');
      return {
        id: str(r, 'id', 'site'),
        location: [num(r, 'lng', 'site'), num(r, 'lat', 'site')],
        accessibility: strs(r, 'accessibility', 'site') as Site['accessibility'],
        status: 'published',
        visibility: str(r, 'visibility', 'site') as Site['visibility'],
        confidential: bool(r, 'confidential', 'site'),
      };
    }),
    menus: list(o.menus, 'candidates.menus').map((row) => {
      const r = positional(row, CANDIDATE_MENU_COLUMNS, 'menu');
      const siteId = r.site_id;
      if (siteId !== null && typeof siteId !== 'string') throw new RowShapeError('menu', 'site_id', siteId);
      return compact({
        id: str(r, 'id', 'menu'),
        siteId,
        needs: strs(r, 'needs', 'menu') as Menu['needs'],
        targets: strs(r, 'targets', 'menu') as Menu['targets'],
        ageMin: optNum(r, 'age_min', 'menu'),
        ageMax: optNum(r, 'age_max', 'menu'),
        schedule: obj(r.schedule, 'menu.schedule') as Menu['schedule'],
        cost: compact({ kind: str(r, 'cost_kind', 'menu') as Menu['cost']['kind'], amountYen: optNum(r, 'cost_amount_yen', 'menu') }),
        capacity: { availability: str(r, 'availability', 'menu') as Menu['capacity']['availability'] },
        ease: strs(r, 'ease', 'menu') as Menu['ease'],
        languages: strs(r, 'languages', 'menu') as Menu['languages'],
        serviceAreaIds: strs(r, 'service_area_ids', 'menu'),
        lastVerified: str(r, 'last_verified', 'menu'),
        visibility: str(r, 'visibility', 'menu') as Menu['visibility'],
        status: 'published',
      });
    }),
  };
}

/** staff_catalog (without the areas, which come from public_areas) */
export function toStaffCatalog(value: unknown): { sites: Site[]; menus: Menu[]; organizations: { id: string; name: string; kind: Organization['kind'] }[] } {
  const o = obj(value, 'catalog');
  const { sites, menus } = toCatalogRows({ sites: o.sites, menus: o.menus });
  const updatedAt = (rows: unknown[]) => rows.map((r) => str(obj(r, 'row'), 'updated_at', 'catalog'));
  const siteTimes = updatedAt(list(o.sites, 'catalog.sites'));
  const menuTimes = updatedAt(list(o.menus, 'catalog.menus'));
  return {
    sites: sites.map((s, i) => ({ ...s, updatedAt: siteTimes[i]! })),
    menus: menus.map((m, i) => ({ ...m, updatedAt: menuTimes[i]! })),
    organizations: list(o.organizations, 'catalog.organizations').map((row) => {
      const r = obj(row, 'organization');
      return { id: str(r, 'id', 'organization'), name: str(r, 'name', 'organization'), kind: str(r, 'kind', 'organization') as Organization['kind'] };
    }),
  };
}
