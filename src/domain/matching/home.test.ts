import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../demo/generate';
import { containsPoint } from '../geo/point-in-polygon';
import { isCoarsePoint } from '../case/model';
import { resolveHome, toMatchInput } from './home';

const { areas } = generateDemoDataset();

describe('resolveHome', () => {
  it('a point lies in every area holding it; unmet needs are reported by its 日常生活圏域', () => {
    const h = resolveHome({ kind: 'point', point: [139.6, 35.86] }, areas);
    expect(h.areaIds).toContain('area-kasane');
    const daily = areas.find((a) => a.level === 'daily_life' && h.areaIds.includes(a.id))!;
    expect(h.areaId).toBe(daily.id);
  });

  it('an area home measures from a grid point inside the area and lies in its ancestors', () => {
    for (const area of areas.filter((a) => a.level !== 'municipality')) {
      const h = resolveHome({ kind: 'area', areaId: area.id }, areas);
      expect(isCoarsePoint(h.point)).toBe(true);
      expect(containsPoint(area.geometry, h.point)).toBe(true);
      expect(h.areaIds[0]).toBe(area.id);
      if (area.parentId) expect(h.areaIds).toContain(area.parentId);
    }
  });

  it('says what to do about an unknown area', () => {
    expect(() => resolveHome({ kind: 'area', areaId: 'nowhere' }, areas)).toThrow(/load the areas/);
  });
});

describe('toMatchInput', () => {
  it('merges overrides and adds the targets implied by the age band', () => {
    const input = toMatchInput(
      {
        constraints: { travel: { mode: 'walk', maxMinutes: 15 }, availability: [{ days: ['MO'], from: '09:00', to: '12:00' }], accessibility: [], languages: ['ja'], maxCostYen: null, ease: [] },
        members: [{ id: 'g', relationship: 'grandparent', ageBand: '75+', targets: [], needs: ['exercise_health'], overrides: { travel: { mode: 'walk', maxMinutes: 10 } } }],
      },
      { point: [139.6, 35.86], areaIds: [], areaId: null },
    );
    expect(input.members[0]).toMatchObject({ id: 'g', targets: ['older_adults'], constraints: { travel: { maxMinutes: 10 }, maxCostYen: null } });
  });
});
