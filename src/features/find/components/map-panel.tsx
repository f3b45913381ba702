import type { Ref } from 'react';
import { useI18n } from '../../../i18n/i18n';
import type { SiteMapHandle, SiteMapProps } from '../../map/components/site-map';
import { SiteMapSlot } from '../../map/components/site-map-slot';

// MapLibre is most of the route's JavaScript: the find page starts its download early
// (loadSiteMap), and the list never waits for it. If WebGL or the map fails, the list still
// works: the panel says so quietly instead of crashing.
export function MapPanel(props: Omit<SiteMapProps, 'label' | 'ref'> & { mapRef?: Ref<SiteMapHandle> }) {
  const { t } = useI18n();
  const { mapRef, ...rest } = props;
  return (
    <SiteMapSlot
      fallback={
        <p className="notice map-panel__fallback" role="status">
          {t('find.mapFailed')}
        </p>
      }
      loading={<p className="map-panel__loading">{t('find.mapLoading')}</p>}
      render={(SiteMap) => <SiteMap {...rest} ref={mapRef} label={t('find.mapLabel')} className="map-panel__map" />}
    />
  );
}
