// Schedules in the words files use: weekday strings (`月火水木金土`, `火・木`, `月〜金`, `平日`),
// times (`7:00`, `10：00`, `9時半`), time ranges in prose (`利用可能時間は09:30～12:00、13:00～15:30`),
// and the one-cell rule language of the project's template (`毎週 月・水 10:00-12:00; 毎月 第2水 13:30-15:30`).
// Everything here is pure string work; the zod schema in model.ts has the last word on validity.
import type { Schedule, ScheduleRule, Weekday } from '../model';
import { WEEKDAY_ORDER } from '../schedule/dates';

const KANJI_DAYS = '月火水木金土日';
const DAY_BY_KANJI: Readonly<Record<string, Weekday>> = Object.fromEntries(
  [...KANJI_DAYS].map((k, i) => [k, WEEKDAY_ORDER[i]!]),
);
const KANJI_BY_DAY: Readonly<Record<Weekday, string>> = Object.fromEntries(
  [...KANJI_DAYS].map((k, i) => [WEEKDAY_ORDER[i]!, k]),
) as Record<Weekday, string>;

/** NFKC plus the range marks files use: 〜 ～ ~ − – — ‐ → '〜'. */
function clean(s: string): string {
  if (s.length > 16) return cleanNow(s);
  // short cells (曜日, 時間) repeat on every row of a file: remembered
  let v = cleanedShort.get(s);
  if (v === undefined) {
    v = cleanNow(s);
    if (cleanedShort.size < 10_000) cleanedShort.set(s, v);
  }
  return v;
}
const cleanedShort = new Map<string, string>();
function cleanNow(s: string): string {
  return s.normalize('NFKC').replace(/[~〜\u2010-\u2015\u2212\uFF5E]/g, '〜').trim();
}

const TIME = String.raw`(\d{1,2})\s*(?::|時)\s*(\d{2}|半)?\s*分?`;
const TIME_RE = new RegExp(`^${TIME}$`);

