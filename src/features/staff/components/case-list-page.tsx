import { Link } from 'wouter';
import { useI18n } from '../../../i18n/i18n';
import { formatIsoDate } from '../../../lib/format';
import { errorMessage, useCases, useStaffPort } from '../api/staff-port';
import { memberLabel } from './labels';

/** /staff: the team's cases (every case for an admin), newest first */
export function CaseListPage() {
  const { t, locale } = useI18n();
  const port = useStaffPort();
  const cases = useCases();
  return (
    <div className="page staff-page">
      <h1>{t('staff.cases')}</h1>
      <p>{port.actor.role === 'admin' ? t('staff.casesIntroAdmin') : t('staff.casesIntro')}</p>
      {port.actor.role === 'staff' && (
        <p>
          <Link href="/staff/cases/new" className="button">
            {t('staff.newCase')}
          </Link>
        </p>
      )}
      {cases.isPending && <p>{t('common.loading')}</p>}
      {cases.isError && <p className="error-text">{errorMessage(cases.error)}</p>}
      {cases.data && cases.data.length === 0 && <p>{t('staff.noCases')}</p>}
      {cases.data && cases.data.length > 0 && (
        <div className="table-wrap">
          <table className="staff-table">
            <caption className="visually-hidden">{t('staff.cases')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.code')}</th>
                <th scope="col">{t('staff.openedOn')}</th>
                <th scope="col">{t('staff.members')}</th>
                <th scope="col">{t('staff.status')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.data.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link href={`/staff/cases/${c.id}`}>{c.code}</Link>
                  </th>
                  <td>{formatIsoDate(c.openedOn, locale)}</td>
                  <td>{c.members.map((m) => memberLabel(m, locale)).join('、')}</td>
                  <td>{t(`staff.caseStatus.${c.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
