import { describe, expect, it } from 'vitest';
import { HOLIDAY_YEARS, holidayName, holidayNameEn, holidaysInYear, isHoliday } from './holidays';
import { addDays, weekdayOf } from './dates';

// the Cabinet Office's published lists (内閣府「国民の祝日について」, syukujitsu.csv), with the CSV's
// generic 「休日」 written as the rule that produced it
const PUBLISHED: Record<number, [string, string][]> = {
  2019: [
    ['01-01', '元日'],
    ['01-14', '成人の日'],
    ['02-11', '建国記念の日'],
    ['03-21', '春分の日'],
    ['04-29', '昭和の日'],
    ['04-30', '国民の休日'],
    ['05-01', '天皇の即位の日'],
    ['05-02', '国民の休日'],
    ['05-03', '憲法記念日'],
    ['05-04', 'みどりの日'],
    ['05-05', 'こどもの日'],
    ['05-06', '振替休日'],
    ['07-15', '海の日'],
    ['08-11', '山の日'],
    ['08-12', '振替休日'],
    ['09-16', '敬老の日'],
    ['09-23', '秋分の日'],
    ['10-14', '体育の日'],
    ['10-22', '即位礼正殿の儀'],
    ['11-03', '文化の日'],
    ['11-04', '振替休日'],
    ['11-23', '勤労感謝の日'],
  ],
  2020: [
    ['01-01', '元日'],
    ['01-13', '成人の日'],
    ['02-11', '建国記念の日'],
    ['02-23', '天皇誕生日'],
    ['02-24', '振替休日'],
    ['03-20', '春分の日'],
    ['04-29', '昭和の日'],
    ['05-03', '憲法記念日'],
    ['05-04', 'みどりの日'],
    ['05-05', 'こどもの日'],
    ['05-06', '振替休日'],
    ['07-23', '海の日'],
    ['07-24', 'スポーツの日'],
    ['08-10', '山の日'],
    ['09-21', '敬老の日'],
    ['09-22', '秋分の日'],
    ['11-03', '文化の日'],
    ['11-23', '勤労感謝の日'],
  ],
  2021: [
    ['01-01', '元日'],
    ['01-11', '成人の日'],
    ['02-11', '建国記念の日'],
    ['02-23', '天皇誕生日'],
    ['03-20', '春分の日'],
    ['04-29', '昭和の日'],
    ['05-03', '憲法記念日'],
    ['05-04', 'みどりの日'],
    ['05-05', 'こどもの日'],
    ['07-22', '海の日'],
    ['07-23', 'スポーツの日'],
    ['08-08', '山の日'],
    ['08-09', '振替休日'],
    ['09-20', '敬老の日'],
    ['09-23', '秋分の日'],
    ['11-03', '文化の日'],
    ['11-23', '勤労感謝の日'],
  ],
  2024: [
    ['01-01', '元日'],
    ['01-08', '成人の日'],
    ['02-11', '建国記念の日'],
    ['02-12', '振替休日'],
    ['02-23', '天皇誕生日'],
    ['03-20', '春分の日'],
    ['04-29', '昭和の日'],
    ['05-03', '憲法記念日'],
    ['05-04', 'みどりの日'],
    ['05-05', 'こどもの日'],
    ['05-06', '振替休日'],
    ['07-15', '海の日'],
    ['08-11', '山の日'],
    ['08-12', '振替休日'],
    ['09-16', '敬老の日'],
    ['09-22', '秋分の日'],
    ['09-23', '振替休日'],
    ['10-14', 'スポーツの日'],
    ['11-03', '文化の日'],
    ['11-04', '振替休日'],
    ['11-23', '勤労感謝の日'],
  ],
  2025: [
    ['01-01', '元日'],
    ['01-13', '成人の日'],
    ['02-11', '建国記念の日'],
    ['02-23', '天皇誕生日'],
    ['02-24', '振替休日'],
    ['03-20', '春分の日'],
    ['04-29', '昭和の日'],
    ['05-03', '憲法記念日'],
    ['05-04', 'みどりの日'],
    ['05-05', 'こどもの日'],
    ['05-06', '振替休日'],
    ['07-21', '海の日'],
    ['08-11', '山の日'],
    ['09-15', '敬老の日'],
    ['09-23', '秋分の日'],
    ['10-13', 'スポーツの日'],
    ['11-03', '文化の日'],
    ['11-23', '勤労感謝の日'],
    ['11-24', '振替休日'],
  ],
  2026: [
    ['01-01', '元日'],
    ['01-12', '成人の日'],
    ['02-11', '建国記念の日'],
    ['02-23', '天皇誕生日'],
    ['03-20', '春分の日'],
    ['04-29', '昭和の日'],
    ['05-03', '憲法記念日'],
    ['05-04', 'みどりの日'],
    ['05-05', 'こどもの日'],
    ['05-06', '振替休日'],
    ['07-20', '海の日'],
    ['08-11', '山の日'],
    ['09-21', '敬老の日'],
    ['09-22', '国民の休日'],
    ['09-23', '秋分の日'],
    ['10-12', 'スポーツの日'],
    ['11-03', '文化の日'],
    ['11-23', '勤労感謝の日'],
  ],
};

