// Small handmade fixtures for the matching tests: a home, sites placed by metres from it, menus
// with neutral defaults that each test overrides one field at a time.
import type { LngLat, Menu, Site } from '../model';
import { offsetMeters } from '../geo/local-projection';
import type { Constraints } from '../case/model';
import type { Candidate, MatchMember, ResolvedHome } from './types';
import { mulberry32 } from '../demo/rng';

export const TODAY = '2026-11-01'; // a Sunday
export const HOME: ResolvedHome = { point: [139.6, 35.86], areaIds: ['area-town', 'area-north'], areaId: 'area-north' };

/** a published public site `east`/`north` metres from HOME */
export function site(id: string, east: number, north = 0, extra: Partial<Site> = {}): Site {
  const location: LngLat = offsetMeters(HOME.point, east, north);
  return {
    id,
    orgId: 'org-1',
    name: id,
    kana: 'さいと',
    categoryId: 'salon',
    fields: ['community'],
    location,
    address: '',
    municipalityCode: '992011',
    contact: {},
    accessibility: [],
    description: '',
    status: 'published',
    visibility: 'public',
    confidential: false,
    serviceAreaIds: [],
    lastVerified: '2026-09-02',
    updatedAt: '2026-09-02T00:00:00+09:00',
    ...extra,
  };
}

/** a published public menu: 居場所 for anyone, free, open, 火曜 13:30–15:30, verified 60 days ago */
export function menu(id: string, siteId: string | null, extra: Partial<Menu> = {}): Menu {
  return {
    id,
    siteId,
    orgId: 'org-1',
    title: id,
    description: '',
    needs: ['place_to_be'],
    targets: ['anyone'],
    schedule: { rules: [{ freq: 'WEEKLY', interval: 1, byday: ['TU'], opensAt: '13:30', closesAt: '15:30' }], closedOnHolidays: false, irregular: false },
    cost: { kind: 'free' },
    capacity: { availability: 'open' },
    ease: ['visit_first'],
    languages: ['ja'],
    serviceAreaIds: [],
    visibility: 'public',
    status: 'published',
    lastVerified: '2026-09-02',
    updatedAt: '2026-09-02T00:00:00+09:00',
    ...extra,
  };
}

export const BASE_CONSTRAINTS: Constraints = {
  travel: { mode: 'walk', maxMinutes: 15 },
  availability: [{ days: ['TU', 'TH'], from: '13:00', to: '17:00' }],
  accessibility: [],
  languages: ['ja'],
  maxCostYen: 0,
  ease: ['visit_first'],
};

export function member(extra: Partial<MatchMember> = {}, constraints: Partial<Constraints> = {}): MatchMember {
  return {
    id: 'm1',
    ageBand: '40-64',
    targets: [],
    needs: ['place_to_be', 'socializing'],
    ...extra,
    constraints: { ...BASE_CONSTRAINTS, ...constraints },
  };
}

export function pair(s: Site | null, m: Menu): Candidate {
  return { menu: m, site: s };
}

export const rng = mulberry32; // the project's one seeded stream (demo/rng.ts)

export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
export const some = <T>(r: () => number, xs: readonly T[], max: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(r() * max) }, () => pick(r, xs)))];

export function shuffled<T>(r: () => number, xs: readonly T[]): T[] {
  const out = xs.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
