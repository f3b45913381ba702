// The matching engine: per member, retrieve candidates (the grid index, or every candidate for the
// naive scan), evaluate each, rank, split into matches and near misses, and record unmet needs.
// The household mode runs each member and gathers their places on one map.
import type { NeedId } from '../taxonomy';
import { assess, compileMember, evaluate, type Assessment, type CompiledMenu } from './evaluate';
import { FLAG_LISTED, FLAG_PUBLIC, isMatchingIndex, needMaskOf, retrieve, type MatchingIndex } from './matching-index';
import { reachMeters } from './travel';
import {
  BLOCKING_CONSTRAINTS,
  type BlockingConstraint,
  type Candidate,
  type HouseholdPlace,
  type HouseholdResult,
  type MatchInput,
  type MatchMember,
  type MatchOptions,
  type MemberResult,
  type MenuMatch,
  type Miss,
  type ResolvedHome,
  type UnmetNeed,
} from './types';

export const DEFAULT_LIMIT = 50;
export const DEFAULT_NEAR_MISS_LIMIT = 20;

/** the index, or a plain list of candidates that is scanned in full (the naive engine) */
export type CandidateSource = MatchingIndex | readonly Candidate[];

/** best first: score, then nearer, then menu id so that equal candidates never swap */
export function compareMatches(a: MenuMatch, b: MenuMatch): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.distanceM !== b.distanceM) return a.distanceM - b.distanceM;
  return a.menuId < b.menuId ? -1 : a.menuId > b.menuId ? 1 : 0;
}

/** the DOMAIN.md constraint group a miss belongs to */
export function blockingConstraintOf(kind: Miss['kind']): BlockingConstraint {
  switch (kind) {
    case 'distance':
      return 'distance';
    case 'day':
    case 'time':
      return 'schedule';
    case 'target':
    case 'age':
      return 'target';
    case 'full':
      return 'capacity';
    default:
      return kind;
  }
}

function cap(limit: number | undefined, fallback: number): number {
  if (limit === undefined) return fallback;
  if (Number.isNaN(limit)) throw new RangeError('limit must be a number of results, e.g. 50 (or Infinity for all)');
  return Math.max(0, limit);
}

/**
 * One unmet-need record per need of the member that no match serves. The blocking constraint is
 * the most common among the near misses serving that need (ties: the order of
 * BLOCKING_CONSTRAINTS), or 'no_menu' when nothing serving it came close.
 */
function unmetNeedsOf(member: MatchMember, matches: readonly Assessed[], nearMisses: readonly Assessed[], areaId: string | null, date: string): UnmetNeed[] {
  const served = new Set<NeedId>();
  for (const m of matches) for (const n of m.c.menu.needs) served.add(n);
  const out: UnmetNeed[] = [];
  for (const need of member.needs) {
    if (served.has(need)) continue;
    const counts = new Map<BlockingConstraint, number>();
    for (const nm of nearMisses) {
      if (!nm.c.menu.needs.includes(need)) continue;
      const k = blockingConstraintOf(nm.a.missKind!);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    let blocking: BlockingConstraint = 'no_menu';
    let best = 0;
    for (const k of BLOCKING_CONSTRAINTS) {
      const n = counts.get(k) ?? 0;
      if (n > best) {
        best = n;
        blocking = k;
      }
    }
    out.push({ memberId: member.id, need, areaId, blockingConstraint: blocking, date });
  }
  return out;
}

type Assessed = { a: Assessment; c: Candidate; cm: CompiledMenu | undefined };

function compareAssessed(x: Assessed, y: Assessed): number {
  if (x.a.score !== y.a.score) return y.a.score - x.a.score;
  if (x.a.distanceM !== y.a.distanceM) return x.a.distanceM - y.a.distanceM;
  return x.c.menu.id < y.c.menu.id ? -1 : x.c.menu.id > y.c.menu.id ? 1 : 0;
}

/** Matches one member against the candidates. */
export function matchMember(member: MatchMember, home: ResolvedHome, source: CandidateSource, options: MatchOptions): MemberResult {
  const ctx = compileMember(member, home, options.today);
  // assess every candidate; spell out reasons only for those returned
  const matches: Assessed[] = [];
  const nearMisses: Assessed[] = [];
  const consider = (c: Candidate, cm?: CompiledMenu) => {
    const a = assess(ctx, home, c, options, cm);
    if (a) (a.missKind === null ? matches : nearMisses).push({ a, c, cm });
  };

  if (isMatchingIndex(source)) {
    const staff = (options.viewer ?? 'staff') === 'staff';
    const { candidates, compiled } = source;
    retrieve(
      source,
      {
        point: home.point,
        radiusM: reachMeters(ctx.reachMinutes, member.constraints.travel.mode) * 1.000001 + 1,
        needMask: needMaskOf(member.needs),
        requiredFlags: FLAG_LISTED | (staff ? 0 : FLAG_PUBLIC),
        areaIds: home.areaIds,
      },
      (k) => consider(candidates[k]!, compiled[k]),
    );
  } else {
    for (const c of source) consider(c);
  }

  matches.sort(compareAssessed);
  nearMisses.sort(compareAssessed);
  const unmetNeeds = unmetNeedsOf(member, matches, nearMisses, home.areaId, options.today);
  const explain = (x: Assessed) => evaluate(ctx, home, x.c, options, x.cm)!;
  return {
    memberId: member.id,
    matches: matches.slice(0, cap(options.limit, DEFAULT_LIMIT)).map((x) => explain(x).match),
    nearMisses: nearMisses.slice(0, cap(options.nearMissLimit, DEFAULT_NEAR_MISS_LIMIT)).map((x) => {
      const e = explain(x);
      return { ...e.match, miss: e.miss! };
    }),
    unmetNeeds,
  };
}

/** the places of the members' matches on one map: sites serving more members first */
export function householdPlaces(members: readonly MemberResult[]): HouseholdPlace[] {
  const bySite = new Map<string, HouseholdPlace>();
  for (const r of members) {
    for (const m of r.matches) {
      if (m.siteId === null || m.location === null) continue;
      const location = m.location;
      let place = bySite.get(m.siteId);
      if (!place) {
        place = { siteId: m.siteId, location, offers: [] };
        bySite.set(m.siteId, place);
      }
      place.offers.push({ memberId: r.memberId, menuId: m.menuId, score: m.score });
    }
  }
  const memberCount = (p: HouseholdPlace) => new Set(p.offers.map((o) => o.memberId)).size;
  const bestScore = (p: HouseholdPlace) => Math.max(...p.offers.map((o) => o.score));
  return [...bySite.values()].sort((a, b) => memberCount(b) - memberCount(a) || bestScore(b) - bestScore(a) || (a.siteId < b.siteId ? -1 : a.siteId > b.siteId ? 1 : 0));
}

/** Matches every member of a household and gathers their places on one map. */
export function matchHousehold(input: MatchInput, source: CandidateSource, options: MatchOptions): HouseholdResult {
  const members = input.members.map((m) => matchMember(m, input.home, source, options));
  return { members, places: householdPlaces(members), unmetNeeds: members.flatMap((m) => m.unmetNeeds) };
}
