// The sites (拠点・活動場所) of one town. A plan fixes what every town must have (a general help
// desk, one 地域包括支援センター per 日常生活圏域, a confidential shelter, staff-only job trials…);
// the rest is drawn by category weights that follow real towns (many salons and 通いの場, few
// 児童館). Sites cluster around neighbourhood centres, and always fall inside the town.
import type { LngLat, Site } from '../model';
import { ACCESSIBILITY, CATEGORY_BY_ID, FIELD_COLORS, type AccessibilityId, type CategoryId, type OrganizationKind } from '../taxonomy';
import { haversineMeters } from '../geo/distance';
import { offsetMeters } from '../geo/local-projection';
import { pointTester } from '../geo/point-in-polygon';
import type { DemoTown } from './areas';
import { addDays } from './dates';
import { NICKNAMES, type PlaceName } from './lexicon';
import type { DemoOrganization } from './organizations';
import type { Rng } from './rng';
import { CONFIDENTIAL_NAMES, SITE_PROFILES, TOWN_WIDE_NAMES, type NameParts } from './site-profiles';
import { join, toKatakana, w, type Word } from './words';

export type SiteRole = 'plain' | 'town_desk' | 'area_desk' | 'confidential_shelter' | 'confidential_youth' | 'staff_trial';
export type SiteSlot = { category: CategoryId; role: SiteRole; dailyLifeIndex?: number };

/** Where a generated site sits in its town; the menus need it, the Dataset does not. */
export type PlacedSite = { site: Site; slot: SiteSlot; district: number; dailyLife: number; place: PlaceName };

export const STALE_SHARE = 0.12; // share of listings not verified in the last 180 days
const STAFF_TRIALS = 3; // shops that offer job trials only through 参加支援 staff
const STATIONS = 6; // railway stations per town, for the 「○○駅から徒歩8分」 access text

const PLAIN_WEIGHTS: [CategoryId, number][] = [
  ['salon', 17], ['kayoinoba', 15], ['kids_cafeteria', 7], ['childcare_hub', 5], ['childrens_hall', 3],
  ['study_support', 5], ['mutual_aid', 7], ['integrated_service', 6], ['activity_support_center', 3],
  ['disability_day_service', 7], ['mutual_support_base', 2], ['work_preparation', 2], ['food_bank', 3],
  ['multigenerational_place', 6], ['volunteer_center', 1], ['community_center', 6],
  ['community_general_support_center', 0.4], ['disability_consultation', 2], ['child_family_center', 0.5],
  ['self_reliance_support', 0.3], ['general_welfare_desk', 0.3],
];

/** What a town of `count` sites holds, fixed parts first so that small towns keep the desks. */
export function planSites(count: number, dailyLifeCount: number, rng: Rng): SiteSlot[] {
  const fixed: SiteSlot[] = [
    { category: 'general_welfare_desk', role: 'town_desk' },
    { category: 'child_family_center', role: 'town_desk' },
    { category: 'self_reliance_support', role: 'town_desk' },
    { category: 'volunteer_center', role: 'town_desk' },
    { category: 'disability_consultation', role: 'town_desk' },
    ...Array.from({ length: dailyLifeCount }, (_, d): SiteSlot => ({ category: 'community_general_support_center', role: 'area_desk', dailyLifeIndex: d })),
    { category: 'mutual_support_base', role: 'confidential_shelter' },
    { category: 'multigenerational_place', role: 'confidential_youth' },
    ...Array.from({ length: STAFF_TRIALS }, (): SiteSlot => ({ category: 'work_preparation', role: 'staff_trial' })),
  ];
  const plain = Array.from({ length: Math.max(0, count - fixed.length) }, (): SiteSlot => ({ category: rng.weighted(PLAIN_WEIGHTS), role: 'plain' }));
  return [...fixed, ...plain].slice(0, count);
}

// --- placement --------------------------------------------------------------------------------

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

type Inside = (p: LngLat) => boolean;

/** A point scattered around `centre` (σ in metres) that lies inside an area: rejection sampling. */
function scatter(centre: LngLat, sigmaM: number, inside: Inside, rng: Rng): LngLat {
  for (let attempt = 0; attempt < 50; attempt++) {
    const p = offsetMeters(centre, rng.normal() * sigmaM, rng.normal() * sigmaM);
    const rounded: LngLat = [round6(p[0]), round6(p[1])];
    if (inside(rounded)) return rounded;
  }
  return centre; // centres lie inside their area by construction
}

/** Point tests for the town's areas, built once per town: sampling calls them for every site. */
function areaTesters(town: DemoTown) {
  return {
    town: pointTester(town.municipality.geometry),
    dailyLife: town.dailyLife.map((a) => pointTester(a.geometry)),
    elementary: town.elementary.map((e) => pointTester(e.area.geometry)),
  };
}

