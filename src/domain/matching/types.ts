// Shapes the matching engine reads and returns. Structural on purpose (Pick of the model), so the
// local data source and a Supabase RPC row can both feed it. Reasons and misses are plain data with
// a `kind`: the UI renders them (describe.ts), indicators count them, tests compare them.
import type { Menu, Site, LngLat, Weekday } from '../model';
import type { AccessibilityId, EaseId, LanguageId, NeedId, TargetId } from '../taxonomy';
import type { AgeBand, Constraints, TravelMode } from '../case/model';

/** the fields of a site matching reads */
export type MatchableSite = Pick<Site, 'id' | 'location' | 'accessibility' | 'status' | 'visibility' | 'confidential'>;

/** the fields of a menu matching reads; siteId null = outreach (アウトリーチ), it comes to the home */
export type MatchableMenu = Pick<
  Menu,
  | 'id'
  | 'siteId'
  | 'needs'
  | 'targets'
  | 'ageMin'
  | 'ageMax'
  | 'schedule'
  | 'cost'
  | 'capacity'
  | 'ease'
  | 'languages'
  | 'serviceAreaIds'
  | 'visibility'
  | 'status'
  | 'lastVerified'
>;

/** a menu with its site (null for outreach) */
export type Candidate<S extends MatchableSite = MatchableSite, M extends MatchableMenu = MatchableMenu> = {
  menu: M;
  site: S | null;
};

/**
 * The home as matching needs it: a point to measure travel from, the ids of every area that holds
 * it (for service-area restrictions), and the area unmet needs are reported under.
 */
export type ResolvedHome = {
  point: LngLat; // already coarse (~100 m); for an area-only home, a point inside the area
  areaIds: readonly string[];
  areaId: string | null; // reporting area, usually the 日常生活圏域
};

/** one member as the engine sees them: the household's constraints already merged with overrides */
export type MatchMember = {
  id: string;
  ageBand: AgeBand;
  targets: readonly TargetId[]; // including those the age band implies (memberTargets)
  needs: readonly NeedId[]; // priority order
  constraints: Constraints;
};

export type MatchInput = { home: ResolvedHome; members: readonly MatchMember[] };

export type Viewer = 'staff' | 'public';

export type MatchOptions = {
  today: string; // 'YYYY-MM-DD': ended rules, freshness and unmet-need dates are relative to it
  viewer?: Viewer; // 'staff' (default) also sees staff-only menus; nobody sees drafts or archives
  includeConfidential?: boolean; // staff only: menus at confidential sites (their point is plotted); default false
  limit?: number; // matches kept per member (default 50); Infinity keeps all
  nearMissLimit?: number; // near misses kept per member (default 20)
};

// --- reasons --------------------------------------------------------------------------------

/** why a menu fits; rendered as chips by describeReason */
export type Reason =
  | { kind: 'need'; need: NeedId; rank: number } // rank 1 = the member's first need
  | { kind: 'travel'; minutes: number; mode: TravelMode; distanceM: number }
  | { kind: 'outreach' } // comes to the home: no travel
  | { kind: 'schedule'; weekday: Weekday; window: string; session: string } // window: the member's 'HH:MM-HH:MM'
  | { kind: 'schedule_arranged' } // 不定期: dates are arranged with the person
  | { kind: 'ease'; ease: EaseId }
  | { kind: 'cost'; free: true }
  | { kind: 'cost'; free: false; yen: number | null } // null: varies (実費など), ask
  | { kind: 'capacity'; availability: 'open' | 'few' }
  | { kind: 'accessibility'; item: AccessibilityId }
  | { kind: 'language'; language: LanguageId }
  | { kind: 'freshness'; verifiedDaysAgo: number };

// --- near misses ----------------------------------------------------------------------------

/** the one hard constraint a near miss fails, and by how much */
export type Miss =
  | { kind: 'distance'; minutes: number; limit: number; mode: TravelMode }
  | { kind: 'day'; only: Weekday[] } // runs only on days the member is not free
  | { kind: 'time'; weekday: Weekday; session: string; window: string } // right day, wrong hours
  | { kind: 'target'; targets: TargetId[] } // for other groups
  | { kind: 'age'; ageMin: number | null; ageMax: number | null }
  | { kind: 'accessibility'; missing: AccessibilityId[] }
  | { kind: 'language'; offered: LanguageId[] }
  | { kind: 'cost'; yen: number | null; limit: number } // yen null: varies, and the limit is free only
  | { kind: 'area' } // the menu is restricted to residents of other areas
  | { kind: 'full' };

/** what blocked a need, for 地域づくり: a miss kind folded into the DOMAIN.md constraint groups */
export const BLOCKING_CONSTRAINTS = ['distance', 'schedule', 'target', 'accessibility', 'language', 'cost', 'area', 'capacity', 'no_menu'] as const;
export type BlockingConstraint = (typeof BLOCKING_CONSTRAINTS)[number];

// --- results --------------------------------------------------------------------------------

export type MenuMatch = {
  menuId: string;
  siteId: string | null;
  location: LngLat | null; // the site's point, for the map; null for outreach
  score: number; // 0..1, see score.ts
  minutes: number; // travel minutes (0 for outreach), rounded up
  distanceM: number; // straight line (0 for outreach)
  reasons: Reason[];
};

export type NearMiss = MenuMatch & { miss: Miss };

export type UnmetNeed = {
  memberId: string;
  need: NeedId;
  areaId: string | null;
  blockingConstraint: BlockingConstraint;
  date: string;
};

export type MemberResult = {
  memberId: string;
  matches: MenuMatch[];
  nearMisses: NearMiss[];
  unmetNeeds: UnmetNeed[];
};

/** one site on the household map, with what it offers each member */
export type HouseholdPlace = {
  siteId: string;
  location: LngLat;
  offers: { memberId: string; menuId: string; score: number }[];
};

export type HouseholdResult = {
  members: MemberResult[];
  places: HouseholdPlace[]; // sites of every member's matches, those serving more members first
  unmetNeeds: UnmetNeed[];
};
