import { I18nProvider, useI18n } from '../i18n/i18n';

function Shell() {
  const { t } = useI18n();
  return (
    <main>
      <h1>{t('app.name')}</h1>
      <p>{t('app.tagline')}</p>
    </main>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Shell />
    </I18nProvider>
  );
}
