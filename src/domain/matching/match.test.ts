import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../demo/generate';
import type { Menu, Site, LngLat } from '../model';
import { ACCESSIBILITY, EASE, LANGUAGES, NEEDS, TARGETS } from '../taxonomy';
import { WEEKDAYS } from '../weekdays';
import { haversineMeters } from '../geo/distance';
import { hasEnded, isOpenInWindow } from '../schedule/occurrences';
import { offsetMeters } from '../geo/local-projection';
import { AGE_BANDS, AGE_BAND_RANGE, TRAVEL_MODES, TRAVEL_SPEED_M_PER_MIN, memberTargets, type Constraints, type TimeWindow } from '../case/model';
import { buildMatchingIndex, pairCandidates } from './matching-index';
import { matchHousehold, matchMember } from './match';
import { resolveHome } from './home';
import { ROUTE_FACTOR } from './travel';
import type { Candidate, MatchInput, MatchMember, MatchOptions, MenuMatch, ResolvedHome } from './types';
import { HOME, TODAY, member, menu, pair, pick, rng, shuffled, site, some } from './test-fixtures';

// three towns: enough for homes near town borders and far-reaching bus and car trips
const demo = generateDemoDataset({ sites: 1800, today: TODAY });
const index = buildMatchingIndex(demo.sites, demo.menus);
const all = pairCandidates(demo.sites, demo.menus);
const ALL: MatchOptions = { today: TODAY, limit: Infinity, nearMissLimit: Infinity };

type R = () => number;

function randomWindow(r: R): TimeWindow {
  const from = pick(r, ['06:00', '09:00', '10:00', '13:00', '15:00', '18:00']);
  const to = pick(r, ['12:00', '17:00', '21:00', '24:00'].filter((t) => t > from));
  return { days: some(r, WEEKDAYS, 4), from, to };
}

function randomConstraints(r: R): Constraints {
  const mode = pick(r, TRAVEL_MODES);
  return {
    travel: { mode, maxMinutes: mode === 'walk' ? 5 + Math.floor(r() * 30) : 5 + Math.floor(r() * 40) },
    availability: Array.from({ length: 1 + Math.floor(r() * 2) }, () => randomWindow(r)),
    accessibility: r() < 0.4 ? some(r, ACCESSIBILITY, 2) : [],
    languages: r() < 0.8 ? ['ja'] : some(r, LANGUAGES, 2),
    maxCostYen: pick(r, [0, 0, 300, 500, 1000, null]),
    ease: r() < 0.5 ? some(r, EASE, 3) : [],
  };
}

function randomMember(r: R, id: string): MatchMember {
  const ageBand = pick(r, AGE_BANDS);
  const targets = r() < 0.5 ? some(r, TARGETS, 2) : [];
  return { id, ageBand, targets: memberTargets({ ageBand, targets }), needs: some(r, NEEDS, 3), constraints: randomConstraints(r) };
}

function randomHome(r: R): ResolvedHome {
  const anchor = pick(r, demo.sites).location;
  const p: LngLat = [Math.round((anchor[0] + (r() - 0.5) * 0.03) * 1000) / 1000, Math.round((anchor[1] + (r() - 0.5) * 0.03) * 1000) / 1000];
  return resolveHome({ kind: 'point', point: p }, demo.areas);
}

function randomInput(r: R, members = 1 + Math.floor(r() * 3)): MatchInput {
  return { home: randomHome(r), members: Array.from({ length: members }, (_, i) => randomMember(r, `m${i + 1}`)) };
}

function randomOptions(r: R): MatchOptions {
  return { ...ALL, viewer: r() < 0.3 ? 'public' : 'staff', includeConfidential: r() < 0.2 };
}

const byMenuId = new Map(all.map((c) => [c.menu.id, c] as const));