/** '7:00' → '07:00'; '10：00', '9時', '9時半', '13時30分' too. Null when it is not a time of day. */
export function parseTime(cell: string): string | null {
  const s = clean(cell);
  if (!s) return null;
  const m = TIME_RE.exec(s) ?? /^(\d{1,2})(\d{2})$/.exec(s); // '0930' as some files write it
  if (!m) return null;
  const h = Number(m[1]);
  const min = m[2] === '半' ? 30 : Number(m[2] ?? '0');
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

export type ParsedWeekdays = {
  days: Weekday[]; // in the order written, without repeats
  holidaysOpen: boolean; // the string names 祝 (土日祝): open on public holidays
};

/**
 * `月火水木金土`, `火・木`, `月〜金`, `月曜日、水曜日`, `平日`, `毎日`, `土日祝`. Null when something other
 * than weekdays and separators is left over, so that prose is never mistaken for days.
 */
export function parseWeekdays(cell: string): ParsedWeekdays | null {
  let s = clean(cell).replace(/曜日|曜/g, '');
  if (!s) return null;
  const days: Weekday[] = [];
  const add = (d: Weekday) => {
    if (!days.includes(d)) days.push(d);
  };
  let holidaysOpen = false;
  s = s.replace(/平日/g, () => {
    ['MO', 'TU', 'WE', 'TH', 'FR'].forEach((d) => add(d as Weekday));
    return '';
  });
  s = s.replace(/毎日/g, () => {
    WEEKDAY_ORDER.forEach(add);
    return '';
  });
  s = s.replace(/祝日?/g, () => {
    holidaysOpen = true;
    return '';
  });
  // ranges first (月〜金), then single days
  s = s.replace(/([月火水木金土日])〜([月火水木金土日])/g, (_m, a: string, b: string) => {
    const from = KANJI_DAYS.indexOf(a);
    const to = KANJI_DAYS.indexOf(b);
    for (let i = from; ; i = (i + 1) % 7) {
      add(WEEKDAY_ORDER[i]!);
      if (i === to) break;
    }
    return '';
  });
  s = s.replace(/[月火水木金土日]/g, (k) => {
    add(DAY_BY_KANJI[k]!);
    return '';
  });
  if (s.replace(/[\s・、,/／及びと]/g, '') !== '') return null;
  if (days.length === 0 && !holidaysOpen) return null;
  return { days, holidaysOpen };
}

export type TimeRange = { opensAt: string; closesAt: string };

const HOUR_MARK = /\d\s*(?::|時)/;
const RANGE_RE = new RegExp(`${TIME}\\s*(?:〜|から|-)\\s*${TIME}`, 'g');

function rangeFromMatch(m: RegExpExecArray, offset: number): TimeRange | null {
  const opensAt = parseTime(`${m[offset]}:${m[offset + 1] ?? '00'}`);
  const closesAt = parseTime(`${m[offset + 2]}:${m[offset + 3] ?? '00'}`);
  return opensAt && closesAt && closesAt > opensAt ? { opensAt, closesAt } : null;
}

/** Every time range in a text, in order ('9:30〜12:00', '13時から15時30分'). */
export function findTimeRanges(text: string): TimeRange[] {
  const out: TimeRange[] = [];
  for (const m of clean(text).matchAll(RANGE_RE)) {
    const r = rangeFromMatch(m, 1);
    if (r) out.push(r);
  }
  return out;
}

/**
 * Ranges from prose that says nothing but times: 「利用可能時間は09:30～12:00、13:00～15:30」. Remarks in
 * brackets are ignored (（12:00～13:00自由開放）). Null when other words remain (「平日：放課後～18：30」),
 * because guessing from such prose would put wrong hours on the map.
 */
export function timesOnlyProse(text: string): TimeRange[] | null {
  return timesOnlyProseOfClean(clean(text));
}

function timesOnlyProseOfClean(cleaned: string): TimeRange[] | null {
  const s = cleaned
    .replace(/\([^)]*\)|（[^）]*）|【[^】]*】/g, '')
    .replace(/^(?:利用可能|開所|開館|受付|利用|開設|開催)?時間(?:帯)?(?:は|:)?/, '');
  if (!HOUR_MARK.test(s)) return null; // no 「9:」「9時」: no range can match
  const ranges: TimeRange[] = [];
  const rest = s.replace(RANGE_RE, (...args: unknown[]) => {
    const r = rangeFromMatch(args as unknown as RegExpExecArray, 1);
    if (r) ranges.push(r);
    return '';
  });
  if (!ranges.length || rest.replace(/[\s、,。/・と及び]/g, '') !== '') return null;
  return ranges;
}

export type DayOverride = {
  weekday: Weekday;
  ordinal: number | null; // 第3土 → 3; null: every week
  range: TimeRange;
};

const OVERRIDE_RE = new RegExp(
  String.raw`(?:第([1-4])|(最終))?([月火水木金土日])(?:曜日?)?(?:の)?(?:開所|開館|開園|利用|受付|開始)?(?:時間)?は\s*` +
    `${TIME}\\s*(?:〜|から|-)\\s*${TIME}`,
  'g',
);

/** 「土曜日の開所時間は07：00から18：00」, 「第３土は10:30～15:30」: hours that differ on one day. */
export function findDayOverrides(note: string): DayOverride[] {
  return dayOverridesOfClean(clean(note));
}

function dayOverridesOfClean(cleaned: string): DayOverride[] {
  const out: DayOverride[] = [];
  if (!cleaned.includes('は')) return out; // every override reads 「…は HH:MM〜HH:MM」
  for (const m of cleaned.matchAll(OVERRIDE_RE)) {
    const range = rangeFromMatch(m, 4);
    if (!range) continue;
    out.push({ weekday: DAY_BY_KANJI[m[3]!]!, ordinal: m[2] ? -1 : m[1] ? Number(m[1]) : null, range });
  }
  return out;
}

/** 祝日 closure stated in prose: 「休所日は日曜日及び祝日」, 「国民の祝日…は終日利用不可」. */
export function saysClosedOnHolidays(note: string): boolean {
  return closedOnHolidaysOfClean(clean(note));
}

function closedOnHolidaysOfClean(s: string): boolean {
  return /祝日|祝祭日|国民の休日/.test(s) && /休|利用不可|除く|閉/.test(s);
}

// --- the template's one-cell rule language ----------------------------------------------------

