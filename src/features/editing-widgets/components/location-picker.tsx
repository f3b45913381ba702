// Where a site is: a pin on a small map (click to place, drag to move), the same point as typed
// latitude and longitude with buttons that nudge it (the keyboard way), a 国土地理院 address search,
// and the address and 全国地方公共団体コード fields that search and reverse geocoding fill in.
// Everything works without network: the search says so quietly and the user types the address.
// Controlled: `value` in, every change out through `onChange`.
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import {
  createGsiGeocoder,
  GeocoderError,
  type GeocodeCandidate,
  type Geocoder,
} from '../../../data/geocoder/gsi';
import type { PublicPoint } from '../../../data/port';
import type { Area, LngLat } from '../../../domain/model';
import { useI18n } from '../../../i18n/i18n';
import { MapErrorBoundary } from '../../map/components/map-error-boundary';
import type { MessageKey } from '../../../i18n/messages';
import {
  NUDGE_METRES,
  checkMunicipalityCode,
  formatCoordinate,
  nudge,
  outsideMunicipalities,
  parseCoordinates,
  type Direction,
  type LocationValue,
} from '../location';
import { FieldError } from './field-error';
import './editing-widgets.css';
import { registerMessages } from '../../../i18n/messages';
import { editingWidgets } from '../../../i18n/messages/editing-widgets';

// this chunk's messages join the eager ones when it loads (i18n/messages/index.ts)
registerMessages(editingWidgets);

export type { LocationValue };

const LocationMap = lazy(() => import('./location-map'));

let defaultGeocoder: Geocoder | null = null;
/** one GSI geocoder per page, so that its cache is shared by every picker */
function gsiGeocoder(): Geocoder {
  defaultGeocoder ??= createGsiGeocoder();
  return defaultGeocoder;
}

export type LocationPickerProps = {
  value: LocationValue;
  onChange(value: LocationValue): void;
  /** outlined on the map; the map opens on the municipality when there is no pin yet */
  areas?: readonly Area[];
  /** other sites, drawn for context */
  points?: readonly PublicPoint[];
  /** default: 国土地理院; tests give one with a recorded fetch */
  geocoder?: Geocoder;
  /** show every problem, touched or not (the form sets it after a refused save) */
  showErrors?: boolean;
  legend?: string;
  /**
   * A confidential site (a shelter): its address and point are never sent to an outside service,
   * so the address search and reverse geocoding are off and the user types the address and code.
   */
  confidential?: boolean;
};

type SearchState =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; results: GeocodeCandidate[] }
  | { status: 'failed' };

const DIRECTIONS: { direction: Direction; arrow: string }[] = [
  { direction: 'north', arrow: '↑' },
  { direction: 'west', arrow: '←' },
  { direction: 'east', arrow: '→' },
  { direction: 'south', arrow: '↓' },
];

const NO_AREAS: readonly Area[] = [];

