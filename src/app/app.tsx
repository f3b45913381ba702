import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { getConfig } from '../config/env';
import { DataSourceProvider } from '../data/data-source-context';
import type { DataSource } from '../data/port';
import { AuthProvider, useRole } from '../features/auth/auth-context';
import { AccountMenu } from '../features/auth/components/account-menu';
import { FindPage } from '../features/find/components/find-page';
import { I18nProvider, useI18n } from '../i18n/i18n';
import { LOCALES, type Locale } from '../i18n/types';
import { createAppServices } from './create-data-source';

// routes other than the map are loaded on demand: the public map route stays small
const SitePage = lazy(() => import('../features/site/components/site-page').then((m) => ({ default: m.SitePage })));
const HelpDesksPage = lazy(() =>
  import('../features/help-desks/components/help-desks-page').then((m) => ({ default: m.HelpDesksPage })),
);
const SignInPage = lazy(() => import('../features/auth/components/sign-in-page'));
const EditorRoutes = lazy(() => import('../features/editor/components/editor-routes'));
const SettingsPage = lazy(() => import('../features/settings/components/settings-page').then((m) => ({ default: m.SettingsPage })));

function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const [location] = useLocation();
  const current = href === '/' ? location === '/' : location.startsWith(href);
  return (
    <Link href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}

function Header({ source }: { source: DataSource }) {
  const { t, locale, setLocale } = useI18n();
  const role = useRole();
  return (
    <header className="app-header">
      <a href="#main" className="skip-link">
        {t('nav.skip')}
      </a>
      <Link href="/" className="app-header__title">
        {t('app.name')}
        {source.kind === 'local' && (
          <span className="demo-badge" title={t('app.demoNotice')}>
            {t('app.demoBadge')}
          </span>
        )}
      </Link>
      <nav className="app-header__nav" aria-label={t('app.name')}>
        <NavLink href="/">{t('nav.map')}</NavLink>
        <NavLink href="/help">{t('nav.helpDesks')}</NavLink>
        {role !== 'resident' && <NavLink href="/editor">{t('nav.editor')}</NavLink>}
        <NavLink href="/settings">{t('nav.settings')}</NavLink>
      </nav>
      <label className="visually-hidden" htmlFor="lang-select">
        {t('lang.label')}
      </label>
      <select id="lang-select" className="lang-select" value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </select>
      <AccountMenu />
    </header>
  );
}

function Shell({ source }: { source: DataSource }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  // another tab changed the data (local mode): everything cached may be out of date
  useEffect(() => source.onDataChanged?.(() => void queryClient.invalidateQueries()), [source, queryClient]);
  return (
    <>
      <Header source={source} />
      <main id="main" tabIndex={-1}>
        {source.kind === 'local' && (
          <p className="visually-hidden" id="demo-notice">
            {t('app.demoNotice')}
          </p>
        )}
        <Suspense fallback={<p className="page">{t('common.loading')}</p>}>
          <Switch>
            <Route path="/" component={FindPage} />
            <Route path="/sites/:id" component={SitePage} />
            <Route path="/help" component={HelpDesksPage} />
            <Route path="/settings" component={SettingsPage} />
            <Route path="/editor" nest component={EditorRoutes} />
            <Route path="/signin" component={SignInPage} />
            <Route>
              <div className="page">
                <h1>{t('common.notFound')}</h1>
                <Link href="/">{t('common.home')}</Link>
              </div>
            </Route>
          </Switch>
        </Suspense>
      </main>
    </>
  );
}

function StartupError({ error }: { error: unknown }) {
  return (
    <main className="page">
      <h1>かさねマップを開始できません / Kasane Map cannot start</h1>
      <p className="error-text">{error instanceof Error ? error.message : String(error)}</p>
    </main>
  );
}

export function App() {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } }));
  const [boot] = useState(() => {
    try {
      return createAppServices(getConfig());
    } catch (error) {
      return { error };
    }
  });
  if ('error' in boot) return <StartupError error={boot.error} />;
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <DataSourceProvider source={boot.source}>
          <AuthProvider auth={boot.auth}>
            <Shell source={boot.source} />
          </AuthProvider>
        </DataSourceProvider>
      </QueryClientProvider>
    </I18nProvider>
  );
}