/** The 小学校区 holding the point: the district sampled around first, since it usually is. */
function districtAt(state: TownState, p: LngLat, guess: number | undefined): number {
  const tests = state.inside.elementary;
  if (guess !== undefined && tests[guess]!(p)) return guess;
  const found = tests.findIndex((inside) => inside(p));
  if (found < 0) throw new Error(`site at ${p.join(',')} is outside every 小学校区 of ${state.town.spec.slug}`);
  return found;
}

// --- the town context -------------------------------------------------------------------------

export type SiteContext = {
  town: DemoTown;
  orgs: DemoOrganization[];
  today: string;
  rng: Rng;
  nextId: () => string;
};

type Landmark = { name: string; at: LngLat };

type TownState = SiteContext & {
  cityHall: LngLat; // 市役所: the general desk and the こども家庭センター share the building
  welfareCentre: LngLat; // 福祉センター of the 社協: desks and the volunteer centre share it
  stations: Landmark[];
  districtWeights: [number, number][];
  inside: ReturnType<typeof areaTesters>;
  usedNames: Set<string>;
  addressAt: Map<string, string>;
  siteIdByRole: Partial<Record<CategoryId, string>>;
  trialShops: DemoOrganization[];
  orgIndex: ReturnType<typeof indexOrganizations>;
  stale: Set<number>;
};

function prepare(ctx: SiteContext, count: number): TownState {
  const { town, rng } = ctx;
  const central = town.dailyLife.length >> 1;
  const inside = areaTesters(town);
  const outline = inside.town;
  const stem = town.spec.city.ja.replace(/市$/, '');
  // a town of this size has a handful of stations: one central, the rest at neighbourhood centres
  const others = rng.sample(town.elementary, STATIONS - 1);
  return {
    ...ctx,
    cityHall: scatter(town.dailyLifeCentres[central]!, 300, outline, rng),
    welfareCentre: scatter(town.dailyLifeCentres[central]!, 700, outline, rng),
    stations: [
      { name: `${stem}駅`, at: scatter(town.dailyLifeCentres[central]!, 400, outline, rng) },
      ...others.map((e) => ({ name: `${e.placeNames[0]!.ja}駅`, at: e.centre })),
    ],
    districtWeights: town.elementary.map((e, k) => [k, e.area.population ?? 1]),
    inside,
    usedNames: new Set(),
    addressAt: new Map(),
    siteIdByRole: {},
    trialShops: ctx.orgs.filter((o) => o.shop),
    orgIndex: indexOrganizations(ctx.orgs),
    stale: new Set(rng.sample(Array.from({ length: count }, (_, k) => k), Math.round(count * STALE_SHARE))),
  };
}

/** A point for the site, and the 小学校区 it was scattered around (a guess for the lookup). */
function locate(state: TownState, slot: SiteSlot): [LngLat, number | undefined] {
  const { town, rng } = state;
  if (slot.role === 'area_desk') {
    const d = slot.dailyLifeIndex!;
    return [scatter(town.dailyLifeCentres[d]!, 500, state.inside.dailyLife[d]!, rng), undefined];
  }
  if (slot.role === 'town_desk') {
    const shared = slot.category === 'general_welfare_desk' || slot.category === 'child_family_center' ? state.cityHall : state.welfareCentre;
    return [slot.category === 'disability_consultation' ? scatter(shared, 300, state.inside.town, rng) : shared, undefined];
  }
  const district = rng.weighted(state.districtWeights);
  return [scatter(town.elementary[district]!.centre, rng.float(250, 650), state.inside.town, rng), district];
}

// --- names, words, contact --------------------------------------------------------------------

function nameFor(state: TownState, slot: SiteSlot, parts: NameParts, orgShop?: Word): Word {
  if (slot.role === 'staff_trial' && orgShop) return orgShop;
  if (slot.role === 'confidential_shelter' || slot.role === 'confidential_youth') return CONFIDENTIAL_NAMES[slot.role](parts);
  if (slot.role === 'town_desk') return TOWN_WIDE_NAMES[slot.category]!(parts);
  if (slot.category === 'community_general_support_center' && slot.role === 'plain')
    return join(parts.area, w('地域包括支援センター', 'ちいきほうかつしえんせんたー'), parts.place, w('分室', 'ぶんしつ'));
  return state.rng.pick(SITE_PROFILES[slot.category].names)(parts);
}

const ORDINALS = [w('二', 'に'), w('三', 'さん'), w('四', 'よん'), w('五', 'ご'), w('六', 'ろく'), w('七', 'なな'), w('八', 'はち'), w('九', 'きゅう')];

