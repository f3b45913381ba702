import { describe, expect, it } from 'vitest';
import {
  ANY_TIME,
  caseCodeGenerator,
  caseSchema,
  coarsenPoint,
  constraintsSchema,
  effectiveConstraints,
  formatCaseCode,
  homeSchema,
  isCoarsePoint,
  memberSchema,
  memberTargets,
  type Constraints,
} from './model';
import { haversineMeters } from '../geo/distance';
import type { LngLat } from '../model';

const constraints: Constraints = {
  travel: { mode: 'walk', maxMinutes: 15 },
  availability: [{ days: ['TU', 'TH'], from: '13:00', to: '17:00' }],
  accessibility: [],
  languages: ['ja'],
  maxCostYen: 0,
  ease: ['visit_first'],
};

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? '' : r.error!.issues.map((i) => i.message).join(' '));

describe('case codes', () => {
  it('are K-year-counter, padded to four digits, and continue after the last one used', () => {
    expect(formatCaseCode(2026, 42)).toBe('K-2026-0042');
    expect(formatCaseCode(2026, 12345)).toBe('K-2026-12345');
    const next = caseCodeGenerator(2026, 41);
    expect([next(), next()]).toEqual(['K-2026-0042', 'K-2026-0043']);
    expect(() => formatCaseCode(2026, 0)).toThrow(/positive integer/);
  });
});

describe('the home is never finer than about 100 m', () => {
  it('coarsenPoint moves a point at most half a cell diagonal (< 80 m in Japan) and lands on the grid', () => {
    const points: LngLat[] = [[139.60237, 35.86149], [141.35449, 43.06209], [127.68111, 26.21240], [139.6005, 35.8605]];
    for (const p of points) {
      const q = coarsenPoint(p);
      expect(isCoarsePoint(q)).toBe(true);
      expect(coarsenPoint(q)).toEqual(q);
      expect(haversineMeters(p, q)).toBeLessThan(80);
    }
  });

  it('the schema refuses a finer point and says what to do', () => {
    expect(homeSchema.safeParse({ kind: 'point', point: [139.602, 35.861] }).success).toBe(true);
    expect(messages(homeSchema.safeParse({ kind: 'point', point: [139.60237, 35.86149] }))).toContain('約100m単位に丸めてから保存してください');
    expect(homeSchema.safeParse({ kind: 'area', areaId: 'area-kasane-north' }).success).toBe(true);
  });
});

describe('constraints and members', () => {
  it.each<[string, unknown, string]>([
    ['minutes beyond two hours', { ...constraints, travel: { mode: 'bus', maxMinutes: 150 } }, '120分以内'],
    ['no time window', { ...constraints, availability: [] }, '参加できる曜日と時間帯を1つ以上'],
    ['a window ending before it starts', { ...constraints, availability: [{ days: ['MO'], from: '15:00', to: '13:00' }] }, '終了時刻は開始時刻より後'],
    ['a window with no day', { ...constraints, availability: [{ days: [], from: '10:00', to: '12:00' }] }, '曜日を1つ以上'],
    ['no language', { ...constraints, languages: [] }, '言語を1つ以上'],
    ['a negative cost limit', { ...constraints, maxCostYen: -1 }, '0円以上'],
  ])('refuses %s, in Japanese', (_, value, message) => {
    expect(messages(constraintsSchema.safeParse(value))).toContain(message);
  });

  it('accepts any time of day, and 24:00 only as an end', () => {
    expect(constraintsSchema.safeParse({ ...constraints, availability: ANY_TIME }).success).toBe(true);
    expect(messages(constraintsSchema.safeParse({ ...constraints, availability: [{ days: ['MO'], from: '24:00', to: '24:00' }] }))).toContain('24:00');
  });

  it('refuses a member without needs or with a need twice', () => {
    const m = { id: 'm1', relationship: 'self', ageBand: '19-39', targets: [], needs: ['place_to_be'] };
    expect(memberSchema.safeParse(m).success).toBe(true);
    expect(messages(memberSchema.safeParse({ ...m, needs: [] }))).toContain('ニーズを1つ以上');
    expect(messages(memberSchema.safeParse({ ...m, needs: ['meals', 'meals'] }))).toContain('重複');
  });

  it('a case has a code, a team and at least one member with distinct ids', () => {
    const m = { id: 'm1', relationship: 'self', ageBand: '19-39', targets: [], needs: ['place_to_be'] };
    const c = { code: 'K-2026-0042', teamId: 'team-1', status: 'active', home: { kind: 'area', areaId: 'a' }, constraints, members: [m], openedOn: '2026-11-01' };
    expect(caseSchema.safeParse(c).success).toBe(true);
    expect(messages(caseSchema.safeParse({ ...c, code: 'Tanaka' }))).toContain('K-2026-0042 の形式');
    expect(messages(caseSchema.safeParse({ ...c, members: [] }))).toContain('世帯員を1人以上');
    expect(messages(caseSchema.safeParse({ ...c, members: [m, m] }))).toContain('重複');
  });

  it('member overrides replace the household value key by key', () => {
    const e = effectiveConstraints(constraints, { travel: { mode: 'walk', maxMinutes: 10 } });
    expect(e.travel.maxMinutes).toBe(10);
    expect(e.availability).toBe(constraints.availability);
    expect(effectiveConstraints(constraints, undefined)).toBe(constraints);
  });

  it('age bands imply targets that do not depend on circumstances', () => {
    expect(memberTargets({ ageBand: '75+', targets: ['family_carers'] })).toEqual(['older_adults', 'family_carers']);
    expect(memberTargets({ ageBand: '40-64', targets: [] })).toEqual([]);
    expect(memberTargets({ ageBand: '0-5', targets: [] })).toEqual(['infants_with_parents']);
  });
});
