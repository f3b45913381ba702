// The public search query: what a resident can ask the list and the map.
// Semantics: within one group the choices are alternatives (OR), except accessibility and ease,
// which are requirements (every one must hold). Groups combine with AND. Menu-level conditions
// (needs, targets, weekdays, today, free, ease) must all hold on the same menu of the site.
// A menu for `anyone` (誰でも) satisfies every targets filter. Empty lists ask for nothing.
import type { LngLat } from '../model';
import type { Weekday } from '../weekdays';
import type { AccessibilityId, CategoryId, EaseId, FieldId, NeedId, TargetId } from '../taxonomy';

/** [west, south, east, north] in degrees */
export type BBox = [number, number, number, number];

export type SiteQuery = {
  text?: string; // keyword, normalized before matching
  fields?: FieldId[];
  categories?: CategoryId[];
  helpDesksOnly?: boolean; // only 相談窓口
  needs?: NeedId[];
  targets?: TargetId[];
  weekdays?: Weekday[]; // open on any of these weekdays
  today?: string; // 'YYYY-MM-DD': open on that date (祝日 and nth-weekday aware)
  free?: boolean; // free of charge
  accessibility?: AccessibilityId[];
  ease?: EaseId[];
  bbox?: BBox; // restrict to the view
  origin?: LngLat; // sort by distance from here
};

export const EMPTY_QUERY: SiteQuery = {};
