import { describe, expect, it } from 'vitest';
import { scheduleRuleSchema } from '../model';
import { randomSchedule, seededRandom } from '../schedule/random-schedule';
import {
  findDayOverrides,
  formatRulesCell,
  parseRulesCell,
  parseTime,
  parseWeekdays,
  scheduleFromColumns,
  timesOnlyProse,
} from './schedule-text';

describe('parseTime', () => {
  it.each([
    ['7:00', '07:00'],
    ['07:00', '07:00'],
    ['10：00', '10:00'],
    ['１０：００', '10:00'],
    ['9時', '09:00'],
    ['9時半', '09:30'],
    ['13時30分', '13:30'],
    ['0930', '09:30'],
    ['24:00', null],
    ['9:75', null],
    ['放課後', null],
    ['', null],
  ])('%s → %s', (cell, expected) => expect(parseTime(cell)).toBe(expected));
});

describe('parseWeekdays', () => {
  it.each([
    ['月火水木金土', ['MO', 'TU', 'WE', 'TH', 'FR', 'SA'], false],
    ['火・木', ['TU', 'TH'], false],
    ['月〜金', ['MO', 'TU', 'WE', 'TH', 'FR'], false],
    ['月～金', ['MO', 'TU', 'WE', 'TH', 'FR'], false],
    ['金〜月', ['FR', 'SA', 'SU', 'MO'], false],
    ['月曜日、水曜日', ['MO', 'WE'], false],
    ['平日', ['MO', 'TU', 'WE', 'TH', 'FR'], false],
    ['土日祝', ['SA', 'SU'], true],
    ['月水木金土日', ['MO', 'WE', 'TH', 'FR', 'SA', 'SU'], false],
  ])('%s', (cell, days, holidaysOpen) => expect(parseWeekdays(cell)).toEqual({ days, holidaysOpen }));

  it('refuses prose instead of picking weekdays out of it', () => {
    expect(parseWeekdays('月１回土曜日開設')).toBeNull();
    expect(parseWeekdays('要問合せ')).toBeNull();
    expect(parseWeekdays('')).toBeNull();
  });
});

describe('times in prose', () => {
  it('reads prose that holds only times, ignoring remarks in brackets', () => {
    expect(timesOnlyProse('利用可能時間は09:30～12:00、13:00～15:30')).toEqual([
      { opensAt: '09:30', closesAt: '12:00' },
      { opensAt: '13:00', closesAt: '15:30' },
    ]);
    expect(timesOnlyProse('利用可能時間は10:00～12:00、13:00～16:00（12:00～13:00自由開放）')).toEqual([
      { opensAt: '10:00', closesAt: '12:00' },
      { opensAt: '13:00', closesAt: '16:00' },
    ]);
  });
  it('does not guess from prose with other words', () => {
    expect(timesOnlyProse('平日：放課後～18：30（延長利用：19：00）\n土曜：8：30～18：30')).toBeNull();
    expect(timesOnlyProse('月１回土曜日開設')).toBeNull();
  });
  it('finds hours for one day in a note', () => {
    expect(findDayOverrides('土曜日の開所時間は07：00から18：00休所日は日曜日及び祝日')).toEqual([
      { weekday: 'SA', ordinal: null, range: { opensAt: '07:00', closesAt: '18:00' } },
    ]);
    expect(findDayOverrides('第３土は10:30～15:30。第３火曜日休。')).toEqual([
      { weekday: 'SA', ordinal: 3, range: { opensAt: '10:30', closesAt: '15:30' } },
    ]);
  });
});

