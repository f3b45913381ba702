// Listing records (supabase/migrations/20261128090000_create_listing_changes.sql): the columns of
// sites and menus in snake_case with lng/lat, as the editing, history, import and export RPCs take
// and return them, ↔ the domain's Site, Menu and Organization. Records coming in are validated with
// the domain schemas, so a drift between the app and the database fails here with the field named.
// Records going out carry every key (null for an absent optional field): an update through
// submit_listing_change or import_listings then clears what the domain object left out.
import { menuSchema, organizationSchema, siteSchema, type Menu, type Organization, type Site } from '../../domain/model';
import type { Json } from '../../lib/database.types';
import { RowShapeError } from './rows';

type Obj = Record<string, unknown>;

export type SiteRecord = {
  id: string;
  organization_id: string;
  name: string;
  kana: string;
  category_id: string;
  fields: string[];
  lng: number;
  lat: number;
  address: string;
  municipality_code: string;
  contact: Record<string, string>;
  access: string | null;
  accessibility: string[];
  description: string;
  photo_url: string | null;
  status: string;
  visibility: string;
  confidential: boolean;
  public_contact_site_id: string | null;
  service_area_ids: string[];
  last_verified: string;
};

export type MenuRecord = {
  id: string;
  site_id: string | null;
  organization_id: string;
  title: string;
  description: string;
  needs: string[];
  targets: string[];
  age_min: number | null;
  age_max: number | null;
  schedule: Json;
  cost_kind: string;
  cost_amount_yen: number | null;
  cost_note: string | null;
  capacity: number | null;
  availability: string;
  ease: string[];
  languages: string[];
  service_area_ids: string[];
  visibility: string;
  status: string;
  last_verified: string;
};

export type OrganizationRecord = { id: string; name: string; kana: string | null; kind: string; corporate_number: string | null };

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

export function siteToRecord(s: Site): SiteRecord {
  return {
    id: s.id,
    organization_id: s.orgId,
    name: s.name,
    kana: s.kana,
    category_id: s.categoryId,
    fields: [...s.fields],
    lng: s.location[0],
    lat: s.location[1],
    address: s.address,
    municipality_code: s.municipalityCode,
    contact: Object.fromEntries(Object.entries(s.contact).filter(([, v]) => v !== undefined)) as Record<string, string>,
    access: orNull(s.access),
    accessibility: [...s.accessibility],
    description: s.description,
    photo_url: orNull(s.photoUrl),
    status: s.status,
    visibility: s.visibility,
    confidential: s.confidential,
    public_contact_site_id: orNull(s.publicContactSiteId),
    service_area_ids: [...s.serviceAreaIds],
    last_verified: s.lastVerified,
  };
}

export function menuToRecord(m: Menu): MenuRecord {
  return {
    id: m.id,
    site_id: m.siteId,
    organization_id: m.orgId,
    title: m.title,
    description: m.description,
    needs: [...m.needs],
    targets: [...m.targets],
    age_min: orNull(m.ageMin),
    age_max: orNull(m.ageMax),
    schedule: m.schedule as unknown as Json,
    cost_kind: m.cost.kind,
    cost_amount_yen: orNull(m.cost.amountYen),
    cost_note: orNull(m.cost.note),
    capacity: orNull(m.capacity.capacity),
    availability: m.capacity.availability,
    ease: [...m.ease],
    languages: [...m.languages],
    service_area_ids: [...m.serviceAreaIds],
    visibility: m.visibility,
    status: m.status,
    last_verified: m.lastVerified,
  };
}

export function organizationToRecord(o: Organization): OrganizationRecord {
  return { id: o.id, name: o.name, kana: orNull(o.kana), kind: o.kind, corporate_number: orNull(o.corporateNumber) };
}

const obj = (v: unknown, what: string): Obj => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new RowShapeError(what, '(row)', v);
  return v as Obj;
};
/** null → absent, as the domain's optional fields */
const opt = (v: unknown): unknown => (v === null ? undefined : v);

function parsed<T>(what: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[] }[] } } }, value: Obj, row: Obj): T {
  for (const k of Object.keys(value)) if (value[k] === undefined) delete value[k];
  const r = schema.safeParse(value);
  if (!r.success) {
    const path = r.error.issues[0]?.path.map(String) ?? [];
    throw new RowShapeError(what, path.join('.') || '(row)', path.length ? (value as Obj)[path[0]!] : row);
  }
  return r.data;
}

/** a site record (listing_record, listing_history, listing_export) → Site; updatedAt is the token */
export function recordToSite(row: unknown): Site {
  const o = obj(row, 'site');
  const contact = obj(o.contact ?? {}, 'site.contact');
  return parsed('site', siteSchema, {
    id: o.id,
    orgId: o.organization_id,
    name: o.name,
    kana: o.kana,
    categoryId: o.category_id,
    fields: o.fields,
    location: [o.lng, o.lat],
    address: o.address,
    municipalityCode: o.municipality_code,
    contact: Object.fromEntries(Object.entries(contact).filter(([, v]) => v !== null)),
    access: opt(o.access),
    accessibility: o.accessibility,
    description: o.description,
    photoUrl: opt(o.photo_url),
    status: o.status,
    visibility: o.visibility,
    confidential: o.confidential,
    publicContactSiteId: opt(o.public_contact_site_id),
    serviceAreaIds: o.service_area_ids,
    lastVerified: o.last_verified,
    updatedAt: o.updated_at ?? '',
  }, o);
}

export function recordToMenu(row: unknown): Menu {
  const o = obj(row, 'menu');
  const cost: Obj = { kind: o.cost_kind, amountYen: opt(o.cost_amount_yen), note: opt(o.cost_note) };
  const capacity: Obj = { capacity: opt(o.capacity), availability: o.availability };
  for (const x of [cost, capacity]) for (const k of Object.keys(x)) if (x[k] === undefined) delete x[k];
  return parsed('menu', menuSchema, {
    id: o.id,
    siteId: o.site_id ?? null,
    orgId: o.organization_id,
    title: o.title,
    description: o.description,
    needs: o.needs,
    targets: o.targets,
    ageMin: opt(o.age_min),
    ageMax: opt(o.age_max),
    schedule: o.schedule,
    cost,
    capacity,
    ease: o.ease,
    languages: o.languages,
    serviceAreaIds: o.service_area_ids,
    visibility: o.visibility,
    status: o.status,
    lastVerified: o.last_verified,
    updatedAt: o.updated_at ?? '',
  }, o);
}

export function recordToOrganization(row: unknown): Organization {
  const o = obj(row, 'organization');
  return parsed('organization', organizationSchema, {
    id: o.id,
    name: o.name,
    kana: opt(o.kana),
    kind: o.kind,
    corporateNumber: opt(o.corporate_number),
    trusted: o.trusted ?? false,
  }, o);
}
