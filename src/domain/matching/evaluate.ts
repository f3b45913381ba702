// One menu against one member: the gates, the hard constraints, the reasons and the score. The
// indexed and the naive engine both call `evaluate`, so they can differ only in which candidates
// they look at; the index only skips candidates that a gate would refuse anyway.
//
// gates (a failure means "not relevant", never a near miss):
//   listed      menu and site published; staff-only for staff; confidential sites only on request
//   need        the menu serves at least one of the member's needs
//   running     the schedule has not ended
//   reach       a site within NEAR_MISS_TRAVEL_FACTOR × the allowed minutes; outreach that serves the home's area
// hard constraints (one failure = a near miss, two = dropped):
//   distance, schedule (day / time), target, age, accessibility, language, cost, area, full
import type { Schedule, Weekday } from '../model';
import { WEEKDAYS } from '../weekdays';
import type { EaseId, LanguageId, NeedId, TargetId } from '../taxonomy';
import { AGE_BAND_RANGE } from '../case/model';
import { haversineMeters } from '../geo/distance';
import { hasEnded, isOpenInWindow, parseByday, weekdaysOf } from '../schedule/occurrences';
import { daysBetween, minutesOf } from '../schedule/dates';
import { ARRANGED_SCHEDULE_FACTOR, scoreOf } from './score';
import { NEAR_MISS_TRAVEL_FACTOR, travelMinutes } from './travel';
import type { Candidate, MatchMember, MatchOptions, MenuMatch, Miss, Reason, ResolvedHome } from './types';

/** a member compiled once per query: lookups instead of list scans in the loop */
export type MemberContext = {
  member: MatchMember;
  needRank: ReadonlyMap<NeedId, number>; // 1-based
  targets: ReadonlySet<TargetId>;
  ageLo: number;
  ageHi: number;
  maxMinutes: number;
  reachMinutes: number; // the reach gate: NEAR_MISS_TRAVEL_FACTOR × maxMinutes
  windowsByDay: readonly (readonly { from: string; to: string }[])[]; // 0 = MO … 6 = SU
  freeDays: number; // weekdays with at least one window
  languages: ReadonlySet<LanguageId>;
  homeAreas: ReadonlySet<string>;
};

export function compileMember(member: MatchMember, home: ResolvedHome): MemberContext {
  const c = member.constraints;
  const windowsByDay: { from: string; to: string }[][] = WEEKDAYS.map(() => []);
  for (const w of c.availability) {
    for (const d of w.days) {
      const list = windowsByDay[WEEKDAYS.indexOf(d)];
      if (list && !list.some((x) => x.from === w.from && x.to === w.to)) list.push({ from: w.from, to: w.to });
    }
  }
  const [ageLo, ageHi] = AGE_BAND_RANGE[member.ageBand];
  return {
    member,
    needRank: new Map(member.needs.map((n, i) => [n, i + 1] as const)),
    targets: new Set(member.targets),
    ageLo,
    ageHi,
    maxMinutes: c.travel.maxMinutes,
    reachMinutes: NEAR_MISS_TRAVEL_FACTOR * c.travel.maxMinutes,
    windowsByDay,
    freeDays: windowsByDay.filter((w) => w.length > 0).length,
    languages: new Set(c.languages),
    homeAreas: new Set(home.areaIds),
  };
}

/** menus that list no language are held in Japanese */
const DEFAULT_LANGUAGES: readonly LanguageId[] = ['ja'];

export type Evaluation = { match: MenuMatch; miss: Miss | null };

/** the listing gate: who may see this menu at all */
export function isListed(candidate: Candidate, options: MatchOptions): boolean {
  const { menu, site } = candidate;
  const staff = (options.viewer ?? 'staff') === 'staff';
  if (menu.status !== 'published') return false;
  if (menu.visibility !== 'public' && !staff) return false;
  if (menu.siteId === null) return true;
  if (site === null || site.id !== menu.siteId) return false; // unknown site: nothing to show on a map
  if (site.status !== 'published') return false;
  if (site.visibility !== 'public' && !staff) return false;
  if (site.confidential && !(staff && options.includeConfidential === true)) return false;
  return true;
}

/** best (lowest) rank among the member's needs the menu serves; 0 = serves none */
function bestNeedRank(ctx: MemberContext, needs: readonly NeedId[]): number {
  let best = 0;
  for (const n of needs) {
    const r = ctx.needRank.get(n);
    if (r !== undefined && (best === 0 || r < best)) best = r;
  }
  return best;
}

