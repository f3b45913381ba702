import { DEMO_DATA_VERSION } from './version';
import { beforeAll, describe, expect, it } from 'vitest';
import { datasetSchema, type Dataset, type Schedule } from '../model';
import {
  ACCESSIBILITY, CATEGORY_BY_ID, CATEGORY_IDS, EASE, FIELDS, LANGUAGES, LISTING_STATUSES, NEEDS,
  ORGANIZATION_KINDS, STALE_AFTER_DAYS, TARGETS,
} from '../taxonomy';
import { containsPoint } from '../geo/point-in-polygon';
import { daysBetween, weekdayOf } from './dates';
import { DEMO_DEFAULTS, generateDemoDataset, townSizes } from './generate';
import { PLACE_NAMES } from './lexicon';
import { hashSeed } from './rng';

const HIRAGANA_READING = /^[\u3041-\u3096ー]+$/;
const KATAKANA_READING = /^[\u30a1-\u30f6ー]+$/;

/** Names the schedule shapes DOMAIN.md lists, read off the data rather than the generator. */
function schedulePatterns(s: Schedule): string[] {
  const found = [s.closedOnHolidays ? 'closed on 祝日' : 'open on 祝日'];
  if (s.irregular && s.rules.length === 0 && s.note) found.push('irregular with note');
  if (s.rules.length > 1 && new Set(s.rules.map((r) => `${r.opensAt}-${r.closesAt}`)).size > 1) found.push('several sessions, different times');
  for (const r of s.rules) {
    if (r.freq === 'WEEKLY' && r.interval === 1 && r.byday.length === 1) found.push('weekly');
    if (r.freq === 'WEEKLY' && r.interval === 1 && r.byday.length > 1) found.push('several days a week');
    if (r.freq === 'WEEKLY' && r.interval === 2 && r.validFrom && weekdayOf(r.validFrom) === r.byday[0]) found.push('隔週 anchored on its weekday');
    if (r.freq === 'MONTHLY' && r.byday.length === 1 && /^[1-4]/.test(r.byday[0]!)) found.push('第n weekday');
    if (r.freq === 'MONTHLY' && r.byday.join() === `2${r.byday[0]!.slice(1)},4${r.byday[0]!.slice(1)}`) found.push('第2・第4');
    if (r.freq === 'MONTHLY' && r.byday.some((d) => d.startsWith('-1'))) found.push('last weekday');
    if (r.validFrom && r.validTo) found.push('seasonal (validFrom–validTo)');
  }
  return found;
}

const ALL_PATTERNS = [
  'closed on 祝日', 'open on 祝日', 'irregular with note', 'several sessions, different times', 'weekly',
  'several days a week', '隔週 anchored on its weekday', '第n weekday', '第2・第4', 'last weekday', 'seasonal (validFrom–validTo)',
];

/** Invariants that must hold for any seed. */
function checkInvariants(d: Dataset, today: string) {
  const town = d.areas.find((a) => a.level === 'municipality')!;
  const dailyLife = d.areas.filter((a) => a.level === 'daily_life');
  const elementary = d.areas.filter((a) => a.level === 'elementary');
  const siteIds = new Set(d.sites.map((s) => s.id));
  const orgIds = new Set(d.organizations.map((o) => o.id));
  const areaIds = new Set(d.areas.map((a) => a.id));

  expect(d.sites.length).toBeGreaterThanOrEqual(500);
  expect(d.menus.length).toBeGreaterThanOrEqual(1_000);
  for (const s of d.sites) {
    // inside the town, and in exactly one area of each level
    expect(containsPoint(town.geometry, s.location)).toBe(true);
    expect(dailyLife.filter((a) => containsPoint(a.geometry, s.location))).toHaveLength(1);
    expect(elementary.filter((a) => containsPoint(a.geometry, s.location))).toHaveLength(1);
    expect(orgIds.has(s.orgId)).toBe(true);
    for (const id of s.serviceAreaIds) expect(areaIds.has(id)).toBe(true);
    expect(s.kana).toMatch(s.kana.match(HIRAGANA_READING) ? HIRAGANA_READING : KATAKANA_READING);
    expect(daysBetween(s.lastVerified, today)).toBeGreaterThanOrEqual(0);
    expect(s.updatedAt.slice(0, 10)).toBe(s.lastVerified);
  }
  for (const m of d.menus) {
    if (m.siteId !== null) expect(siteIds.has(m.siteId)).toBe(true);
    expect(orgIds.has(m.orgId)).toBe(true);
    for (const id of m.serviceAreaIds) expect(areaIds.has(id)).toBe(true);
  }
  for (const a of d.areas) if (a.parentId) expect(areaIds.has(a.parentId)).toBe(true);

  // about 10–15 % of the listings are stale
  const stale = d.sites.filter((s) => daysBetween(s.lastVerified, today) > STALE_AFTER_DAYS).length / d.sites.length;
  expect(stale).toBeGreaterThanOrEqual(0.1);
  expect(stale).toBeLessThanOrEqual(0.15);

  // every category and schedule pattern, every time
  expect(new Set(d.sites.map((s) => s.categoryId))).toEqual(new Set(CATEGORY_IDS));
  expect(new Set(d.menus.flatMap((m) => schedulePatterns(m.schedule)))).toEqual(new Set(ALL_PATTERNS));
}