describe('holidaysInYear', () => {
  it.each(Object.entries(PUBLISHED))('matches the published list for %s', (year, days) => {
    const expected = days.map(([md, name]) => ({ date: `${year}-${md}`, name }));
    expect(holidaysInYear(Number(year))).toEqual(expected);
  });

  it('throws outside 1980–2099 and says which years work', () => {
    expect(() => holidaysInYear(1979)).toThrow(/1980–2099/);
    expect(() => holidaysInYear(2100)).toThrow(RangeError);
  });
});

describe('holidayName', () => {
  it.each([
    // rules before the Happy Monday law, the Showa era and the one-off days
    ['1980-01-15', '成人の日'],
    ['1980-10-10', '体育の日'],
    ['1988-04-29', '天皇誕生日'],
    ['1987-05-04', '振替休日'], // 憲法記念日 on Sunday
    ['1988-05-04', '国民の休日'], // the first sandwiched day
    ['1989-02-24', '昭和天皇の大喪の礼'],
    ['1989-04-29', 'みどりの日'],
    ['1989-12-23', '天皇誕生日'],
    ['1990-11-12', '即位礼正殿の儀'],
    ['1993-06-09', '皇太子徳仁親王の結婚の儀'],
    ['1996-07-20', '海の日'],
    ['1999-09-15', '敬老の日'],
    ['2000-01-10', '成人の日'], // the first Happy Monday
    ['2003-07-21', '海の日'],
    ['2006-05-04', '国民の休日'],
    ['2007-04-29', '昭和の日'],
    ['2007-05-04', 'みどりの日'],
    ['2008-05-06', '振替休日'], // みどりの日 on Sunday: the substitute skips 5/5 (post-2007 rule)
    ['2009-09-22', '国民の休日'],
    ['2015-09-22', '国民の休日'],
    ['2016-08-11', '山の日'],
    ['2018-12-24', '振替休日'],
    ['2032-09-21', '国民の休日'],
    ['2099-01-01', '元日'],
  ])('%s is %s', (date, name) => {
    expect(holidayName(date)).toBe(name);
    expect(isHoliday(date)).toBe(true);
  });

  it.each([
    '1986-05-04', // sandwiched, but a Sunday under the pre-2007 rule
    '2018-05-01', // sandwiched between 4/30 (振替休日) and 5/2 only in 2019
    '2019-12-23', // no 天皇誕生日 in 2019
    '2020-10-12', // スポーツの日 moved to July
    '2019-02-23', // 天皇誕生日 on 2/23 only from 2020
    '2015-08-11', // 山の日 from 2016
    '2025-12-08',
    '1979-01-01', // outside the supported years: unknown, so ordinary
    '2100-01-01',
    'not-a-date',
  ])('%s is not a holiday', (date) => {
    expect(holidayName(date)).toBeNull();
    expect(isHoliday(date)).toBe(false);
  });

  it('gives English names', () => {
    expect(holidayNameEn('2025-11-03')).toBe('Culture Day');
    expect(holidayNameEn('2026-05-06')).toBe('Substitute holiday');
    expect(holidayNameEn('2025-12-08')).toBeNull();
  });
});

describe('holiday rules hold in every supported year', () => {
  const years = Array.from(
    { length: HOLIDAY_YEARS.last - HOLIDAY_YEARS.first + 1 },
    (_, i) => HOLIDAY_YEARS.first + i,
  );

  it('every year has 元日, both equinoxes and at least 12 holidays, sorted and unique', () => {
    for (const year of years) {
      const days = holidaysInYear(year);
      const dates = days.map((h) => h.date);
      expect(dates).toEqual([...new Set(dates)].sort());
      expect(days.length).toBeGreaterThanOrEqual(12);
      expect(days.map((h) => h.name)).toEqual(
        expect.arrayContaining(['元日', '春分の日', '秋分の日']),
      );
      for (const date of dates) expect(date.startsWith(String(year))).toBe(true);
    }
  });

  it('a 振替休日 follows a run of holidays that starts on a Sunday', () => {
    for (const year of years) {
      for (const { date, name } of holidaysInYear(year)) {
        if (name !== '振替休日') continue;
        expect(weekdayOf(date)).not.toBe('SU');
        let day = addDays(date, -1);
        while (weekdayOf(day) !== 'SU') {
          expect(isHoliday(day)).toBe(true);
          day = addDays(day, -1);
        }
        expect(isHoliday(day)).toBe(true);
      }
    }
  });

  it('every Sunday 祝日 is followed by a 振替休日 within the run', () => {
    for (const year of years) {
      for (const { date, name } of holidaysInYear(year)) {
        if (weekdayOf(date) !== 'SU' || name === '国民の休日') continue;
        let day = addDays(date, 1);
        while (holidayName(day) !== null && holidayName(day) !== '振替休日') day = addDays(day, 1);
        expect(holidayName(day)).toBe('振替休日');
      }
    }
  });

  it('a 国民の休日 lies between two holidays', () => {
    for (const year of years) {
      for (const { date, name } of holidaysInYear(year)) {
        if (name !== '国民の休日') continue;
        expect(isHoliday(addDays(date, -1)) && isHoliday(addDays(date, 1))).toBe(true);
      }
    }
  });
});
