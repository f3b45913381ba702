// The 祝日 table rows of src/domain/schedule/holidays.ts as SQL, for a migration that fills
// public.holidays. Migrations are append-only: when the law adds or moves a holiday, change
// holidays.ts, then write a new migration with the changed years, e.g.
//   npx tsx scripts/db/holidays-sql.ts 2027 2099 > supabase/migrations/<timestamp>_update_holidays.sql
// (tests/db/holidays.test.ts fails until the table and holidays.ts agree again).
import { fileURLToPath } from 'node:url';
import { HOLIDAY_YEARS, holidaysInYear } from '../../src/domain/schedule/holidays';

const q = (v: string) => `'${v.replace(/'/g, "''")}'`;

/** delete the years first, then insert them: rerunnable for a range of years */
export function holidaysSql(first: number = HOLIDAY_YEARS.first, last: number = HOLIDAY_YEARS.last): string {
  const rows: string[] = [];
  for (let year = first; year <= last; year++) {
    for (const h of holidaysInYear(year)) rows.push(`(${q(h.date)}, ${q(h.name)})`);
  }
  return [
    `delete from public.holidays where date between '${first}-01-01' and '${last}-12-31';`,
    `insert into public.holidays (date, name) values\n${rows.join(',\n')};`,
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [first, last] = process.argv.slice(2).map(Number);
  process.stdout.write(holidaysSql(first || undefined, last || undefined));
}
