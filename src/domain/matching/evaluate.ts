// One menu against one member: the gates, the hard constraints, the reasons and the score. The
// indexed and the naive engine both call `evaluate`, so they can differ only in which candidates
// they look at; the index only skips candidates that a gate would refuse anyway.
//
// gates (a failure means "not relevant", never a near miss):
//   listed      menu and site published; staff-only for staff; confidential sites only on request
//   need        the menu serves at least one of the member's needs
//   running     the schedule has not ended
//   reach       a site within NEAR_MISS_TRAVEL_FACTOR × the allowed minutes; outreach whose service area holds the home
// hard constraints (one failure = a near miss, two = dropped):
//   distance, schedule (day / time), target, age, accessibility, language, cost, area, full
import type { Weekday } from '../model';
import { WEEKDAYS } from '../weekdays';
import type { EaseId, LanguageId, NeedId, TargetId } from '../taxonomy';
import { AGE_BAND_RANGE } from '../case/model';
import { haversineMeters } from '../geo/distance';
import { parseByday } from '../schedule/occurrences';
import { dayNumber, minutesOf } from '../schedule/dates';
import { ARRANGED_SCHEDULE_FACTOR, scoreOf } from './score';
import { NEAR_MISS_TRAVEL_FACTOR, travelMinutes } from './travel';
import type { Candidate, MatchableMenu, MatchMember, MatchOptions, MenuMatch, Miss, Reason, ResolvedHome } from './types';

/** a member compiled once per query: lookups instead of list scans in the loop */
export type MemberContext = {
  member: MatchMember;
  needRank: ReadonlyMap<NeedId, number>; // 1-based
  targets: ReadonlySet<TargetId>;
  ageLo: number;
  ageHi: number;
  maxMinutes: number;
  reachMinutes: number; // the reach gate: NEAR_MISS_TRAVEL_FACTOR × maxMinutes
  windowsByDay: readonly (readonly DayWindow[])[]; // 0 = MO … 6 = SU
  freeDays: number; // weekdays with at least one window
  languages: ReadonlySet<LanguageId>;
  homeAreas: ReadonlySet<string>;
  today: string;
  todayDay: number; // day number of today
};

type DayWindow = { from: number; to: number; text: string }; // minutes after midnight; 'HH:MM-HH:MM'