export function LocationPicker({
  value,
  onChange,
  areas = NO_AREAS,
  points,
  geocoder,
  showErrors = false,
  legend,
  confidential = false,
}: LocationPickerProps) {
  const { t } = useI18n();
  const id = useId();
  const coder = geocoder ?? gsiGeocoder();

  // the latest value, for answers that arrive after the user has typed on
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  });
  const emit = (patch: Partial<LocationValue>) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    onChange(next);
  };

  // typed coordinates are drafts: "35." is not a point yet; they follow the pin when it moves
  const [drafts, setDrafts] = useState(() => ({
    ...draftsOf(value.location),
    source: value.location,
  }));
  if (drafts.source !== value.location) {
    const parsed = parseCoordinates(drafts.lat, drafts.lng).location;
    const same =
      parsed !== null &&
      value.location !== null &&
      parsed[0] === value.location[0] &&
      parsed[1] === value.location[1];
    setDrafts(
      same
        ? { ...drafts, source: value.location }
        : { ...draftsOf(value.location), source: value.location },
    );
  }
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const touch = (field: string) =>
    setTouched((prev) => (prev.has(field) ? prev : new Set(prev).add(field)));
  const shown = (field: string) => showErrors || touched.has(field);

  const [search, setSearch] = useState<SearchState>({ status: 'idle' });
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState('');
  const searchAbort = useRef<AbortController | null>(null);
  const reverseAbort = useRef<AbortController | null>(null);
  const addressRef = useRef<HTMLInputElement>(null);
  useEffect(
    () => () => {
      searchAbort.current?.abort();
      reverseAbort.current?.abort();
    },
    [],
  );

  const setLocation = (location: LngLat | null) => {
    emit({ location });
    setDrafts({ ...draftsOf(location), source: location });
  };

  /** reverse geocoding: the code always, the address unless `keepAddress` (a search hit's is better) */
  async function fillFromPoint(location: LngLat, keepAddress: boolean) {
    if (confidential) return; // never sent out (the controls are hidden too)
    reverseAbort.current?.abort();
    const controller = new AbortController();
    reverseAbort.current = controller;
    try {
      const found = await coder.reverse(location, { signal: controller.signal });
      if (controller.signal.aborted) return;
      if (!found) {
        setMessage(t('editingWidgets.location.reverseNone'));
        return;
      }
      const address = !keepAddress && found.address ? found.address : latest.current.address;
      emit({ municipalityCode: found.municipalityCode, address });
      touch('code');
      setMessage(
        t('editingWidgets.location.filled', { address: `${address}（${found.municipalityCode}）` }),
      );
    } catch (error) {
      if (controller.signal.aborted) return;
      if (!(error instanceof GeocoderError)) console.error(error);
      setMessage(t('editingWidgets.location.reverseOffline'));
    }
  }

  const runSearch = async () => {
    const q = query.trim();
    if (q === '' || confidential) return;
    searchAbort.current?.abort();
    const controller = new AbortController();
    searchAbort.current = controller;
    setSearch({ status: 'searching' });
    setMessage(t('editingWidgets.location.searching'));
    try {
      const results = await coder.search(q, { signal: controller.signal });
      if (controller.signal.aborted) return;
      setSearch({ status: 'done', results });
      setMessage(
        results.length > 0
          ? t('editingWidgets.location.results', { n: results.length })
          : t('editingWidgets.location.noResults'),
      );
    } catch (error) {
      if (controller.signal.aborted) return;
      if (!(error instanceof GeocoderError)) console.error(error);
      setSearch({ status: 'failed' });
      setMessage(t('editingWidgets.location.searchOffline'));
    }
  };

  const choose = (hit: GeocodeCandidate) => {
    setLocation(hit.location);
    emit({
      address: hit.address,
      ...(hit.municipalityCode ? { municipalityCode: hit.municipalityCode } : {}),
    });
    setSearch({ status: 'idle' });
    addressRef.current?.focus();
    if (hit.municipalityCode) {
      touch('code');
      setMessage(
        t('editingWidgets.location.filled', {
          address: `${hit.address}（${hit.municipalityCode}）`,
        }),
      );
    } else {
      void fillFromPoint(hit.location, true); // the code, from the point
    }
  };

  const pickOnMap = (location: LngLat) => {
    setLocation(location);
    // a pin fills what is still empty: the code, and the address unless one was typed; later
    // moves leave filled fields alone (the "fill from the pin" button refills them)
    if (latest.current.municipalityCode.trim() === '')
      void fillFromPoint(location, latest.current.address.trim() !== '');
  };

  const onCoordinate = (axis: 'lat' | 'lng', text: string) => {
    const next = { ...drafts, [axis]: text };
    const parsed = parseCoordinates(next.lat, next.lng);
    const bothEmpty = next.lat.trim() === '' && next.lng.trim() === '';
    if (parsed.location || bothEmpty) {
      const location = parsed.location;
      // the typed text stays as typed ("35.8" is not rewritten to "35.800000"), except a pasted
      // "lat, lng" pair, which is split into both fields
      const pasted = location !== null && axis === 'lat' && next.lng.trim() === '';
      setDrafts(
        pasted ? { ...draftsOf(location), source: location } : { ...next, source: location },
      );
      emit({ location });
    } else {
      setDrafts({ ...next, source: drafts.source });
    }
  };

  const onCodeBlur = () => {
    touch('code');
    const check = checkMunicipalityCode(value.municipalityCode);
    if (check.ok && check.code !== value.municipalityCode) {
      emit({ municipalityCode: check.code });
      if (check.completed)
        setMessage(t('editingWidgets.location.codeCompleted', { code: check.code }));
    }
  };

  // problems beside their fields
  const coordinateProblems = parseCoordinates(drafts.lat, drafts.lng).problems;
  const coordinateError = (axis: 'lat' | 'lng') => {
    const problem = coordinateProblems[axis];
    // a coordinate is one thing in two fields: touching either shows both fields' problems
    if (problem && (shown('lat') || shown('lng'))) return t(`editingWidgets.problem.${problem}`);
    if (axis === 'lat' && !value.location && !coordinateProblems.lat && showErrors)
      return t('editingWidgets.problem.pinRequired');
    return null;
  };
  const codeCheck = checkMunicipalityCode(value.municipalityCode);
  const codeError =
    !codeCheck.ok && shown('code')
      ? codeCheck.problem === 'codeCheck'
        ? t('editingWidgets.problem.codeCheck', { suggestion: codeCheck.suggestion })
        : t('editingWidgets.problem.codeFormat')
      : null;
  const errorId = (field: string) => `${id}-${field}-error`;
  const describe = (hint: string, field: string, error: string | null) =>
    error ? `${hint} ${errorId(field)}` : hint;

  const outside = outsideMunicipalities(value.location, areas);
  const pinText = value.location
    ? t('editingWidgets.location.pinAt', {
        lat: formatCoordinate(value.location[1]),
        lng: formatCoordinate(value.location[0]),
      })
    : t('editingWidgets.location.noPin');

  return (
    <fieldset className="ew-group location-picker">
      <legend className="ew-group__legend">{legend ?? t('editingWidgets.location.legend')}</legend>
      <p className="ew-hint">{t('editingWidgets.location.intro')}</p>

      {confidential ? (
        <p className="notice location-picker__confidential">
          {t('editingWidgets.location.confidential')}
        </p>
      ) : (
        <div className="ew-field location-picker__search">
          <label htmlFor={`${id}-search`}>{t('editingWidgets.location.search')}</label>
          <p id={`${id}-search-hint`} className="ew-hint">
            {t('editingWidgets.location.searchHint')}
          </p>
          <p id={`${id}-search-source`} className="ew-hint location-picker__source">
            {t('editingWidgets.location.searchSource')}
          </p>
          <div className="location-picker__search-row">
            <input
              id={`${id}-search`}
              type="search"
              className="text-input"
              value={query}
              autoComplete="off"
              aria-describedby={`${id}-search-hint ${id}-search-source`}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                // the picker sits inside the edit form: Enter searches instead of submitting it
                if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                  e.preventDefault();
                  void runSearch();
                }
              }}
            />
            <button
              type="button"
              className="button"
              onClick={() => void runSearch()}
              disabled={search.status === 'searching'}
            >
              {t('editingWidgets.location.searchButton')}
            </button>
          </div>
          {search.status === 'done' && search.results.length > 0 ? (
            <ul
              className="location-picker__results"
              aria-label={t('editingWidgets.location.results', { n: search.results.length })}
            >
              {search.results.map((hit) => (
                <li key={`${hit.address}|${hit.location.join(',')}`}>
                  <button
                    type="button"
                    className="button button--secondary location-picker__result"
                    onClick={() => choose(hit)}
                  >
                    {hit.address}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
      <p role="status" className="location-picker__message">
        {message}
      </p>

      <div className="location-picker__map">
        <MapErrorBoundary
          fallback={<p className="notice">{t('editingWidgets.location.mapUnavailable')}</p>}
        >
          <Suspense fallback={<p className="ew-hint">{t('common.loading')}</p>}>
            <LocationMap
              location={value.location}
              areas={areas}
              points={points}
              onPick={pickOnMap}
              label={t('editingWidgets.location.mapLabel')}
              describedBy={`${id}-map-hint`}
            />
          </Suspense>
        </MapErrorBoundary>
      </div>
      <p id={`${id}-map-hint`} className="ew-hint">
        {t('editingWidgets.location.mapHint')}
      </p>
      <p role="status" className="location-picker__pin" data-testid="pin-status">
        {pinText}
      </p>
      {outside.length > 0 ? (
        <p className="notice location-picker__outside">
          {t('editingWidgets.location.outside', { names: outside.join('・') })}
        </p>
      ) : null}

      <div className="location-picker__coordinates">
        {(['lat', 'lng'] as const).map((axis) => {
          const error = coordinateError(axis);
          return (
            <div key={axis} className="ew-field">
              <label htmlFor={`${id}-${axis}`}>{t(`editingWidgets.location.${axis}`)}</label>
              <input
                id={`${id}-${axis}`}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                className="text-input ew-coordinate"
                value={drafts[axis]}
                aria-invalid={error ? true : undefined}
                data-invalid={error ? true : undefined}
                aria-describedby={describe(`${id}-${axis}-hint`, axis, error)}
                onChange={(e) => onCoordinate(axis, e.target.value)}
                onBlur={() => touch(axis)}
              />
              <p id={`${id}-${axis}-hint`} className="ew-hint">
                {t(`editingWidgets.location.${axis}Hint`)}
              </p>
              <FieldError id={errorId(axis)}>{error}</FieldError>
            </div>
          );
        })}
      </div>

      <fieldset className="ew-choices location-picker__nudge">
        <legend>{t('editingWidgets.location.nudge', { m: NUDGE_METRES })}</legend>
        <div className="location-picker__pad">
          {DIRECTIONS.map(({ direction, arrow }) => (
            <button
              key={direction}
              type="button"
              className={`button button--secondary location-picker__nudge-${direction}`}
              disabled={!value.location}
              onClick={() => value.location && setLocation(nudge(value.location, direction))}
            >
              <span aria-hidden="true">{arrow}</span>{' '}
              {t(`editingWidgets.location.nudge.${direction}` as MessageKey)}
            </button>
          ))}
        </div>
        <div className="location-picker__pin-actions">
          {confidential ? null : (
            <button
              type="button"
              className="button button--secondary"
              disabled={!value.location}
              onClick={() => value.location && void fillFromPoint(value.location, false)}
            >
              {t('editingWidgets.location.fillFromPin')}
            </button>
          )}
          <button
            type="button"
            className="button button--secondary"
            disabled={!value.location}
            onClick={() => setLocation(null)}
          >
            {t('editingWidgets.location.clearPin')}
          </button>
        </div>
      </fieldset>

      <div className="ew-field">
        <label htmlFor={`${id}-address`}>{t('editingWidgets.location.address')}</label>
        <p id={`${id}-address-hint`} className="ew-hint">
          {t('editingWidgets.location.addressHint')}
        </p>
        <input
          ref={addressRef}
          id={`${id}-address`}
          type="text"
          className="text-input"
          autoComplete="off"
          value={value.address}
          maxLength={300}
          aria-describedby={`${id}-address-hint`}
          onChange={(e) => emit({ address: e.target.value })}
        />
      </div>

      <div className="ew-field">
        <label htmlFor={`${id}-code`}>{t('editingWidgets.location.code')}</label>
        <p id={`${id}-code-hint`} className="ew-hint">
          {t('editingWidgets.location.codeHint')}
        </p>
        <input
          id={`${id}-code`}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          className="text-input ew-code"
          value={value.municipalityCode}
          maxLength={8}
          aria-invalid={codeError ? true : undefined}
          data-invalid={codeError ? true : undefined}
          aria-describedby={describe(`${id}-code-hint`, 'code', codeError)}
          onChange={(e) => emit({ municipalityCode: e.target.value })}
          onBlur={onCodeBlur}
        />
        <FieldError id={errorId('code')}>{codeError}</FieldError>
      </div>
    </fieldset>
  );
}

function draftsOf(location: LngLat | null): { lat: string; lng: string } {
  return location
    ? { lat: formatCoordinate(location[1]), lng: formatCoordinate(location[0]) }
    : { lat: '', lng: '' };
}

export default LocationPicker;
