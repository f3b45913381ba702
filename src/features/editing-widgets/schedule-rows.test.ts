import { describe, expect, it } from 'vitest';
import { scheduleRuleSchema, scheduleSchema, type ScheduleRule } from '../../domain/model';
import { randomSchedule, seededRandom } from '../../domain/schedule/random-schedule';
import { createRng } from '../../domain/demo/rng';
import { sessionsBetween } from '../../domain/schedule/occurrences';
import { SCHEDULE_FIXTURES } from '../../domain/schedule/schedule-fixtures';
import { WEEKDAYS } from '../../domain/weekdays';
import {
  ORDINALS,
  emptyRow,
  isRowValid,
  nextRow,
  parseTime,
  rowToRule,
  rowsFromRules,
  rowsToRules,
  validateRow,
  withKind,
  type RowKind,
  type ScheduleRow,
} from './schedule-rows';

const row = (patch: Partial<ScheduleRow>): ScheduleRow => ({
  ...emptyRow(),
  opensAt: '10:00',
  closesAt: '12:00',
  ...patch,
});

describe('schedule rows → rules', () => {
  it.each<[string, Partial<ScheduleRow>, Partial<ScheduleRule>]>([
    [
      '毎週 火・木',
      { kind: 'weekly', weekdays: ['TH', 'TU'] },
      { freq: 'WEEKLY', interval: 1, byday: ['TU', 'TH'] },
    ],
    [
      '隔週 水 from a date',
      { kind: 'biweekly', weekdays: ['WE'], validFrom: '2026-04-01' },
      { freq: 'WEEKLY', interval: 2, byday: ['WE'], validFrom: '2026-04-01' },
    ],
    [
      '毎月 第2・第4 火',
      { kind: 'monthly', weekdays: ['TU'], ordinals: [4, 2] },
      { freq: 'MONTHLY', interval: 1, byday: ['2TU', '4TU'] },
    ],
    [
      '毎月 第1・最終 月・金',
      { kind: 'monthly', weekdays: ['FR', 'MO'], ordinals: [-1, 1] },
      { freq: 'MONTHLY', byday: ['1MO', '-1MO', '1FR', '-1FR'] },
    ],
    [
      'with an end date',
      { kind: 'weekly', weekdays: ['SA'], validTo: '2026-08-31' },
      { byday: ['SA'], validTo: '2026-08-31' },
    ],
  ])('%s', (_name, patch, expected) => {
    const rule = rowToRule(row(patch));
    expect(rule).toMatchObject({ opensAt: '10:00', closesAt: '12:00', ...expected });
    expect(scheduleRuleSchema.safeParse(rule).success).toBe(true);
    // no empty period fields in the data
    if (!patch.validFrom) expect(rule).not.toHaveProperty('validFrom');
    if (!patch.validTo) expect(rule).not.toHaveProperty('validTo');
  });
});

