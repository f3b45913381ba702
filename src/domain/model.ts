// The domain model as validated schemas (DOMAIN.md "The objects"). Types are inferred from the
// schemas so that a value which passed validation is exactly the type the rest of the code uses.
// Import types with `import type` in hot paths: that keeps zod out of bundles that only need types.
import * as z from 'zod';
import {
  ACCESSIBILITY,
  AREA_LEVELS,
  CATEGORY_IDS,
  FIELDS,
  LANGUAGES,
  LISTING_STATUSES,
  NEEDS,
  ORGANIZATION_KINDS,
  TARGETS,
  EASE,
  VISIBILITIES,
  type CategoryId,
} from './taxonomy';
import { isValidMunicipalityCode } from './municipality-code';
import { isValidCorporateNumber } from './corporate-number';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD の形式で入力してください');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '時刻は HH:MM（24時間）で入力してください');

// --- schedules (HSDS-compatible rules, plus 祝日 closure and a note) --------------------------

export { WEEKDAYS, type Weekday } from './weekdays';

/**
 * `byday` entries: weekly rules use plain weekdays (`TU`); monthly rules use an ordinal and a
 * weekday (`2WE` = second Wednesday, `-1FR` = last Friday). Ordinals 1–4 and −1 only: a 5th
 * weekday does not occur every month, so volunteers pick 最終 instead.
 */
const bydayEntry = z.string().regex(/^(-1|[1-4])?(MO|TU|WE|TH|FR|SA|SU)$/, '曜日の指定が正しくありません');

export const scheduleRuleSchema = z
  .object({
    freq: z.enum(['WEEKLY', 'MONTHLY']),
    interval: z.number().int().min(1).max(4), // 2 = 隔週 (every other week), anchored at validFrom
    byday: z.array(bydayEntry).min(1, '曜日を1つ以上選んでください'),
    opensAt: hhmm,
    closesAt: hhmm,
    validFrom: isoDate.optional(), // first possible date; the anchor week for interval > 1
    validTo: isoDate.optional(), // last possible date (inclusive)
  })
  .superRefine((r, ctx) => {
    if (r.closesAt <= r.opensAt) ctx.addIssue({ code: 'custom', message: '終了時刻は開始時刻より後にしてください', path: ['closesAt'] });
    const ordinal = r.byday.some((d) => /^-?\d/.test(d));
    if (r.freq === 'WEEKLY' && ordinal) ctx.addIssue({ code: 'custom', message: '毎週の予定に「第n」は指定できません', path: ['byday'] });
    if (r.freq === 'MONTHLY' && !r.byday.every((d) => /^-?\d/.test(d)))
      ctx.addIssue({ code: 'custom', message: '毎月の予定は「第n○曜日」または「最終○曜日」で指定してください', path: ['byday'] });
    if (r.interval > 1 && !r.validFrom) ctx.addIssue({ code: 'custom', message: '隔週の予定には開始日が必要です', path: ['validFrom'] });
    if (r.validFrom && r.validTo && r.validTo < r.validFrom) ctx.addIssue({ code: 'custom', message: '終了日は開始日より後にしてください', path: ['validTo'] });
  });
export type ScheduleRule = z.infer<typeof scheduleRuleSchema>;

export const scheduleSchema = z.object({
  rules: z.array(scheduleRuleSchema),
  closedOnHolidays: z.boolean(), // 祝日は休み
  irregular: z.boolean(), // 不定期・要問合せ: rules may be empty
  note: z.string().max(500).optional(),
});
export type Schedule = z.infer<typeof scheduleSchema>;

// --- cost, capacity ------------------------------------------------------------------------

export const costSchema = z.object({
  kind: z.enum(['free', 'fixed', 'varies']), // fixed: amountYen per session; varies: see note
  amountYen: z.number().int().min(0).max(1_000_000).optional(),
  note: z.string().max(200).optional(),
});
export type Cost = z.infer<typeof costSchema>;

export const capacitySchema = z.object({
  capacity: z.number().int().min(1).max(100_000).optional(), // people per session
  availability: z.enum(['open', 'few', 'full', 'unknown']), // current availability
});
export type Capacity = z.infer<typeof capacitySchema>;

// --- organizations, areas, sites, menus ----------------------------------------------------

export const organizationSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(200),
  kana: z.string().max(200).optional(),
  kind: z.enum(ORGANIZATION_KINDS),
  corporateNumber: z
    .string()
    .refine(isValidCorporateNumber, '法人番号は13桁で、チェックディジットが正しい必要があります')
    .optional(),
  trusted: z.boolean().default(false), // changes publish without review
});
export type Organization = z.infer<typeof organizationSchema>;

export const lngLatSchema = z.tuple([
  z.number().min(122).max(154), // Japan's longitude range, with margin
  z.number().min(20).max(46), // Japan's latitude range, with margin
]);
export type LngLat = z.infer<typeof lngLatSchema>;