describe('generateDemoDataset (default: かさね市, seed 1, 600 sites)', () => {
  let d: Dataset;
  beforeAll(() => {
    d = generateDemoDataset();
  });

  it('passes the model schemas, every object', () => {
    expect(() => datasetSchema.parse(d)).not.toThrow();
    expect(d.version).toBe(1);
    expect(d.generatedAt.startsWith(DEMO_DEFAULTS.today)).toBe(true);
  });

  it('is deterministic: same options, same bytes; another seed, other data', () => {
    expect(JSON.stringify(generateDemoDataset({ seed: 1 }))).toBe(JSON.stringify(d));
    const other = generateDemoDataset({ seed: 2 });
    expect(other.sites.map((s) => s.name)).not.toEqual(d.sites.map((s) => s.name));
  });

  it('is pinned: a change to the default data is a deliberate one (update the hash with it)', () => {
    // the UI tests and screenshots lean on these exact sites; a silent change would confuse them
    expect(d.sites[0]!.name).toBe('かさね市福祉まるごと相談窓口');
    expect(hashSeed(JSON.stringify(d))).toBe(PINNED_HASH);
    expect(DEMO_DATA_VERSION, 'bump DEMO_DATA_VERSION (demo/version.ts) with the hash').toBe(PINNED_VERSION);
  });

  it('has the expected counts and readable, unique ids', () => {
    expect(d.sites).toHaveLength(600);
    expect(d.menus.length).toBeGreaterThanOrEqual(1_000);
    expect(d.sites[0]!.id).toBe('site-0001');
    expect(d.menus[0]!.id).toBe('menu-0001');
    expect(d.organizations[0]!.id).toBe('org-001');
    for (const list of [d.sites, d.menus, d.organizations, d.areas]) expect(new Set(list.map((x) => x.id)).size).toBe(list.length);
    expect(d.areas.filter((a) => a.level === 'municipality')).toHaveLength(1);
    expect(d.areas.filter((a) => a.level === 'daily_life').length).toBeGreaterThanOrEqual(8);
  });

  it('holds every site inside the town, in exactly one area per level, with consistent references', () => {
    checkInvariants(d, DEMO_DEFAULTS.today);
  });

  it('uses every field, category, need, target, ease, accessibility, language and organization kind', () => {
    expect(new Set(d.sites.flatMap((s) => s.fields))).toEqual(new Set(FIELDS));
    expect(new Set(d.sites.map((s) => s.categoryId))).toEqual(new Set(CATEGORY_IDS));
    expect(new Set(d.menus.flatMap((m) => m.needs))).toEqual(new Set(NEEDS));
    expect(new Set(d.menus.flatMap((m) => m.targets))).toEqual(new Set(TARGETS));
    // 'free' is derived from the cost, never stored
    const ease = new Set<string>(d.menus.flatMap((m) => m.ease));
    if (d.menus.some((m) => m.cost.kind === 'free')) ease.add('free');
    expect(ease).toEqual(new Set(EASE));
    expect(new Set(d.sites.flatMap((s) => s.accessibility))).toEqual(new Set(ACCESSIBILITY));
    expect(new Set(d.menus.flatMap((m) => m.languages))).toEqual(new Set(LANGUAGES));
    expect(new Set(d.organizations.map((o) => o.kind))).toEqual(new Set(ORGANIZATION_KINDS));
    expect(new Set(d.sites.map((s) => s.status))).toEqual(new Set(LISTING_STATUSES));
    expect(new Set(d.menus.map((m) => m.cost.kind))).toEqual(new Set(['free', 'fixed', 'varies']));
    expect(new Set(d.menus.map((m) => m.capacity.availability))).toEqual(new Set(['open', 'few', 'full', 'unknown']));
  });

  it('covers every help-desk subtype, and gives each 日常生活圏域 its own 地域包括支援センター', () => {
    const desks = d.sites.filter((s) => CATEGORY_BY_ID[s.categoryId].helpDesk);
    expect(new Set(desks.map((s) => s.categoryId)).size).toBe(CATEGORY_IDS.filter((c) => CATEGORY_BY_ID[c].helpDesk).length);
    for (const area of d.areas.filter((a) => a.level === 'daily_life')) {
      const centre = desks.find((s) => s.categoryId === 'community_general_support_center' && s.serviceAreaIds.join() === area.id && s.status === 'published');
      expect(centre?.name).toBe(`${area.name.replace('圏域', '')}地域包括支援センター`);
      expect(containsPoint(area.geometry, centre!.location)).toBe(true);
    }
    const general = d.sites.find((s) => s.categoryId === 'general_welfare_desk')!;
    expect(general.serviceAreaIds).toEqual([]);
  });

  it('has every schedule pattern of DOMAIN.md', () => {
    expect(new Set(d.menus.flatMap((m) => schedulePatterns(m.schedule)))).toEqual(new Set(ALL_PATTERNS));
  });

  it('has staff-only menus and sites, and confidential sites reachable through a public desk', () => {
    const staffMenus = d.menus.filter((m) => m.visibility === 'staff');
    expect(staffMenus.some((m) => /での就労体験（個別調整）$/.test(m.title))).toBe(true);
    expect(d.sites.some((s) => s.visibility === 'staff')).toBe(true);
    const confidential = d.sites.filter((s) => s.confidential);
    expect(confidential.length).toBeGreaterThanOrEqual(1);
    for (const s of confidential) {
      const desk = d.sites.find((x) => x.id === s.publicContactSiteId)!;
      expect(CATEGORY_BY_ID[desk.categoryId].helpDesk).toBe(true);
      expect(desk).toMatchObject({ confidential: false, visibility: 'public', status: 'published' });
      expect(s.access).toBeUndefined(); // nothing that gives the place away
    }
  });

  it('writes Japanese the way real listings do', () => {
    expect(d.sites.some((s) => HIRAGANA_READING.test(s.kana))).toBe(true);
    expect(d.sites.some((s) => KATAKANA_READING.test(s.kana))).toBe(true);
    const placeNames = PLACE_NAMES.map((p) => p.ja);
    for (const s of d.sites) {
      expect(s.address).toMatch(/^かさね市/);
      expect(placeNames.some((p) => s.address.startsWith(`かさね市${p}`))).toBe(true);
      if (s.contact.tel) expect(s.contact.tel).toMatch(/^000-\d{3}-\d{4}$/);
    }
    expect(d.organizations.filter((o) => o.corporateNumber).length).toBeGreaterThanOrEqual(3);
    expect(new Set(d.sites.map((s) => s.name)).size).toBe(d.sites.length);
  });

  it('rejects options it cannot honour, saying what to pass', () => {
    expect(() => generateDemoDataset({ sites: 0 })).toThrow(/positive integer/);
    expect(() => generateDemoDataset({ today: '1/11/2026' })).toThrow(/YYYY-MM-DD/);
    expect(() => generateDemoDataset({ seed: 1.5 })).toThrow(/integer/);
  });
});