describe('rules → rows', () => {
  it('reads the three kinds back', () => {
    const rows = rowsFromRules([
      { freq: 'WEEKLY', interval: 1, byday: ['MO', 'WE'], opensAt: '09:00', closesAt: '11:00' },
      {
        freq: 'WEEKLY',
        interval: 2,
        byday: ['TH'],
        opensAt: '13:00',
        closesAt: '15:00',
        validFrom: '2026-01-08',
      },
      { freq: 'MONTHLY', interval: 1, byday: ['2SA', '-1SA'], opensAt: '10:00', closesAt: '12:00' },
    ]);
    expect(rows.map((r) => [r.kind, r.weekdays, r.ordinals])).toEqual([
      ['weekly', ['MO', 'WE'], []],
      ['biweekly', ['TH'], []],
      ['monthly', ['SA'], [2, -1]],
    ]);
    expect(rows[1]?.validFrom).toBe('2026-01-08');
  });

  it('splits a monthly rule that is not weeks × weekdays into rows with the same sessions', () => {
    const rule: ScheduleRule = {
      freq: 'MONTHLY',
      interval: 1,
      byday: ['1MO', '3WE', '3FR', '1FR'],
      opensAt: '10:00',
      closesAt: '12:00',
    };
    const rows = rowsFromRules([rule]);
    expect(rows.map((r) => [r.weekdays, r.ordinals])).toEqual([
      [['MO'], [1]],
      [['WE'], [3]],
      [['FR'], [1, 3]],
    ]);
    const before = sessionsBetween(
      { rules: [rule], closedOnHolidays: false, irregular: false },
      '2026-01-01',
      '2026-12-31',
    );
    const after = sessionsBetween(
      { rules: rowsToRules(rows), closedOnHolidays: false, irregular: false },
      '2026-01-01',
      '2026-12-31',
    );
    expect(after).toEqual(before);
    expect(before.length).toBe(48);
  });

  it('keeps a rule the form cannot show (3週ごと, 隔月) as it is', () => {
    const rules: ScheduleRule[] = [
      {
        freq: 'WEEKLY',
        interval: 3,
        byday: ['TU'],
        opensAt: '10:00',
        closesAt: '12:00',
        validFrom: '2026-01-06',
      },
      {
        freq: 'MONTHLY',
        interval: 2,
        byday: ['1SA'],
        opensAt: '10:00',
        closesAt: '12:00',
        validFrom: '2026-01-03',
      },
    ];
    const rows = rowsFromRules(rules);
    expect(rows.map((r) => r.kind)).toEqual(['other', 'other']);
    expect(rowsToRules(rows)).toEqual(rules);
    // changing the hours keeps the rest of the rule
    expect(rowToRule({ ...rows[0]!, opensAt: '09:30' })).toEqual({ ...rules[0], opensAt: '09:30' });
    // switching to 毎週 keeps the weekday, and the kept rule allows switching back
    const weekly = withKind(rows[0]!, 'weekly');
    expect(rowToRule(weekly)).toMatchObject({ freq: 'WEEKLY', interval: 1, byday: ['TU'] });
    expect(rowToRule(withKind(weekly, 'other'))).toEqual(rules[0]);
    expect(withKind(emptyRow(), 'other').kind).toBe('weekly');
  });

  it('round-trips every schedule fixture to rules with the same sessions', () => {
    for (const { id, schedule } of SCHEDULE_FIXTURES) {
      const rules = rowsToRules(rowsFromRules(schedule.rules));
      const same = { ...schedule, rules };
      expect(sessionsBetween(same, '2026-01-01', '2026-12-31'), id).toEqual(
        sessionsBetween(schedule, '2026-01-01', '2026-12-31'),
      );
    }
  });
});

describe('row validation', () => {
  it.each<[string, Partial<ScheduleRow>, Record<string, string>]>([
    [
      'a fresh row',
      { opensAt: '', closesAt: '' },
      { weekdays: 'weekdaysRequired', opensAt: 'opensAtRequired', closesAt: 'closesAtRequired' },
    ],
    ['毎月 without weeks', { kind: 'monthly', weekdays: ['TU'] }, { ordinals: 'ordinalsRequired' }],
    [
      'ends before it starts',
      { weekdays: ['TU'], opensAt: '13:00', closesAt: '12:00' },
      { closesAt: 'timeOrder' },
    ],
    [
      'ends when it starts',
      { weekdays: ['TU'], opensAt: '12:00', closesAt: '12:00' },
      { closesAt: 'timeOrder' },
    ],
    [
      'ends before it starts, typed in words',
      { weekdays: ['TU'], opensAt: '午後1時', closesAt: '12時' },
      { closesAt: 'timeOrder' },
    ],
    [
      'an unreadable time',
      { weekdays: ['TU'], opensAt: 'ひる', closesAt: '25:00' },
      { opensAt: 'timeFormat', closesAt: 'timeFormat' },
    ],
    [
      '隔週 without a first date',
      { kind: 'biweekly', weekdays: ['TU'] },
      { validFrom: 'startRequired' },
    ],
    [
      'a period the wrong way round',
      { weekdays: ['TU'], validFrom: '2026-05-01', validTo: '2026-04-01' },
      { validTo: 'periodOrder' },
    ],
    ['a broken date', { weekdays: ['TU'], validTo: '2026/04/01' }, { validTo: 'dateFormat' }],
  ])('%s', (_name, patch, expected) => {
    expect(validateRow(row(patch))).toEqual(expected);
  });

  it('agrees with the domain schema on random rows (property)', () => {
    const rng = createRng(7);
    const r = () => rng.next();
    const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)] as T;
    const times = [
      '',
      '09:00',
      '10:00',
      '12:00',
      '9:00',
      '23:59',
      '10時半',
      '午後1時',
      '25:00',
      'ごご',
    ];
    const dates = ['', '', '2026-04-01', '2026-05-01', '2026-4-1'];
    for (let i = 0; i < 2000; i++) {
      const candidate = row({
        kind: pick<RowKind>(['weekly', 'biweekly', 'monthly']),
        weekdays: WEEKDAYS.filter(() => r() < 0.3),
        ordinals: ORDINALS.filter(() => r() < 0.3),
        opensAt: pick(times),
        closesAt: pick(times),
        validFrom: pick(dates),
        validTo: pick(dates),
      });
      const valid = scheduleRuleSchema.safeParse(rowToRule(candidate)).success;
      expect(isRowValid(candidate), JSON.stringify(candidate)).toBe(valid);
    }
  });
});

