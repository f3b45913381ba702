// /staff/follow-ups: 「今週の伴走予定」: active referrals whose next follow-up falls due this week
// (to Sunday), and those overdue, soonest first.
import { useMemo } from 'react';
import { Link } from 'wouter';
import type { FollowUp } from '../../../data/case-port';
import { REFERRAL_STATUS_LABELS } from '../../../domain/case/referral';
import { todayInJapan } from '../../../domain/schedule/dates';
import { useI18n } from '../../../i18n/i18n';
import { formatIsoDate } from '../../../lib/format';
import { errorMessage, useFollowUps } from '../api/staff-port';
import { endOfWeek } from './labels';

function FollowUpTable({ rows, caption }: { rows: FollowUp[]; caption: string }) {
  const { t, label, locale } = useI18n();
  return (
    <div className="table-wrap">
      <table className="staff-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.nextFollowUp')}</th>
            <th scope="col">{t('staff.code')}</th>
            <th scope="col">{t('staff.activity')}</th>
            <th scope="col">{t('staff.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{formatIsoDate(r.nextFollowUp!, locale)}</td>
              <th scope="row">
                <Link href={`/staff/cases/${r.caseId}`}>{r.caseCode}</Link>
              </th>
              <td>
                {r.menuTitle}
                {r.siteName && `（${r.siteName}）`}
              </td>
              <td>{label(REFERRAL_STATUS_LABELS[r.status])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function FollowUpsPage() {
  const { t, locale } = useI18n();
  const today = useMemo(() => todayInJapan(), []);
  const until = endOfWeek(today);
  const q = useFollowUps(until);
  const overdue = q.data?.filter((r) => r.nextFollowUp! < today) ?? [];
  const thisWeek = q.data?.filter((r) => r.nextFollowUp! >= today) ?? [];
  return (
    <div className="page staff-page">
      <h1>{t('staff.followUps')}</h1>
      <p>{t('staff.followUpsIntro', { from: formatIsoDate(today, locale), to: formatIsoDate(until, locale) })}</p>
      {q.isPending && <p>{t('common.loading')}</p>}
      {q.isError && <p className="error-text">{errorMessage(q.error)}</p>}
      {q.data && (
        <>
          <p role="status">{t('staff.followUpsCount', { overdue: overdue.length, week: thisWeek.length })}</p>
          {overdue.length > 0 && <FollowUpTable rows={overdue} caption={t('staff.overdue')} />}
          {thisWeek.length > 0 ? <FollowUpTable rows={thisWeek} caption={t('staff.dueThisWeek')} /> : <p>{t('staff.nothingThisWeek')}</p>}
        </>
      )}
    </div>
  );
}
