// A fast path in front of zod for the import's sites and menus. An import validates two objects
// per row, and zod (which copies every object and array it checks) was a fifth of the preview's
// time. These checks accept only drafts that siteSchema / menuSchema accept, and return what zod
// would return: a copy with the keys in the schema's order, unknown keys left out. Anything they
// are not sure about returns null, and the caller asks zod, which also writes the messages.
// fast-validate.test.ts compares both on every row of the real files and of generated files.
import { menuSchema, siteSchema, type Menu, type ScheduleRule, type Site } from '../model';
import { isValidMunicipalityCode } from '../municipality-code';
import {
  ACCESSIBILITY,
  CATEGORY_IDS,
  EASE,
  FIELDS,
  LANGUAGES,
  LISTING_STATUSES,
  NEEDS,
  TARGETS,
  VISIBILITIES,
} from '../taxonomy';

const set = (values: readonly string[]): ReadonlySet<unknown> => new Set(values);
const CATEGORY = set(CATEGORY_IDS);
const FIELD = set(FIELDS);
const ACCESS = set(ACCESSIBILITY);
const STATUS = set(LISTING_STATUSES);
const VISIBILITY = set(VISIBILITIES);
const NEED = set(NEEDS);
const TARGET = set(TARGETS);
const EASE_NOT_FREE = set(EASE.filter((e) => e !== 'free'));
const LANGUAGE = set(LANGUAGES);
const FREQ = set(['WEEKLY', 'MONTHLY']);
const COST_KIND = set(['free', 'fixed', 'varies']);
const AVAILABILITY = set(['open', 'few', 'full', 'unknown']);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const BYDAY = /^(-1|[1-4])?(MO|TU|WE|TH|FR|SA|SU)$/;
const ORDINAL = /^-?\d/;
const TEL = /^[0-9０-９+\-ー－() ]{6,20}$/;

const emailSchema = siteSchema.shape.contact.shape.email;
const urlSchema = siteSchema.shape.contact.shape.url;

type Draft = Record<string, unknown>;

const isString = (v: unknown): v is string => typeof v === 'string';
const str = (v: unknown, min: number, max: number) => typeof v === 'string' && v.length >= min && v.length <= max;
const int = (v: unknown, min: number, max: number) => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;
const num = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;

// value checks passed to `optional`, made once
const isTel = (v: unknown) => isString(v) && TEL.test(v);
const isEmail = (v: unknown) => emailSchema.safeParse(v).success;
const isUrl = (v: unknown) => urlSchema.safeParse(v).success;
const max200 = (v: unknown) => str(v, 0, 200);
const max500 = (v: unknown) => str(v, 0, 500);
const isYen = (v: unknown) => int(v, 0, 1_000_000);
const isCapacity = (v: unknown) => int(v, 1, 100_000);
const isAge = (v: unknown) => int(v, 0, 120);
const isDate = (v: unknown) => isString(v) && ISO_DATE.test(v);

/** A copy of an array whose every item is in `allowed`; null otherwise. */
function enumArray(v: unknown, allowed: ReadonlySet<unknown>, min = 0): string[] | null {
  if (!Array.isArray(v) || v.length < min) return null;
  for (const x of v) if (!allowed.has(x)) return null;
  return v.slice() as string[];
}

function stringArray(v: unknown): string[] | null {
  if (!Array.isArray(v)) return null;
  for (const x of v) if (typeof x !== 'string') return null;
  return v.slice() as string[];
}

/**
 * An optional key: absent stays absent; present, it must pass `ok` (undefined is left to zod).
 * Returns false when the value fails.
 */
function optional(from: Draft, to: Draft, key: string, ok: (v: unknown) => boolean): boolean {
  if (!(key in from)) return true;
  const v = from[key];
  if (v === undefined || !ok(v)) return false;
  to[key] = v;
  return true;
}

function contact(v: unknown): Site['contact'] | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const c = v as Draft;
  const out: Draft = {};
  if (!optional(c, out, 'tel', isTel)) return null;
  if (!optional(c, out, 'email', isEmail)) return null;
  if (!optional(c, out, 'url', isUrl)) return null;
  if (!optional(c, out, 'hours', max200)) return null;
  return out as Site['contact'];
}

/** siteSchema.safeParse(draft).data when it would succeed and this is sure of it; else null. */
export function fastSite(draft: Draft): Site | null {
  const d = draft;
  if (!str(d.id, 1, Infinity) || !str(d.orgId, 1, Infinity) || !str(d.name, 1, 200) || !str(d.kana, 0, 200)) return null;
  if (!CATEGORY.has(d.categoryId)) return null;
  const fields = enumArray(d.fields, FIELD, 1);
  if (!fields) return null;
  const loc = d.location;
  if (!Array.isArray(loc) || loc.length !== 2 || !num(loc[0], 122, 154) || !num(loc[1], 20, 46)) return null;
  if (!str(d.address, 0, 300) || !isString(d.municipalityCode) || !isValidMunicipalityCode(d.municipalityCode)) return null;
  const c = contact(d.contact);
  if (!c) return null;
  const out: Draft = {
    id: d.id,
    orgId: d.orgId,
    name: d.name,
    kana: d.kana,
    categoryId: d.categoryId,
    fields,
    location: [loc[0], loc[1]],
    address: d.address,
    municipalityCode: d.municipalityCode,
    contact: c,
  };
  if (!optional(d, out, 'access', max500)) return null;
  const accessibility = enumArray(d.accessibility, ACCESS);
  if (!accessibility || !str(d.description, 0, 2000)) return null;
  out.accessibility = accessibility;
  out.description = d.description;
  if (!optional(d, out, 'photoUrl', isString)) return null;
  if (!STATUS.has(d.status) || !VISIBILITY.has(d.visibility) || typeof d.confidential !== 'boolean') return null;
  out.status = d.status;
  out.visibility = d.visibility;
  out.confidential = d.confidential;
  if (!optional(d, out, 'publicContactSiteId', isString)) return null;
  const areas = stringArray(d.serviceAreaIds);
  if (!areas || !isString(d.lastVerified) || !ISO_DATE.test(d.lastVerified) || !isString(d.updatedAt)) return null;
  out.serviceAreaIds = areas;
  out.lastVerified = d.lastVerified;
  out.updatedAt = d.updatedAt;
  // the schema's refinement: a confidential site names its public desk, and only then
  if (d.confidential !== (out.publicContactSiteId !== undefined)) return null;
  return out as Site;
}

