// Calendar arithmetic for the generator: the schedule module's whole-day functions (no Date
// objects, no clock, no time zone), plus the one helper only the generator needs.
import { WEEKDAYS, type Weekday } from '../weekdays';
import { addDays, weekdayIndex } from '../schedule/dates';

export { addDays, daysBetween, weekdayOf } from '../schedule/dates';

/** The first date on or after `date` that falls on `weekday`. */
export function nextWeekday(date: string, weekday: Weekday): string {
  return addDays(date, (WEEKDAYS.indexOf(weekday) - weekdayIndex(date) + 7) % 7);
}
