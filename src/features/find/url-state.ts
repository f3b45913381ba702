// The find page's state lives in the URL, so a reload or a shared link restores it.
// Parsing is forgiving: an unknown value is dropped, never an error, because links get truncated
// and hand-edited. Serializing is canonical (sorted, no empty keys) so equal states give equal URLs.
import { WEEKDAYS, type Weekday } from '../../domain/weekdays';
import {
  ACCESSIBILITY,
  CATEGORY_IDS,
  EASE,
  FIELDS,
  NEEDS,
  TARGETS,
  type AccessibilityId,
  type CategoryId,
  type EaseId,
  type FieldId,
  type NeedId,
  type TargetId,
} from '../../domain/taxonomy';

export type SortOrder = 'name' | 'distance';

export type FindState = {
  text: string;
  fields: FieldId[];
  categories: CategoryId[];
  helpDesksOnly: boolean;
  needs: NeedId[];
  targets: TargetId[];
  weekdays: Weekday[];
  today: boolean;
  free: boolean;
  accessibility: AccessibilityId[];
  ease: EaseId[];
  sort: SortOrder;
  /** the point distances are measured from: 現在地 or a chosen point, [lng, lat] */
  origin: [number, number] | null;
  /** camera: [lng, lat, zoom] */
  view: [number, number, number] | null;
  /** list only what the map shows (default) */
  inView: boolean;
};

export const DEFAULT_FIND_STATE: FindState = {
  text: '',
  fields: [],
  categories: [],
  helpDesksOnly: false,
  needs: [],
  targets: [],
  weekdays: [],
  today: false,
  free: false,
  accessibility: [],
  ease: [],
  sort: 'name',
  origin: null,
  view: null,
  inView: true,
};

/** The filters (not the keyword, sort, point or camera). */
const FILTER_KEYS = ['fields', 'categories', 'helpDesksOnly', 'needs', 'targets', 'weekdays', 'today', 'free', 'accessibility', 'ease'] as const;

function list<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  if (!raw) return [];
  const set = new Set(raw.split(',').filter((v): v is T => (allowed as readonly string[]).includes(v)));
  // keep the taxonomy's order: canonical URLs, stable UI
  return allowed.filter((v) => set.has(v));
}

function numbers(raw: string | null, n: number): number[] | null {
  if (!raw) return null;
  const parts = raw.split(',').map(Number);
  if (parts.length !== n || parts.some((p) => !Number.isFinite(p))) return null;
  return parts;
}

function lngLat(raw: string | null): [number, number] | null {
  const p = numbers(raw, 2);
  if (!p) return null;
  const [lng, lat] = p as [number, number];
  if (lng < -180 || lng > 180 || lat < -90 || lat > 90) return null;
  return [lng, lat];
}

export function parseFindState(search: string): FindState {
  const p = new URLSearchParams(search);
  const view = numbers(p.get('view'), 3);
  const validView =
    view && Math.abs(view[0]!) <= 180 && Math.abs(view[1]!) <= 90 && view[2]! >= 0 && view[2]! <= 22
      ? (view as [number, number, number])
      : null;
  return {
    text: (p.get('q') ?? '').slice(0, 100),
    fields: list(p.get('field'), FIELDS),
    categories: list(p.get('cat'), CATEGORY_IDS),
    helpDesksOnly: p.get('desk') === '1',
    needs: list(p.get('need'), NEEDS),
    targets: list(p.get('target'), TARGETS),
    weekdays: list(p.get('day'), WEEKDAYS),
    today: p.get('today') === '1',
    free: p.get('free') === '1',
    accessibility: list(p.get('acc'), ACCESSIBILITY),
    ease: list(p.get('ease'), EASE),
    sort: p.get('sort') === 'distance' ? 'distance' : 'name',
    origin: lngLat(p.get('from')),
    view: validView,
    inView: p.get('inview') !== '0',
  };
}

const round = (n: number, digits: number) => Number(n.toFixed(digits));

export function serializeFindState(s: FindState): string {
  const p = new URLSearchParams();
  if (s.text.trim()) p.set('q', s.text.trim());
  const setList = (key: string, v: readonly string[]) => v.length && p.set(key, v.join(','));
  setList('field', s.fields);
  setList('cat', s.categories);
  if (s.helpDesksOnly) p.set('desk', '1');
  setList('need', s.needs);
  setList('target', s.targets);
  setList('day', s.weekdays);
  if (s.today) p.set('today', '1');
  if (s.free) p.set('free', '1');
  setList('acc', s.accessibility);
  setList('ease', s.ease);
  if (s.sort === 'distance') p.set('sort', 'distance');
  // ~1 m precision for points; a shared link must not pinpoint where someone lives any finer
  if (s.origin) p.set('from', `${round(s.origin[0], 5)},${round(s.origin[1], 5)}`);
  if (s.view) p.set('view', `${round(s.view[0], 5)},${round(s.view[1], 5)},${round(s.view[2], 2)}`);
  if (!s.inView) p.set('inview', '0');
  const out = p.toString();
  return out ? `?${out}` : '';
}

/** How many filters (not the keyword) are active: shown on the filter toggle. */
export function activeFilterCount(s: FindState): number {
  return FILTER_KEYS.reduce((n, k) => {
    const v = s[k];
    return n + (Array.isArray(v) ? v.length : v ? 1 : 0);
  }, 0);
}

/** The patch that clears every filter but keeps the keyword, sort, point and camera. */
export const CLEARED_FILTERS: Partial<FindState> = Object.fromEntries(FILTER_KEYS.map((k) => [k, DEFAULT_FIND_STATE[k]]));
