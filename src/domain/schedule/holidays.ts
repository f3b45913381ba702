// Japanese public holidays (国民の祝日に関する法律 and the one-off laws), computed for 1980–2099.
// Three steps per year, in the order the law defines them:
//   1. 国民の祝日 proper (fixed dates, Happy Monday, equinoxes, one-off days)
//   2. 振替休日: a 祝日 on Sunday moves the holiday to the next day that is not a 祝日
//   3. 国民の休日: a weekday sandwiched between two 祝日 becomes a holiday
// The equinox days are set by the Cabinet each February from astronomical tables; the formula
// below matches every published year and is the standard estimate for later ones.
import { dayNumber, formatIsoDate, fromDayNumber, nthWeekdayOfMonth, weekdayOf } from './dates';

export type Holiday = { date: string; name: string };

export const HOLIDAY_YEARS = { first: 1980, last: 2099 } as const;

type YearRule = (year: number) => string | null;
type HolidayRule = { name: string; from?: number; to?: number; on: YearRule };

const fixed =
  (month: number, day: number): YearRule =>
  (year) =>
    formatIsoDate(year, month, day);
const monday =
  (month: number, n: number): YearRule =>
  (year) =>
    nthWeekdayOfMonth(year, month, 'MO', n);
const once =
  (iso: string): YearRule =>
  (year) =>
    Number(iso.slice(0, 4)) === year ? iso : null;
// the Tokyo Olympics moved three holidays by special law in 2020 and again in 2021
const except =
  (rule: YearRule, moved: Record<number, string>): YearRule =>
  (year) =>
    moved[year] ?? rule(year);

// 春分・秋分: mean equinox drift (0.242194 days a year) minus the leap-day correction, from 1980
const vernalEquinox: YearRule = (year) => equinox(year, 3, 20.8431);
const autumnalEquinox: YearRule = (year) => equinox(year, 9, 23.2488);
function equinox(year: number, month: number, base: number): string {
  const t = year - 1980;
  return formatIsoDate(year, month, Math.floor(base + 0.242194 * t) - Math.floor(t / 4));
}

const RULES: readonly HolidayRule[] = [
  { name: '元日', on: fixed(1, 1) },
  { name: '成人の日', to: 1999, on: fixed(1, 15) },
  { name: '成人の日', from: 2000, on: monday(1, 2) },
  { name: '建国記念の日', on: fixed(2, 11) },
  { name: '天皇誕生日', to: 1988, on: fixed(4, 29) },
  { name: '天皇誕生日', from: 1989, to: 2018, on: fixed(12, 23) },
  { name: '天皇誕生日', from: 2020, on: fixed(2, 23) }, // none in 2019: the abdication fell between
  { name: '春分の日', on: vernalEquinox },
  { name: 'みどりの日', from: 1989, to: 2006, on: fixed(4, 29) },
  { name: '昭和の日', from: 2007, on: fixed(4, 29) },
  { name: '憲法記念日', on: fixed(5, 3) },
  { name: 'みどりの日', from: 2007, on: fixed(5, 4) },
  { name: 'こどもの日', on: fixed(5, 5) },
  { name: '海の日', from: 1996, to: 2002, on: fixed(7, 20) },
  {
    name: '海の日',
    from: 2003,
    on: except(monday(7, 3), { 2020: '2020-07-23', 2021: '2021-07-22' }),
  },
  {
    name: '山の日',
    from: 2016,
    on: except(fixed(8, 11), { 2020: '2020-08-10', 2021: '2021-08-08' }),
  },
  { name: '敬老の日', to: 2002, on: fixed(9, 15) },
  { name: '敬老の日', from: 2003, on: monday(9, 3) },
  { name: '秋分の日', on: autumnalEquinox },
  { name: '体育の日', to: 1999, on: fixed(10, 10) },
  { name: '体育の日', from: 2000, to: 2019, on: monday(10, 2) },
  {
    name: 'スポーツの日',
    from: 2020,
    on: except(monday(10, 2), { 2020: '2020-07-24', 2021: '2021-07-23' }),
  },
  { name: '文化の日', on: fixed(11, 3) },
  { name: '勤労感謝の日', on: fixed(11, 23) },
  // one-off days, each by its own law, counted as 国民の祝日 for steps 2 and 3
  { name: '昭和天皇の大喪の礼', on: once('1989-02-24') },
  { name: '即位礼正殿の儀', on: once('1990-11-12') },
  { name: '皇太子徳仁親王の結婚の儀', on: once('1993-06-09') },
  { name: '天皇の即位の日', on: once('2019-05-01') },
  { name: '即位礼正殿の儀', on: once('2019-10-22') },
];

export const SUBSTITUTE_HOLIDAY = '振替休日';
export const CITIZENS_HOLIDAY = '国民の休日';
const CITIZENS_HOLIDAY_SINCE = '1985-12-27'; // the amendment that created 国民の休日 took effect
const SUNDAY_RULE_UNTIL = 2006; // before 2007 a sandwiched Sunday or 振替休日 stayed as it was

