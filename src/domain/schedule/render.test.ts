import { describe, expect, it } from 'vitest';
import { scheduleSchema, type Schedule, type ScheduleRule } from '../model';
import { nextSessions, weekdaysOf } from './occurrences';
import { randomSchedule, seededRandom } from './random-schedule';
import { describeDate, describeSchedule, describeSession, formatTimeRange } from './render';
import { SCHEDULE_FIXTURES, scheduleFixture } from './schedule-fixtures';

const TODAY = '2025-12-08';

// golden lines for every fixture, in every locale
const GOLDEN: Record<string, { ja: string[]; en: string[]; easy: string[] }> = {
  'weekly-single': {
    ja: ['毎週火曜 10:00〜12:00'],
    en: ['Every Tuesday, 10:00–12:00'],
    easy: ['まいしゅう かようび 10:00〜12:00'],
  },
  'weekly-multi': {
    ja: ['毎週火・木曜 10:00〜12:00'],
    en: ['Every Tue and Thu, 10:00–12:00'],
    easy: ['まいしゅう かようび・もくようび 10:00〜12:00'],
  },
  'weekly-split-rules': {
    ja: ['毎週火・木曜 10:00〜12:00'],
    en: ['Every Tue and Thu, 10:00–12:00'],
    easy: ['まいしゅう かようび・もくようび 10:00〜12:00'],
  },
  'weekly-different-times': {
    ja: ['毎週月・金曜 10:00〜12:00', '毎週月曜 13:00〜15:00', '毎週水曜 13:30〜15:30'],
    en: [
      'Every Mon and Fri, 10:00–12:00',
      'Every Monday, 13:00–15:00',
      'Every Wednesday, 13:30–15:30',
    ],
    easy: [
      'まいしゅう げつようび・きんようび 10:00〜12:00',
      'まいしゅう げつようび 13:00〜15:00',
      'まいしゅう すいようび 13:30〜15:30',
    ],
  },
  'weekdays-closed-on-holidays': {
    ja: ['毎週月〜金曜 8:30〜17:15', '祝日は休み'],
    en: ['Every Mon–Fri, 8:30–17:15', 'Closed on public holidays'],
    easy: ['まいしゅう げつようび〜きんようび 8:30〜17:15', 'しゅくじつは おやすみ'],
  },
  daily: {
    ja: ['毎日 9:00〜21:00'],
    en: ['Every day, 9:00–21:00'],
    easy: ['まいにち 9:00〜21:00'],
  },
  biweekly: {
    ja: ['隔週土曜 10:00〜12:00'],
    en: ['Every other Saturday, 10:00–12:00'],
    easy: ['2しゅうかんに 1かい どようび 10:00〜12:00'],
  },
  'monthly-nth': {
    ja: ['毎月第3日曜 11:30〜14:00', '食材がなくなり次第終了'],
    en: ['3rd Sunday of each month, 11:30–14:00', '食材がなくなり次第終了'],
    easy: ['まいつき だい3 にちようび 11:30〜14:00', '食材がなくなり次第終了'],
  },
  'monthly-2nd-4th': {
    ja: ['毎月第2・第4水曜 13:30〜15:30', '祝日は休み'],
    en: ['2nd and 4th Wednesday of each month, 13:30–15:30', 'Closed on public holidays'],
    easy: ['まいつき だい2・だい4 すいようび 13:30〜15:30', 'しゅくじつは おやすみ'],
  },
  'monthly-last': {
    ja: ['毎月最終金曜 18:00〜20:00'],
    en: ['Last Friday of each month, 18:00–20:00'],
    easy: ['まいつき さいごの きんようび 18:00〜20:00'],
  },
  'monthly-mixed': {
    ja: ['毎月第1月・木曜、第2・最終土曜 10:00〜11:30', '祝日は休み'],
    en: [
      '1st Monday and Thursday, and 2nd and last Saturday of each month, 10:00–11:30',
      'Closed on public holidays',
    ],
    easy: [
      'まいつき だい1 げつようび・もくようび、だい2・さいごの どようび 10:00〜11:30',
      'しゅくじつは おやすみ',
    ],
  },
  bimonthly: {
    ja: ['隔月第1日曜 13:00〜15:00'],
    en: ['1st Sunday of every other month, 13:00–15:00'],
    easy: ['2かげつに 1かい だい1 にちようび 13:00〜15:00'],
  },
  irregular: {
    ja: ['不定期（要問合せ）', '日程は受け入れ先と相談して決めます'],
    en: ['Irregular (please ask)', '日程は受け入れ先と相談して決めます'],
    easy: [
      'ひにちは きまって いません（といあわせて ください）',
      '日程は受け入れ先と相談して決めます',
    ],
  },
  'irregular-with-rule': {
    ja: ['毎月第1土曜 10:00〜12:00', 'ほかにも不定期で開催（要問合せ）'],
    en: ['1st Saturday of each month, 10:00–12:00', 'Also on other days (please ask)'],
    easy: [
      'まいつき だい1 どようび 10:00〜12:00',
      'ほかの ひにも あります（といあわせて ください）',
    ],
  },
  ended: {
    ja: ['毎週水曜 14:00〜16:00（2024年3月31日で終了）'],
    en: ['Every Wednesday, 14:00–16:00 (ended 31 Mar 2024)'],
    easy: ['まいしゅう すいようび 14:00〜16:00（2024ねん 3がつ 31にちで おわりました）'],
  },
  season: {
    ja: ['毎週月・水・金曜 9:30〜11:30（2026年7月21日〜8月28日）', '祝日は休み'],
    en: ['Every Mon, Wed and Fri, 9:30–11:30 (21 Jul – 28 Aug 2026)', 'Closed on public holidays'],
    easy: [
      'まいしゅう げつようび・すいようび・きんようび 9:30〜11:30（2026ねん 7がつ 21にち から 8がつ 28にち まで）',
      'しゅくじつは おやすみ',
    ],
  },
};