describe('adding a row', () => {
  it('copies the days of the row before, not its hours', () => {
    const previous = row({ kind: 'monthly', weekdays: ['SA'], ordinals: [2] });
    const added = nextRow(previous);
    expect(added).toMatchObject({
      kind: 'monthly',
      weekdays: ['SA'],
      ordinals: [2],
      opensAt: '',
      closesAt: '',
    });
    expect(added.key).not.toBe(previous.key);
    expect(nextRow(undefined)).toMatchObject({ kind: 'weekly', weekdays: [] });
  });
});

describe('unfinished rules', () => {
  it('a rule with no days reads back as an empty row of its kind, not as "other"', () => {
    const rows = rowsFromRules([
      { freq: 'WEEKLY', interval: 2, byday: [], opensAt: '', closesAt: '' },
      { freq: 'MONTHLY', interval: 1, byday: [], opensAt: '10:00', closesAt: '' },
    ]);
    expect(rows.map((r) => [r.kind, r.weekdays, r.ordinals])).toEqual([
      ['biweekly', [], []],
      ['monthly', [], []],
    ]);
  });
});

describe('times as volunteers type them', () => {
  it.each([
    ['10:00', '10:00'],
    ['9:30', '09:30'],
    ['１０：３０', '10:30'],
    ['10時', '10:00'],
    ['10時30分', '10:30'],
    ['10時半', '10:30'],
    ['午後1時', '13:00'],
    ['午前11時', '11:00'],
    ['PM 3:15', '15:15'],
    ['1330', '13:30'],
    ['930', '09:30'],
    [' 8 ', '08:00'],
    ['24:00', null],
    ['10:60', null],
    ['ひる', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(parseTime(text)).toBe(expected);
  });

  it('a rule gets the normalized time even before the field is left', () => {
    expect(
      rowToRule(row({ weekdays: ['TU'], opensAt: '10時', closesAt: '午後0時半' })),
    ).toMatchObject({ opensAt: '10:00', closesAt: '12:30' });
  });
});

describe('rules kept as loaded', () => {
  it.each<[string, ScheduleRule, boolean]>([
    [
      '3週ごと',
      {
        freq: 'WEEKLY',
        interval: 3,
        byday: ['TU'],
        opensAt: '10:00',
        closesAt: '12:00',
        validFrom: '2026-01-06',
      },
      true,
    ],
    [
      '第5 (imported)',
      { freq: 'MONTHLY', interval: 1, byday: ['5SA'], opensAt: '10:00', closesAt: '12:00' },
      false,
    ],
    [
      '第n in a weekly rule',
      {
        freq: 'WEEKLY',
        interval: 3,
        byday: ['2WE'],
        opensAt: '10:00',
        closesAt: '12:00',
        validFrom: '2026-01-06',
      },
      false,
    ],
    [
      '隔月 with a plain weekday',
      {
        freq: 'MONTHLY',
        interval: 2,
        byday: ['TU'],
        opensAt: '10:00',
        closesAt: '12:00',
        validFrom: '2026-01-06',
      },
      false,
    ],
  ])('%s: savable = %s, as the schema says', (_name, rule, savable) => {
    const [only] = rowsFromRules([rule]);
    expect(only?.kind).toBe('other');
    expect(validateRow(only!).kind === undefined).toBe(savable);
    expect(scheduleRuleSchema.safeParse(rowToRule(only!)).success).toBe(savable);
  });
});

describe('any valid schedule survives the editor (property)', () => {
  it('rules → rows → rules: every row valid, the same sessions, a valid schedule', () => {
    const rand = seededRandom(2026);
    for (let i = 0; i < 300; i++) {
      const schedule = randomSchedule(rand);
      const rows = rowsFromRules(schedule.rules);
      expect(rows.every(isRowValid), JSON.stringify(schedule.rules)).toBe(true);
      const again = { ...schedule, rules: rowsToRules(rows) };
      expect(scheduleSchema.safeParse(again).success).toBe(true);
      expect(sessionsBetween(again, '2024-01-01', '2025-12-31')).toEqual(
        sessionsBetween(schedule, '2024-01-01', '2025-12-31'),
      );
    }
  });
});