/** the first rule session on `weekday` overlapping the window, as 'HH:MM-HH:MM' (for the chip) */
function sessionOn(schedule: Schedule, day: number, from: string, to: string, today: string): string | null {
  const start = minutesOf(from);
  const end = minutesOf(to);
  for (const rule of schedule.rules) {
    if (rule.validTo !== undefined && rule.validTo < today) continue;
    if (!rule.byday.some((b) => parseByday(b)?.weekday === day)) continue;
    const opens = minutesOf(rule.opensAt);
    const closes = minutesOf(rule.closesAt);
    if (opens < end && start < closes) return `${rule.opensAt}-${rule.closesAt}`;
  }
  return null;
}

type ScheduleFit = { reasons: Reason[]; share: number; miss: Miss | null };

// a menu fits on a weekday when some rule overlaps one of the member's windows that day
// (isOpenInWindow); 不定期 menus with no fitting rule pass as "arranged" because their dates are
// agreed with the person, which is exactly how staff-arranged job trials work
function fitSchedule(ctx: MemberContext, schedule: Schedule, today: string): ScheduleFit {
  const reasons: Reason[] = [];
  const asOf = { asOf: today };
  for (let d = 0; d < 7; d++) {
    const weekday = WEEKDAYS[d] as Weekday;
    for (const w of ctx.windowsByDay[d] ?? []) {
      if (!isOpenInWindow(schedule, weekday, w.from, w.to, asOf)) continue;
      reasons.push({ kind: 'schedule', weekday, window: `${w.from}-${w.to}`, session: sessionOn(schedule, d, w.from, w.to, today) ?? '' });
      break;
    }
  }
  if (reasons.length > 0) return { reasons, share: ctx.freeDays === 0 ? 0 : reasons.length / ctx.freeDays, miss: null };
  if (schedule.irregular) return { reasons: [{ kind: 'schedule_arranged' }], share: ARRANGED_SCHEDULE_FACTOR, miss: null };
  // why not: the right day at the wrong hours, or only other days
  const runs = weekdaysOf(schedule, asOf);
  for (const weekday of runs) {
    const d = WEEKDAYS.indexOf(weekday);
    const w = ctx.windowsByDay[d]?.[0];
    if (!w) continue;
    const rule = schedule.rules.find((r) => (r.validTo === undefined || r.validTo >= today) && r.byday.some((b) => parseByday(b)?.weekday === d));
    return { reasons, share: 0, miss: { kind: 'time', weekday, session: rule ? `${rule.opensAt}-${rule.closesAt}` : '', window: `${w.from}-${w.to}` } };
  }
  return { reasons, share: 0, miss: { kind: 'day', only: runs } };
}

/**
 * Evaluates one candidate for one member. Null when a gate refuses it or two or more hard
 * constraints fail; otherwise the match with its reasons and score, and `miss` set when exactly
 * one hard constraint fails (a near miss).
 */
