// The fast path must agree with zod: where it accepts, zod accepts and returns the same JSON;
// where zod refuses, it refuses (and the caller then asks zod for the messages).
import { describe, expect, it } from 'vitest';
import { readRealdata } from '../../../tests/support/realdata';
import { generateDemoDataset } from '../demo/generate';
import { menuSchema, siteSchema, type Menu, type Site } from '../model';
import { fastMenu, fastSite } from './fast-validate';
import { previewImport } from './preview';

const demo = generateDemoDataset({ seed: 5, sites: 400 });
const OPTIONS = { now: '2027-01-01T00:00:00+09:00', today: '2027-01-01', municipalityCode: '37201' };
const imported = ['kawaguchi_112038_preschool.csv', 'takamatsu_0022_chiiki_kosodate_shien_kyoten.csv', 'takamatsu_0045_chiiki_houkatsu_shien_center.csv'].flatMap(
  (f) => previewImport(readRealdata(f), OPTIONS).rows,
);
const sites: Site[] = [...demo.sites, ...imported.flatMap((r) => (r.site ? [r.site] : []))];
const menus: Menu[] = [...demo.menus, ...imported.flatMap((r) => (r.menu ? [r.menu] : []))];

type Draft = Record<string, unknown>;
/** fast and zod agree on this draft (fast may decline what zod accepts, never the reverse) */
function agrees(fast: (d: Draft) => unknown, schema: { safeParse: (d: unknown) => { success: boolean; data?: unknown } }, draft: Draft): boolean {
  const f = fast(draft);
  const z = schema.safeParse(draft);
  if (!z.success) return f === null;
  return f === null || JSON.stringify(f) === JSON.stringify(z.data);
}

// one bad (or unusual) value per key, and nested ones
const SITE_MUTATIONS: ((s: Draft) => void)[] = [
  (s) => (s.name = ''),
  (s) => (s.name = 'あ'.repeat(201)),
  (s) => (s.kana = 1),
  (s) => (s.categoryId = 'nope'),
  (s) => (s.fields = []),
  (s) => (s.fields = ['nope']),
  (s) => (s.location = [200, 35]),
  (s) => (s.location = [139, Number.NaN]),
  (s) => (s.location = [139]),
  (s) => (s.address = 'x'.repeat(301)),
  (s) => (s.municipalityCode = '111111'),
  (s) => (s.contact = { tel: 'abc' }),
  (s) => (s.contact = { email: 'not an email' }),
  (s) => (s.contact = { url: 'nota url' }),
  (s) => (s.contact = { url: 'https://example.jp/', email: 'a@example.jp', tel: '03-0000-0000', hours: '平日' }),
  (s) => (s.contact = { tel: undefined }),
  (s) => (s.access = undefined),
  (s) => (s.access = 'x'.repeat(501)),
  (s) => (s.accessibility = ['nope']),
  (s) => (s.description = 'x'.repeat(2001)),
  (s) => (s.photoUrl = 5),
  (s) => (s.status = 'nope'),
  (s) => (s.visibility = 'nope'),
  (s) => (s.confidential = true),
  (s) => ((s.confidential = true), (s.publicContactSiteId = 'site-x')),
  (s) => (s.publicContactSiteId = 'site-x'),
  (s) => (s.serviceAreaIds = [1]),
  (s) => (s.lastVerified = '2027/01/01'),
  (s) => delete s.updatedAt,
  (s) => (s.extra = 'stripped'),
];
const MENU_MUTATIONS: ((m: Draft) => void)[] = [
  (m) => (m.siteId = null),
  (m) => (m.siteId = 3),
  (m) => (m.title = ''),
  (m) => (m.needs = []),
  (m) => (m.targets = ['nope']),
  (m) => ((m.ageMin = 10), (m.ageMax = 5)),
  (m) => ((m.ageMin = 0), (m.ageMax = 120)),
  (m) => (m.ageMin = 1.5),
  (m) => (m.ageMax = undefined),
  (m) => (m.schedule = { rules: [], closedOnHolidays: false, irregular: true, note: 'x'.repeat(501) }),
  (m) => (m.schedule = { rules: [{ freq: 'WEEKLY', interval: 1, byday: ['2TU'], opensAt: '10:00', closesAt: '12:00' }], closedOnHolidays: false, irregular: false }),
  (m) => (m.schedule = { rules: [{ freq: 'MONTHLY', interval: 1, byday: ['TU'], opensAt: '10:00', closesAt: '12:00' }], closedOnHolidays: false, irregular: false }),
  (m) => (m.schedule = { rules: [{ freq: 'MONTHLY', interval: 1, byday: ['-1FR', '2TU'], opensAt: '10:00', closesAt: '12:00', validTo: '2027-01-01' }], closedOnHolidays: true, irregular: false }),
  (m) => (m.schedule = { rules: [{ freq: 'WEEKLY', interval: 2, byday: ['TU'], opensAt: '10:00', closesAt: '12:00' }], closedOnHolidays: false, irregular: false }),
  (m) => (m.schedule = { rules: [{ freq: 'WEEKLY', interval: 2, byday: ['TU'], opensAt: '10:00', closesAt: '12:00', validFrom: '2027-01-05', validTo: '2027-01-01' }], closedOnHolidays: false, irregular: false }),
  (m) => (m.schedule = { rules: [{ freq: 'WEEKLY', interval: 1, byday: ['TU'], opensAt: '12:00', closesAt: '10:00' }], closedOnHolidays: false, irregular: false }),
  (m) => (m.schedule = { rules: [{ freq: 'WEEKLY', interval: 1, byday: ['TU'], opensAt: '24:00', closesAt: '25:00' }], closedOnHolidays: false, irregular: false }),
  (m) => (m.schedule = { rules: [{ closesAt: '12:00', opensAt: '10:00', byday: ['TU', 'TH'], interval: 1, freq: 'WEEKLY', extra: 1 }], irregular: false, closedOnHolidays: false }),
  (m) => (m.cost = { kind: 'fixed', amountYen: -1 }),
  (m) => (m.cost = { note: '要問合せ', amountYen: 100, kind: 'fixed' }),
  (m) => (m.capacity = { availability: 'open', capacity: 0 }),
  (m) => (m.capacity = { availability: 'nope' }),
  (m) => (m.ease = ['free']),
  (m) => (m.languages = ['nope']),
  (m) => (m.visibility = 'staff'),
  (m) => (m.lastVerified = ''),
  (m) => (m.extra = 'stripped'),
];

describe('fastSite and fastMenu agree with zod', () => {
  it('accept every valid site and menu of the demo and the real files, with the same JSON', () => {
    expect(sites.length).toBeGreaterThan(500);
    for (const s of sites) expect(JSON.stringify(fastSite(s))).toBe(JSON.stringify(siteSchema.parse(s)));
    for (const m of menus) expect(JSON.stringify(fastMenu(m))).toBe(JSON.stringify(menuSchema.parse(m)));
  });

  it('never accept what zod refuses, and give zod’s result when they accept (mutated drafts)', () => {
    for (const s of sites.slice(0, 60))
      for (const mutate of SITE_MUTATIONS) {
        const draft = structuredClone(s) as Draft;
        mutate(draft);
        expect(agrees(fastSite, siteSchema, draft), `${s.id} ${String(mutate)}`).toBe(true);
      }
    for (const m of menus.slice(0, 60))
      for (const mutate of MENU_MUTATIONS) {
        const draft = structuredClone(m) as Draft;
        mutate(draft);
        expect(agrees(fastMenu, menuSchema, draft), `${m.id} ${String(mutate)}`).toBe(true);
      }
  });
});
