import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { useDataSource } from '../../../data/data-source-context';
import { MAP_POINT_LIMIT } from '../../../data/port';
import type { SiteQuery } from '../../../domain/search/query';
import { todayInJapan } from '../../../domain/schedule/dates';
import { useI18n } from '../../../i18n/i18n';
import { MapLegend } from '../../map/components/legend';
import type { SiteMapHandle, MapView } from '../../map/components/site-map';
import { loadSiteMap } from '../../map/load-site-map';
import { useAreas, usePublicPoints } from '../api/get-public-points';
import { useSearchSites } from '../api/search-sites';
import { useFindState } from '../use-find-state';
import { activeFilterCount, type FindState } from '../url-state';
import { FilterPanel } from './filter-panel';
import { MapPanel } from './map-panel';
import { ResultsList } from './results-list';
import { SearchForm } from './search-form';
import './find-page.css';

const PAGE = 50;
/** where the map opens when the URL names no view: the demo town */
const DEFAULT_VIEW = { center: [139.6, 35.86] as [number, number], zoom: 12 };

function filterQuery(s: FindState, text: string, today: string): SiteQuery {
  return {
    text,
    fields: s.fields,
    categories: s.categories,
    helpDesksOnly: s.helpDesksOnly,
    needs: s.needs,
    targets: s.targets,
    weekdays: s.weekdays,
    today: s.today ? today : undefined,
    free: s.free,
    accessibility: s.accessibility,
    ease: s.ease,
  };
}