const rule = (
  freq: ScheduleRule['freq'],
  byday: string[],
  opensAt: string,
  closesAt: string,
  extra: Partial<ScheduleRule> = {},
): ScheduleRule => ({
  freq,
  interval: 1,
  byday,
  opensAt,
  closesAt,
  ...extra,
});
const schedule = (rules: ScheduleRule[], extra: Partial<Schedule> = {}): Schedule => ({
  rules,
  closedOnHolidays: false,
  irregular: false,
  ...extra,
});

describe('describeSchedule', () => {
  it('has golden lines for every fixture', () => {
    expect(Object.keys(GOLDEN).sort()).toEqual(SCHEDULE_FIXTURES.map((f) => f.id).sort());
  });

  for (const fixture of SCHEDULE_FIXTURES) {
    it.each(['ja', 'en', 'easy'] as const)(`${fixture.id} (%s)`, (locale) => {
      expect(describeSchedule(fixture.schedule, locale, { today: TODAY })).toEqual(
        GOLDEN[fixture.id]?.[locale],
      );
    });
  }

  it.each([
    // rules, ja, en
    [
      [rule('WEEKLY', ['TU', 'TH'], '10:00', '12:00')],
      '毎週火・木曜 10:00〜12:00',
      'Every Tue and Thu, 10:00–12:00',
    ],
    [
      [rule('MONTHLY', ['4WE', '2WE'], '13:30', '15:30')],
      '毎月第2・第4水曜 13:30〜15:30',
      '2nd and 4th Wednesday of each month, 13:30–15:30',
    ],
    [
      [rule('WEEKLY', ['SA'], '10:00', '12:00', { interval: 2, validFrom: '2025-04-05' })],
      '隔週土曜 10:00〜12:00',
      'Every other Saturday, 10:00–12:00',
    ],
    [
      [rule('MONTHLY', ['-1FR'], '18:00', '20:00')],
      '毎月最終金曜 18:00〜20:00',
      'Last Friday of each month, 18:00–20:00',
    ],
    [
      [rule('MONTHLY', ['-1FR', '2FR'], '18:00', '20:00')],
      '毎月第2・最終金曜 18:00〜20:00',
      '2nd and last Friday of each month, 18:00–20:00',
    ],
    [
      [rule('WEEKLY', ['SU'], '10:00', '12:00', { interval: 3, validFrom: '2025-04-06' })],
      '3週ごとの日曜 10:00〜12:00',
      'Every 3 weeks on Sunday, 10:00–12:00',
    ],
    [
      [rule('MONTHLY', ['1TU'], '10:00', '12:00', { interval: 3, validFrom: '2025-04-01' })],
      '3か月ごとの第1火曜 10:00〜12:00',
      '1st Tuesday every 3 months, 10:00–12:00',
    ],
    [
      [rule('WEEKLY', ['MO', 'TU', 'WE', 'FR'], '10:00', '12:00')],
      '毎週月〜水・金曜 10:00〜12:00',
      'Every Mon–Wed and Fri, 10:00–12:00',
    ],
    [
      [rule('WEEKLY', ['SA', 'SU'], '10:00', '12:00')],
      '毎週土・日曜 10:00〜12:00',
      'Every Sat and Sun, 10:00–12:00',
    ],
    [
      [rule('WEEKLY', ['TU'], '14:00', '16:00'), rule('WEEKLY', ['TU'], '10:00', '12:00')],
      '毎週火曜 10:00〜12:00、14:00〜16:00',
      'Every Tuesday, 10:00–12:00 and 14:00–16:00',
    ],
  ])('renders %j', (rules, ja, en) => {
    expect(describeSchedule(schedule(rules), 'ja')).toEqual([ja]);
    expect(describeSchedule(schedule(rules), 'en')).toEqual([en]);
  });

  it('shows a start date only until it has passed', () => {
    const s = schedule([rule('WEEKLY', ['TU'], '10:00', '12:00', { validFrom: '2026-04-07' })]);
    expect(describeSchedule(s, 'ja', { today: '2026-03-01' })).toEqual([
      '毎週火曜 10:00〜12:00（2026年4月7日から）',
    ]);
    expect(describeSchedule(s, 'en', { today: '2026-03-01' })).toEqual([
      'Every Tuesday, 10:00–12:00 (from 7 Apr 2026)',
    ]);
    expect(describeSchedule(s, 'ja', { today: '2026-04-08' })).toEqual(['毎週火曜 10:00〜12:00']);
    expect(describeSchedule(s, 'ja')).toEqual(['毎週火曜 10:00〜12:00（2026年4月7日から）']);
  });

  it('keeps an end date that has not passed, across years', () => {
    const s = schedule([
      rule('WEEKLY', ['TU'], '10:00', '12:00', { validFrom: '2025-10-07', validTo: '2026-03-31' }),
    ]);
    expect(describeSchedule(s, 'ja', { today: TODAY })).toEqual([
      '毎週火曜 10:00〜12:00（2026年3月31日まで）',
    ]);
    expect(describeSchedule(s, 'ja', { today: '2025-09-01' })).toEqual([
      '毎週火曜 10:00〜12:00（2025年10月7日〜2026年3月31日）',
    ]);
    expect(describeSchedule(s, 'en', { today: TODAY })).toEqual([
      'Every Tuesday, 10:00–12:00 (until 31 Mar 2026)',
    ]);
    expect(describeSchedule(s, 'easy', { today: TODAY })).toEqual([
      'まいしゅう かようび 10:00〜12:00（2026ねん 3がつ 31にち まで）',
    ]);
  });

  it('does not merge rules that differ in period', () => {
    const s = schedule([
      rule('WEEKLY', ['TU'], '10:00', '12:00', { validTo: '2026-03-31' }),
      rule('WEEKLY', ['TH'], '10:00', '12:00'),
    ]);
    expect(describeSchedule(s, 'ja', { today: TODAY })).toEqual([
      '毎週火曜 10:00〜12:00（2026年3月31日まで）',
      '毎週木曜 10:00〜12:00',
    ]);
  });

  it('says so when no dates are set', () => {
    expect(describeSchedule(schedule([]), 'ja')).toEqual(['日程未定']);
    expect(describeSchedule(schedule([], { closedOnHolidays: true, note: '  ' }), 'en')).toEqual([
      'Dates not set',
    ]);
  });
});