/** Retries with other parts first; a name still taken gets its venue added, as real lists do. */
function uniqueName(state: TownState, slot: SiteSlot, makeParts: () => NameParts, shop?: Word): { name: Word; parts: NameParts } {
  let parts = makeParts();
  let name = nameFor(state, slot, parts, shop);
  for (let attempt = 0; attempt < 6 && state.usedNames.has(name.ja); attempt++) {
    parts = makeParts();
    name = nameFor(state, slot, parts, shop);
  }
  if (state.usedNames.has(name.ja)) {
    const base = name;
    const venue = (n: Word) => join(base, w('（', ''), parts.place, n, w('会場）', 'かいじょう'));
    name = [w(''), ...ORDINALS.map((n) => join(w('第', 'だい'), n))].map(venue).find((v) => !state.usedNames.has(v.ja)) ?? base;
  }
  state.usedNames.add(name.ja);
  return { name, parts };
}

/** Town desks at the same point share a building, so they share its address too. */
function addressFor(state: TownState, place: PlaceName, slot: SiteSlot, at: LngLat): string {
  if (slot.role !== 'town_desk') return newAddress(state, place, slot);
  const key = `${at[0]},${at[1]}`;
  const shared = state.addressAt.get(key);
  if (shared) return shared;
  const address = newAddress(state, place, slot);
  state.addressAt.set(key, address);
  return address;
}

function newAddress(state: TownState, place: PlaceName, slot: SiteSlot): string {
  const { rng } = state;
  const street = `${state.town.spec.city.ja}${place.ja}${rng.int(1, 5)}-${rng.int(1, 28)}-${rng.int(1, 20)}`;
  if (slot.category === 'salon' || slot.category === 'kayoinoba') return rng.chance(0.5) ? `${street} ${place.ja}自治会館` : street;
  return rng.chance(0.15) ? `${street} ${rng.pick(NICKNAMES).ja}ビル${rng.int(1, 4)}階` : street;
}

/**
 * 000 is not a Japanese area code (00 starts carrier and international prefixes), so these
 * numbers look right in the UI but can never ring a real phone when someone taps one in the demo.
 */
const telFor = (rng: Rng) => `000-${rng.int(100, 999)}-${rng.int(1000, 9999)}`;

const WALK_M_PER_MIN = 80;
const ROUTE_FACTOR = 1.3; // straight line × 1.3 ≈ route (DOMAIN.md)

function accessFor(state: TownState, p: LngLat): string {
  let nearest = { s: state.stations[0]!, d: Infinity };
  for (const s of state.stations) {
    const d = haversineMeters(s.at, p);
    if (d < nearest.d) nearest = { s, d };
  }
  const minutes = Math.max(1, Math.ceil((nearest.d * ROUTE_FACTOR) / WALK_M_PER_MIN));
  if (minutes <= 15) return `${nearest.s.name}から徒歩${minutes}分`;
  return `${nearest.s.name}から市内循環バスで約${Math.ceil((nearest.d * ROUTE_FACTOR) / 250)}分、下車後徒歩${state.rng.int(1, 6)}分`;
}

function accessibilityFor(state: TownState, slot: SiteSlot): AccessibilityId[] {
  // the city hall has everything: one building the accessibility filters can always find
  if (slot.category === 'general_welfare_desk' && slot.role === 'town_desk') return [...ACCESSIBILITY];
  const profile = SITE_PROFILES[slot.category];
  const chosen = new Set<AccessibilityId>(profile.accessibility);
  for (const a of profile.maybeAccessibility) if (state.rng.chance(0.35)) chosen.add(a);
  return ACCESSIBILITY.filter((a) => chosen.has(a)); // taxonomy order: stable and easy to read
}

