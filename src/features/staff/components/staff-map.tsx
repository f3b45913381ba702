// The interactive map in the staff area: MapLibre, loaded on demand, inside an error boundary so
// that without WebGL the lists still work and a notice says so.
import { useI18n } from '../../../i18n/i18n';
import type { SiteMapProps } from '../../map/components/site-map';
import { SiteMapSlot } from '../../map/components/site-map-slot';

export function StaffMap(props: Omit<SiteMapProps, 'ref' | 'onViewChange'> & { onViewChange?: SiteMapProps['onViewChange'] }) {
  const { t } = useI18n();
  return (
    <div className="staff-map">
      <SiteMapSlot
        fallback={
          <p className="notice" role="status">
            {t('find.mapFailed')}
          </p>
        }
        loading={<p>{t('find.mapLoading')}</p>}
        render={(SiteMap) => <SiteMap {...props} onViewChange={props.onViewChange ?? (() => undefined)} className="staff-map__map" />}
      />
    </div>
  );
}
