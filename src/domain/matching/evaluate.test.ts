import { describe, expect, it } from 'vitest';
import type { Menu, Site } from '../model';
import { isOpenInWindow } from '../schedule/occurrences';
import { WEEKDAYS } from '../weekdays';
import { compileMember, compileMenu, evaluate } from './evaluate';
import { matchMember } from './match';
import type { Constraints } from '../case/model';
import type { MatchMember, MatchOptions, Miss, Reason } from './types';
import { HOME, TODAY, member, menu, pair, rng, pick, some, site } from './test-fixtures';
import { generateDemoDataset } from '../demo/generate';

const OPTIONS: MatchOptions = { today: TODAY, limit: Infinity, nearMissLimit: Infinity };

/** what one candidate becomes for one member: a match, a near miss, or nothing */
function outcome(s: Site | null, m: Menu, mem: MatchMember = member(), options: Partial<MatchOptions> = {}) {
  const r = matchMember(mem, HOME, [pair(s, m)], { ...OPTIONS, ...options });
  if (r.matches.length) return { match: r.matches[0]! };
  if (r.nearMisses.length) return { miss: r.nearMisses[0]!.miss };
  return 'nothing' as const;
}

const near = site('s-near', 700); // 700 m: walk 700 × 1.3 / 80 = 11.4 → 12 min

describe('reasons: why a menu fits', () => {
  it('lists need, travel, schedule, ease, cost, capacity and freshness, in chip order', () => {
    const o = outcome(near, menu('m', 's-near'));
    expect(o).not.toBe('nothing');
    expect((o as { match: { reasons: Reason[] } }).match.reasons).toEqual([
      { kind: 'need', need: 'place_to_be', rank: 1 },
      { kind: 'travel', minutes: 12, mode: 'walk', distanceM: 700 },
      { kind: 'schedule', weekday: 'TU', window: '13:00-17:00', session: '13:30-15:30' },
      { kind: 'ease', ease: 'visit_first' },
      { kind: 'cost', free: true },
      { kind: 'capacity', availability: 'open' },
      { kind: 'freshness', verifiedDaysAgo: 60 },
    ]);
  });

  it.each<[string, Partial<Menu>, Partial<Constraints>, Reason]>([
    ['second need', { needs: ['socializing'] }, {}, { kind: 'need', need: 'socializing', rank: 2 }],
    ['a fee within the limit', { cost: { kind: 'fixed', amountYen: 300 } }, { maxCostYen: 500 }, { kind: 'cost', free: false, yen: 300 }],
    ['an unknown fee with a limit', { cost: { kind: 'varies' } }, { maxCostYen: 500 }, { kind: 'cost', free: false, yen: null }],
    ['few places left', { capacity: { availability: 'few' } }, {}, { kind: 'capacity', availability: 'few' }],
    ['Thursday too', { schedule: { rules: [{ freq: 'MONTHLY', interval: 1, byday: ['2TH'], opensAt: '14:00', closesAt: '16:00' }], closedOnHolidays: true, irregular: false } }, {}, { kind: 'schedule', weekday: 'TH', window: '13:00-17:00', session: '14:00-16:00' }],
    ['dates arranged', { schedule: { rules: [], closedOnHolidays: false, irregular: true } }, {}, { kind: 'schedule_arranged' }],
    ['やさしい日本語 asked and offered', { languages: ['ja', 'easy_ja'] }, { languages: ['easy_ja'] }, { kind: 'language', language: 'easy_ja' }],
    ['ease preference met', { ease: ['solo_friendly'] }, { ease: ['solo_friendly'] }, { kind: 'ease', ease: 'solo_friendly' }],
  ])('%s', (_, menuExtra, constraints, reason) => {
    const o = outcome(near, menu('m', 's-near', menuExtra), member({}, constraints));
    expect(o).toHaveProperty('match');
    expect((o as { match: { reasons: Reason[] } }).match.reasons).toContainEqual(reason);
  });

  it('a required accessibility item present at the site is a reason', () => {
    const o = outcome(site('s', 700, 0, { accessibility: ['wheelchair', 'parking'] }), menu('m', 's'), member({}, { accessibility: ['wheelchair'] }));
    expect((o as { match: { reasons: Reason[] } }).match.reasons).toContainEqual({ kind: 'accessibility', item: 'wheelchair' });
  });

  it('outreach in the home area comes to the home: no travel, no accessibility of a site', () => {
    const o = outcome(null, menu('m', null, { serviceAreaIds: ['area-north'] }), member({}, { accessibility: ['wheelchair'] }));
    expect(o).toHaveProperty('match');
    const { match } = o as { match: { reasons: Reason[]; minutes: number; location: unknown } };
    expect(match.reasons).toContainEqual({ kind: 'outreach' });
    expect(match.minutes).toBe(0);
    expect(match.location).toBeNull();
  });

  it('free counts as an ease preference but shows once, as the cost chip', () => {
    const o = outcome(near, menu('m', 's-near', { ease: [] }), member({}, { ease: ['free'] }));
    const reasons = (o as { match: { reasons: Reason[] } }).match.reasons;
    expect(reasons.filter((r) => r.kind === 'ease')).toEqual([]);
    expect(reasons).toContainEqual({ kind: 'cost', free: true });
  });
});

