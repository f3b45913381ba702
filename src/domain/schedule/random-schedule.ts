// Seeded random schedules for property tests (here and in other modules' tests).
import { scheduleSchema, type Schedule, type ScheduleRule } from '../model';
import { WEEKDAY_ORDER, addDays, dayNumber, fromDayNumber } from './dates';
import { mulberry32 } from '../demo/rng';

// mulberry32: a tiny seeded generator, so that a failure can be replayed
export const seededRandom = mulberry32; // the project's one seeded stream (demo/rng.ts)

/** A valid schedule (checked by the zod schema) with 1–3 random rules between 2019 and 2027. */
export function randomSchedule(rand: () => number): Schedule {
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const hhmm = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const randomDate = () => fromDayNumber(dayNumber('2019-01-01') + int(9 * 365));
  const rule = (): ScheduleRule => {
    const freq = rand() < 0.5 ? 'WEEKLY' : 'MONTHLY';
    const interval = pick([1, 1, 1, 2, 2, 3, 4]);
    const count = 1 + int(3);
    const byday = Array.from({ length: count }, () =>
      freq === 'WEEKLY' ? pick(WEEKDAY_ORDER) : `${pick([1, 2, 3, 4, -1])}${pick(WEEKDAY_ORDER)}`,
    );
    const opens = 6 * 60 + int(28) * 30;
    const closes = Math.min(opens + 30 + int(8) * 30, 23 * 60 + 59);
    const validFrom = interval > 1 || rand() < 0.3 ? randomDate() : undefined;
    const validTo = rand() < 0.3 ? addDays(validFrom ?? randomDate(), int(500)) : undefined;
    return {
      freq,
      interval,
      byday: [...new Set(byday)],
      opensAt: hhmm(opens),
      closesAt: hhmm(closes),
      validFrom,
      validTo,
    };
  };
  return scheduleSchema.parse({
    rules: Array.from({ length: 1 + int(3) }, rule),
    closedOnHolidays: rand() < 0.5,
    irregular: rand() < 0.1,
  });
}
