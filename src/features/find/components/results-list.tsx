import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import { useI18n } from '../../../i18n/i18n';
import type { SiteHit } from '../../../data/port';
import { isStale } from '../../../domain/freshness';
import { CATEGORY_BY_ID, FIELD_COLORS, FIELD_LABELS } from '../../../domain/taxonomy';
import { formatDistance } from '../../../lib/format';

type Props = {
  hits: SiteHit[];
  remaining: number;
  today: string;
  selectedId: string | null;
  onHover: (id: string | null) => void;
  onMore: () => void;
};

export function ResultsList({ hits, remaining, today, selectedId, onHover, onMore }: Props) {
  const { t, label, locale } = useI18n();
  const selectedRef = useRef<HTMLLIElement | null>(null);
  useEffect(() => {
    // a site picked on the map scrolls into view in the list, without stealing focus
    selectedRef.current?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  return (
    <>
      <ul id="results-list" className="results" aria-label={t('find.results')}>
        {hits.map(({ site, distanceM }) => {
          const category = CATEGORY_BY_ID[site.categoryId];
          const stale = isStale(site.lastVerified, today);
          const selected = site.id === selectedId;
          return (
            <li
              key={site.id}
              ref={selected ? selectedRef : undefined}
              className={`result${selected ? ' result--selected' : ''}`}
              aria-current={selected ? 'true' : undefined}
              onMouseEnter={() => onHover(site.id)}
              onMouseLeave={() => onHover(null)}
            >
              <span className="result__dot" style={{ background: FIELD_COLORS[site.fields[0]!] }} aria-hidden="true" />
              <div className="result__body">
                <Link href={`/sites/${encodeURIComponent(site.id)}`} className="result__name" onFocus={() => onHover(site.id)} onBlur={() => onHover(null)}>
                  {site.name}
                </Link>
                <div className="result__meta">
                  <span>{category.helpDesk ? `${t('find.helpDesk')}・${label(category.label)}` : label(category.label)}</span>
                  <span className="visually-hidden">
                    {' '}
                    {site.fields.map((f) => label(FIELD_LABELS[f])).join('、')}
                  </span>
                  {distanceM !== undefined && <span className="result__distance">{t('find.distance', { d: formatDistance(distanceM, locale) })}</span>}
                </div>
                <div className="result__address">{site.address}</div>
                {stale && <span className="chip chip--stale">{t('find.stale')}</span>}
              </div>
            </li>
          );
        })}
      </ul>
      {remaining > 0 && (
        <button type="button" className="button button--secondary results__more" onClick={onMore}>
          {t('find.more', { n: remaining })}
        </button>
      )}
    </>
  );
}
