// Example schedules, one per pattern that community activities actually use (DOMAIN.md
// "Schedules"). The demo data generator draws from these; tests pin their rendering and sessions.
import type { Schedule } from '../model';

export type ScheduleFixture = {
  id: string; // stable, kebab-case
  description: string; // the pattern, in words, for test names and demo data
  schedule: Schedule;
};

const weekly = (byday: string[], opensAt: string, closesAt: string) =>
  ({ freq: 'WEEKLY', interval: 1, byday, opensAt, closesAt }) as const;
const monthly = (byday: string[], opensAt: string, closesAt: string) =>
  ({ freq: 'MONTHLY', interval: 1, byday, opensAt, closesAt }) as const;

export const SCHEDULE_FIXTURES: readonly ScheduleFixture[] = [
  {
    id: 'weekly-single',
    description: 'one weekday every week (通いの場)',
    schedule: {
      rules: [weekly(['TU'], '10:00', '12:00')],
      closedOnHolidays: false,
      irregular: false,
    },
  },
  {
    id: 'weekly-multi',
    description: 'two weekdays every week, same hours',
    schedule: {
      rules: [weekly(['TU', 'TH'], '10:00', '12:00')],
      closedOnHolidays: false,
      irregular: false,
    },
  },
  {
    id: 'weekly-split-rules',
    description: 'the same hours entered as separate rules (merged into one line)',
    schedule: {
      rules: [weekly(['TH'], '10:00', '12:00'), weekly(['TU'], '10:00', '12:00')],
      closedOnHolidays: false,
      irregular: false,
    },
  },
  {
    id: 'weekly-different-times',
    description: 'several sessions a week at different hours (地域活動支援センター)',
    schedule: {
      rules: [
        weekly(['MO', 'FR'], '10:00', '12:00'),
        weekly(['WE'], '13:30', '15:30'),
        weekly(['MO'], '13:00', '15:00'),
      ],
      closedOnHolidays: false,
      irregular: false,
    },
  },
  {
    id: 'weekdays-closed-on-holidays',
    description: 'a help desk open Monday to Friday, closed on 祝日',
    schedule: {
      rules: [weekly(['MO', 'TU', 'WE', 'TH', 'FR'], '08:30', '17:15')],
      closedOnHolidays: true,
      irregular: false,
    },
  },
  {
    id: 'daily',
    description: 'every day of the week',
    schedule: {
      rules: [weekly(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], '09:00', '21:00')],
      closedOnHolidays: false,
      irregular: false,
    },
  },
  {
    id: 'biweekly',
    description: 'every other Saturday, anchored on the week of validFrom (学習支援)',
    schedule: {
      rules: [
        {
          freq: 'WEEKLY',
          interval: 2,
          byday: ['SA'],
          opensAt: '10:00',
          closesAt: '12:00',
          validFrom: '2025-04-05',
        },
      ],
      closedOnHolidays: false,
      irregular: false,
    },
  },
  {
    id: 'monthly-nth',
    description: 'the 3rd Sunday of each month (子ども食堂)',
    schedule: {
      rules: [monthly(['3SU'], '11:30', '14:00')],
      closedOnHolidays: false,
      irregular: false,
      note: '食材がなくなり次第終了',
    },
  },
  {
    id: 'monthly-2nd-4th',
    description: 'the 2nd and 4th Wednesday of each month (サロン)',
    schedule: {
      rules: [monthly(['2WE', '4WE'], '13:30', '15:30')],
      closedOnHolidays: true,
      irregular: false,
    },
  },
  {
    id: 'monthly-last',
    description: 'the last Friday of each month, in the evening',
    schedule: {
      rules: [monthly(['-1FR'], '18:00', '20:00')],
      closedOnHolidays: false,
      irregular: false,
    },
  },
  {
    id: 'monthly-mixed',
    description: 'the 1st Monday and Thursday, and the 2nd and last Saturday',
    schedule: {
      rules: [
        monthly(['1MO', '1TH'], '10:00', '11:30'),
        monthly(['2SA', '-1SA'], '10:00', '11:30'),
      ],
      closedOnHolidays: true,
      irregular: false,
    },
  },
  {
    id: 'bimonthly',
    description: 'the 1st Sunday of every other month, from April 2025 (フードパントリー)',
    schedule: {
      rules: [
        {
          freq: 'MONTHLY',
          interval: 2,
          byday: ['1SU'],
          opensAt: '13:00',
          closesAt: '15:00',
          validFrom: '2025-04-01',
        },
      ],
      closedOnHolidays: false,
      irregular: false,
    },
  },
  {
    id: 'irregular',
    description: 'no fixed dates: ask (就労体験)',
    schedule: {
      rules: [],
      closedOnHolidays: false,
      irregular: true,
      note: '日程は受け入れ先と相談して決めます',
    },
  },
  {
    id: 'irregular-with-rule',
    description: 'a monthly session plus extra ones announced by phone',
    schedule: {
      rules: [monthly(['1SA'], '10:00', '12:00')],
      closedOnHolidays: false,
      irregular: true,
    },
  },
  {
    id: 'ended',
    description: 'a weekly activity that ended (validTo in the past)',
    schedule: {
      rules: [{ ...weekly(['WE'], '14:00', '16:00'), validTo: '2024-03-31' }],
      closedOnHolidays: false,
      irregular: false,
    },
  },
  {
    id: 'season',
    description: 'a summer-only activity with a start and an end date',
    schedule: {
      rules: [
        {
          ...weekly(['MO', 'WE', 'FR'], '09:30', '11:30'),
          validFrom: '2026-07-21',
          validTo: '2026-08-28',
        },
      ],
      closedOnHolidays: true,
      irregular: false,
    },
  },
];

/** A fixture's schedule by id; throws for an unknown id so that a typo fails the test at once. */
export function scheduleFixture(id: string): Schedule {
  const fixture = SCHEDULE_FIXTURES.find((f) => f.id === id);
  if (!fixture) throw new Error(`no schedule fixture "${id}"; see SCHEDULE_FIXTURES for the ids`);
  return fixture.schedule;
}
