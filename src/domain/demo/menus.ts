// The menus (支援メニュー・活動) of one town: the activities at each site, plus outreach that has
// no fixed site. Templates rotate per category and schedule patterns rotate per template, so
// every template and every pattern shows up in a town of a few hundred sites, for every seed.
import type { Capacity, Cost, Menu, Site } from '../model';
import type { StoredEaseId } from '../taxonomy';
import type { DemoTown } from './areas';
import { addDays } from './dates';
import { MENU_TEMPLATES, type CostSpec, type MenuTemplate } from './menu-templates';
import type { DemoOrganization } from './organizations';
import type { Rng } from './rng';
import { buildSchedule } from './schedules';
import { SITE_PROFILES } from './site-profiles';
import { STALE_SHARE, type PlacedSite } from './sites';

export type MenuContext = {
  town: DemoTown;
  orgs: DemoOrganization[];
  today: string;
  rng: Rng;
  nextId: () => string;
};

/** Round-robin counters: per template list, and per template for its schedule patterns. */
type Rotation = Map<object, number>;

function takeNext<T>(rotation: Rotation, key: object, items: readonly T[]): T {
  const k = rotation.get(key) ?? 0;
  rotation.set(key, k + 1);
  return items[k % items.length]!;
}

function costFrom(spec: CostSpec, rng: Rng): Cost {
  if (spec.kind === 'free') return { kind: 'free' };
  if (spec.kind === 'varies') return { kind: 'varies', note: spec.note };
  const cost: Cost = { kind: 'fixed', amountYen: rng.pick(spec.amounts) };
  if (spec.note) cost.note = spec.note;
  return cost;
}

function capacityFrom(range: MenuTemplate['capacity'], rng: Rng): Capacity {
  const availability = rng.weighted([['open', 60], ['few', 15], ['full', 8], ['unknown', 17]] as const);
  return range ? { capacity: rng.int(range[0], range[1]), availability } : { availability };
}

function easeFrom(t: MenuTemplate, rng: Rng): StoredEaseId[] {
  const extra = (t.maybeEase ?? []).filter(() => rng.chance(0.4));
  return [...new Set([...t.ease, ...extra])];
}

function fill(title: string, site: PlacedSite | null, area: string): string {
  return title
    .replace('{site}', site?.site.name ?? '')
    .replace('{place}', site?.place.ja ?? '')
    .replace('{area}', area);
}

/** Menus at a listed site follow its status; a published site may still hold drafts. */
function menuStatus(siteStatus: Site['status'], rng: Rng): Menu['status'] {
  if (siteStatus !== 'published') return siteStatus;
  return rng.weighted([['published', 90], ['pending', 4], ['draft', 3], ['archived', 3]] as const);
}

type MenuBase = Pick<Menu, 'siteId' | 'orgId' | 'visibility' | 'status' | 'lastVerified' | 'updatedAt'>;

function buildMenu(ctx: MenuContext, t: MenuTemplate, rotation: Rotation, base: MenuBase, site: PlacedSite | null, dailyLife: number): Menu {
  const { rng, town } = ctx;
  const area = town.dailyLife[dailyLife]!;
  const menu: Menu = {
    id: ctx.nextId(),
    ...base,
    title: fill(t.title, site, area.name),
    description: t.description,
    needs: [...t.needs],
    targets: [...t.targets],
    schedule: buildSchedule({ pattern: takeNext(rotation, t, t.patterns), days: t.days, times: t.times, closedOnHolidays: t.closedOnHolidays, note: t.note }, rng, ctx.today),
    cost: costFrom(t.cost, rng),
    capacity: capacityFrom(t.capacity, rng),
    ease: easeFrom(t, rng),
    languages: [...(t.languages ?? (rng.chance(0.12) ? ['ja', 'easy_ja'] : ['ja']))],
    serviceAreaIds:
      t.serviceArea === 'daily_life'
        ? [area.id]
        : t.serviceArea === 'elementary' && site
          ? [town.elementary[site.district]!.area.id]
          : site
            ? []
            : // outreach comes to the home: it serves its own town, not the whole country
              [town.municipality.id],
    visibility: t.staffOnly ? 'staff' : base.visibility,
  };
  if (t.ages?.[0] !== undefined) menu.ageMin = t.ages[0];
  if (t.ages?.[1] !== undefined) menu.ageMax = t.ages[1];
  return menu;
}

/** Which template list a site draws from: its role's own list, else its category's. */
function templatesFor(placed: PlacedSite): readonly MenuTemplate[] {
  const { role, category } = placed.slot;
  if (role === 'staff_trial' || role === 'confidential_shelter' || role === 'confidential_youth') return MENU_TEMPLATES[role]!;
  return MENU_TEMPLATES[category]!;
}

function menusAtSite(ctx: MenuContext, placed: PlacedSite, rotation: Rotation): Menu[] {
  const { rng } = ctx;
  const templates = templatesFor(placed);
  const [min, max] = SITE_PROFILES[placed.slot.category].menus;
  // a town-wide desk offers its whole programme; other special roles keep to one or two menus
  const wanted = placed.slot.role === 'plain' ? rng.int(min, max) : placed.slot.role === 'town_desk' ? templates.length : 2;
  const count = Math.min(templates.length, wanted);
  const { site } = placed;
  return Array.from({ length: count }, () => {
    const base: MenuBase = {
      siteId: site.id,
      orgId: site.orgId,
      visibility: site.visibility,
      status: menuStatus(site.status, rng),
      lastVerified: site.lastVerified,
      updatedAt: site.updatedAt,
    };
    return buildMenu(ctx, takeNext(rotation, templates, templates), rotation, base, placed, placed.dailyLife);
  });
}

/** Outreach (アウトリーチ) with no fixed site, run by the 社協 or an NPO. */
function outreachMenus(ctx: MenuContext, count: number, rotation: Rotation): Menu[] {
  const { rng, orgs, town } = ctx;
  const templates = MENU_TEMPLATES.outreach!;
  const runners = orgs.filter((o) => o.kind === 'social_welfare_council' || o.kind === 'npo');
  return Array.from({ length: count }, () => {
    const lastVerified = addDays(ctx.today, rng.chance(STALE_SHARE) ? -rng.int(181, 730) : -rng.int(0, 170));
    const base: MenuBase = {
      siteId: null,
      orgId: rng.pick(runners).id,
      visibility: 'public',
      status: menuStatus('published', rng),
      lastVerified,
      updatedAt: `${lastVerified}T10:00:00+09:00`,
    };
    return buildMenu(ctx, takeNext(rotation, templates, templates), rotation, base, null, rng.int(0, town.dailyLife.length - 1));
  });
}

/** All menus of a town: per site in site order, then outreach (about one per 60 sites). */
export function buildMenus(ctx: MenuContext, sites: PlacedSite[]): Menu[] {
  const rotation: Rotation = new Map();
  const menus = sites.flatMap((placed) => menusAtSite(ctx, placed, rotation));
  return [...menus, ...outreachMenus(ctx, Math.max(1, Math.round(sites.length / 60)), rotation)];
}