export function evaluate(ctx: MemberContext, home: ResolvedHome, candidate: Candidate, options: MatchOptions): Evaluation | null {
  const { menu, site } = candidate;
  const c = ctx.member.constraints;
  // gates
  if (!isListed(candidate, options)) return null;
  const needRank = bestNeedRank(ctx, menu.needs);
  if (needRank === 0) return null;
  let distanceM = 0;
  let minutes = 0;
  if (site !== null) {
    distanceM = haversineMeters(home.point, site.location);
    minutes = travelMinutes(distanceM, c.travel.mode);
    if (minutes > ctx.reachMinutes) return null;
  } else if (menu.serviceAreaIds.length > 0 && !menu.serviceAreaIds.some((a) => ctx.homeAreas.has(a))) {
    return null; // outreach that does not come to this area is not "almost"
  }
  if (hasEnded(menu.schedule, options.today)) return null;

  // hard constraints: collect misses, stop at the second
  let miss: Miss | null = null;
  let misses = 0;
  const fail = (m: Miss): boolean => {
    miss = m;
    return ++misses > 1;
  };
  const shownMinutes = Math.ceil(minutes - 1e-9); // 12.0000001 from float noise is still 12
  if (site !== null && shownMinutes > ctx.maxMinutes && fail({ kind: 'distance', minutes: shownMinutes, limit: ctx.maxMinutes, mode: c.travel.mode })) return null;

  const schedule = fitSchedule(ctx, menu.schedule, options.today);
  if (schedule.miss && fail(schedule.miss)) return null;

  if (!menu.targets.some((t) => t === 'anyone' || ctx.targets.has(t)) && fail({ kind: 'target', targets: [...menu.targets] })) return null;
  const ageMin = menu.ageMin ?? 0;
  const ageMax = menu.ageMax ?? 120;
  if ((ageMax < ctx.ageLo || ageMin > ctx.ageHi) && fail({ kind: 'age', ageMin: menu.ageMin ?? null, ageMax: menu.ageMax ?? null })) return null;

  const accessReasons: Reason[] = [];
  if (site !== null && c.accessibility.length > 0) {
    const missing = c.accessibility.filter((a) => !site.accessibility.includes(a));
    if (missing.length > 0 && fail({ kind: 'accessibility', missing })) return null;
    for (const a of c.accessibility) if (site.accessibility.includes(a)) accessReasons.push({ kind: 'accessibility', item: a });
  }

  const offered = menu.languages.length > 0 ? menu.languages : DEFAULT_LANGUAGES;
  const spoken = offered.filter((l) => ctx.languages.has(l));
  if (spoken.length === 0 && fail({ kind: 'language', offered: [...offered] })) return null;

  const free = menu.cost.kind === 'free' || (menu.cost.kind === 'fixed' && menu.cost.amountYen === 0);
  const yen = menu.cost.kind === 'fixed' && menu.cost.amountYen !== undefined ? menu.cost.amountYen : null;
  const limit = c.maxCostYen;
  // an unknown amount (varies, 実費) fits any limit but "free only": the chip says to ask
  const costOk = free || limit === null || (yen === null ? limit > 0 : yen <= limit);
  if (!costOk && fail({ kind: 'cost', yen, limit: limit ?? 0 })) return null;

  if (site !== null && menu.serviceAreaIds.length > 0 && !menu.serviceAreaIds.some((a) => ctx.homeAreas.has(a)) && fail({ kind: 'area' })) return null;

  if (menu.capacity.availability === 'full' && fail({ kind: 'full' })) return null;

  // reasons, in the order chips are shown
  const reasons: Reason[] = [];
  for (const n of ctx.member.needs) if (menu.needs.includes(n)) reasons.push({ kind: 'need', need: n, rank: ctx.needRank.get(n) ?? 0 });
  if (site === null) reasons.push({ kind: 'outreach' });
  else if (shownMinutes <= ctx.maxMinutes) reasons.push({ kind: 'travel', minutes: shownMinutes, mode: c.travel.mode, distanceM: Math.round(distanceM) });
  reasons.push(...schedule.reasons);
  let easeMet = 0;
  for (const e of c.ease) {
    if (e === 'free' ? free : (menu.ease as readonly EaseId[]).includes(e)) {
      easeMet++;
      if (e !== 'free') reasons.push({ kind: 'ease', ease: e }); // 無料 shows once, as the cost chip
    }
  }
  if (costOk) reasons.push(free ? { kind: 'cost', free: true } : { kind: 'cost', free: false, yen });
  reasons.push(...accessReasons);
  const special = spoken.find((l) => l !== 'ja');
  if (special) reasons.push({ kind: 'language', language: special }); // e.g. やさしい日本語 for someone who asked for it
  const availability = menu.capacity.availability;
  if (availability === 'open' || availability === 'few') reasons.push({ kind: 'capacity', availability });
  const verifiedDaysAgo = Math.max(0, daysBetween(menu.lastVerified, options.today));
  reasons.push({ kind: 'freshness', verifiedDaysAgo });

  const score = scoreOf({
    needRank,
    travelMinutes: minutes,
    maxMinutes: ctx.maxMinutes,
    scheduleShare: schedule.share,
    easeShare: c.ease.length === 0 ? 0 : easeMet / c.ease.length,
    capacity: availability,
    verifiedDaysAgo,
  });
  return {
    match: { menuId: menu.id, siteId: menu.siteId, location: site === null ? null : site.location, score, minutes: site === null ? 0 : shownMinutes, distanceM: Math.round(distanceM), reasons },
    miss,
  };
}