/** A self-contained placeholder picture in the field's colour: no network, no broken images. */
function photoFor(category: CategoryId): string {
  const def = CATEGORY_BY_ID[category];
  const color = FIELD_COLORS[def.fields[0]!];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200" viewBox="0 0 320 200"><rect width="320" height="200" fill="${color}"/><text x="160" y="110" font-size="20" text-anchor="middle" fill="#fff" font-family="sans-serif">${def.label.ja}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

// --- organizations ----------------------------------------------------------------------------

/** Organizations by kind (shops excepted: they only host job trials), and 自治会 by district. */
function indexOrganizations(orgs: DemoOrganization[]) {
  const byKind = new Map<OrganizationKind, DemoOrganization[]>();
  const byDistrict = new Map<number, DemoOrganization>();
  for (const o of orgs) {
    if (o.homeDistrict !== undefined) byDistrict.set(o.homeDistrict, o);
    if (o.shop) continue;
    const list = byKind.get(o.kind) ?? [];
    list.push(o);
    byKind.set(o.kind, list);
  }
  return { byKind, byDistrict };
}

function orgFor(state: TownState, slot: SiteSlot, district: number): DemoOrganization {
  const { rng, orgIndex } = state;
  if (slot.role === 'staff_trial' && state.trialShops.length > 0) return state.trialShops.shift()!;
  const kind: OrganizationKind = slot.role === 'plain' || slot.role === 'town_desk' || slot.role === 'area_desk' ? rng.weighted(SITE_PROFILES[slot.category].orgKinds) : 'npo';
  const local = kind === 'neighborhood_association' ? orgIndex.byDistrict.get(district) : undefined;
  const candidates = orgIndex.byKind.get(kind);
  return local ?? (candidates ? rng.pick(candidates) : state.orgs[0]!);
}

// --- dates and status -------------------------------------------------------------------------

function verifiedOn(state: TownState, index: number): string {
  // stale: 181 days to two years ago; fresh: within the last ~6 months
  return addDays(state.today, state.stale.has(index) ? -state.rng.int(181, 730) : -state.rng.int(0, 170));
}

function statusFor(rng: Rng, slot: SiteSlot): Site['status'] {
  if (slot.role !== 'plain') return 'published';
  return rng.weighted([['published', 84], ['pending', 6], ['draft', 5], ['archived', 5]] as const);
}

// --- one site ---------------------------------------------------------------------------------

function buildSite(state: TownState, slot: SiteSlot, index: number): PlacedSite {
  const { town, rng } = state;
  const [location, guess] = locate(state, slot);
  const district = districtAt(state, location, guess);
  const dailyLife = town.elementary[district]!.dailyLifeIndex;
  const org = orgFor(state, slot, district);
  const districtPlaces = town.elementary[district]!.placeNames;
  const makeParts = (): NameParts => ({ place: rng.pick(districtPlaces), nick: rng.pick(NICKNAMES), city: town.spec.city, area: town.dailyLifeNames[dailyLife]! });
  const { name, parts } = uniqueName(state, slot, makeParts, org.shop);
  const place = parts.place; // the 町名 in a name like 「栄町子ども食堂」 is where it is
  const id = state.nextId();
  const helpDesk = CATEGORY_BY_ID[slot.category].helpDesk;
  const confidential = slot.role === 'confidential_shelter' || slot.role === 'confidential_youth';
  const lastVerified = verifiedOn(state, index);

  const site: Site = {
    id,
    orgId: org.id,
    name: name.ja,
    kana: rng.chance(0.5) ? name.kana : toKatakana(name.kana),
    categoryId: slot.category,
    fields: [...CATEGORY_BY_ID[slot.category].fields],
    location,
    address: addressFor(state, place, slot, location),
    municipalityCode: town.spec.municipalityCode,
    contact: confidential ? {} : contactFor(state, id, helpDesk),
    accessibility: accessibilityFor(state, slot),
    description: rng.pick(SITE_PROFILES[slot.category].descriptions),
    status: statusFor(rng, slot),
    visibility: slot.role === 'staff_trial' ? 'staff' : 'public',
    confidential,
    serviceAreaIds: slot.category === 'community_general_support_center' ? [town.dailyLife[dailyLife]!.id] : [],
    lastVerified,
    updatedAt: `${lastVerified}T${String(rng.int(9, 17)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00+09:00`,
  };
  if (!confidential) site.access = accessFor(state, location);
  if (!confidential && rng.chance(0.1)) site.photoUrl = photoFor(slot.category);
  const contactSiteId = confidential ? publicContactFor(state, slot) : undefined;
  if (contactSiteId) site.publicContactSiteId = contactSiteId;
  if (slot.role === 'town_desk') state.siteIdByRole[slot.category] ??= id;
  return { site, slot, district, dailyLife, place };
}

function contactFor(state: TownState, id: string, helpDesk: boolean): Site['contact'] {
  const { rng, town } = state;
  const contact: Site['contact'] = { tel: telFor(rng) };
  if (helpDesk || rng.chance(0.3)) contact.email = `${id}@${town.spec.slug}.example`;
  if (helpDesk || rng.chance(0.25)) contact.url = `https://www.${town.spec.slug}.example/sites/${id}`;
  if (helpDesk) contact.hours = '平日 8:30〜17:15（祝日・年末年始を除く）';
  else if (rng.chance(0.2)) contact.hours = '開催日の10:00〜16:00';
  return contact;
}

/** Residents reach a confidential place only through a public desk. */
function publicContactFor(state: TownState, slot: SiteSlot): string | undefined {
  const desks = state.siteIdByRole;
  return slot.role === 'confidential_shelter'
    ? (desks.self_reliance_support ?? desks.general_welfare_desk)
    : (desks.child_family_center ?? desks.general_welfare_desk);
}

/** All sites of a town, in plan order (desks first). */
export function buildSites(ctx: SiteContext, count: number): PlacedSite[] {
  const state = prepare(ctx, count);
  return planSites(count, ctx.town.dailyLife.length, ctx.rng).map((slot, index) => buildSite(state, slot, index));
}
