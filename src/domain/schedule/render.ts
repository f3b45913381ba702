// Schedules and sessions in words: Japanese, English and やさしい日本語 (easy). Rules that share
// hours become one line (「毎週火・木曜 10:00〜12:00」), and lines that share days list their hours
// together, so that what a volunteer entered as five rules still reads as two short lines.
import type { Schedule, ScheduleRule } from '../model';
import { parseIsoDate, weekdayIndex } from './dates';
import { holidayName, holidayNameEn } from './holidays';
import { parseByday, type BydaySpec, type Session } from './occurrences';

/** The app's locales (src/i18n): ja, en, and easy = やさしい日本語. */
export type ScheduleLocale = 'ja' | 'en' | 'easy';

export type DescribeScheduleOptions = {
  today?: string; // hide start dates already past, and say "ended" for end dates already past;
  // without it, start dates of interval-1 rules show and 隔週 anchors do not
};

export type DescribeSessionOptions = {
  withYear?: boolean; // include the year (default: no, sessions are at most a year ahead)
  markHoliday?: boolean; // name the 祝日 a session falls on (default: yes)
};

const WEEKDAY_JA = ['月', '火', '水', '木', '金', '土', '日'];
const WEEKDAY_EN_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const WEEKDAY_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const WEEKDAY_EASY = [
  'げつようび',
  'かようび',
  'すいようび',
  'もくようび',
  'きんようび',
  'どようび',
  'にちようび',
];
const MONTH_EN = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];
const ORDINAL_EN = ['', '1st', '2nd', '3rd', '4th', '5th'];

const FIXED_LINES = {
  closedOnHolidays: {
    ja: '祝日は休み',
    en: 'Closed on public holidays',
    easy: 'しゅくじつは おやすみ',
  },
  irregular: {
    ja: '不定期（要問合せ）',
    en: 'Irregular (please ask)',
    easy: 'ひにちは きまって いません（といあわせて ください）',
  },
  alsoIrregular: {
    ja: 'ほかにも不定期で開催（要問合せ）',
    en: 'Also on other days (please ask)',
    easy: 'ほかの ひにも あります（といあわせて ください）',
  },
  noDates: { ja: '日程未定', en: 'Dates not set', easy: 'ひにちは まだ きまって いません' },
} as const satisfies Record<string, Record<ScheduleLocale, string>>;

// --- small formatters ------------------------------------------------------------------------

/** '08:30' → '8:30': the way times are printed on Japanese notices. */
function formatTime(hhmm: string): string {
  return hhmm.replace(/^0(\d)/, '$1');
}

export function formatTimeRange(opensAt: string, closesAt: string, locale: ScheduleLocale): string {
  return `${formatTime(opensAt)}${locale === 'en' ? '–' : '〜'}${formatTime(closesAt)}`;
}