/** every hard filter, written out plainly from DOMAIN.md and docs/matching.md: the test oracle */
function passesEveryHardFilter(m: MatchMember, home: ResolvedHome, c: Candidate, o: MatchOptions): boolean {
  const { menu: x, site: s } = c;
  const k = m.constraints;
  const staff = o.viewer !== 'public';
  if (x.status !== 'published' || (x.visibility === 'staff' && !staff)) return false;
  if (s && (s.status !== 'published' || (s.visibility === 'staff' && !staff) || (s.confidential && !(staff && o.includeConfidential)))) return false;
  if (!x.needs.some((n) => m.needs.includes(n))) return false;
  if (!x.targets.some((t) => t === 'anyone' || m.targets.includes(t))) return false;
  const [lo, hi] = AGE_BAND_RANGE[m.ageBand];
  if ((x.ageMax ?? 120) < lo || (x.ageMin ?? 0) > hi) return false;
  if (s) {
    const minutes = (haversineMeters(home.point, s.location) * ROUTE_FACTOR) / TRAVEL_SPEED_M_PER_MIN[k.travel.mode];
    if (minutes > k.travel.maxMinutes + 1e-9) return false;
    if (!k.accessibility.every((a) => s.accessibility.includes(a))) return false;
    if (x.serviceAreaIds.length > 0 && !x.serviceAreaIds.some((a) => home.areaIds.includes(a))) return false;
  } else if (!x.serviceAreaIds.some((a) => home.areaIds.includes(a))) return false;
  if (hasEnded(x.schedule, o.today)) return false;
  const fits = k.availability.some((w) => w.days.some((d) => isOpenInWindow(x.schedule, d, w.from, w.to, { asOf: o.today })));
  if (!fits && !x.schedule.irregular) return false;
  if (!(x.languages.length ? x.languages : (['ja'] as const)).some((l) => k.languages.includes(l))) return false;
  const free = x.cost.kind === 'free' || x.cost.amountYen === 0;
  if (!free && k.maxCostYen !== null) {
    if (x.cost.kind === 'fixed' && x.cost.amountYen !== undefined ? x.cost.amountYen > k.maxCostYen : k.maxCostYen === 0) return false;
  }
  if (x.capacity.availability === 'full') return false;
  return true;
}

const ids = (ms: readonly MenuMatch[]) => ms.map((m) => m.menuId);
const TRIALS = 60;

describe('matching properties on the demo dataset (three towns)', () => {
  it('every result passes every hard filter; every near miss fails at least one', () => {
    const r = rng(1);
    let results = 0;
    for (let t = 0; t < TRIALS; t++) {
      const input = randomInput(r);
      const o = randomOptions(r);
      const out = matchHousehold(input, index, o);
      out.members.forEach((res, i) => {
        const m = input.members[i]!;
        for (const x of res.matches) expect(passesEveryHardFilter(m, input.home, byMenuId.get(x.menuId)!, o), x.menuId).toBe(true);
        for (const x of res.nearMisses) expect(passesEveryHardFilter(m, input.home, byMenuId.get(x.menuId)!, o), x.menuId).toBe(false);
        results += res.matches.length;
      });
    }
    expect(results).toBeGreaterThan(100); // the property is not vacuous
  });

  it('nothing the oracle accepts is missing (the naive scan finds exactly the oracle set)', () => {
    const r = rng(2);
    for (let t = 0; t < 15; t++) {
      const m = randomMember(r, 'm1');
      const home = randomHome(r);
      const o = randomOptions(r);
      const expected = all.filter((c) => passesEveryHardFilter(m, home, c, o)).map((c) => c.menu.id).sort();
      expect(ids(matchMember(m, home, index, o).matches).sort()).toEqual(expected);
    }
  });

  it('the indexed engine returns exactly what the naive scan returns', () => {
    const r = rng(3);
    for (let t = 0; t < TRIALS; t++) {
      const input = randomInput(r);
      const o = { ...randomOptions(r), limit: pick(r, [5, 50, Infinity]), nearMissLimit: pick(r, [5, 20, Infinity]) };
      expect(matchHousehold(input, index, o)).toEqual(matchHousehold(input, all, o));
    }
  });

  it('is deterministic and independent of the order of the input', () => {
    const r = rng(4);
    const shuffledIndex = buildMatchingIndex(shuffled(r, demo.sites), shuffled(r, demo.menus));
    const shuffledList = shuffled(r, all);
    for (let t = 0; t < 20; t++) {
      const input = randomInput(r);
      const o = randomOptions(r);
      const first = matchHousehold(input, index, o);
      expect(matchHousehold(input, index, o)).toEqual(first);
      expect(matchHousehold(input, shuffledIndex, o)).toEqual(first);
      expect(matchHousehold(input, shuffledList, o)).toEqual(first);
    }
  });

  it.each<[string, (c: Constraints, r: R) => Constraints]>([
    ['more minutes', (c, r) => ({ ...c, travel: { ...c.travel, maxMinutes: Math.min(120, c.travel.maxMinutes + 1 + Math.floor(r() * 20)) } })],
    ['more weekdays and hours', (c, r) => ({ ...c, availability: [...c.availability, randomWindow(r)] })],
    ['a higher cost limit', (c, r) => ({ ...c, maxCostYen: c.maxCostYen === null ? null : r() < 0.3 ? null : c.maxCostYen + pick(r, [100, 300, 1000]) })],
    ['fewer accessibility requirements', (c) => ({ ...c, accessibility: c.accessibility.slice(1) })],
    ['more languages', (c, r) => ({ ...c, languages: [...new Set([...c.languages, pick(r, LANGUAGES)])] })],
  ])('relaxing a constraint never removes a result: %s', (_, relax) => {
    const r = rng(5);
    let kept = 0;
    for (let t = 0; t < TRIALS; t++) {
      const m = randomMember(r, 'm1');
      const home = randomHome(r);
      const o = randomOptions(r);
      const before = ids(matchMember(m, home, index, o).matches);
      const after = new Set(ids(matchMember({ ...m, constraints: relax(m.constraints, r) }, home, index, o).matches));
      for (const id of before) expect(after.has(id), id).toBe(true);
      kept += before.length;
    }
    expect(kept).toBeGreaterThan(50); // not vacuous
  });

  it('with all else equal, nearer ranks higher', () => {
    const r = rng(6);
    let compared = 0;
    const listed = all.filter((c) => c.site && c.menu.status === 'published' && c.site.status === 'published' && !c.site.confidential && c.menu.capacity.availability !== 'full');
    for (let t = 0; t < 40; t++) {
      const c = pick(r, listed);
      const m: MatchMember = { ...member({ needs: [c.menu.needs[0]!], targets: [...c.menu.targets] }, { availability: [{ days: [...WEEKDAYS], from: '00:00', to: '24:00' }], maxCostYen: null, languages: ['ja', ...c.menu.languages] }) };
      const home: ResolvedHome = { point: c.site!.location, areaIds: [...c.menu.serviceAreaIds], areaId: null };
      // the same menu at two distances along a random bearing
      const angle = r() * 2 * Math.PI;
      const d1 = 50 + r() * 500;
      const d2 = d1 + 10 + r() * 300;
      const at = (id: string, d: number): Candidate => ({ site: { ...c.site!, id, location: offsetMeters(home.point, d * Math.cos(angle), d * Math.sin(angle)) }, menu: { ...c.menu, id: `${id}-menu`, siteId: id } });
      const res = matchMember(m, home, [at('z-far', d2), at('a-near', d1)], ALL);
      if (res.matches.length < 2) continue; // the menu's own age range may not fit the fixture member
      expect(ids(res.matches)).toEqual(['a-near-menu', 'z-far-menu']);
      expect(res.matches[0]!.score).toBeGreaterThan(res.matches[1]!.score);
      compared++;
    }
    expect(compared).toBeGreaterThan(20); // not vacuous
  });
});

