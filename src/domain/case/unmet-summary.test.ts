import { describe, expect, it } from 'vitest';
import { summarizeUnmet, unmetSummaryCsv, type UnmetRecordForSummary } from './unmet-summary';

const rec = (teamId: string, need: UnmetRecordForSummary['need'] = 'place_to_be', areaId: string | null = 'north'): UnmetRecordForSummary => ({
  need,
  areaId,
  blockingConstraint: 'schedule',
  teamId,
});

describe('unmet-need summary', () => {
  const records = [
    ...Array.from({ length: 6 }, () => rec('a')),
    rec('a', 'meals'),
    rec('b', 'meals'),
    rec('a', 'learning_hobby'),
    rec('a', 'learning_hobby'),
  ];

  it('groups by need × area × constraint, largest first, and suppresses small mixed counts for a team', () => {
    const rows = summarizeUnmet(records, { teamId: 'a', admin: false });
    expect(rows.map((r) => [r.need, r.count, r.ownCount])).toEqual([
      ['place_to_be', 6, 6],
      ['learning_hobby', 2, 2], // all the team's own: exact
      ['meals', null, 1], // one from another team: "<5"
    ]);
  });

  it('suppresses every small count for another team, and shows all to an admin', () => {
    expect(summarizeUnmet(records, { teamId: 'b', admin: false }).map((r) => r.count)).toEqual([6, null, null]);
    expect(summarizeUnmet(records, { teamId: null, admin: true }).map((r) => r.count)).toEqual([6, 2, 2]);
  });

  it('exports CSV with a BOM, quoting, and "<5" for suppressed counts', () => {
    const rows = summarizeUnmet(records, { teamId: 'b', admin: false });
    const csv = unmetSummaryCsv(rows, { need: (n) => n, area: (a) => (a === 'north' ? '北部, 圏域' : '-'), constraint: (c) => c });
    expect(csv.startsWith('\uFEFFニーズ,地域,妨げになった条件,件数\r\n')).toBe(true);
    expect(csv).toContain('place_to_be,"北部, 圏域",schedule,6\r\n');
    expect(csv).toContain('meals,"北部, 圏域",schedule,<5\r\n');
  });
});
