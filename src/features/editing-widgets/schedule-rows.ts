// The schedule editor's rows: one row is one time slot (one HSDS rule) in the words a volunteer
// uses — 毎週 / 隔週 / 毎月 第n — and converts to and from `ScheduleRule`. Pure: the component
// keeps rows in state and emits `rowsToRules(rows)`.
import type { ScheduleRule } from '../../domain/model';
import { parseByday } from '../../domain/schedule/occurrences';
import { WEEKDAYS, type Weekday } from '../../domain/weekdays';

/** 毎週, 隔週, 毎月 第n; `other`: a rule the form cannot show (3週ごと, 隔月 …), kept as it is. */
export type RowKind = 'weekly' | 'biweekly' | 'monthly' | 'other';

/** Weeks of the month a volunteer can pick: 第1〜第4 and 最終 (−1). */
export const ORDINALS = [1, 2, 3, 4, -1] as const;
export type Ordinal = (typeof ORDINALS)[number];

export type ScheduleRow = {
  key: string; // stable React key; never stored
  kind: RowKind;
  weekdays: Weekday[]; // MO first
  ordinals: Ordinal[]; // 毎月 only; 第1〜第4 then 最終
  opensAt: string; // as typed ('10時', '9:30', ''); rules get it as 'HH:MM' (parseTime)
  closesAt: string;
  validFrom: string; // 'YYYY-MM-DD' or '' (none); required for 隔週
  validTo: string;
  /** for `other`: the rule as loaded, whose freq, interval and byday are kept */
  original?: ScheduleRule;
};

export type RowField =
  'kind' | 'weekdays' | 'ordinals' | 'opensAt' | 'closesAt' | 'validFrom' | 'validTo';

/** What is wrong with a field: the message key suffix in the editingWidgets bundle. */
export type RowProblem =
  | 'ruleUnsupported'
  | 'weekdaysRequired'
  | 'ordinalsRequired'
  | 'opensAtRequired'
  | 'closesAtRequired'
  | 'timeFormat'
  | 'timeOrder'
  | 'startRequired'
  | 'dateFormat'
  | 'periodOrder';