describe('generateDemoDataset for other seeds and dates (property check)', () => {
  it.each([2, 3, 42, 2026])('seed %i keeps every invariant', (seed) => {
    const today = seed === 2026 ? '2027-03-15' : DEMO_DEFAULTS.today;
    const d = generateDemoDataset({ seed, today });
    expect(() => datasetSchema.parse(d)).not.toThrow();
    checkInvariants(d, today);
  });
});

describe('scaling', () => {
  it('splits sites into towns of 600, folding a tiny remainder into the last full town', () => {
    expect(townSizes(600)).toEqual([600]);
    expect(townSizes(200)).toEqual([200]);
    expect(townSizes(1_300)).toEqual([600, 600, 100]);
    expect(townSizes(1_230)).toEqual([600, 630]);
    expect(townSizes(200_000).reduce((s, n) => s + n, 0)).toBe(200_000);
  });

  it('leaves the default town untouched: town 0 of a larger dataset is the default dataset', () => {
    const small = generateDemoDataset();
    const large = generateDemoDataset({ sites: 1_800 });
    expect(large.sites).toHaveLength(1_800);
    expect(large.sites.slice(0, 600)).toEqual(small.sites);
    expect(large.menus.slice(0, small.menus.length)).toEqual(small.menus);
    expect(large.organizations.slice(0, small.organizations.length)).toEqual(small.organizations);
    expect(large.areas.slice(0, small.areas.length)).toEqual(small.areas);
    expect(new Set(large.sites.map((s) => s.municipalityCode)).size).toBe(3);
    for (const list of [large.sites, large.menus, large.organizations, large.areas]) expect(new Set(list.map((x) => x.id)).size).toBe(list.length);
    expect(() => datasetSchema.parse(large)).not.toThrow();
  });

  it('keeps about two menus per site at scale', () => {
    const d = generateDemoDataset({ sites: 6_000, seed: 9 });
    expect(d.menus.length / d.sites.length).toBeGreaterThan(1.8);
    expect(d.menus.length / d.sites.length).toBeLessThan(2.6);
  });

  it('works for a small town too, keeping the desks first', () => {
    const d = generateDemoDataset({ sites: 20 });
    expect(d.sites).toHaveLength(20);
    expect(d.sites[0]!.categoryId).toBe('general_welfare_desk');
    expect(() => datasetSchema.parse(d)).not.toThrow();
  });
});

const PINNED_HASH = 3768931536;
// the version stored with a generated demo; change it whenever PINNED_HASH changes
const PINNED_VERSION = 2;