describe('household mode', () => {
  it("puts every member's matched sites on one map, shared sites first", () => {
    const s1 = site('s1', 300);
    const s2 = site('s2', 600);
    const menus = [menu('a', 's1'), menu('b', 's1', { needs: ['exercise_health'] }), menu('c', 's2', { needs: ['exercise_health'] })];
    const candidates = menus.map((x) => pair(x.siteId === 's1' ? s1 : s2, x));
    const input: MatchInput = { home: HOME, members: [member({ id: 'mother' }), member({ id: 'grandfather', ageBand: '75+', needs: ['exercise_health'] })] };
    const out = matchHousehold(input, candidates, ALL);
    expect(out.members.map((m) => ids(m.matches))).toEqual([['a'], ['b', 'c']]);
    expect(out.places.map((p) => [p.siteId, p.offers.map((x) => `${x.memberId}:${x.menuId}`)])).toEqual([
      ['s1', ['mother:a', 'grandfather:b']],
      ['s2', ['grandfather:c']],
    ]);
    expect(out.places[0]!.location).toEqual(s1.location);
    expect(out.unmetNeeds).toEqual([{ memberId: 'mother', need: 'socializing', areaId: 'area-north', blockingConstraint: 'no_menu', date: TODAY }]);
  });

  it('limits cut the lists but not the unmet-need records', () => {
    const many: Menu[] = Array.from({ length: 30 }, (_, i) => menu(`m${String(i).padStart(2, '0')}`, 's1'));
    const s1: Site = site('s1', 300);
    const res = matchMember(member(), HOME, many.map((x) => pair(s1, x)), { today: TODAY, limit: 10 });
    expect(res.matches).toHaveLength(10);
    expect(ids(res.matches)).toEqual(many.slice(0, 10).map((x) => x.id)); // equal scores: by id
  });
});
