import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ChangeEvent } from 'react';
import { useDataSource } from '../../../data/data-source-context';
import { DemoRoleSwitch } from '../../auth/components/demo-role-switch';
import { useI18n } from '../../../i18n/i18n';
import { LOCALES, type Locale } from '../../../i18n/types';

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

export function SettingsPage() {
  const { t, locale, setLocale } = useI18n();
  const source = useDataSource();
  const queryClient = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const backup = useQuery({
    queryKey: ['local', 'backup-summary'],
    queryFn: async () => {
      const d = await source.exportBackup!();
      return { sites: d.sites.length, menus: d.menus.length, areas: d.areas.length };
    },
    enabled: Boolean(source.exportBackup),
  });

  const afterChange = async (text: string) => {
    // everything cached came from the old data
    await queryClient.invalidateQueries();
    setMessage({ kind: 'ok', text });
  };

  const restore = useMutation({
    mutationFn: async (file: File) => {
      let data: unknown;
      try {
        data = JSON.parse(await file.text());
      } catch {
        throw new Error('JSON として読み込めません');
      }
      await source.restoreBackup!(data);
    },
    onSuccess: () => afterChange(t('settings.restored')),
    onError: (e) => setMessage({ kind: 'error', text: t('settings.restoreFailed', { reason: e instanceof Error ? e.message : String(e) }) }),
  });

  const reset = useMutation({
    mutationFn: () => source.resetToDemo!(),
    onSuccess: () => afterChange(t('settings.resetDone')),
  });

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) restore.mutate(file);
    e.target.value = '';
  };

  return (
    <div className="page">
      <h1>{t('settings.title')}</h1>
      <section aria-labelledby="settings-lang">
        <h2 id="settings-lang">{t('settings.language')}</h2>
        <fieldset className="filter-group">
          <legend className="visually-hidden">{t('settings.language')}</legend>
          {LOCALES.map((l: Locale) => (
            <label key={l} className="checkbox">
              <input type="radio" name="locale" checked={locale === l} onChange={() => setLocale(l)} />
              {t(`lang.${l}`)}
            </label>
          ))}
        </fieldset>
      </section>
      {source.kind === 'local' && (
        <section aria-labelledby="settings-role">
          <h2 id="settings-role">{t('settings.demoRole')}</h2>
          <p>{t('settings.demoRoleIntro')}</p>
          <DemoRoleSwitch />
        </section>
      )}
      {source.kind === 'local' && (
        <section aria-labelledby="settings-data">
          <h2 id="settings-data">{t('settings.data')}</h2>
          <p>{t('settings.source', { label: source.label })}</p>
          <p>{t('settings.dataIntro')}</p>
          {backup.data && <p>{t('settings.counts', backup.data)}</p>}
          <div className="settings__actions">
            <button
              type="button"
              className="button"
              onClick={async () => download(`kasane-map-backup.json`, JSON.stringify(await source.exportBackup!()))}
            >
              {t('settings.backup')}
            </button>
            <div>
              {/* a real button opens the file picker: a styled <label> cannot take keyboard focus */}
              <button type="button" className="button button--secondary" onClick={() => fileRef.current?.click()}>
                {t('settings.restore')}
              </button>
              <input ref={fileRef} type="file" accept="application/json,.json" hidden onChange={onFile} data-testid="restore-file" />
              <p className="find__note">{t('settings.restoreHelp')}</p>
            </div>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => window.confirm(t('settings.resetConfirm')) && reset.mutate()}
            >
              {t('settings.reset')}
            </button>
          </div>
          <div role="status">{message && <p className={message.kind === 'error' ? 'error-text' : undefined}>{message.text}</p>}</div>
        </section>
      )}
    </div>
  );
}
