// The demo dataset: かさね市（デモ）, a fictional town on real land near さいたま市, with its areas,
// organizations, sites and menus. Deterministic: the same options give the same data, byte for
// byte; nothing reads the clock or Math.random. `today` anchors every date instead.
//
// Scaling: `sites` above 600 adds more towns (600 sites each) tiled across eastern Honshu, so the
// density per km² stays that of one real town. Each town draws from its own seeded stream, so
// town 0 of a large dataset is the default dataset's town, id for id.
import type { Area, Dataset, Menu, Organization, Site } from '../model';
import { buildTown, townAreas, townSpec } from './areas';
import { daysBetween } from './dates';
import { townCentres } from './layout';
import { buildMenus } from './menus';
import { buildOrganizations, type DemoOrganization } from './organizations';
import { createRng, hashSeed } from './rng';
import { buildSites } from './sites';

export type DemoOptions = {
  seed?: number; // any integer; 1 by default
  sites?: number; // total sites; 600 is one town, more tiles more towns
  today?: string; // 'YYYY-MM-DD': freshness, 隔週 anchors and seasons are relative to it
};

export const DEMO_DEFAULTS = { seed: 1, sites: 600, today: '2026-11-01' } as const;

export const SITES_PER_TOWN = 600;
const MIN_LAST_TOWN = 60; // a smaller remainder joins the previous town instead of a tiny town

/** Sites per town: full towns, the remainder in the last (merged into the previous if tiny). */
export function townSizes(total: number): number[] {
  const sizes: number[] = [];
  for (let left = total; left > 0; left -= SITES_PER_TOWN) sizes.push(Math.min(SITES_PER_TOWN, left));
  if (sizes.length > 1 && sizes.at(-1)! < MIN_LAST_TOWN) sizes[sizes.length - 2]! += sizes.pop()!;
  return sizes;
}

function checkOptions(seed: number, sites: number, today: string): void {
  if (!Number.isInteger(seed)) throw new Error(`generateDemoDataset: seed must be an integer, got ${seed}`);
  if (!Number.isInteger(sites) || sites < 1) throw new Error(`generateDemoDataset: sites must be a positive integer, got ${sites}`);
  try {
    daysBetween(today, today); // throws on anything that is not a calendar date
  } catch {
    throw new Error(`generateDemoDataset: today must be a date as YYYY-MM-DD, got "${today}"`);
  }
}

/** Sequential readable ids across all towns: site-0001, menu-0001, org-001. */
function counter(prefix: string, width: number): () => string {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(width, '0')}`;
}

/** Strips the generator's bookkeeping (home district, shop) so organizations are plain data. */
function toOrganization({ homeDistrict: _home, shop: _shop, ...org }: DemoOrganization): Organization {
  return org;
}

export function generateDemoDataset(options: DemoOptions = {}): Dataset {
  const { seed = DEMO_DEFAULTS.seed, sites: total = DEMO_DEFAULTS.sites, today = DEMO_DEFAULTS.today } = options;
  checkOptions(seed, total, today);
  const sizes = townSizes(total);
  const centres = townCentres(sizes.length);
  const ids = { org: counter('org', 3), site: counter('site', 4), menu: counter('menu', 4) };

  const organizations: Organization[] = [];
  const areas: Area[] = [];
  const sites: Site[] = [];
  const menus: Menu[] = [];
  sizes.forEach((size, k) => {
    const rng = createRng(hashSeed(seed, 'town', k));
    const town = buildTown(townSpec(k, centres[k]), rng.fork('areas'));
    const orgs = buildOrganizations(town, rng.fork('organizations'), ids.org);
    const placed = buildSites({ town, orgs, today, rng: rng.fork('sites'), nextId: ids.site }, size);
    const townMenus = buildMenus({ town, orgs, today, rng: rng.fork('menus'), nextId: ids.menu }, placed);
    organizations.push(...orgs.map(toOrganization));
    areas.push(...townAreas(town));
    for (const p of placed) sites.push(p.site);
    for (const m of townMenus) menus.push(m);
  });

  return {
    version: 1,
    generatedAt: `${today}T00:00:00+09:00`,
    label: sizes.length === 1 ? 'デモデータ（架空の町：かさね市）' : `デモデータ（架空の町 ${sizes.length} 市）`,
    organizations,
    areas,
    sites,
    menus,
  };
}
