// matching_candidates sends one array per row (20261130090000): the decoder names the columns,
// fills what every row shares (published) and refuses a row of another shape, so a migration that
// adds or moves a column fails here by name instead of ranking on the wrong field.
import { describe, expect, it } from 'vitest';
import { pairCandidates } from '../../domain/matching/matching-index';
import { RowShapeError, toMatchingCandidates } from './rows';

const schedule = { rules: [{ freq: 'WEEKLY', interval: 1, byday: ['TU'], opensAt: '10:00', closesAt: '12:00' }], closedOnHolidays: false, irregular: false };
const site = ['site-1', 139.0036, 36.3319, ['wheelchair'], 'public', false];
const menu = ['menu-1', 'site-1', ['meals'], ['anyone'], null, 18, schedule, 'fixed', 300, 'few', ['free'], ['ja', 'easy_ja'], [], '2026-11-01', 'staff'];
const outreach = ['menu-2', null, ['watching_over'], ['older_adults'], 65, null, schedule, 'free', null, 'open', [], [], ['area-1'], '2026-10-01', 'public'];

describe('toMatchingCandidates', () => {
  it('reads the positional rows into what the engine matches on', () => {
    const { sites, menus } = toMatchingCandidates({ sites: [site], menus: [menu, outreach] });
    expect(sites).toEqual([{ id: 'site-1', location: [139.0036, 36.3319], accessibility: ['wheelchair'], status: 'published', visibility: 'public', confidential: false }]);
    expect(menus[0]).toEqual({
      id: 'menu-1',
      siteId: 'site-1',
      needs: ['meals'],
      targets: ['anyone'],
      ageMax: 18,
      schedule,
      cost: { kind: 'fixed', amountYen: 300 },
      capacity: { availability: 'few' },
      ease: ['free'],
      languages: ['ja', 'easy_ja'],
      serviceAreaIds: [],
      lastVerified: '2026-11-01',
      visibility: 'staff',
      status: 'published',
    });
    expect(menus[1]).toMatchObject({ id: 'menu-2', siteId: null, ageMin: 65, cost: { kind: 'free' }, serviceAreaIds: ['area-1'] });
    expect(menus[1]).not.toHaveProperty('ageMax');
    expect(pairCandidates(sites, menus).map((c) => [c.menu.id, c.site?.id ?? null])).toEqual([
      ['menu-1', 'site-1'],
      ['menu-2', null],
    ]);
  });

  it('refuses rows of another shape, naming the field', () => {
    expect(() => toMatchingCandidates({ sites: [site.slice(0, 5)], menus: [] })).toThrow(RowShapeError);
    expect(() => toMatchingCandidates({ sites: [], menus: [[...menu, 'extra']] })).toThrow(/menu\.\(row of 15\)/);
    expect(() => toMatchingCandidates({ sites: [], menus: [menu.map((v, i) => (i === 2 ? 'meals' : v))] })).toThrow(/menu\.needs/);
    expect(() => toMatchingCandidates({ sites: [{ id: 'site-1' }], menus: [] })).toThrow(RowShapeError);
  });
});
