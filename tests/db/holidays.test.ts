// 祝日 and schedules in SQL agree with the app: public.holidays holds exactly holidaysInYear() for
// 1980–2099, and public.schedule_occurs_on(schedule, date) is occursOn(schedule, date).length > 0
// for random schedules on random dates (holidays, nth and last weekdays, 隔週, validity).
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayNumber, fromDayNumber } from '../../src/domain/schedule/dates';
import { HOLIDAY_YEARS, holidaysInYear } from '../../src/domain/schedule/holidays';
import { occursOn } from '../../src/domain/schedule/occurrences';
import { randomSchedule, seededRandom } from '../../src/domain/schedule/random-schedule';
import { connect } from './db';

describe('holidays and schedules in SQL', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = await connect();
  });
  afterAll(async () => {
    await client.end();
  });

  it('public.holidays is holidays.ts for 1980–2099 (else: write a migration with scripts/db/holidays-sql.ts)', async () => {
    const want: string[] = [];
    for (let y = HOLIDAY_YEARS.first; y <= HOLIDAY_YEARS.last; y++) for (const h of holidaysInYear(y)) want.push(`${h.date} ${h.name}`);
    const { rows } = await client.query<{ h: string }>(`select to_char(date, 'YYYY-MM-DD') || ' ' || name as h from public.holidays order by date`);
    expect(rows.map((r) => r.h)).toEqual(want);
  });

  it('schedule_occurs_on agrees with occursOn on 400 random schedules × 25 dates', async () => {
    const rand = seededRandom(20261127);
    const cases: { schedule: unknown; date: string; want: boolean }[] = [];
    for (let i = 0; i < 400; i++) {
      const schedule = randomSchedule(rand);
      // dates near the rules' validity bounds and on holidays are where mistakes hide
      const anchors = schedule.rules.flatMap((r) => [r.validFrom, r.validTo]).filter((d): d is string => d !== undefined);
      for (let k = 0; k < 25; k++) {
        const date =
          k < anchors.length * 3
            ? addDays(anchors[k % anchors.length]!, (k % 3) - 1)
            : k % 5 === 0
              ? holidaysInYear(2019 + Math.floor(rand() * 9))[Math.floor(rand() * 15)]?.date ?? '2026-01-01'
              : fromDayNumber(dayNumber('2019-01-01') + Math.floor(rand() * 9 * 365));
        cases.push({ schedule, date, want: occursOn(schedule, date).length > 0 });
      }
    }
    const { rows } = await client.query<{ got: boolean }>(
      `select public.schedule_occurs_on(c.value -> 'schedule', (c.value ->> 'date')::date) as got
       from jsonb_array_elements($1::jsonb) with ordinality as c(value, n) order by c.n`,
      [JSON.stringify(cases.map(({ schedule, date }) => ({ schedule, date })))],
    );
    const wrong = cases.filter((c, i) => rows[i]!.got !== c.want).slice(0, 5);
    expect(wrong).toEqual([]);
    expect(cases.filter((c) => c.want).length).toBeGreaterThan(cases.length / 10); // not all "no"
  });
});
