import { Component, lazy, Suspense, type ReactNode, type Ref } from 'react';
import { useI18n } from '../../../i18n/i18n';
import type { SiteMapHandle, SiteMapProps } from '../../map/components/site-map';
import { loadSiteMap } from '../../map/load-site-map';

// MapLibre is most of the route's JavaScript: the find page starts its download early
// (loadSiteMap), and the list never waits for it.
const SiteMap = lazy(loadSiteMap);

/** If WebGL or the map chunk fails, the list still works: say so quietly instead of crashing. */
class MapErrorBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export function MapPanel(props: Omit<SiteMapProps, 'label' | 'ref'> & { mapRef?: Ref<SiteMapHandle> }) {
  const { t } = useI18n();
  const { mapRef, ...rest } = props;
  return (
    <MapErrorBoundary fallback={<p className="notice map-panel__fallback" role="status">{t('find.mapFailed')}</p>}>
      <Suspense fallback={<p className="map-panel__loading">{t('find.mapLoading')}</p>}>
        <SiteMap {...rest} ref={mapRef} label={t('find.mapLabel')} className="map-panel__map" />
      </Suspense>
    </MapErrorBoundary>
  );
}
