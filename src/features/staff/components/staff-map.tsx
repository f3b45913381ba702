// The interactive map in the staff area: MapLibre, loaded on demand, inside an error boundary so
// that without WebGL the lists still work and a notice says so.
import { Component, lazy, Suspense, type ReactNode } from 'react';
import { useI18n } from '../../../i18n/i18n';
import type { SiteMapProps } from '../../map/components/site-map';
import { loadSiteMap } from '../../map/load-site-map';

const SiteMap = lazy(loadSiteMap);

class MapBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export function StaffMap(props: Omit<SiteMapProps, 'ref' | 'onViewChange'> & { onViewChange?: SiteMapProps['onViewChange'] }) {
  const { t } = useI18n();
  return (
    <div className="staff-map">
      <MapBoundary fallback={<p className="notice" role="status">{t('find.mapFailed')}</p>}>
        <Suspense fallback={<p>{t('find.mapLoading')}</p>}>
          <SiteMap {...props} onViewChange={props.onViewChange ?? (() => undefined)} className="staff-map__map" />
        </Suspense>
      </MapBoundary>
    </div>
  );
}