let nextKey = 0;
/** a fresh row key (unique within the page) */
export function newRowKey(): string {
  nextKey += 1;
  return `row-${nextKey}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const sortWeekdays = (days: Iterable<Weekday>): Weekday[] => {
  const set = new Set(days);
  return WEEKDAYS.filter((d) => set.has(d));
};
const sortOrdinals = (ordinals: Iterable<Ordinal>): Ordinal[] => {
  const set = new Set(ordinals);
  return ORDINALS.filter((o) => set.has(o));
};
const isOrdinal = (n: number | null): n is Ordinal =>
  n !== null && (ORDINALS as readonly number[]).includes(n);

/**
 * A time as volunteers type it → 'HH:MM' (24 h), or null. Accepts 「10:00」「9:30」「１０：３０」
 * 「10時」「10時30分」「10時半」「午後1時」「1330」; full-width digits are read (NFKC).
 */
export function parseTime(text: string): string | null {
  let t = text.normalize('NFKC').replace(/\s+/g, '');
  let pm = false;
  if (/^(午後|PM)/i.test(t)) pm = true;
  t = t.replace(/^(午前|午後|AM|PM)/i, '');
  let m = /^(\d{1,2})(?::|時)(\d{1,2}|半)?分?$/.exec(t) ?? /^(\d{1,2})()$/.exec(t);
  if (!m && /^\d{3,4}$/.test(t)) m = /^(\d{1,2})(\d{2})$/.exec(t);
  if (!m) return null;
  let hours = Number(m[1]);
  const minutes = m[2] === '半' ? 30 : Number(m[2] || 0);
  if (pm && hours < 12) hours += 12;
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** An empty row: 毎週, nothing chosen yet. */
export function emptyRow(): ScheduleRow {
  return {
    key: newRowKey(),
    kind: 'weekly',
    weekdays: [],
    ordinals: [],
    opensAt: '',
    closesAt: '',
    validFrom: '',
    validTo: '',
  };
}

/**
 * The row "時間帯を追加" makes: the same days as the row before (a morning and an afternoon
 * session on the same days is the common case), with the hours left for the user to enter.
 */
export function nextRow(previous: ScheduleRow | undefined): ScheduleRow {
  if (!previous || previous.kind === 'other') return emptyRow();
  return { ...previous, key: newRowKey(), opensAt: '', closesAt: '', original: undefined };
}

// --- rules → rows ----------------------------------------------------------------------------

function base(rule: ScheduleRule) {
  return {
    opensAt: rule.opensAt,
    closesAt: rule.closesAt,
    validFrom: rule.validFrom ?? '',
    validTo: rule.validTo ?? '',
  };
}

function otherRow(rule: ScheduleRule): ScheduleRow {
  const specs = rule.byday.map(parseByday).filter((s) => s !== null);
  return {
    key: newRowKey(),
    kind: 'other',
    weekdays: sortWeekdays(specs.map((s) => WEEKDAYS[s.weekday] as Weekday)),
    ordinals: sortOrdinals(specs.map((s) => s.ordinal).filter(isOrdinal)),
    ...base(rule),
    original: rule,
  };
}

/**
 * One rule becomes one row, except a monthly rule whose days are not "these weeks × these
 * weekdays" (第1月曜 and 第3水曜): it becomes one row per group of weekdays that share their
 * weeks. The rows produce the same sessions as the rule.
 */
export function rowsFromRule(rule: ScheduleRule): ScheduleRow[] {
  const specs = rule.byday.map(parseByday);
  if (specs.some((s) => s === null)) return [otherRow(rule)];
  const valid = specs.filter((s) => s !== null);
  const plain = valid.every((s) => s.ordinal === null);
  const weekdaysOf = (list: typeof valid) =>
    sortWeekdays(list.map((s) => WEEKDAYS[s.weekday] as Weekday));
  if (rule.freq === 'WEEKLY' && plain && (rule.interval === 1 || rule.interval === 2)) {
    return [
      {
        key: newRowKey(),
        kind: rule.interval === 1 ? 'weekly' : 'biweekly',
        weekdays: weekdaysOf(valid),
        ordinals: [],
        ...base(rule),
      },
    ];
  }
  if (rule.freq === 'MONTHLY' && rule.interval === 1 && valid.every((s) => isOrdinal(s.ordinal))) {
    // weekday → its weeks; weekdays with the same weeks share a row
    const weeks = new Map<number, Set<Ordinal>>();
    for (const s of valid)
      weeks.set(s.weekday, (weeks.get(s.weekday) ?? new Set()).add(s.ordinal as Ordinal));
    const clusters = new Map<string, { ordinals: Ordinal[]; weekdays: Weekday[] }>();
    for (const [weekday, set] of [...weeks].sort((a, b) => a[0] - b[0])) {
      const ordinals = sortOrdinals(set);
      const id = ordinals.join(',');
      const cluster = clusters.get(id) ?? { ordinals, weekdays: [] };
      cluster.weekdays.push(WEEKDAYS[weekday] as Weekday);
      clusters.set(id, cluster);
    }
    // an unfinished rule with no days is still one (empty) row
    const rows = clusters.size > 0 ? [...clusters.values()] : [{ ordinals: [], weekdays: [] }];
    return rows.map((c) => ({
      key: newRowKey(),
      kind: 'monthly',
      weekdays: c.weekdays,
      ordinals: c.ordinals,
      ...base(rule),
    }));
  }
  return [otherRow(rule)];
}

export function rowsFromRules(rules: readonly ScheduleRule[]): ScheduleRow[] {
  return rules.flatMap(rowsFromRule);
}

// --- rows → rules ----------------------------------------------------------------------------

/** The rule a row stands for. Incomplete rows give incomplete rules (validation says why). */
export function rowToRule(row: ScheduleRow): ScheduleRule {
  const period = {
    ...(row.validFrom ? { validFrom: row.validFrom } : {}),
    ...(row.validTo ? { validTo: row.validTo } : {}),
  };
  // a readable time goes out normalized, so the form's data is right even before the field blurs
  const times = {
    opensAt: parseTime(row.opensAt) ?? row.opensAt,
    closesAt: parseTime(row.closesAt) ?? row.closesAt,
  };
  const weekdays = sortWeekdays(row.weekdays);
  switch (row.kind) {
    case 'weekly':
      return { freq: 'WEEKLY', interval: 1, byday: weekdays, ...times, ...period };
    case 'biweekly':
      return { freq: 'WEEKLY', interval: 2, byday: weekdays, ...times, ...period };
    case 'monthly':
      // by weekday, then week: 1TU, 3TU, 1FR
      return {
        freq: 'MONTHLY',
        interval: 1,
        byday: weekdays.flatMap((d) => sortOrdinals(row.ordinals).map((o) => `${o}${d}`)),
        ...times,
        ...period,
      };
    case 'other': {
      const original = row.original ?? { freq: 'WEEKLY', interval: 1, byday: weekdays };
      return {
        freq: original.freq,
        interval: original.interval,
        byday: original.byday,
        ...times,
        ...period,
      };
    }
  }
}

export function rowsToRules(rows: readonly ScheduleRow[]): ScheduleRule[] {
  return rows.map(rowToRule);
}

/**
 * Changes a row's kind, keeping what still applies: the weekdays always, the weeks for 毎月, the
 * period. A kept rule (`original`) stays so that the user can go back to "そのほか".
 */
export function withKind(row: ScheduleRow, kind: RowKind): ScheduleRow {
  if (kind === row.kind) return row;
  if (kind === 'other' && !row.original) return row;
  return { ...row, kind };
}

// --- validation ------------------------------------------------------------------------------

/**
 * What is wrong with a row, field by field (empty when the row is a valid rule). Checks the same
 * things as `scheduleRuleSchema`, worded for the control the user touches: "pick a week" rather
 * than "byday is empty".
 */
export function validateRow(row: ScheduleRow): Partial<Record<RowField, RowProblem>> {
  const problems: Partial<Record<RowField, RowProblem>> = {};
  if (row.kind !== 'other' && row.weekdays.length === 0) problems.weekdays = 'weekdaysRequired';
  if (row.kind === 'monthly' && row.ordinals.length === 0) problems.ordinals = 'ordinalsRequired';
  if (row.kind === 'other' && !isSavableRule(row.original)) problems.kind = 'ruleUnsupported';
  const opens = parseTime(row.opensAt);
  const closes = parseTime(row.closesAt);
  if (row.opensAt.trim() === '') problems.opensAt = 'opensAtRequired';
  else if (!opens) problems.opensAt = 'timeFormat';
  if (row.closesAt.trim() === '') problems.closesAt = 'closesAtRequired';
  else if (!closes) problems.closesAt = 'timeFormat';
  else if (opens && closes <= opens) problems.closesAt = 'timeOrder';
  const interval =
    row.kind === 'biweekly' ? 2 : row.kind === 'other' ? (row.original?.interval ?? 1) : 1;
  if (row.validFrom && !ISO_DATE.test(row.validFrom)) problems.validFrom = 'dateFormat';
  else if (interval > 1 && !row.validFrom) problems.validFrom = 'startRequired';
  if (row.validTo && !ISO_DATE.test(row.validTo)) problems.validTo = 'dateFormat';
  else if (
    row.validTo &&
    row.validFrom &&
    ISO_DATE.test(row.validFrom) &&
    row.validTo < row.validFrom
  )
    problems.validTo = 'periodOrder';
  return problems;
}

const BYDAY = /^(-1|[1-4])?(MO|TU|WE|TH|FR|SA|SU)$/;

// what scheduleRuleSchema demands of freq, interval and byday, for a rule kept as it was loaded
// (imported data may hold 第5, or 第n in a weekly rule)
function isSavableRule(rule: ScheduleRule | undefined): boolean {
  if (!rule || rule.byday.length === 0 || !rule.byday.every((d) => BYDAY.test(d))) return false;
  if (!Number.isInteger(rule.interval) || rule.interval < 1 || rule.interval > 4) return false;
  const ordinal = (d: string) => /^-?\d/.test(d);
  return rule.freq === 'WEEKLY' ? !rule.byday.some(ordinal) : rule.byday.every(ordinal);
}

export function isRowValid(row: ScheduleRow): boolean {
  return Object.keys(validateRow(row)).length === 0;
}