describe('near misses: exactly one hard constraint fails, named with how far off', () => {
  const S = near;
  const twoOverMonthly = { rules: [{ freq: 'WEEKLY' as const, interval: 1, byday: ['SA'], opensAt: '10:00', closesAt: '12:00' }], closedOnHolidays: false, irregular: false };
  it.each<[string, Site | null, Partial<Menu>, Partial<Constraints>, Partial<MatchMember>, Miss]>([
    ['23 minutes on foot when 15 were asked', site('s-far', 1400), {}, {}, {}, { kind: 'distance', minutes: 23, limit: 15, mode: 'walk' }],
    ['only on Saturdays', S, { schedule: twoOverMonthly }, {}, {}, { kind: 'day', only: ['SA'] }],
    ['Tuesday mornings only, free in the afternoon', S, { schedule: { ...twoOverMonthly, rules: [{ ...twoOverMonthly.rules[0]!, byday: ['TU'] }] } }, {}, {}, { kind: 'time', weekday: 'TU', session: '10:00-12:00', window: '13:00-17:00' }],
    ['for older adults', S, { targets: ['older_adults'] }, {}, {}, { kind: 'target', targets: ['older_adults'] }],
    ['65 and over', S, { ageMin: 65 }, {}, {}, { kind: 'age', ageMin: 65, ageMax: null }],
    ['no wheelchair access', S, {}, { accessibility: ['wheelchair', 'parking'] }, {}, { kind: 'accessibility', missing: ['wheelchair', 'parking'] }],
    ['Japanese only', S, {}, { languages: ['vi'] }, {}, { kind: 'language', offered: ['ja'] }],
    ['300 yen when free only', S, { cost: { kind: 'fixed', amountYen: 300 } }, {}, {}, { kind: 'cost', yen: 300, limit: 0 }],
    ['500 yen over a 300 yen limit', S, { cost: { kind: 'fixed', amountYen: 500 } }, { maxCostYen: 300 }, {}, { kind: 'cost', yen: 500, limit: 300 }],
    ['an unknown fee when free only', S, { cost: { kind: 'varies', note: '実費' } }, {}, {}, { kind: 'cost', yen: null, limit: 0 }],
    ['for another area', S, { serviceAreaIds: ['area-south'] }, {}, {}, { kind: 'area' }],
    ['full', S, { capacity: { availability: 'full' } }, {}, {}, { kind: 'full' }],
  ])('%s', (_, s, menuExtra, constraints, memberExtra, miss) => {
    expect(outcome(s, menu('m', s?.id ?? null, menuExtra), member(memberExtra, constraints))).toEqual({ miss });
  });

  it.each<[string, Site | null, Partial<Menu>, Partial<Constraints>, MatchOptions | object]>([
    ['two constraints fail (full and far)', site('s-far', 1400), { capacity: { availability: 'full' } }, {}, {}],
    ['more than twice the minutes away', site('s-very-far', 1900), {}, {}, {}],
    ['serves none of the needs', near, { needs: ['meals'] }, {}, {}],
    ['a draft', near, { status: 'draft' }, {}, {}],
    ['pending review', near, { status: 'pending' }, {}, {}],
    ['archived', near, { status: 'archived' }, {}, {}],
    ['staff-only, for a public viewer', near, { visibility: 'staff' }, {}, { viewer: 'public' }],
    ['ended (every rule before today)', near, { schedule: { rules: [{ freq: 'WEEKLY', interval: 1, byday: ['TU'], opensAt: '13:30', closesAt: '15:30', validTo: '2026-10-01' }], closedOnHolidays: false, irregular: false } }, {}, {}],
    ['outreach without a service area', null, {}, {}, {}],
    ['outreach for another area', null, { serviceAreaIds: ['area-south'] }, {}, {}],
  ])('nothing at all: %s', (_, s, menuExtra, constraints, options) => {
    expect(outcome(s, menu('m', s?.id ?? null, menuExtra), member({}, constraints), options)).toBe('nothing');
  });

  it('staff see staff-only menus; nobody sees a confidential site unless staff ask for it', () => {
    expect(outcome(near, menu('m', 's-near', { visibility: 'staff' }))).toHaveProperty('match');
    const hidden = site('s-c', 700, 0, { confidential: true, publicContactSiteId: 's-near' });
    expect(outcome(hidden, menu('m', 's-c'))).toBe('nothing');
    expect(outcome(hidden, menu('m', 's-c'), member(), { includeConfidential: true })).toHaveProperty('match');
    expect(outcome(hidden, menu('m', 's-c'), member(), { includeConfidential: true, viewer: 'public' })).toBe('nothing');
    expect(outcome(site('s-d', 700, 0, { status: 'draft' }), menu('m', 's-d'))).toBe('nothing');
  });
});

