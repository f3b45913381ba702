// The interactive map in the staff area: MapLibre, loaded on demand, inside an error boundary so
// that without WebGL the lists still work and a notice says so.
import { useI18n } from '../../../i18n/i18n';
import type { SiteMapProps } from '../../map/components/site-map';
import { MapErrorBoundary } from '../../map/components/map-error-boundary';
import { useSiteMapModule } from '../../map/load-site-map';

export function StaffMap(
  props: Omit<SiteMapProps, 'ref' | 'onViewChange'> & {
    onViewChange?: SiteMapProps['onViewChange'];
  },
) {
  const { t } = useI18n();
  const { module, failed } = useSiteMapModule();
  const fallback = (
    <p className="notice" role="status">
      {t('find.mapFailed')}
    </p>
  );
  if (failed) return <div className="staff-map">{fallback}</div>;
  if (!module)
    return (
      <div className="staff-map">
        <p>{t('find.mapLoading')}</p>
      </div>
    );
  const { SiteMap } = module;
  return (
    <div className="staff-map">
      <MapErrorBoundary fallback={fallback}>
        <SiteMap
          {...props}
          onViewChange={props.onViewChange ?? (() => undefined)}
          className="staff-map__map"
        />
      </MapErrorBoundary>
    </div>
  );
}