const DATE = String.raw`(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?`;

const FROM_RE = new RegExp(`${DATE}\\s*から`);
const TO_RE = new RegExp(`${DATE}\\s*まで`);

function isoOf(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

export type ParsedRules = { rules: ScheduleRule[]; errors: string[] };

/**
 * Rules separated by ';' or line breaks. Each rule: an optional frequency (毎週, 隔週, 3週ごと,
 * 毎月, 2か月ごと), the days (月・水, 月〜金, 第2水・最終金, 第1・第3土), one or more time ranges,
 * and optional dates (2026-04-01から, 2027-03-31まで). Several ranges make several rules.
 */
export function parseRulesCell(cell: string): ParsedRules {
  const rules: ScheduleRule[] = [];
  const errors: string[] = [];
  for (const part of cell.normalize('NFKC').split(/[;\n]/)) {
    if (!part.trim()) continue;
    const parsed = parseRule(part);
    if (typeof parsed === 'string') errors.push(parsed);
    else rules.push(...parsed);
  }
  return { rules, errors };
}

function parseRule(text: string): ScheduleRule[] | string {
  let s = clean(text);
  const shown = text.trim();
  let validFrom: string | undefined;
  let validTo: string | undefined;
  s = s.replace(FROM_RE, (_m, y: string, mo: string, d: string) => {
    validFrom = isoOf(y, mo, d);
    return ' ';
  });
  s = s.replace(TO_RE, (_m, y: string, mo: string, d: string) => {
    validTo = isoOf(y, mo, d);
    return ' ';
  });
  const ranges: TimeRange[] = [];
  s = s.replace(RANGE_RE, (...args: unknown[]) => {
    const r = rangeFromMatch(args as unknown as RegExpExecArray, 1);
    if (r) ranges.push(r);
    return ' ';
  });
  if (!ranges.length) return `「${shown}」に時間（例 10:00-12:00）がありません`;

  let freq: ScheduleRule['freq'] | null = null;
  let interval = 1;
  s = s.replace(/毎週|隔週|(\d)週(?:ごと|毎|間隔)|毎月|(\d)(?:か|ヶ|カ|ケ|ヵ|箇)月(?:ごと|毎)/, (m, w?: string, mo?: string) => {
    if (m === '毎週') freq = 'WEEKLY';
    else if (m === '隔週') [freq, interval] = ['WEEKLY', 2];
    else if (w) [freq, interval] = ['WEEKLY', Number(w)];
    else if (m === '毎月') freq = 'MONTHLY';
    else if (mo) [freq, interval] = ['MONTHLY', Number(mo)];
    return ' ';
  });

  const monthly = /第|最終/.test(s);
  let byday: string[];
  if (monthly) {
    const entries = parseMonthlyDays(s);
    if (typeof entries === 'string') return `「${shown}」: ${entries}`;
    byday = entries;
    if (freq === 'WEEKLY') return `「${shown}」: 毎週・隔週の予定に「第n」「最終」は使えません`;
    freq = 'MONTHLY';
  } else {
    const days = parseWeekdays(s);
    if (!days || days.days.length === 0) return `「${shown}」の曜日を読み取れません（例 毎週 月・水 10:00-12:00）`;
    if (freq === 'MONTHLY') return `「${shown}」: 毎月の予定は「第2水」「最終金」のように週を指定してください`;
    byday = days.days;
    freq = 'WEEKLY';
  }
  return ranges.map((r) => ({
    freq: freq!,
    interval,
    byday,
    opensAt: r.opensAt,
    closesAt: r.closesAt,
    ...(validFrom ? { validFrom } : {}),
    ...(validTo ? { validTo } : {}),
  }));
}

/** 第2水・第4水, 第2・第4水, 最終金, 第1、第3土曜日 → ['2WE', '4WE'] … */
function parseMonthlyDays(s: string): string[] | string {
  const out: string[] = [];
  let pending: string[] = [];
  let last: string[] = [];
  let afterDay = false;
  const rest = s.replace(/曜日|曜/g, '').replace(/第\s*(\d)|最終|([月火水木金土日])/g, (m, n?: string, day?: string) => {
    if (day) {
      const ords = pending.length ? pending : last;
      if (!ords.length) return m; // a weekday without 第n: left over, reported below
      for (const o of ords) out.push(`${o}${DAY_BY_KANJI[day]!}`);
      last = ords;
      pending = [];
      afterDay = true;
      return '';
    }
    if (afterDay) {
      pending = [];
      afterDay = false;
    }
    if (n !== undefined && (Number(n) < 1 || Number(n) > 4)) pending.push('bad');
    else pending.push(n ?? '-1');
    return '';
  });
  if (out.some((e) => e.startsWith('bad'))) return '第1〜第4 または 最終 を指定してください（第5週は毎月あるとは限りません）';
  if (rest.replace(/[\s・、,/と及び]/g, '') !== '' || !out.length) return '週と曜日を読み取れません（例 毎月 第2水・最終金 13:30-15:30）';
  return [...new Set(out)];
}

/** The canonical cell text for rules; `parseRulesCell(formatRulesCell(r)).rules` equals `r`. */
export function formatRulesCell(rules: readonly ScheduleRule[]): string {
  return rules.map(formatRule).join('; ');
}

function formatRule(r: ScheduleRule): string {
  const freq =
    r.freq === 'WEEKLY'
      ? r.interval === 1
        ? '毎週'
        : r.interval === 2
          ? '隔週'
          : `${r.interval}週ごと`
      : r.interval === 1
        ? '毎月'
        : `${r.interval}か月ごと`;
  const days = r.byday
    .map((b) => {
      const m = /^(-1|\d)?([A-Z]{2})$/.exec(b);
      if (!m) return b;
      const kanji = KANJI_BY_DAY[m[2] as Weekday];
      return m[1] === undefined ? kanji : m[1] === '-1' ? `最終${kanji}` : `第${m[1]}${kanji}`;
    })
    .join('・');
  const from = r.validFrom ? ` ${r.validFrom}から` : '';
  const to = r.validTo ? ` ${r.validTo}まで` : '';
  return `${freq} ${days} ${r.opensAt}-${r.closesAt}${from}${to}`;
}

/** Weekdays in kanji as the national layout writes them: ['MO', 'WE'] → '月水'. */
export function formatWeekdaysKanji(days: readonly Weekday[]): string {
  return WEEKDAY_ORDER.filter((d) => days.includes(d))
    .map((d) => KANJI_BY_DAY[d])
    .join('');
}

// --- national columns → a schedule -------------------------------------------------------------

export type ScheduleColumns = {
  days: string; // 利用可能曜日
  opens: string; // 開始時間
  closes: string; // 終了時間
  note: string; // 利用可能日時特記事項
};

// the 曜日 and 時間 cells of a file repeat a few values: parsed once each (results only read)
const weekdaysByCell = new Map<string, ParsedWeekdays | null>();
function weekdaysOfCell(cell: string): ParsedWeekdays | null {
  let v = weekdaysByCell.get(cell);
  if (v === undefined) {
    v = parseWeekdays(cell);
    if (weekdaysByCell.size < 10_000) weekdaysByCell.set(cell, v);
  }
  return v;
}
const timeByCell = new Map<string, string | null>();
function timeOfCell(cell: string): string | null {
  let v = timeByCell.get(cell);
  if (v === undefined) {
    v = parseTime(cell);
    if (timeByCell.size < 10_000) timeByCell.set(cell, v);
  }
  return v;
}

export type ScheduleIssue = { field: keyof ScheduleColumns; message: string };

/**
 * A schedule from the national layout's columns. The note is always kept as the schedule's note.
 * Hours for one weekday stated in the note (「土曜日の開所時間は07：00から18：00」) become a rule of
 * their own; times given only in prose become rules only when the prose holds nothing but times,
 * and always with a warning.
 */
export function scheduleFromColumns(cols: ScheduleColumns): { schedule: Schedule; issues: ScheduleIssue[] } {
  const issues: ScheduleIssue[] = [];
  const note = cols.note.replace(/\r\n?/g, '\n').trim();
  const cleanNote = note ? clean(note) : ''; // NFKC and range marks, once for the three readers below
  const extraNote: string[] = [];
  const parsedDays = cols.days.trim() ? weekdaysOfCell(cols.days) : null;
  if (cols.days.trim() && !parsedDays) {
    issues.push({ field: 'days', message: `利用可能曜日「${cols.days.trim()}」を読み取れませんでした。予定の備考に残しました。曜日を確認して入力してください。` });
    extraNote.push(`利用可能曜日: ${cols.days.trim()}`);
  }
  const days = parsedDays?.days ?? [];
  const opens = cols.opens.trim() ? timeOfCell(cols.opens) : null;
  const closes = cols.closes.trim() ? timeOfCell(cols.closes) : null;
  if (cols.opens.trim() && !opens) issues.push({ field: 'opens', message: `開始時間「${cols.opens.trim()}」を読み取れません。HH:MM（例 09:30）で書いてください。` });
  if (cols.closes.trim() && !closes) issues.push({ field: 'closes', message: `終了時間「${cols.closes.trim()}」を読み取れません。HH:MM（例 17:00）で書いてください。` });

  let ranges: TimeRange[] = [];
  if (opens && closes) {
    if (closes > opens) ranges = [{ opensAt: opens, closesAt: closes }];
    else issues.push({ field: 'closes', message: `終了時間 ${closes} が開始時間 ${opens} より前です。時間を確認してください。` });
  } else if (!cols.opens.trim() && !cols.closes.trim() && note && days.length) {
    const prose = timesOnlyProseOfClean(cleanNote);
    if (prose && days.length) {
      ranges = prose;
      issues.push({ field: 'note', message: `開始・終了時間の列が空のため、特記事項の文章から時間（${prose.map((r) => `${r.opensAt}〜${r.closesAt}`).join('、')}）を読み取りました。正しいか確認してください。` });
    } else if (days.length) {
      issues.push({ field: 'note', message: '時間が特記事項の文章にしかないため、予定の備考として残し「不定期（要問合せ）」にしました。曜日と時間を確認して入力してください。' });
    }
  } else if ((opens || closes) && !(opens && closes)) {
    issues.push({ field: opens ? 'closes' : 'opens', message: '開始時間と終了時間の両方を入力してください。片方だけでは予定にできません。' });
  }
  if (ranges.length && !days.length && !parsedDays?.holidaysOpen) {
    issues.push({ field: 'days', message: '利用可能曜日がないため、時間を予定の備考に残しました。曜日を入力してください。' });
    extraNote.push(`時間: ${ranges.map((r) => `${r.opensAt}〜${r.closesAt}`).join('、')}`);
    ranges = [];
  }

  // one rule per range, then per-day hours from the note split their weekday out
  let rules: ScheduleRule[] = ranges.map((r) => ({ freq: 'WEEKLY', interval: 1, byday: [...days], ...r }));
  if (rules.length) {
    for (const o of dayOverridesOfClean(cleanNote)) {
      if (o.ordinal === null && days.includes(o.weekday)) {
        const same = rules.length === 1 && rules[0]!.opensAt === o.range.opensAt && rules[0]!.closesAt === o.range.closesAt;
        if (same) continue;
        rules = rules
          .map((r) => ({ ...r, byday: r.byday.filter((d) => d !== o.weekday) }))
          .filter((r) => r.byday.length > 0);
        rules.push({ freq: 'WEEKLY', interval: 1, byday: [o.weekday], ...o.range });
      } else if (o.ordinal !== null && !days.includes(o.weekday)) {
        rules.push({ freq: 'MONTHLY', interval: 1, byday: [`${o.ordinal}${o.weekday}`], ...o.range });
      }
    }
  }

  const fullNote = [...extraNote, note].filter(Boolean).join('\n');
  const schedule: Schedule = {
    rules,
    closedOnHolidays: parsedDays?.holidaysOpen ? false : closedOnHolidaysOfClean(cleanNote),
    irregular: rules.length === 0 && (days.length > 0 || Boolean(note)),
    ...(fullNote ? { note: fullNote.slice(0, 500) } : {}),
  };
  if (fullNote.length > 500)
    issues.push({ field: 'note', message: '特記事項が500文字を超えるため、501文字目以降を省きました。' });
  return { schedule, issues };
}
