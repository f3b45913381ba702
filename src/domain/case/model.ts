// A 参加支援 case without names (DOMAIN.md "Case", "Privacy rules"): a pseudonymous code, a
// household of members described by relationship, age band, targets and ranked needs, a home kept
// at about 100 m or as an area, and the constraints matching must respect. Nothing here can hold a
// name, an address or a phone number: there is no free-text field for one to slip into.
import * as z from 'zod';
import { ACCESSIBILITY, EASE, LANGUAGES, NEEDS, TARGETS, type TargetId } from '../taxonomy';
import { WEEKDAYS, type Weekday } from '../weekdays';
import type { LngLat } from '../model';

// --- case codes -----------------------------------------------------------------------------

/** 'K-2026-0042': K, the year the case was opened, a counter within that year (4+ digits). */
export const CASE_CODE_PATTERN = /^K-\d{4}-\d{4,}$/;

/** The code of the `counter`-th case (1-based) opened in `year`. */
export function formatCaseCode(year: number, counter: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`case code year must be a 4-digit year, got ${year}`);
  if (!Number.isInteger(counter) || counter < 1) throw new RangeError(`case code counter must be a positive integer, got ${counter}`);
  return `K-${year}-${String(counter).padStart(4, '0')}`;
}

/**
 * A code generator for one year that continues after `last` (the highest counter already used, 0
 * for none). The counter comes from storage, never from a name or a birth date, so a code says
 * nothing about the person.
 */
export function caseCodeGenerator(year: number, last = 0): () => string {
  let n = last;
  return () => formatCaseCode(year, ++n);
}

// --- members --------------------------------------------------------------------------------

/** Age bands instead of ages: enough to match age ranges, too coarse to identify anyone. */
export const AGE_BANDS = ['0-5', '6-12', '13-18', '19-39', '40-64', '65-74', '75+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Inclusive [min, max] years of each band; 75+ ends at the model's upper age, 120. */
export const AGE_BAND_RANGE: Record<AgeBand, readonly [number, number]> = {
  '0-5': [0, 5],
  '6-12': [6, 12],
  '13-18': [13, 18],
  '19-39': [19, 39],
  '40-64': [40, 64],
  '65-74': [65, 74],
  '75+': [75, 120],
};

/**
 * Targets an age band implies on its own: a 70-year-old fits a menu for 高齢者 even when the
 * worker did not tick it. Targets that depend on circumstances (parents, carers, disability,
 * ひきこもり, foreign roots) are never implied.
 */
export const AGE_BAND_TARGETS: Record<AgeBand, readonly TargetId[]> = {
  '0-5': ['infants_with_parents'],
  '6-12': ['elementary'],
  '13-18': ['teens'],
  '19-39': ['young_adults'],
  '40-64': [],
  '65-74': ['older_adults'],
  '75+': ['older_adults'],
};

/** Relationship to the person the case started from (本人). */
export const RELATIONSHIPS = ['self', 'spouse', 'parent', 'child', 'grandparent', 'grandchild', 'sibling', 'other'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];
export const RELATIONSHIP_LABELS: Record<Relationship, { ja: string; en: string }> = {
  self: { ja: '本人', en: 'Self' },
  spouse: { ja: '配偶者', en: 'Spouse' },
  parent: { ja: '親', en: 'Parent' },
  child: { ja: '子', en: 'Child' },
  grandparent: { ja: '祖父母', en: 'Grandparent' },
  grandchild: { ja: '孫', en: 'Grandchild' },
  sibling: { ja: 'きょうだい', en: 'Sibling' },
  other: { ja: 'その他', en: 'Other' },
};

// --- constraints ----------------------------------------------------------------------------

/**
 * Travel modes and the speeds matching assumes, in metres per minute of route distance.
 * walk 80 (the 不動産の表示に関する公正競争規約 standard, 4.8 km/h); bicycle 200 (12 km/h,
 * an unhurried town ride); bus 250 (15 km/h, a typical 表定速度 of a local 路線バス; waiting and
 * the walk to the stop are not counted, so the worker must add them); car 400 (24 km/h, a town
 * average with signals, no parking time). Route distance is straight line × 1.3 (see matching).
 */
export const TRAVEL_MODES = ['walk', 'bicycle', 'bus', 'car'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];
export const TRAVEL_SPEED_M_PER_MIN: Record<TravelMode, number> = { walk: 80, bicycle: 200, bus: 250, car: 400 };
export const TRAVEL_MODE_LABELS: Record<TravelMode, { ja: string; en: string }> = {
  walk: { ja: '徒歩', en: 'Walk' },
  bicycle: { ja: '自転車', en: 'Bicycle' },
  bus: { ja: 'バス', en: 'Bus' },
  car: { ja: '車', en: 'Car' },
};
export const MAX_TRAVEL_MINUTES = 120;

// 24:00 is allowed as the end of a window ("until the end of the day"), never as a start
const windowTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, '時刻は HH:MM（24時間）で入力してください');

export const travelSchema = z.object({
  mode: z.enum(TRAVEL_MODES),
  maxMinutes: z
    .number()
    .int('移動時間は分単位の整数で入力してください')
    .min(1, '移動時間は1分以上にしてください')
    .max(MAX_TRAVEL_MINUTES, `移動時間は${MAX_TRAVEL_MINUTES}分以内にしてください`),
});
export type Travel = z.infer<typeof travelSchema>;

