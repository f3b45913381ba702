import type { Ref } from 'react';
import { useI18n } from '../../../i18n/i18n';
import type { SiteMapHandle, SiteMapProps } from '../../map/components/site-map';
import { MapErrorBoundary } from '../../map/components/map-error-boundary';
import { useSiteMapModule } from '../../map/load-site-map';

// MapLibre is most of the route's JavaScript: the find page starts its download early
// (loadSiteMap), and the list never waits for it. No React.lazy here: see useSiteMapModule. If
// WebGL or the map fails, the list still works: the panel says so quietly instead of crashing.
export function MapPanel(
  props: Omit<SiteMapProps, 'label' | 'ref'> & { mapRef?: Ref<SiteMapHandle> },
) {
  const { t } = useI18n();
  const { module, failed } = useSiteMapModule();
  const { mapRef, ...rest } = props;
  const fallback = (
    <p className="notice map-panel__fallback" role="status">
      {t('find.mapFailed')}
    </p>
  );
  if (failed) return fallback;
  if (!module) return <p className="map-panel__loading">{t('find.mapLoading')}</p>;
  const { SiteMap } = module;
  return (
    <MapErrorBoundary fallback={fallback}>
      <SiteMap {...rest} ref={mapRef} label={t('find.mapLabel')} className="map-panel__map" />
    </MapErrorBoundary>
  );
}