describe('scheduleFromColumns', () => {
  it('turns columns into a weekly rule and keeps the note', () => {
    const { schedule, issues } = scheduleFromColumns({ days: '月火水木金', opens: '8:30', closes: '17:00', note: '国民の祝日に関する法律に規定する休日は終日利用不可。' });
    expect(issues).toEqual([]);
    expect(schedule).toEqual({
      rules: [{ freq: 'WEEKLY', interval: 1, byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '08:30', closesAt: '17:00' }],
      closedOnHolidays: true,
      irregular: false,
      note: '国民の祝日に関する法律に規定する休日は終日利用不可。',
    });
  });
  it('splits out a weekday whose hours the note gives', () => {
    const { schedule } = scheduleFromColumns({ days: '月火水木金土', opens: '7:00', closes: '19:00', note: '土曜日の開所時間は07：00から18：00休所日は日曜日及び祝日' });
    expect(schedule.rules).toEqual([
      { freq: 'WEEKLY', interval: 1, byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '07:00', closesAt: '19:00' },
      { freq: 'WEEKLY', interval: 1, byday: ['SA'], opensAt: '07:00', closesAt: '18:00' },
    ]);
    expect(schedule.closedOnHolidays).toBe(true);
  });
  it('keeps times that are only in unreadable prose as the note, irregular, with a warning', () => {
    const note = '平日：放課後～18：30（延長利用：19：00）';
    const { schedule, issues } = scheduleFromColumns({ days: '月火水木金土', opens: '', closes: '', note });
    expect(schedule).toEqual({ rules: [], closedOnHolidays: false, irregular: true, note });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.field).toBe('note');
  });
  it('warns about a closing time before the opening time', () => {
    const { schedule, issues } = scheduleFromColumns({ days: '火', opens: '15:00', closes: '10:00', note: '' });
    expect(schedule.rules).toEqual([]);
    expect(issues.map((i) => i.field)).toEqual(['closes']);
  });
  it('keeps unreadable weekdays in the note', () => {
    const { schedule, issues } = scheduleFromColumns({ days: '月１回', opens: '10:00', closes: '12:00', note: '' });
    expect(schedule.note).toContain('月１回');
    expect(issues.some((i) => i.field === 'days')).toBe(true);
  });
});

describe('the template rule cell', () => {
  it.each([
    ['毎週 月・水 10:00-12:00', [{ freq: 'WEEKLY', interval: 1, byday: ['MO', 'WE'], opensAt: '10:00', closesAt: '12:00' }]],
    ['毎週火・木 10:00〜12:00', [{ freq: 'WEEKLY', interval: 1, byday: ['TU', 'TH'], opensAt: '10:00', closesAt: '12:00' }]],
    ['毎月 第2・第4水 13:30-15:30', [{ freq: 'MONTHLY', interval: 1, byday: ['2WE', '4WE'], opensAt: '13:30', closesAt: '15:30' }]],
    ['毎月最終金曜 10:00-11:30', [{ freq: 'MONTHLY', interval: 1, byday: ['-1FR'], opensAt: '10:00', closesAt: '11:30' }]],
    ['隔週 土 10:00-12:00 2026-01-03から', [{ freq: 'WEEKLY', interval: 2, byday: ['SA'], opensAt: '10:00', closesAt: '12:00', validFrom: '2026-01-03' }]],
    [
      '月〜金 9:00-12:00、13:00-17:00',
      [
        { freq: 'WEEKLY', interval: 1, byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '09:00', closesAt: '12:00' },
        { freq: 'WEEKLY', interval: 1, byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '13:00', closesAt: '17:00' },
      ],
    ],
  ])('%s', (cell, rules) => expect(parseRulesCell(cell)).toEqual({ rules, errors: [] }));

  it.each(['毎週 第2水 10:00-12:00', '毎月 水 10:00-12:00', '毎月 第5水 10:00-12:00', '火・木', '毎週 そのうち 10:00-12:00'])(
    'refuses %s with a message',
    (cell) => {
      const { rules, errors } = parseRulesCell(cell);
      expect(rules).toEqual([]);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/[ぁ-ん]/);
    },
  );

  it('property: formatting then parsing gives the same valid rules (2,000 random schedules)', () => {
    const rand = seededRandom(20260401);
    for (let i = 0; i < 2000; i++) {
      const { rules } = randomSchedule(rand);
      const cell = formatRulesCell(rules);
      const back = parseRulesCell(cell);
      expect(back.errors, cell).toEqual([]);
      expect(back.rules, cell).toEqual(rules.map((r) => scheduleRuleSchema.parse(r)));
    }
  });
});