describe('unmet needs: a need no match serves, with the constraint that blocked it', () => {
  const run = (menus: Menu[], sites: Site[], needs: MatchMember['needs']) => {
    const byId = new Map(sites.map((s) => [s.id, s] as const));
    return matchMember(member({ needs }), HOME, menus.map((m) => pair(m.siteId ? byId.get(m.siteId)! : null, m)), OPTIONS).unmetNeeds;
  };
  const far = site('s-far', 1400);
  it.each<[string, Menu[], MatchMember['needs'], { need: string; blockingConstraint: string }[]]>([
    ['nothing serves it at all', [menu('a', 's-near')], ['place_to_be', 'meals'], [{ need: 'meals', blockingConstraint: 'no_menu' }]],
    ['every need served', [menu('a', 's-near'), menu('b', 's-near', { needs: ['meals'] })], ['place_to_be', 'meals'], []],
    ['the most common near miss wins', [menu('a', 's-near', { needs: ['meals'], capacity: { availability: 'full' } }), menu('b', 's-near', { needs: ['meals'], ageMin: 70 }), menu('c', 's-far', { needs: ['meals'] }), menu('d', 's-far', { needs: ['meals'], id: 'd' })], ['meals'], [{ need: 'meals', blockingConstraint: 'distance' }]],
    ['age and target count as one group', [menu('a', 's-near', { needs: ['meals'], ageMin: 70 }), menu('b', 's-near', { needs: ['meals'], targets: ['teens'] }), menu('c', 's-far', { needs: ['meals'] })], ['meals'], [{ need: 'meals', blockingConstraint: 'target' }]],
    ['ties go to the first in BLOCKING_CONSTRAINTS order', [menu('a', 's-near', { needs: ['meals'], cost: { kind: 'fixed', amountYen: 800 } }), menu('b', 's-near', { needs: ['meals'], schedule: { rules: [{ freq: 'WEEKLY', interval: 1, byday: ['SU'], opensAt: '10:00', closesAt: '12:00' }], closedOnHolidays: false, irregular: false } })], ['meals'], [{ need: 'meals', blockingConstraint: 'schedule' }]],
    ['a full place blocks as capacity', [menu('a', 's-near', { needs: ['meals'], capacity: { availability: 'full' } })], ['meals'], [{ need: 'meals', blockingConstraint: 'capacity' }]],
  ])('%s', (_, menus, needs, expected) => {
    const records = run(menus, [near, far], needs);
    expect(records.map(({ need, blockingConstraint }) => ({ need, blockingConstraint }))).toEqual(expected);
    for (const r of records) expect(r).toMatchObject({ memberId: 'm1', areaId: 'area-north', date: TODAY });
  });
});

describe('the compiled schedule check agrees with isOpenInWindow', () => {
  it('on every demo schedule, for random windows', () => {
    const { menus } = generateDemoDataset({ sites: 300 });
    const r = rng(7);
    const times = ['00:00', '06:00', '09:00', '10:00', '12:00', '13:00', '15:30', '17:00', '19:00', '21:00', '24:00'];
    for (let i = 0; i < 3000; i++) {
      const m = pick(r, menus);
      if (m.schedule.rules.length === 0) continue;
      const [a, b] = [pick(r, times), pick(r, times)].sort();
      if (a === b) continue;
      const days = some(r, WEEKDAYS, 3);
      const mem = member({}, { availability: [{ days, from: a!, to: b! }] });
      const ctx = compileMember(mem, HOME, TODAY);
      const ev = evaluate(ctx, HOME, pair(null, { ...m, siteId: null, serviceAreaIds: ['area-north'], needs: ['place_to_be'], targets: ['anyone'], status: 'published', visibility: 'public', capacity: { availability: 'open' }, cost: { kind: 'free' }, languages: ['ja'] }), { today: TODAY }, compileMenu(m));
      const expected = days.filter((d) => isOpenInWindow(m.schedule, d, a!, b!, { asOf: TODAY }));
      if (ev === null) continue; // ended schedules are gated
      const fitted = ev.match.reasons.filter((x) => x.kind === 'schedule').map((x) => (x as { weekday: string }).weekday);
      expect(fitted).toEqual(WEEKDAYS.filter((d) => expected.includes(d)));
      if (expected.length === 0 && !m.schedule.irregular) expect(ev.miss?.kind === 'day' || ev.miss?.kind === 'time').toBe(true);
    }
  });
});
