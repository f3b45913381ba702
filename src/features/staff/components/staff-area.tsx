// The staff area (/staff/…): staff and admins only. Anyone else sees a refusal and no case data is
// read: the case port is opened only for staff with a team and admins (assertCaseActor), and in
// Supabase mode row-level security refuses the rest again.
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { useCasePortFactory } from '../../../data/case-port-context';
import { useAuth } from '../../auth/auth-context';
import { useI18n } from '../../../i18n/i18n';
import { errorMessage, StaffPortProvider } from '../api/staff-port';
import { CaseListPage } from './case-list-page';
import './staff.css';

const CaseFormPage = lazy(() => import('./case-form-page').then((m) => ({ default: m.CaseFormPage })));
const CasePage = lazy(() => import('./case-page').then((m) => ({ default: m.CasePage })));
const FollowUpsPage = lazy(() => import('./follow-ups-page').then((m) => ({ default: m.FollowUpsPage })));
const UnmetPage = lazy(() => import('./unmet-page').then((m) => ({ default: m.UnmetPage })));
const SheetPage = lazy(() => import('./sheet-page').then((m) => ({ default: m.SheetPage })));

function SubNavLink({ href, children }: { href: string; children: ReactNode }) {
  const [location] = useLocation();
  return (
    <Link href={href} aria-current={location === href ? 'page' : undefined}>
      {children}
    </Link>
  );
}

function Refusal() {
  const { t } = useI18n();
  return (
    <div className="page" role="alert">
      <h1>{t('staff.refusedTitle')}</h1>
      <p>{t('staff.refused')}</p>
      <p>
        <Link href="/">{t('common.home')}</Link>
      </p>
    </div>
  );
}

export function StaffArea() {
  const auth = useAuth();
  const { t } = useI18n();
  const open = useCasePortFactory();
  const [location] = useLocation();
  const allowed = auth.status === 'signed-in' && (auth.role === 'staff' || auth.role === 'admin');
  const actor = auth.status === 'signed-in' ? { userId: auth.user.id, role: auth.role, teamId: auth.teamId } : null;
  const port = useQuery({
    queryKey: ['staff-port', actor?.userId, actor?.role, actor?.teamId],
    queryFn: () => open!(actor!),
    enabled: allowed && open !== undefined && actor !== null,
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });

  if (auth.status === 'loading') return <p className="page">{t('auth.loading')}</p>;
  if (!allowed) return <Refusal />;
  if (!open) return <p className="page notice">{t('staff.unavailable')}</p>;
  if (port.isError) return <p className="page error-text" role="alert">{errorMessage(port.error)}</p>;
  if (!port.data) return <p className="page">{t('common.loading')}</p>;

  const printing = location.endsWith('/sheet');
  return (
    <StaffPortProvider port={port.data}>
      {!printing && (
        <nav className="staff-nav no-print" aria-label={t('staff.navLabel')}>
          <SubNavLink href="/staff">{t('staff.cases')}</SubNavLink>
          {auth.role === 'staff' && <SubNavLink href="/staff/cases/new">{t('staff.newCase')}</SubNavLink>}
          <SubNavLink href="/staff/follow-ups">{t('staff.followUps')}</SubNavLink>
          <SubNavLink href="/staff/unmet">{t('staff.unmet')}</SubNavLink>
        </nav>
      )}
      <Suspense fallback={<p className="page">{t('common.loading')}</p>}>
        <Switch>
          <Route path="/staff" component={CaseListPage} />
          <Route path="/staff/cases/new" component={CaseFormPage} />
          <Route path="/staff/cases/:id/sheet" component={SheetPage} />
          <Route path="/staff/cases/:id" component={CasePage} />
          <Route path="/staff/follow-ups" component={FollowUpsPage} />
          <Route path="/staff/unmet" component={UnmetPage} />
          <Route>
            <div className="page">
              <h1>{t('common.notFound')}</h1>
              <Link href="/staff">{t('staff.cases')}</Link>
            </div>
          </Route>
        </Switch>
      </Suspense>
    </StaffPortProvider>
  );
}
