// Matching a stored case on the staff catalog, and the what-if relaxations of the results screen:
// each one only widens, so no result is ever lost; the index is built once per catalog.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecord, StaffCatalog } from '../../../data/case-port';
import { staffCatalogOf } from '../../../data/local/staff-catalog';
import { generateDemoDataset } from '../../../domain/demo/generate';
import { endOfWeek } from '../components/labels';
import { indexOf, isRelaxed, matchCase, matchRelaxed, NO_RELAXATION, relax, type Relaxation } from './matching';

const today = '2026-11-01';
let catalog: StaffCatalog;
beforeAll(() => {
  catalog = staffCatalogOf(generateDemoDataset({ today }));
});

const household = (areaId: string): CaseRecord => ({
  id: 'c',
  code: 'K-2026-0001',
  teamId: 't',
  status: 'active',
  openedOn: today,
  createdAt: '',
  updatedAt: '',
  home: { kind: 'area', areaId },
  constraints: { travel: { mode: 'walk', maxMinutes: 15 }, availability: [{ days: ['TU', 'TH'], from: '13:00', to: '17:00' }], accessibility: ['wheelchair'], languages: ['ja'], maxCostYen: 0, ease: ['visit_first'] },
  members: [
    { id: 'm1', relationship: 'self', ageBand: '75+', targets: [], needs: ['socializing', 'exercise_health'] },
    { id: 'm2', relationship: 'child', ageBand: '40-64', targets: ['family_carers'], needs: ['consultation', 'place_to_be'] },
  ],
});

const RELAXATIONS: Relaxation[] = [
  { ...NO_RELAXATION, extraMinutes: 10 },
  { ...NO_RELAXATION, extraMinutes: 30 },
  { ...NO_RELAXATION, anyTime: true },
  { ...NO_RELAXATION, anyCost: true },
  { ...NO_RELAXATION, noAccessibility: true },
  { ...NO_RELAXATION, anyLanguage: true },
  { extraMinutes: 30, anyTime: true, anyCost: true, noAccessibility: true, anyLanguage: true },
];

describe('matching a case in the staff area', () => {
  it('builds the index once per catalog', () => {
    expect(indexOf(catalog)).toBe(indexOf(catalog));
  });

  it('relaxing a constraint never removes a result, for every member of households across the town', () => {
    const areas = catalog.areas.filter((a) => a.level === 'daily_life');
    let grew = 0;
    for (const area of areas) {
      const m = matchCase(household(area.id), catalog, today);
      for (const member of m.result.members) {
        for (const r of RELAXATIONS) {
          const relaxed = matchRelaxed(m, member.memberId, r, catalog, today);
          const ids = new Set(relaxed.matches.map((x) => x.menuId));
          for (const before of member.matches) expect(ids.has(before.menuId), `${area.name} ${member.memberId} ${JSON.stringify(r)}`).toBe(true);
          if (relaxed.matches.length > member.matches.length) grew++;
        }
      }
    }
    expect(grew).toBeGreaterThan(0); // the relaxations do something
  });

  it('relaxes only what was asked, and knows when nothing is relaxed', () => {
    const c = household('x').constraints;
    expect(relax(c, NO_RELAXATION)).toEqual(c);
    expect(isRelaxed(NO_RELAXATION)).toBe(false);
    expect(relax(c, { ...NO_RELAXATION, extraMinutes: 200 }).travel.maxMinutes).toBe(120);
    expect(relax(c, { ...NO_RELAXATION, anyCost: true })).toEqual({ ...c, maxCostYen: null });
  });

  it('ends the week on Sunday', () => {
    expect(endOfWeek('2026-11-26')).toBe('2026-11-29'); // Thursday
    expect(endOfWeek('2026-11-29')).toBe('2026-11-29'); // Sunday
    expect(endOfWeek('2026-11-30')).toBe('2026-12-06'); // Monday
  });
});