export function compileMember(member: MatchMember, home: ResolvedHome, today: string): MemberContext {
  const c = member.constraints;
  const windowsByDay: DayWindow[][] = WEEKDAYS.map(() => []);
  for (const w of c.availability) {
    const text = `${w.from}-${w.to}`;
    for (const d of w.days) {
      const list = windowsByDay[WEEKDAYS.indexOf(d)];
      if (list && !list.some((x) => x.text === text)) list.push({ from: minutesOf(w.from), to: minutesOf(w.to), text });
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
    today,
    todayDay: dayNumber(today),
  };
}

/** a schedule rule reduced to numbers once, so the loop never parses strings */
type CompiledRule = { days: number; opens: number; closes: number; validTo: string | null; text: string };

/** what evaluate needs of a menu beyond its plain fields; the index builds it once per menu */
export type CompiledMenu = {
  rules: readonly CompiledRule[];
  irregular: boolean;
  endsOn: string | null; // the last validTo when every rule has one (the schedule ends), else null
  verifiedDay: number; // day number of lastVerified
};

export function compileMenu(menu: Pick<MatchableMenu, 'schedule' | 'lastVerified'>): CompiledMenu {
  const { schedule } = menu;
  const rules = schedule.rules.map((r) => {
    let days = 0;
    for (const b of r.byday) {
      const spec = parseByday(b);
      if (spec) days |= 1 << spec.weekday;
    }
    return { days, opens: minutesOf(r.opensAt), closes: minutesOf(r.closesAt), validTo: r.validTo ?? null, text: `${r.opensAt}-${r.closesAt}` };
  });
  // as hasEnded: an irregular or rule-less schedule never ends
  let endsOn: string | null = null;
  if (!schedule.irregular && rules.length > 0 && rules.every((r) => r.validTo !== null)) {
    endsOn = rules.reduce((max, r) => (r.validTo! > max ? r.validTo! : max), '');
  }
  return { rules, irregular: schedule.irregular, endsOn, verifiedDay: dayNumber(menu.lastVerified) };
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

type ScheduleFit = { fits: number; share: number; missKind: 'day' | 'time' | null; reasons: Reason[]; miss: Miss | null };

// a menu fits on a weekday when some rule still running overlaps one of the member's windows that
// day: the semantics of isOpenInWindow (ordinals and 隔週 count as the weekday; touching is not
// overlapping) on precompiled numbers. 不定期 menus with no fitting rule pass as "arranged": their
// dates are agreed with the person, which is exactly how staff-arranged job trials work.
// Reasons and the miss are built only when `explain` is set.
function fitSchedule(ctx: MemberContext, menu: CompiledMenu, explain: boolean): ScheduleFit {
  const reasons: Reason[] = [];
  let fits = 0;
  let runs = 0; // weekdays of the rules still running
  for (const r of menu.rules) if (r.validTo === null || r.validTo >= ctx.today) runs |= r.days;
  for (let d = 0; d < 7; d++) {
    if ((runs & (1 << d)) === 0) continue;
    const windows = ctx.windowsByDay[d]!;
    let fit = false;
    for (let wi = 0; wi < windows.length && !fit; wi++) {
      const w = windows[wi]!;
      for (const r of menu.rules) {
        if ((r.days & (1 << d)) === 0 || (r.validTo !== null && r.validTo < ctx.today)) continue;
        if (r.opens < w.to && w.from < r.closes) {
          fit = true;
          if (explain) reasons.push({ kind: 'schedule', weekday: WEEKDAYS[d] as Weekday, window: w.text, session: r.text });
          break;
        }
      }
    }
    if (fit) fits++;
  }
  if (fits > 0) return { fits, share: ctx.freeDays === 0 ? 0 : fits / ctx.freeDays, missKind: null, reasons, miss: null };
  if (menu.irregular) return { fits, share: ARRANGED_SCHEDULE_FACTOR, missKind: null, reasons: explain ? [{ kind: 'schedule_arranged' }] : reasons, miss: null };
  // why not: the right day at the wrong hours, or only other days
  for (let d = 0; d < 7; d++) {
    const w = ctx.windowsByDay[d]![0];
    if ((runs & (1 << d)) === 0 || !w) continue;
    if (!explain) return { fits, share: 0, missKind: 'time', reasons, miss: null };
    const rule = menu.rules.find((r) => (r.validTo === null || r.validTo >= ctx.today) && (r.days & (1 << d)) !== 0);
    return { fits, share: 0, missKind: 'time', reasons, miss: { kind: 'time', weekday: WEEKDAYS[d] as Weekday, session: rule?.text ?? '', window: w.text } };
  }
  return { fits, share: 0, missKind: 'day', reasons, miss: explain ? { kind: 'day', only: WEEKDAYS.filter((_, d) => (runs & (1 << d)) !== 0) } : null };
}

/** what ranking needs, without reasons: the engine assesses every candidate, explains only those it keeps */
export type Assessment = {
  score: number;
  distanceM: number; // rounded, as in MenuMatch
  missKind: Miss['kind'] | null;
};

/**
 * Assesses one candidate for one member: null when a gate refuses it or two or more hard
 * constraints fail; else its score and the kind of its one failed constraint (null: a match).
 * `compiled` is compileMenu(candidate.menu), passed in when the caller keeps it (the index does).
 */
export function assess(ctx: MemberContext, home: ResolvedHome, candidate: Candidate, options: MatchOptions, compiled?: CompiledMenu): Assessment | null {
  const r = run(ctx, home, candidate, options, compiled, false);
  return r && { score: r.match.score, distanceM: r.match.distanceM, missKind: r.missKind };
}

/** As assess, with the reasons and the miss spelled out: the match or near miss as returned. */
export function evaluate(ctx: MemberContext, home: ResolvedHome, candidate: Candidate, options: MatchOptions, compiled?: CompiledMenu): Evaluation | null {
  const r = run(ctx, home, candidate, options, compiled, true);
  return r && { match: r.match, miss: r.miss };
}

const NO_REASONS: Reason[] = [];

function run(
  ctx: MemberContext,
  home: ResolvedHome,
  candidate: Candidate,
  options: MatchOptions,
  compiled: CompiledMenu | undefined,
  explain: boolean,
): { match: MenuMatch; miss: Miss | null; missKind: Miss['kind'] | null } | null {
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
  } else if (!menu.serviceAreaIds.some((a) => ctx.homeAreas.has(a))) {
    // outreach reaches the homes of its service area; one without a service area could come from
    // anywhere in the country, so it is never offered (give it one to make it matchable), and one
    // for other areas is not "almost"
    return null;
  }
  const cm = compiled ?? compileMenu(menu);
  if (cm.endsOn !== null && cm.endsOn < ctx.today) return null; // the activity has stopped

  // hard constraints, cheapest first; the second failure drops the candidate
  let missKind: Miss['kind'] | null = null;
  let misses = 0;
  const shownMinutes = Math.ceil(minutes - 1e-9); // 12.0000001 from float noise is still 12
  if (site !== null && shownMinutes > ctx.maxMinutes) {
    missKind = 'distance';
    misses++;
  }
  if (menu.capacity.availability === 'full') {
    if (++misses > 1) return null;
    missKind = 'full';
  }
  if (!menu.targets.some((t) => t === 'anyone' || ctx.targets.has(t))) {
    if (++misses > 1) return null;
    missKind = 'target';
  }
  const ageMin = menu.ageMin ?? 0;
  const ageMax = menu.ageMax ?? 120;
  if (ageMax < ctx.ageLo || ageMin > ctx.ageHi) {
    if (++misses > 1) return null;
    missKind = 'age';
  }
  if (site !== null && menu.serviceAreaIds.length > 0 && !menu.serviceAreaIds.some((a) => ctx.homeAreas.has(a))) {
    if (++misses > 1) return null;
    missKind = 'area';
  }
  const free = menu.cost.kind === 'free' || (menu.cost.kind === 'fixed' && menu.cost.amountYen === 0);
  const yen = menu.cost.kind === 'fixed' && menu.cost.amountYen !== undefined ? menu.cost.amountYen : null;
  const limit = c.maxCostYen;
  // an unknown amount (varies, 実費) fits any limit but "free only": the chip says to ask
  const costOk = free || limit === null || (yen === null ? limit > 0 : yen <= limit);
  if (!costOk) {
    if (++misses > 1) return null;
    missKind = 'cost';
  }
  const offered = menu.languages.length > 0 ? menu.languages : DEFAULT_LANGUAGES;
  if (!offered.some((l) => ctx.languages.has(l))) {
    if (++misses > 1) return null;
    missKind = 'language';
  }
  // outreach happens at home: the site's accessibility does not apply
  if (site !== null && !c.accessibility.every((a) => site.accessibility.includes(a))) {
    if (++misses > 1) return null;
    missKind = 'accessibility';
  }
  const schedule = fitSchedule(ctx, cm, explain);
  if (schedule.missKind !== null) {
    if (++misses > 1) return null;
    missKind = schedule.missKind;
  }

  let easeMet = 0;
  for (const e of c.ease) if (e === 'free' ? free : (menu.ease as readonly EaseId[]).includes(e)) easeMet++;
  const availability = menu.capacity.availability;
  const verifiedDaysAgo = Math.max(0, ctx.todayDay - cm.verifiedDay);
  const score = scoreOf({
    needRank,
    travelMinutes: minutes,
    maxMinutes: ctx.maxMinutes,
    scheduleShare: schedule.share,
    easeShare: c.ease.length === 0 ? 0 : easeMet / c.ease.length,
    capacity: availability,
    verifiedDaysAgo,
  });
  const location = site === null ? null : site.location;
  const shown = site === null ? 0 : shownMinutes;
  if (!explain) return { match: { menuId: menu.id, siteId: menu.siteId, location, score, minutes: shown, distanceM: Math.round(distanceM), reasons: NO_REASONS }, miss: null, missKind };

  // the miss, spelled out
  let miss: Miss | null = null;
  switch (missKind) {
    case 'distance':
      miss = { kind: 'distance', minutes: shownMinutes, limit: ctx.maxMinutes, mode: c.travel.mode };
      break;
    case 'full':
      miss = { kind: 'full' };
      break;
    case 'target':
      miss = { kind: 'target', targets: [...menu.targets] };
      break;
    case 'age':
      miss = { kind: 'age', ageMin: menu.ageMin ?? null, ageMax: menu.ageMax ?? null };
      break;
    case 'area':
      miss = { kind: 'area' };
      break;
    case 'cost':
      miss = { kind: 'cost', yen, limit: limit ?? 0 };
      break;
    case 'language':
      miss = { kind: 'language', offered: [...offered] };
      break;
    case 'accessibility':
      miss = { kind: 'accessibility', missing: c.accessibility.filter((a) => !site!.accessibility.includes(a)) };
      break;
    case 'day':
    case 'time':
      miss = schedule.miss;
      break;
  }

  // reasons, in the order chips are shown
  const reasons: Reason[] = [];
  for (const n of ctx.member.needs) if (menu.needs.includes(n)) reasons.push({ kind: 'need', need: n, rank: ctx.needRank.get(n) ?? 0 });
  if (site === null) reasons.push({ kind: 'outreach' });
  else if (shownMinutes <= ctx.maxMinutes) reasons.push({ kind: 'travel', minutes: shownMinutes, mode: c.travel.mode, distanceM: Math.round(distanceM) });
  reasons.push(...schedule.reasons);
  // 無料 shows once, as the cost chip
  for (const e of c.ease) if (e !== 'free' && (menu.ease as readonly EaseId[]).includes(e)) reasons.push({ kind: 'ease', ease: e });
  if (costOk) reasons.push(free ? { kind: 'cost', free: true } : { kind: 'cost', free: false, yen });
  if (site !== null) for (const a of c.accessibility) if (site.accessibility.includes(a)) reasons.push({ kind: 'accessibility', item: a });
  const special = offered.find((l) => l !== 'ja' && ctx.languages.has(l));
  if (special) reasons.push({ kind: 'language', language: special }); // e.g. やさしい日本語 for someone who asked for it
  if (availability === 'open' || availability === 'few') reasons.push({ kind: 'capacity', availability });
  reasons.push({ kind: 'freshness', verifiedDaysAgo });
  return { match: { menuId: menu.id, siteId: menu.siteId, location, score, minutes: shown, distanceM: Math.round(distanceM), reasons }, miss, missKind };
}
