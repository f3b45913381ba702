// Matching for a case, on the staff catalog: the index is built once per catalog; the household
// is matched with the case's constraints, and again with a member's relaxed constraints to show
// what relaxing would change.
import { ANY_TIME, type Constraints } from '../../../domain/case/model';
import type { CaseRecord, StaffCatalog } from '../../../data/case-port';
import { resolveHome, toMatchInput } from '../../../domain/matching/home';
import { matchHousehold, matchMember } from '../../../domain/matching/match';
import { buildMatchingIndex, type MatchingIndex } from '../../../domain/matching/matching-index';
import type { HouseholdResult, MatchMember, MemberResult, ResolvedHome } from '../../../domain/matching/types';
import type { Menu, Site } from '../../../domain/model';
import { LANGUAGES } from '../../../domain/taxonomy';

const indexes = new WeakMap<StaffCatalog, MatchingIndex<Site, Menu>>();

/** the catalog's matching index, built on first use and kept as long as the catalog is */
export function indexOf(catalog: StaffCatalog): MatchingIndex<Site, Menu> {
  let index = indexes.get(catalog);
  if (!index) indexes.set(catalog, (index = buildMatchingIndex(catalog.sites, catalog.menus)));
  return index;
}

export type CaseMatching = { home: ResolvedHome; members: MatchMember[]; result: HouseholdResult };

export function matchCase(c: CaseRecord, catalog: StaffCatalog, today: string): CaseMatching {
  const home = resolveHome(c.home, catalog.areas);
  const input = toMatchInput(c, home);
  return { home, members: [...input.members], result: matchHousehold(input, indexOf(catalog), { today, viewer: 'staff' }) };
}

/** how the results screen can relax a member's constraints; each only ever widens */
export type Relaxation = { extraMinutes: number; anyTime: boolean; anyCost: boolean; noAccessibility: boolean; anyLanguage: boolean };
export const NO_RELAXATION: Relaxation = { extraMinutes: 0, anyTime: false, anyCost: false, noAccessibility: false, anyLanguage: false };

export function isRelaxed(r: Relaxation): boolean {
  return r.extraMinutes > 0 || r.anyTime || r.anyCost || r.noAccessibility || r.anyLanguage;
}

export function relax(c: Constraints, r: Relaxation): Constraints {
  return {
    ...c,
    travel: { ...c.travel, maxMinutes: Math.min(120, c.travel.maxMinutes + r.extraMinutes) },
    availability: r.anyTime ? [...ANY_TIME] : c.availability,
    maxCostYen: r.anyCost ? null : c.maxCostYen,
    accessibility: r.noAccessibility ? [] : c.accessibility,
    languages: r.anyLanguage ? [...LANGUAGES] : c.languages,
  };
}

export function matchRelaxed(m: CaseMatching, memberId: string, r: Relaxation, catalog: StaffCatalog, today: string): MemberResult {
  const member = m.members.find((x) => x.id === memberId)!;
  return matchMember({ ...member, constraints: relax(member.constraints, r) }, m.home, indexOf(catalog), { today, viewer: 'staff' });
}