describe('describeSession', () => {
  it.each([
    ['2025-12-08', 'ja', '12月8日（月）10:00〜12:00'],
    ['2025-12-08', 'en', 'Mon 8 Dec, 10:00–12:00'],
    ['2025-12-08', 'easy', '12がつ 8にち（げつようび） 10:00〜12:00'],
    ['2025-11-03', 'ja', '11月3日（月・文化の日）10:00〜12:00'],
    ['2025-11-03', 'en', 'Mon 3 Nov (Culture Day), 10:00–12:00'],
    ['2025-11-03', 'easy', '11がつ 3にち（げつようび・しゅくじつ） 10:00〜12:00'],
    ['2026-05-06', 'ja', '5月6日（水・振替休日）10:00〜12:00'],
  ] as const)('%s in %s', (date, locale, expected) => {
    expect(describeSession({ date, opensAt: '10:00', closesAt: '12:00' }, locale)).toBe(expected);
  });

  it('adds the year and leaves holidays unmarked when asked', () => {
    const session = { date: '2025-11-03', opensAt: '09:00', closesAt: '12:00' };
    expect(describeSession(session, 'ja', { withYear: true, markHoliday: false })).toBe(
      '2025年11月3日（月）9:00〜12:00',
    );
    expect(describeSession(session, 'en', { withYear: true })).toBe(
      'Mon 3 Nov 2025 (Culture Day), 9:00–12:00',
    );
    expect(describeDate('2025-12-09', 'easy', { withYear: true })).toBe(
      '2025ねん 12がつ 9にち（かようび）',
    );
    expect(formatTimeRange('08:30', '17:15', 'en')).toBe('8:30–17:15');
  });

  it('renders the next sessions of every fixture as date, weekday and hours', () => {
    for (const { schedule: s } of SCHEDULE_FIXTURES) {
      for (const session of nextSessions(s, TODAY, 3)) {
        expect(describeSession(session, 'ja')).toMatch(
          /^\d{1,2}月\d{1,2}日（[月火水木金土日](・[^）]+)?）\d{1,2}:\d\d〜\d{1,2}:\d\d$/,
        );
        expect(describeSession(session, 'en')).toMatch(
          /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}( \([^)]+\))?, \d{1,2}:\d\d–\d{1,2}:\d\d$/,
        );
      }
    }
  });
});