export function FindPage() {
  const { t } = useI18n();
  const source = useDataSource();
  const [state, update] = useFindState();
  const [limit, setLimit] = useState(PAGE);
  const [view, setView] = useState<MapView | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');
  const mapRef = useRef<SiteMapHandle>(null);
  const today = useMemo(() => todayInJapan(), []);
  // typing stays responsive: results follow at React's pace, not every keystroke synchronously
  const text = useDeferredValue(state.text);
  // the map's chunk downloads while the data loads (in the data worker); the list does not wait for it
  useEffect(() => {
    loadSiteMap().catch(() => undefined); // offline: the map panel's error boundary says so
  }, []);

  const filters = useMemo(() => filterQuery(state, text, today), [state, text, today]);
  const listQuery = useMemo<SiteQuery>(
    () => ({
      ...filters,
      bbox: state.inView && view ? view.bbox : undefined,
      origin: state.sort === 'distance' && state.origin ? state.origin : undefined,
    }),
    [filters, state.inView, state.sort, state.origin, view],
  );
  const list = useSearchSites(source, listQuery, limit);
  // the map's matches do not depend on the camera: moving the map must not reload its data
  const filtering = Boolean(text.trim()) || activeFilterCount(state) > 0;
  const forMap = useSearchSites(source, filters, 0, filtering);
  const points = usePublicPoints(source);
  // With more points than the Supabase source returns (it stops at MAP_POINT_LIMIT), the map draws
  // the public view's vector tiles instead; the local source always gives every point.
  const pointCount = points.data?.length ?? 0;
  const tiles = useMemo(
    () => (source.getSiteTile && pointCount >= MAP_POINT_LIMIT ? { getTile: source.getSiteTile.bind(source) } : undefined),
    [source, pointCount],
  );
  const areas = useAreas(source);
  // without filters the map shows every point at once, without waiting for the search index
  const matchIds = useMemo(() => (filtering && forMap.data ? new Set(forMap.data.matchIds) : null), [filtering, forMap.data]);

  const initialView = useMemo(
    () => (state.view ? { center: [state.view[0], state.view[1]] as [number, number], zoom: state.view[2] } : DEFAULT_VIEW),
    // the map's camera is uncontrolled: only the first value matters
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const onViewChange = (v: MapView) => {
    // the first report comes once the map has loaded its data
    source.mapDrawn?.();
    setView(v);
    update({ view: [v.center[0], v.center[1], v.zoom] });
  };

  const useMyLocation = () => {
    if (!('geolocation' in navigator)) {
      setLocating('failed');
      if (view) update({ sort: 'distance', origin: view.center });
      return;
    }
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating('idle');
        // ~100 m is enough to sort by distance, and it is what ends up in a shared URL
        const origin: [number, number] = [Number(pos.coords.longitude.toFixed(3)), Number(pos.coords.latitude.toFixed(3))];
        update({ sort: 'distance', origin });
        mapRef.current?.flyTo({ center: origin, zoom: 14 });
      },
      () => {
        setLocating('failed');
        if (view) update({ sort: 'distance', origin: view.center });
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  };

  const data = list.data;
  const selected = selectedId ? points.data?.find((p) => p.id === selectedId) : undefined;
  const countText = data
    ? listQuery.bbox
      ? t('find.countInView', { total: data.total, inView: data.totalInView })
      : t('find.count', { total: data.total })
    : t('common.loading');

  return (
    <div className="find">
      <section className="find__controls" aria-labelledby="find-title">
        <h1 id="find-title" className="find__title">
          {t('find.title')}
        </h1>
        <SearchForm value={state.text} onChange={(q) => { setLimit(PAGE); update({ text: q }); }} />
        <FilterPanel state={state} onChange={(patch) => { setLimit(PAGE); update(patch); }} />
        <div className="find__sort">
          <label htmlFor="find-sort">{t('find.sort')}</label>
          <select
            id="find-sort"
            className="select find__sort-select"
            value={state.sort === 'distance' && state.origin ? 'distance' : 'name'}
            onChange={(e) => {
              if (e.target.value === 'name') update({ sort: 'name' });
              else if (view) update({ sort: 'distance', origin: state.origin ?? view.center });
            }}
          >
            <option value="name">{t('find.sortName')}</option>
            <option value="distance">{t('find.sortDistance')}</option>
          </select>
          <button type="button" className="button button--secondary button--small" onClick={useMyLocation} disabled={locating === 'busy'}>
            {locating === 'busy' ? t('find.locating') : t('find.useLocation')}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={!view}
            onClick={() => view && update({ sort: 'distance', origin: view.center })}
          >
            {t('find.useMapCenter')}
          </button>
        </div>
        {locating === 'failed' && <p className="notice">{t('find.locationFailed')}</p>}
        <label className="checkbox">
          <input type="checkbox" checked={state.inView} onChange={(e) => update({ inView: e.target.checked })} />
          {t('find.inView')}
        </label>
        <p role="status" className="find__count">
          {countText}
        </p>
      </section>
      <section className="find__map" aria-label={t('find.mapLabel')}>
        {points.data && areas.data && (
          <MapPanel
            mapRef={mapRef}
            points={points.data}
            tiles={tiles}
            matchIds={matchIds}
            areas={areas.data}
            selectedId={selectedId}
            hoveredId={hoveredId}
            onSelect={setSelectedId}
            onHover={setHoveredId}
            initialView={initialView}
            onViewChange={onViewChange}
          />
        )}
        {selected && (
          <div className="find__selected" role="region" aria-label={t('find.selected', { name: selected.name })}>
            <strong>{selected.name}</strong>
            <Link href={`/sites/${encodeURIComponent(selected.id)}`} className="button button--small">
              {t('find.openSite')}
            </Link>
            <button type="button" className="button button--secondary button--small" onClick={() => setSelectedId(null)}>
              {t('common.close')}
            </button>
          </div>
        )}
        <details className="find__legend">
          <summary>{t('find.legend')}</summary>
          <MapLegend headingLevel={2} />
        </details>
      </section>
      <section className="find__list" aria-label={t('find.results')}>
        {state.sort === 'distance' && state.origin && <p className="find__note">{t('find.distanceNote')}</p>}
        {list.isError && <p className="error-text">{t('common.error')}</p>}
        {data && data.total === 0 && <p>{t('find.none')}</p>}
        {data && data.total > 0 && data.totalInView === 0 && <p>{t('find.noneInView')}</p>}
        {data && (
          <ResultsList
            hits={data.hits}
            remaining={Math.max(0, data.totalInView - data.hits.length)}
            today={today}
            selectedId={selectedId}
            onHover={setHoveredId}
            onMore={() => setLimit((l) => l + PAGE)}
          />
        )}
      </section>
    </div>
  );
}