/** 'a', 'a and b', 'a, b and c' */
function joinEn(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A date without its weekday: 「2025年12月8日」, "8 Dec 2025", 「2025ねん 12がつ 8にち」. */
export function formatDate(iso: string, locale: ScheduleLocale, withYear = true): string {
  const { year, month, day } = parseIsoDate(iso);
  if (locale === 'en') return `${day} ${MONTH_EN[month - 1]}${withYear ? ` ${year}` : ''}`;
  if (locale === 'easy') return `${withYear ? `${year}ねん ` : ''}${month}がつ ${day}にち`;
  return `${withYear ? `${year}年` : ''}${month}月${day}日`;
}

// --- weekday lists ---------------------------------------------------------------------------

type DayItem = { first: number; last: number }; // a single weekday, or a run such as 月〜金

// runs of three or more consecutive weekdays read better as a range
function compressWeekdays(days: number[]): DayItem[] {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const items: DayItem[] = [];
  for (const day of sorted) {
    const run = items[items.length - 1];
    if (run && run.last === day - 1) run.last = day;
    else items.push({ first: day, last: day });
  }
  return items.flatMap((r) =>
    r.last - r.first >= 2
      ? [r]
      : Array.from({ length: r.last - r.first + 1 }, (_, i) => ({
          first: r.first + i,
          last: r.first + i,
        })),
  );
}

function weekdayList(days: number[], locale: ScheduleLocale): string {
  const items = compressWeekdays(days);
  const single = items.length === 1 && items[0]?.first === items[0]?.last;
  const name = (d: number) => {
    if (locale === 'ja') return WEEKDAY_JA[d];
    if (locale === 'easy') return WEEKDAY_EASY[d];
    return single ? WEEKDAY_EN[d] : WEEKDAY_EN_SHORT[d];
  };
  const texts = items.map((r) =>
    r.first === r.last
      ? `${name(r.first)}`
      : `${name(r.first)}${locale === 'en' ? '–' : '〜'}${name(r.last)}`,
  );
  if (locale === 'en') return joinEn(texts);
  return texts.join('・') + (locale === 'ja' ? '曜' : '');
}

// --- rule groups -----------------------------------------------------------------------------

type Period = { validFrom?: string; validTo?: string };
type Group = {
  freq: ScheduleRule['freq'];
  interval: number;
  period: Period;
  days: BydaySpec[];
  times: { opensAt: string; closesAt: string }[];
};

const periodKey = (p: Period) => `${p.validFrom ?? ''}/${p.validTo ?? ''}`;
const daysKey = (days: BydaySpec[]) => days.map((d) => `${d.ordinal ?? ''}${d.weekday}`).join(',');

function sortSpecs(days: BydaySpec[]): BydaySpec[] {
  const unique = new Map(days.map((d) => [`${d.ordinal ?? 0}:${d.weekday}`, d]));
  // by weekday, then ordinal with "last" after the 4th
  const rank = (o: number | null) => (o === null ? 0 : o === -1 ? 9 : o);
  return [...unique.values()].sort(
    (a, b) => a.weekday - b.weekday || rank(a.ordinal) - rank(b.ordinal),
  );
}

// step 1: rules with the same frequency, period and hours pool their days
// step 2: groups with the same days pool their hours (morning and afternoon sessions)
function groupRules(rules: ScheduleRule[]): Group[] {
  const byHours = new Map<string, Group>();
  for (const rule of rules) {
    const period = { validFrom: rule.validFrom, validTo: rule.validTo };
    const key = [rule.freq, rule.interval, periodKey(period), rule.opensAt, rule.closesAt].join(
      '|',
    );
    const specs = rule.byday.map(parseByday).filter((d): d is BydaySpec => d !== null);
    const group = byHours.get(key);
    if (group) group.days.push(...specs);
    else
      byHours.set(key, {
        freq: rule.freq,
        interval: rule.interval,
        period,
        days: specs,
        times: [{ opensAt: rule.opensAt, closesAt: rule.closesAt }],
      });
  }
  const byDays = new Map<string, Group>();
  for (const group of byHours.values()) {
    const days = sortSpecs(group.days);
    if (days.length === 0) continue;
    const key = [group.freq, group.interval, periodKey(group.period), daysKey(days)].join('|');
    const same = byDays.get(key);
    if (same) same.times.push(...group.times);
    else byDays.set(key, { ...group, days });
  }
  const groups = [...byDays.values()].map((g) => ({
    ...g,
    times: [...g.times].sort((a, b) => compareText(timeKey(a), timeKey(b))),
  }));
  return groups.sort(compareGroups);
}

const timeKey = (t: { opensAt: string; closesAt: string }) => `${t.opensAt}-${t.closesAt}`;
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// step 3: a week reads in order: weekly before monthly, then by first weekday, then by hour; the
// last keys only break ties, so that the order of the rules never changes the text
function compareGroups(a: Group, b: Group): number {
  const freq = (g: Group) => (g.freq === 'WEEKLY' ? 0 : 1);
  const day = (g: Group) => g.days[0]?.weekday ?? 0;
  const time = (g: Group) => (g.times[0] ? timeKey(g.times[0]) : '');
  return (
    freq(a) - freq(b) ||
    a.interval - b.interval ||
    day(a) - day(b) ||
    compareText(time(a), time(b)) ||
    compareText(daysKey(a.days), daysKey(b.days)) ||
    compareText(periodKey(a.period), periodKey(b.period))
  );
}

// --- day phrases -----------------------------------------------------------------------------

function weeklyPhrase(group: Group, locale: ScheduleLocale): string {
  const days = group.days.map((d) => d.weekday);
  const n = group.interval;
  if (n === 1 && new Set(days).size === 7)
    return { ja: '毎日', en: 'Every day', easy: 'まいにち' }[locale];
  const list = weekdayList(days, locale);
  if (locale === 'ja')
    return n === 1 ? `毎週${list}` : n === 2 ? `隔週${list}` : `${n}週ごとの${list}`;
  if (locale === 'easy') return n === 1 ? `まいしゅう ${list}` : `${n}しゅうかんに 1かい ${list}`;
  return n === 1
    ? `Every ${list}`
    : n === 2
      ? `Every other ${list}`
      : `Every ${n} weeks on ${list}`;
}

// weekdays that share the same ordinals read together: 第1月・木曜, 第2・最終土曜
function ordinalClusters(days: BydaySpec[]): { ordinals: (number | null)[]; weekdays: number[] }[] {
  const ordinalsByDay = new Map<number, (number | null)[]>();
  for (const d of days)
    ordinalsByDay.set(d.weekday, [...(ordinalsByDay.get(d.weekday) ?? []), d.ordinal]);
  const clusters = new Map<string, { ordinals: (number | null)[]; weekdays: number[] }>();
  for (const [weekday, ordinals] of ordinalsByDay) {
    const key = ordinals.join(',');
    const cluster = clusters.get(key);
    if (cluster) cluster.weekdays.push(weekday);
    else clusters.set(key, { ordinals, weekdays: [weekday] });
  }
  return [...clusters.values()];
}

function ordinalLabel(o: number | null, locale: ScheduleLocale): string {
  if (locale === 'ja') return o === null ? '毎週' : o === -1 ? '最終' : `第${o}`;
  if (locale === 'easy') return o === null ? 'まいしゅう' : o === -1 ? 'さいご' : `だい${o}`;
  return o === null ? 'every' : o === -1 ? 'last' : (ORDINAL_EN[o] ?? `${o}th`);
}

function monthlyClause(
  cluster: { ordinals: (number | null)[]; weekdays: number[] },
  locale: ScheduleLocale,
): string {
  const ordinals = cluster.ordinals.map((o) => ordinalLabel(o, locale));
  if (locale === 'ja')
    return `${ordinals.join('・')}${cluster.weekdays.map((d) => WEEKDAY_JA[d]).join('・')}曜`;
  if (locale === 'easy') {
    const joined = ordinals.join('・');
    const days = cluster.weekdays.map((d) => WEEKDAY_EASY[d]).join('・');
    return joined.endsWith('さいご') ? `${joined}の ${days}` : `${joined} ${days}`;
  }
  return `${joinEn(ordinals)} ${joinEn(cluster.weekdays.map((d) => WEEKDAY_EN[d] ?? ''))}`;
}

function monthlyPhrase(group: Group, locale: ScheduleLocale): string {
  const n = group.interval;
  const clauses = ordinalClusters(group.days).map((c) => monthlyClause(c, locale));
  if (locale === 'ja')
    return `${n === 1 ? '毎月' : n === 2 ? '隔月' : `${n}か月ごとの`}${clauses.join('、')}`;
  if (locale === 'easy')
    return `${n === 1 ? 'まいつき' : `${n}かげつに 1かい`} ${clauses.join('、')}`;
  const every = n === 1 ? 'of each month' : n === 2 ? 'of every other month' : `every ${n} months`;
  // clauses already contain "and": separate them with a comma
  const joined =
    clauses.length > 1
      ? `${clauses.slice(0, -1).join(', ')}, and ${clauses[clauses.length - 1]}`
      : clauses.join('');
  return capitalize(`${joined} ${every}`);
}

// a start date is news only while it is ahead; for 隔週 rules it is mostly the anchor of the
// weeks, so it shows only when `today` proves it is still ahead
function showStart(group: Group, today: string | undefined): boolean {
  const from = group.period.validFrom;
  if (from === undefined) return false;
  return today === undefined ? group.interval === 1 : from > today;
}

function periodPhrase(group: Group, locale: ScheduleLocale, today: string | undefined): string {
  const period = group.period;
  const showFrom = showStart(group, today);
  // within one year the year is said once: 2026年7月21日〜8月28日, 21 Jul – 28 Aug 2026
  const sameYear =
    showFrom &&
    period.validTo !== undefined &&
    period.validFrom?.slice(0, 4) === period.validTo.slice(0, 4);
  const from =
    showFrom && period.validFrom
      ? formatDate(period.validFrom, locale, !sameYear || locale !== 'en')
      : null;
  const to = period.validTo
    ? formatDate(period.validTo, locale, !sameYear || locale === 'en')
    : null;
  const ended = period.validTo !== undefined && today !== undefined && period.validTo < today;
  if (locale === 'en') {
    if (ended) return ` (ended ${to})`;
    if (from && to) return ` (${from} – ${to})`;
    return from ? ` (from ${from})` : to ? ` (until ${to})` : '';
  }
  const [space, fromWord, toWord, endWord] =
    locale === 'ja' ? ['', 'から', 'まで', 'で終了'] : [' ', 'から', 'まで', 'で おわりました'];
  if (ended) return `（${to}${endWord}）`;
  if (from && to) return locale === 'ja' ? `（${from}〜${to}）` : `（${from} から ${to} まで）`;
  return from ? `（${from}${space}${fromWord}）` : to ? `（${to}${space}${toWord}）` : '';
}

function groupLine(group: Group, locale: ScheduleLocale, today: string | undefined): string {
  const days = group.freq === 'WEEKLY' ? weeklyPhrase(group, locale) : monthlyPhrase(group, locale);
  const times = group.times.map((t) => formatTimeRange(t.opensAt, t.closesAt, locale));
  const period = periodPhrase(group, locale, today);
  if (locale === 'en') return `${days}, ${joinEn(times)}${period}`;
  return `${days} ${times.join('、')}${period}`;
}

/**
 * The schedule in words, one line per group of rules, then 「祝日は休み」, 「不定期（要問合せ）」
 * and the note, each on its own line.
 */
export function describeSchedule(
  schedule: Schedule,
  locale: ScheduleLocale,
  options: DescribeScheduleOptions = {},
): string[] {
  const lines = groupRules(schedule.rules).map((g) => groupLine(g, locale, options.today));
  if (lines.length > 0 && schedule.closedOnHolidays)
    lines.push(FIXED_LINES.closedOnHolidays[locale]);
  if (schedule.irregular)
    lines.push((lines.length > 0 ? FIXED_LINES.alsoIrregular : FIXED_LINES.irregular)[locale]);
  if (lines.length === 0) lines.push(FIXED_LINES.noDates[locale]);
  const note = schedule.note?.trim();
  if (note) lines.push(note);
  return lines;
}

// --- sessions --------------------------------------------------------------------------------

/** 「12月8日（火）」, "Tue 8 Dec", 「12がつ 8にち（かようび）」, naming the 祝日 when there is one. */
export function describeDate(
  iso: string,
  locale: ScheduleLocale,
  options: DescribeSessionOptions = {},
): string {
  const date = formatDate(iso, locale, options.withYear ?? false);
  const weekday = weekdayIndex(iso);
  const holiday = (options.markHoliday ?? true) ? holidayName(iso) : null;
  if (locale === 'en')
    return `${WEEKDAY_EN_SHORT[weekday]} ${date}${holiday ? ` (${holidayNameEn(iso)})` : ''}`;
  if (locale === 'easy')
    return `${date}（${WEEKDAY_EASY[weekday]}${holiday ? '・しゅくじつ' : ''}）`;
  return `${date}（${WEEKDAY_JA[weekday]}${holiday ? `・${holiday}` : ''}）`;
}

/** 「12月8日（火）10:00〜12:00」, "Tue 8 Dec, 10:00–12:00", 「12がつ 8にち（かようび） 10:00〜12:00」 */
export function describeSession(
  session: Session,
  locale: ScheduleLocale,
  options: DescribeSessionOptions = {},
): string {
  const date = describeDate(session.date, locale, options);
  const time = formatTimeRange(session.opensAt, session.closesAt, locale);
  if (locale === 'en') return `${date}, ${time}`;
  return locale === 'easy' ? `${date} ${time}` : `${date}${time}`;
}