describe('describeSchedule properties (seeded random schedules)', () => {
  const rand = seededRandom(3150);
  const schedules = Array.from({ length: 200 }, () => randomSchedule(rand));

  it('never depends on the order of the rules', () => {
    for (const s of schedules) {
      const reversed = { ...s, rules: [...s.rules].reverse() };
      for (const locale of ['ja', 'en', 'easy'] as const) {
        expect(describeSchedule(reversed, locale, { today: TODAY })).toEqual(
          describeSchedule(s, locale, { today: TODAY }),
        );
      }
    }
  });

  it("mentions every rule's hours, in no more lines than rules", () => {
    for (const s of schedules) {
      for (const locale of ['ja', 'en', 'easy'] as const) {
        const lines = describeSchedule(s, locale);
        const text = lines.join('\n');
        for (const r of s.rules)
          expect(text).toContain(formatTimeRange(r.opensAt, r.closesAt, locale));
        const extra = (s.closedOnHolidays ? 1 : 0) + (s.irregular ? 1 : 0);
        expect(lines.length).toBeLessThanOrEqual(s.rules.length + extra);
      }
    }
  });

  it('names each weekday it runs on, in Japanese', () => {
    let checked = 0;
    const short = { MO: '月', TU: '火', WE: '水', TH: '木', FR: '金', SA: '土', SU: '日' } as const;
    for (const s of schedules) {
      const text = describeSchedule(s, 'ja').join('\n');
      if (text.includes('毎日') || /[月火水木金土日]〜/.test(text)) continue; // ranges name only their ends
      for (const wd of weekdaysOf(s)) expect(text).toContain(short[wd]);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('schedule fixtures', () => {
  it.each(SCHEDULE_FIXTURES.map((f) => [f.id, f] as const))(
    '%s passes the model schema',
    (_, fixture) => {
      expect(scheduleSchema.safeParse(fixture.schedule).success).toBe(true);
    },
  );

  it('have unique ids and fail loudly on an unknown one', () => {
    const ids = SCHEDULE_FIXTURES.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(() => scheduleFixture('weekly-singel')).toThrow(/SCHEDULE_FIXTURES/);
  });
});
