// Schedule patterns as volunteers describe them (毎週火曜, 第2・第4水曜, 隔週土曜, 不定期…), built as
// the model's Schedule rules. Each pattern is named so templates can choose and tests can check
// that every one of them appears in the demo data.
import type { Schedule, ScheduleRule, Weekday } from '../model';
import { addDays, nextWeekday } from './dates';
import type { Rng } from './rng';

export const SCHEDULE_PATTERNS = [
  'weekly', // 毎週火曜
  'several_days', // 毎週火・木 (one rule, several days)
  'weekdays', // 平日 (help desks)
  'two_sessions', // 月曜午前と水曜午後 (two rules, different times)
  'biweekly', // 隔週土曜 (interval 2, anchored by validFrom)
  'nth_weekday', // 毎月第3水曜
  'second_fourth', // 毎月第2・第4水曜
  'last_weekday', // 毎月最終金曜
  'seasonal', // 冬休みの間だけ (validFrom/validTo)
  'irregular', // 不定期・要問合せ
] as const;
export type SchedulePattern = (typeof SCHEDULE_PATTERNS)[number];

export type ScheduleSpec = {
  pattern: SchedulePattern;
  days: readonly Weekday[]; // the weekdays this activity likes to meet on
  times: readonly (readonly [string, string])[]; // [opensAt, closesAt] choices
  closedOnHolidays?: boolean; // unset: decided at random (most community groups rest on 祝日)
  note?: string; // for irregular schedules: how to find out the dates
};

type Slot = readonly [string, string];

const rule = (freq: ScheduleRule['freq'], byday: string[], [opensAt, closesAt]: Slot, extra: Partial<ScheduleRule> = {}): ScheduleRule => ({
  freq,
  interval: 1,
  byday,
  opensAt,
  closesAt,
  ...extra,
});

/** A second slot clearly different from the first: afternoon after a morning, and vice versa. */
function otherSlot(slot: Slot): Slot {
  return slot[0] < '12:00' ? ['13:30', '15:30'] : ['10:00', '12:00'];
}

/** Days in week order, so byday reads 火・木 rather than 木・火. */
function inWeekOrder(days: Weekday[]): Weekday[] {
  const order: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
  return [...days].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

function rulesFor(spec: ScheduleSpec, rng: Rng, today: string): ScheduleRule[] {
  const day = rng.pick(spec.days);
  const slot = rng.pick(spec.times);
  switch (spec.pattern) {
    case 'weekly':
      return [rule('WEEKLY', [day], slot)];
    case 'several_days':
      return [rule('WEEKLY', inWeekOrder(rng.sample(spec.days, Math.min(spec.days.length, rng.int(2, 3)))), slot)];
    case 'weekdays':
      return [rule('WEEKLY', ['MO', 'TU', 'WE', 'TH', 'FR'], slot)];
    case 'two_sessions': {
      const [first, second] = spec.days.length > 1 ? inWeekOrder(rng.sample(spec.days, 2)) : [day, day];
      return [rule('WEEKLY', [first!], slot), rule('WEEKLY', [second!], otherSlot(slot))];
    }
    case 'biweekly': {
      // the anchor: a past date on the meeting day, so "which week" is settled
      const validFrom = nextWeekday(addDays(today, -rng.int(30, 300)), day);
      return [rule('WEEKLY', [day], slot, { interval: 2, validFrom })];
    }
    case 'nth_weekday':
      return [rule('MONTHLY', [`${rng.int(1, 4)}${day}`], slot)];
    case 'second_fourth':
      return [rule('MONTHLY', rng.chance(0.7) ? [`2${day}`, `4${day}`] : [`1${day}`, `3${day}`], slot)];
    case 'last_weekday':
      return [rule('MONTHLY', [`-1${day}`], slot)];
    case 'seasonal': {
      // 冬休み: the coming winter holidays, seen from `today`
      const year = Number(today.slice(0, 4)) + (today.slice(5) > '12-26' ? 1 : 0);
      return [rule('WEEKLY', [day], slot, { validFrom: `${year}-12-24`, validTo: `${year + 1}-01-07` })];
    }
    case 'irregular':
      return [];
  }
}

const IRREGULAR_NOTES = [
  '不定期開催です。日程はお問い合わせください。',
  '日時はご本人の状況に合わせて調整します。',
  '月1〜2回、地域の掲示板と市報でお知らせします。',
  '依頼に応じて日程を調整します。まずはお電話ください。',
];

/** A Schedule of the given pattern; `today` anchors 隔週 and seasonal dates, never the clock. */
export function buildSchedule(spec: ScheduleSpec, rng: Rng, today: string): Schedule {
  const rules = rulesFor(spec, rng, today);
  const irregular = spec.pattern === 'irregular';
  const schedule: Schedule = {
    rules,
    closedOnHolidays: spec.closedOnHolidays ?? rng.chance(0.65),
    irregular,
  };
  if (irregular) schedule.note = spec.note ?? rng.pick(IRREGULAR_NOTES);
  else if (spec.note) schedule.note = spec.note;
  return schedule;
}