const polygonCoords = z.array(z.array(z.tuple([z.number(), z.number()])).min(4));
export const areaGeometrySchema = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: polygonCoords }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygonCoords) }),
]);
export type AreaGeometry = z.infer<typeof areaGeometrySchema>;

export const areaSchema = z.object({
  id: z.string().min(1),
  level: z.enum(AREA_LEVELS),
  name: z.string().min(1),
  kana: z.string().optional(),
  parentId: z.string().optional(),
  population: z.number().int().min(0).optional(),
  geometry: areaGeometrySchema,
});
export type Area = z.infer<typeof areaSchema>;

export const contactSchema = z.object({
  tel: z.string().regex(/^[0-9０-９+\-ー－() ]{6,20}$/, '電話番号の形式が正しくありません').optional(),
  email: z.email('メールアドレスの形式が正しくありません').optional(),
  url: z.url('URL の形式が正しくありません').optional(),
  hours: z.string().max(200).optional(), // 受付時間 in words
});
export type Contact = z.infer<typeof contactSchema>;

export const siteSchema = z.object({
  id: z.string().min(1),
  orgId: z.string().min(1),
  name: z.string().min(1, '名称を入力してください').max(200),
  kana: z.string().max(200), // reading, in hiragana or katakana
  categoryId: z.enum(CATEGORY_IDS as [CategoryId, ...CategoryId[]]),
  fields: z.array(z.enum(FIELDS)).min(1),
  /** WGS84 [lng, lat]. For a confidential site this point is never shown to the public. */
  location: lngLatSchema,
  address: z.string().max(300),
  municipalityCode: z.string().refine(isValidMunicipalityCode, '全国地方公共団体コードが正しくありません'),
  contact: contactSchema,
  access: z.string().max(500).optional(), // how to get there, in words
  accessibility: z.array(z.enum(ACCESSIBILITY)),
  description: z.string().max(2000),
  photoUrl: z.string().optional(),
  status: z.enum(LISTING_STATUSES),
  visibility: z.enum(VISIBILITIES),
  /** e.g. a shelter: the point is never public; only `publicContactSiteId` is shown instead */
  confidential: z.boolean(),
  publicContactSiteId: z.string().optional(),
  /** for help desks: the areas they serve (empty: the whole municipality) */
  serviceAreaIds: z.array(z.string()),
  lastVerified: isoDate, // 最終確認日
  updatedAt: z.string(),
}).superRefine((s, ctx) => {
  // a confidential site is reached through a public desk, never by its point
  if (s.confidential && !s.publicContactSiteId)
    ctx.addIssue({ code: 'custom', message: '非公開の場所には、代わりに案内する公開の窓口を指定してください', path: ['publicContactSiteId'] });
  if (!s.confidential && s.publicContactSiteId)
    ctx.addIssue({ code: 'custom', message: '案内先の窓口は非公開の場所にだけ指定できます', path: ['publicContactSiteId'] });
});
export type Site = z.infer<typeof siteSchema>;

export const menuSchema = z.object({
  id: z.string().min(1),
  siteId: z.string().nullable(), // null: outreach with no fixed site
  orgId: z.string().min(1),
  title: z.string().min(1, 'タイトルを入力してください').max(200),
  description: z.string().max(2000),
  needs: z.array(z.enum(NEEDS)).min(1, 'ニーズを1つ以上選んでください'),
  targets: z.array(z.enum(TARGETS)).min(1, '対象を1つ以上選んでください'),
  ageMin: z.number().int().min(0).max(120).optional(),
  ageMax: z.number().int().min(0).max(120).optional(),
  schedule: scheduleSchema,
  cost: costSchema,
  capacity: capacitySchema,
  ease: z.array(z.enum(EASE).exclude(['free'])),
  languages: z.array(z.enum(LANGUAGES)),
  serviceAreaIds: z.array(z.string()), // restriction: empty = anyone may come
  visibility: z.enum(VISIBILITIES),
  status: z.enum(LISTING_STATUSES),
  lastVerified: isoDate,
  updatedAt: z.string(),
}).superRefine((m, ctx) => {
  if (m.ageMin !== undefined && m.ageMax !== undefined && m.ageMin > m.ageMax)
    ctx.addIssue({ code: 'custom', message: '年齢の下限は上限以下にしてください', path: ['ageMax'] });
});
export type Menu = z.infer<typeof menuSchema>;

/** Everything a data source holds; also the JSON backup format (with a version). */
export const datasetSchema = z.object({
  version: z.literal(1),
  generatedAt: z.string(),
  label: z.string(), // e.g. 'デモデータ'
  organizations: z.array(organizationSchema),
  areas: z.array(areaSchema),
  sites: z.array(siteSchema),
  menus: z.array(menuSchema),
});
export type Dataset = z.infer<typeof datasetSchema>;