/** Days and hours the member can take part, e.g. 火・木 13:00–17:00. */
export const timeWindowSchema = z
  .object({
    days: z.array(z.enum(WEEKDAYS)).min(1, '曜日を1つ以上選んでください'),
    from: windowTime,
    to: windowTime,
  })
  .superRefine((w, ctx) => {
    if (w.from === '24:00') ctx.addIssue({ code: 'custom', message: '開始時刻に 24:00 は使えません', path: ['from'] });
    if (w.to <= w.from) ctx.addIssue({ code: 'custom', message: '終了時刻は開始時刻より後にしてください', path: ['to'] });
  });
export type TimeWindow = z.infer<typeof timeWindowSchema>;

/** Every day, all day: the availability to use when the member has no limits. */
export const ANY_TIME: readonly TimeWindow[] = [{ days: [...WEEKDAYS], from: '00:00', to: '24:00' }];

/**
 * What limits the member's options. `maxCostYen`: null = no limit, 0 = free only, otherwise yen
 * per session. `ease`: 参加のしやすさ preferences; they rank, they never exclude.
 */
export const constraintsSchema = z.object({
  travel: travelSchema,
  availability: z.array(timeWindowSchema).min(1, '参加できる曜日と時間帯を1つ以上入力してください'),
  accessibility: z.array(z.enum(ACCESSIBILITY)),
  languages: z.array(z.enum(LANGUAGES)).min(1, '参加できる言語を1つ以上選んでください'),
  maxCostYen: z.number().int().min(0, '費用の上限は0円以上にしてください').max(100_000).nullable(),
  ease: z.array(z.enum(EASE)),
});
export type Constraints = z.infer<typeof constraintsSchema>;

/** A member may override any household constraint, e.g. the grandfather walks 10 minutes at most. */
export const constraintOverridesSchema = constraintsSchema.partial();
export type ConstraintOverrides = z.infer<typeof constraintOverridesSchema>;

export const memberSchema = z
  .object({
    id: z.string().min(1), // stable within the case, e.g. 'm1'; never a name
    relationship: z.enum(RELATIONSHIPS),
    ageBand: z.enum(AGE_BANDS),
    targets: z.array(z.enum(TARGETS)),
    needs: z.array(z.enum(NEEDS)).min(1, 'ニーズを1つ以上選んでください'), // priority order: first = most important
    overrides: constraintOverridesSchema.optional(),
  })
  .superRefine((m, ctx) => {
    if (new Set(m.needs).size !== m.needs.length) ctx.addIssue({ code: 'custom', message: '同じニーズが重複しています', path: ['needs'] });
  });
export type Member = z.infer<typeof memberSchema>;

// --- home -----------------------------------------------------------------------------------

/** The home grid step in degrees: 0.001° is 111 m north–south and 77–104 m east–west in Japan. */
export const HOME_GRID_DEG = 0.001;
const GRID_PER_DEG = 1 / HOME_GRID_DEG;

const onGrid = (x: number) => Math.abs(x * GRID_PER_DEG - Math.round(x * GRID_PER_DEG)) < 1e-6;
const toGrid = (x: number) => Math.round(x * GRID_PER_DEG) / GRID_PER_DEG;

/**
 * The point snapped to the ~100 m home grid. Call this on every point before it is stored: a home
 * kept finer than a block would be an address.
 */
export function coarsenPoint([lng, lat]: LngLat): LngLat {
  return [toGrid(lng), toGrid(lat)];
}

/** True when the point already lies on the home grid (coarsenPoint would not move it). */
export function isCoarsePoint([lng, lat]: LngLat): boolean {
  return onGrid(lng) && onGrid(lat);
}

const coarsePoint = z
  .tuple([z.number().min(122).max(154), z.number().min(20).max(46)])
  .refine(isCoarsePoint, '自宅の位置は約100m単位に丸めてから保存してください（coarsenPoint）');

/** The home as an area (圏域) id, or an approximate point with the area it falls in when known. */
export const homeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('area'), areaId: z.string().min(1) }),
  z.object({ kind: z.literal('point'), point: coarsePoint, areaId: z.string().min(1).optional() }),
]);
export type Home = z.infer<typeof homeSchema>;

// --- case -----------------------------------------------------------------------------------

export const CASE_STATUSES = ['active', 'paused', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const caseSchema = z
  .object({
    code: z.string().regex(CASE_CODE_PATTERN, 'ケース番号は K-2026-0042 の形式です'),
    teamId: z.string().min(1), // the owning team: only it and admins may read the case
    status: z.enum(CASE_STATUSES),
    home: homeSchema,
    constraints: constraintsSchema, // household defaults; members override
    members: z.array(memberSchema).min(1, '世帯員を1人以上入力してください').max(12),
    openedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD の形式で入力してください'),
  })
  .superRefine((c, ctx) => {
    const ids = c.members.map((m) => m.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: '世帯員の番号が重複しています', path: ['members'] });
  });
export type Case = z.infer<typeof caseSchema>;

/** The member's constraints: the household's, with the member's overrides on top. */
export function effectiveConstraints(household: Constraints, overrides: ConstraintOverrides | undefined): Constraints {
  if (!overrides) return household;
  const out: Constraints = { ...household };
  for (const key of Object.keys(overrides) as (keyof Constraints)[]) {
    const value = overrides[key];
    if (value !== undefined) (out as Record<keyof Constraints, unknown>)[key] = value;
  }
  return out;
}

/** The member's targets plus those the age band implies, without duplicates, in taxonomy order. */
export function memberTargets(member: Pick<Member, 'targets' | 'ageBand'>): TargetId[] {
  const set = new Set<TargetId>([...member.targets, ...AGE_BAND_TARGETS[member.ageBand]]);
  return TARGETS.filter((t) => set.has(t));
}

export type { Weekday };
