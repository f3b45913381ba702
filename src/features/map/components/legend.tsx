// What the map's colours and shapes mean, as real HTML text (the canvas says nothing to a screen
// reader, and colour alone must never carry meaning). Small enough to load with the page.
import { useId } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { FIELD_COLORS, FIELD_LABELS, FIELDS, HELP_DESK_LABEL } from '../../../domain/taxonomy';
import './legend.css';

export type MapLegendProps = {
  /** the heading level that fits where the legend is placed */
  headingLevel?: 2 | 3 | 4;
  className?: string;
};

export function MapLegend({ headingLevel = 2, className }: MapLegendProps) {
  const { t, label } = useI18n();
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby={headingId} className={['map-legend', className].filter(Boolean).join(' ')}>
      <Heading id={headingId} className="map-legend__title">
        {t('map.legend.title')}
      </Heading>
      <p className="map-legend__subtitle">{t('map.legend.fields')}</p>
      <ul className="map-legend__list">
        {FIELDS.map((f) => (
          <li key={f}>
            <span className="map-legend__dot" style={{ backgroundColor: FIELD_COLORS[f] }} aria-hidden="true" />
            {label(FIELD_LABELS[f])}
          </li>
        ))}
      </ul>
      <ul className="map-legend__list">
        <li>
          <span className="map-legend__dot map-legend__dot--help-desk" aria-hidden="true" />
          <span>
            <span className="map-legend__term">{label(HELP_DESK_LABEL)}</span>: {t('map.legend.helpDesk')}
          </span>
        </li>
        <li>
          <span className="map-legend__cluster" aria-hidden="true">
            12
          </span>
          {t('map.legend.cluster')}
        </li>
        <li>
          <span className="map-legend__line" aria-hidden="true" />
          {t('map.legend.municipality')}
        </li>
        <li>
          <span className="map-legend__line map-legend__line--dashed" aria-hidden="true" />
          {t('map.legend.dailyLife')}
        </li>
      </ul>
    </section>
  );
}

export default MapLegend;