function rule(v: unknown): ScheduleRule | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const r = v as Draft;
  if (!FREQ.has(r.freq) || !int(r.interval, 1, 4)) return null;
  const byday = r.byday;
  if (!Array.isArray(byday) || byday.length < 1) return null;
  let ordinals = 0;
  for (const b of byday) {
    if (!isString(b) || !BYDAY.test(b)) return null;
    if (ORDINAL.test(b)) ordinals++;
  }
  if (!isString(r.opensAt) || !HHMM.test(r.opensAt) || !isString(r.closesAt) || !HHMM.test(r.closesAt)) return null;
  const out: Draft = { freq: r.freq, interval: r.interval, byday: byday.slice(), opensAt: r.opensAt, closesAt: r.closesAt };
  if (!optional(r, out, 'validFrom', isDate) || !optional(r, out, 'validTo', isDate)) return null;
  // the schema's refinements
  if (r.closesAt <= r.opensAt) return null;
  if (r.freq === 'WEEKLY' ? ordinals > 0 : ordinals !== byday.length) return null;
  if ((r.interval as number) > 1 && !out.validFrom) return null;
  if (out.validFrom && out.validTo && (out.validTo as string) < (out.validFrom as string)) return null;
  return out as ScheduleRule;
}

function schedule(v: unknown): Menu['schedule'] | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const s = v as Draft;
  if (!Array.isArray(s.rules)) return null;
  const rules: ScheduleRule[] = [];
  for (const r of s.rules) {
    const checked = rule(r);
    if (!checked) return null;
    rules.push(checked);
  }
  if (typeof s.closedOnHolidays !== 'boolean' || typeof s.irregular !== 'boolean') return null;
  const out: Draft = { rules, closedOnHolidays: s.closedOnHolidays, irregular: s.irregular };
  if (!optional(s, out, 'note', max500)) return null;
  return out as Menu['schedule'];
}

/** menuSchema.safeParse(draft).data when it would succeed and this is sure of it; else null. */
export function fastMenu(draft: Draft): Menu | null {
  const d = draft;
  if (!str(d.id, 1, Infinity) || !(d.siteId === null || isString(d.siteId)) || !str(d.orgId, 1, Infinity)) return null;
  if (!str(d.title, 1, 200) || !str(d.description, 0, 2000)) return null;
  const needs = enumArray(d.needs, NEED, 1);
  const targets = enumArray(d.targets, TARGET, 1);
  if (!needs || !targets) return null;
  const out: Draft = { id: d.id, siteId: d.siteId, orgId: d.orgId, title: d.title, description: d.description, needs, targets };
  if (!optional(d, out, 'ageMin', isAge) || !optional(d, out, 'ageMax', isAge)) return null;
  const sched = schedule(d.schedule);
  if (!sched) return null;
  out.schedule = sched;
  const cost = d.cost as Draft | null;
  if (typeof cost !== 'object' || cost === null || !COST_KIND.has(cost.kind)) return null;
  const costOut: Draft = { kind: cost.kind };
  if (!optional(cost, costOut, 'amountYen', isYen) || !optional(cost, costOut, 'note', max200)) return null;
  out.cost = costOut;
  const cap = d.capacity as Draft | null;
  if (typeof cap !== 'object' || cap === null) return null;
  const capOut: Draft = {};
  if (!optional(cap, capOut, 'capacity', isCapacity) || !AVAILABILITY.has(cap.availability)) return null;
  capOut.availability = cap.availability;
  out.capacity = capOut;
  const ease = enumArray(d.ease, EASE_NOT_FREE);
  const languages = enumArray(d.languages, LANGUAGE);
  const areas = stringArray(d.serviceAreaIds);
  if (!ease || !languages || !areas) return null;
  out.ease = ease;
  out.languages = languages;
  out.serviceAreaIds = areas;
  if (!VISIBILITY.has(d.visibility) || !STATUS.has(d.status) || !isString(d.lastVerified) || !ISO_DATE.test(d.lastVerified) || !isString(d.updatedAt))
    return null;
  out.visibility = d.visibility;
  out.status = d.status;
  out.lastVerified = d.lastVerified;
  out.updatedAt = d.updatedAt;
  // the schema's refinement
  if (out.ageMin !== undefined && out.ageMax !== undefined && (out.ageMin as number) > (out.ageMax as number)) return null;
  return out as Menu;
}

type Parsed<T> = { success: true; data: T } | { success: false; error: import('zod').ZodError };

/** siteSchema.safeParse with the fast path first. */
export function parseSite(draft: Draft): Parsed<Site> {
  const data = fastSite(draft);
  return data ? { success: true, data } : (siteSchema.safeParse(draft) as Parsed<Site>);
}

/** menuSchema.safeParse with the fast path first. */
export function parseMenu(draft: Draft): Parsed<Menu> {
  const data = fastMenu(draft);
  return data ? { success: true, data } : (menuSchema.safeParse(draft) as Parsed<Menu>);
}
