// 書き出し: the data in the national CSV layout (UTF-8 with BOM), GeoJSON, HSDS 3 JSON and, for staff
// and admins, every field in the template layout. Coordinators export the published listings;
// staff and admins may include pending and staff-only ones. Confidential points never leave.
import { useId, useState } from 'react';
import { useDataSource } from '../../../data/data-source-context';
import { useI18n } from '../../../i18n/i18n';
import { useRole } from '../../auth/auth-context';
import { download } from '../download';

type Format = 'csv' | 'geojson' | 'hsds' | 'template';

const today = () => new Date().toISOString().slice(0, 10).replaceAll('-', '');

export function ExportSection() {
  const { t } = useI18n();
  const source = useDataSource();
  const role = useRole();
  const id = useId();
  const staff = role === 'staff' || role === 'admin';
  const [scope, setScope] = useState<'public' | 'all'>('public');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  // Supabase: what the signed-in user may read (listing_export); local: the whole local dataset
  const loadData = source.loadImportBase
    ? () => source.loadImportBase!()
    : source.exportBackup
      ? () => source.exportBackup!()
      : null;

  const run = async (format: Format) => {
    setMessage(null);
    try {
      const data = await loadData!();
      const all = staff && scope === 'all';
      let name: string;
      let text: string;
      let type: string;
      if (format === 'csv') {
        const { exportNationalCsv } = await import('../../../domain/export/national-csv');
        [name, text, type] = [`kasane-map-${today()}.csv`, exportNationalCsv(data, { includeNonPublic: all }), 'text/csv;charset=utf-8'];
      } else if (format === 'template') {
        const { exportTemplateCsv } = await import('../../../domain/export/template-csv');
        [name, text, type] = [`kasane-map-all-${today()}.csv`, exportTemplateCsv(data), 'text/csv;charset=utf-8'];
      } else if (format === 'geojson') {
        const { exportGeoJson } = await import('../../../domain/export/geojson');
        [name, text, type] = [`kasane-map-${today()}.geojson`, JSON.stringify(exportGeoJson(data), null, 2), 'application/geo+json'];
      } else {
        const { exportHsds } = await import('../../../domain/export/hsds');
        [name, text, type] = [`kasane-map-hsds-${today()}.json`, JSON.stringify(exportHsds(data), null, 2), 'application/json'];
      }
      download(name, text, type);
      setMessage({ kind: 'ok', text: t('import.exportDone', { file: name }) });
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <section aria-labelledby={`${id}-h`} className="import__export">
      <h2 id={`${id}-h`}>{t('import.export')}</h2>
      {!loadData ? (
        <p>{t('import.exportUnavailable')}</p>
      ) : (
        <>
          <p>{t('import.exportIntro')}</p>
          {staff && (
            <fieldset className="import__filter">
              <legend>{t('import.exportScope')}</legend>
              {(['public', 'all'] as const).map((s) => (
                <label key={s} className="checkbox">
                  <input type="radio" name={`${id}-scope`} checked={scope === s} onChange={() => setScope(s)} />
                  {t(s === 'all' ? 'import.scopeAll' : 'import.scopePublic')}
                </label>
              ))}
            </fieldset>
          )}
          <div className="settings__actions">
            <button type="button" className="button button--secondary" onClick={() => void run('csv')}>
              {t('import.exportCsv')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => void run('geojson')}>
              {t('import.exportGeojson')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => void run('hsds')}>
              {t('import.exportHsds')}
            </button>
            {staff && (
              <button type="button" className="button button--secondary" onClick={() => void run('template')}>
                {t('import.exportTemplate')}
              </button>
            )}
          </div>
          <p className="find__note">{t('import.exportNote')}</p>
          <div role="status">{message && <p className={message.kind === 'error' ? 'error-text' : undefined}>{message.text}</p>}</div>
        </>
      )}
    </section>
  );
}