/** English names, for pages shown in English. */
export const HOLIDAY_NAMES_EN: Readonly<Record<string, string>> = {
  元日: "New Year's Day",
  成人の日: 'Coming of Age Day',
  建国記念の日: 'National Foundation Day',
  天皇誕生日: "The Emperor's Birthday",
  春分の日: 'Vernal Equinox Day',
  昭和の日: 'Showa Day',
  憲法記念日: 'Constitution Memorial Day',
  みどりの日: 'Greenery Day',
  こどもの日: "Children's Day",
  海の日: 'Marine Day',
  山の日: 'Mountain Day',
  敬老の日: 'Respect for the Aged Day',
  秋分の日: 'Autumnal Equinox Day',
  体育の日: 'Health and Sports Day',
  スポーツの日: 'Sports Day',
  文化の日: 'Culture Day',
  勤労感謝の日: 'Labour Thanksgiving Day',
  昭和天皇の大喪の礼: 'State Funeral of Emperor Showa',
  即位礼正殿の儀: 'Enthronement Ceremony',
  皇太子徳仁親王の結婚の儀: 'Wedding of the Crown Prince',
  天皇の即位の日: 'Enthronement Day',
  [SUBSTITUTE_HOLIDAY]: 'Substitute holiday',
  [CITIZENS_HOLIDAY]: "Citizens' holiday",
};

// step 1: 国民の祝日 proper, as date → name
function statutoryHolidays(year: number): Map<string, string> {
  const days = new Map<string, string>();
  for (const rule of RULES) {
    if ((rule.from !== undefined && year < rule.from) || (rule.to !== undefined && year > rule.to))
      continue;
    const date = rule.on(year);
    if (date) days.set(date, rule.name);
  }
  return days;
}

// step 2: 振替休日, the first following day that is not itself a 祝日 (the rule since 2007; before
// that it was always the Monday, which gives the same days because no two 祝日 were consecutive)
function substituteHolidays(statutory: Map<string, string>): string[] {
  const result: string[] = [];
  for (const date of statutory.keys()) {
    if (weekdayOf(date) !== 'SU') continue;
    let day = dayNumber(date) + 1;
    while (statutory.has(fromDayNumber(day))) day++;
    result.push(fromDayNumber(day));
  }
  return result;
}

// step 3: 国民の休日, checked on the day after each 祝日 (the only candidates)
function citizensHolidays(
  year: number,
  statutory: Map<string, string>,
  substitutes: Set<string>,
): string[] {
  const result: string[] = [];
  for (const date of statutory.keys()) {
    const candidate = fromDayNumber(dayNumber(date) + 1);
    const next = fromDayNumber(dayNumber(date) + 2);
    if (candidate < CITIZENS_HOLIDAY_SINCE || !statutory.has(next)) continue;
    if (statutory.has(candidate) || substitutes.has(candidate)) continue; // already a holiday
    if (year <= SUNDAY_RULE_UNTIL && weekdayOf(candidate) === 'SU') continue;
    result.push(candidate);
  }
  return result;
}

function computeYear(year: number): Map<string, string> {
  const statutory = statutoryHolidays(year);
  const substitutes = substituteHolidays(statutory);
  const days = new Map(statutory);
  for (const date of substitutes) days.set(date, SUBSTITUTE_HOLIDAY);
  for (const date of citizensHolidays(year, statutory, new Set(substitutes)))
    days.set(date, CITIZENS_HOLIDAY);
  return days;
}

// holidays never cross a year boundary (nothing falls on 12/31 or sandwiches 1/1), so a year's
// days are computed from that year alone; cached because schedules ask about every day
const cache = new Map<number, Map<string, string>>();
function yearTable(year: number): Map<string, string> {
  let table = cache.get(year);
  if (!table) {
    table = computeYear(year);
    cache.set(year, table);
  }
  return table;
}

function inRange(year: number): boolean {
  return Number.isInteger(year) && year >= HOLIDAY_YEARS.first && year <= HOLIDAY_YEARS.last;
}

/** Every holiday of a year, sorted by date. Throws for years outside 1980–2099. */
export function holidaysInYear(year: number): Holiday[] {
  if (!inRange(year)) {
    throw new RangeError(
      `holidays are computed for ${HOLIDAY_YEARS.first}–${HOLIDAY_YEARS.last}; ${year} is outside`,
    );
  }
  return [...yearTable(year)]
    .map(([date, name]) => ({ date, name }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
}

/**
 * The holiday's Japanese name ('文化の日', '振替休日', '国民の休日'), or null for an ordinary day.
 * Dates outside 1980–2099 are treated as ordinary days: their holidays are not known.
 */
export function holidayName(isoDate: string): string | null {
  const year = Number(isoDate.slice(0, 4));
  if (!inRange(year)) return null;
  return yearTable(year).get(isoDate) ?? null;
}

export function isHoliday(isoDate: string): boolean {
  return holidayName(isoDate) !== null;
}

/** The holiday's English name, or null for an ordinary day. */
export function holidayNameEn(isoDate: string): string | null {
  const name = holidayName(isoDate);
  return name === null ? null : (HOLIDAY_NAMES_EN[name] ?? name);
}
