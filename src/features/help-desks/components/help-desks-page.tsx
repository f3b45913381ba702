import { useMemo, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { useDataSource } from '../../../data/data-source-context';
import { CATEGORY_BY_ID, FIELDS, FIELD_LABELS, type FieldId } from '../../../domain/taxonomy';
import { useI18n } from '../../../i18n/i18n';
import { formatDistance } from '../../../lib/format';
import { useAreas } from '../../find/api/get-public-points';
import { labelPoint } from '../../../domain/geo/label-point';
import { useHelpDesks } from '../api/find-help-desks';
import type { HelpDeskResult } from '../../../data/port';

type Desk = HelpDeskResult['desks'][number];

function parsePoint(raw: string | null): [number, number] | null {
  if (!raw) return null;
  const [lng, lat] = raw.split(',').map(Number);
  if (!Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lng!) > 180 || Math.abs(lat!) > 90) return null;
  return [lng!, lat!];
}

/** general desks first (they take anything), then one group per field */
function groupByField(desks: Desk[]): { field: FieldId | 'all'; desks: Desk[] }[] {
  const general = desks.filter((d) => CATEGORY_BY_ID[d.categoryId].fields.length === FIELDS.length);
  const specific = desks.filter((d) => !general.includes(d));
  return [
    { field: 'all' as const, desks: general },
    ...FIELDS.filter((f) => f !== 'community').map((field) => ({
      field,
      desks: specific.filter((d) => CATEGORY_BY_ID[d.categoryId].fields.includes(field)),
    })),
  ];
}

export function HelpDesksPage() {
  const { t, label, locale } = useI18n();
  const source = useDataSource();
  const search = useSearch();
  const [, navigate] = useLocation();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const areas = useAreas(source);
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');

  const areaId = params.get('area');
  const dailyLifeAreas = (areas.data ?? []).filter((a) => a.level === 'daily_life');
  const chosenArea = dailyLifeAreas.find((a) => a.id === areaId);
  const point = chosenArea ? labelPoint(chosenArea.geometry) : parsePoint(params.get('at'));
  const result = useHelpDesks(source, point);

  const useLocationNow = () => {
    if (!('geolocation' in navigator)) return setLocating('failed');
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating('idle');
        // ~100 m: enough to find the area, and not a home address in the URL
        navigate(`/help?at=${pos.coords.longitude.toFixed(3)},${pos.coords.latitude.toFixed(3)}`, { replace: true });
      },
      () => setLocating('failed'),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  };

  return (
    <div className="page">
      <h1>{t('help.title')}</h1>
      <p>{t('help.intro')}</p>
      <div className="help__controls">
        <div>
          <label htmlFor="help-area">{t('help.chooseArea')}</label>
          <select
            id="help-area"
            className="select"
            value={chosenArea?.id ?? ''}
            onChange={(e) => navigate(e.target.value ? `/help?area=${encodeURIComponent(e.target.value)}` : '/help', { replace: true })}
          >
            <option value="">{t('help.chooseAreaPlaceholder')}</option>
            {dailyLifeAreas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button button--secondary" onClick={useLocationNow} disabled={locating === 'busy'}>
          {locating === 'busy' ? t('help.locating') : t('help.useLocation')}
        </button>
      </div>
      <p className="help__privacy">{t('help.privacy')}</p>
      {locating === 'failed' && <p className="notice">{t('help.locationFailed')}</p>}
      <div role="status">
        {result.data && result.data.areas.length === 0 && <p>{t('help.outside')}</p>}
        {result.data && result.data.areas.length > 0 && (
          <p>{t('help.areasHere', { names: result.data.areas.map((a) => a.name).join(' / ') })}</p>
        )}
      </div>
      {result.data && result.data.areas.length > 0 && (
        <div className="help__groups">
          {groupByField(result.data.desks).map((g) => (
            <section key={g.field} aria-labelledby={`help-${g.field}`} className="help__group">
              <h2 id={`help-${g.field}`}>
                {g.field === 'all' ? t('help.allFields') : t('help.byField', { field: label(FIELD_LABELS[g.field]) })}
              </h2>
              {g.desks.length === 0 ? (
                <p>{t('help.none')}</p>
              ) : (
                <ul className="plain-list" aria-label={t('help.results')}>
                  {g.desks.map((d) => (
                    <li key={d.id} className="help__desk">
                      <Link href={`/sites/${encodeURIComponent(d.id)}`} className="result__name">
                        {d.name}
                      </Link>
                      <div className="result__meta">
                        <span>{label(CATEGORY_BY_ID[d.categoryId].label)}</span>
                        <span>{t('find.distance', { d: formatDistance(d.distanceM, locale) })}</span>
                      </div>
                      <div className="result__address">{d.address}</div>
                      {d.contact.tel && (
                        <a href={`tel:${d.contact.tel.normalize('NFKC').replace(/[^0-9+]/g, '')}`}>
                          {t('site.tel')}: {d.contact.tel}
                        </a>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
