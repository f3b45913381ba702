// The case port (src/data/case-port.ts) over Supabase: one security definer RPC per method
// (docs/database.md "Case data"). The database decides who may read what (the signed-in user's
// token: their team's cases, admins all) and writes the audit log of every read and write; nobody
// can select the case tables directly. This module only maps the answers and turns refusals into
// CaseAccessError. Loaded on demand (a chunk of its own, see lazy.ts).
import { caseSchema, coarsenPoint, type Home } from '../../domain/case/model';
import { checkNoteText, isActiveReferral } from '../../domain/case/referral';
import type { UnmetSummaryRow } from '../../domain/case/unmet-summary';
import type { UnmetNeed } from '../../domain/matching/types';
import { todayInJapan } from '../../domain/schedule/dates';
import type { Json } from '../../lib/database.types';
import {
  assertCaseActor,
  CaseAccessError,
  type Actor,
  type AuditEntry,
  type CasePort,
  type CaseRecord,
  type CaseUpdate,
  type FollowUp,
  type NewCase,
  type NewReferral,
  type Referral,
  type ReferralUpdate,
  type ShortlistItem,
  type StaffCatalog,
  type TimelineEntry,
  type UnmetNeedRecord,
} from '../case-port';
import { getAreas, type KasaneClient } from './fetchers';
import { RowShapeError, toStaffCatalog } from './rows';

type Obj = Record<string, unknown>;

/** what the RPCs return, checked at the boundary (a wrong shape is a schema drift) */
function obj(v: unknown, what: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new RowShapeError(what, '(row)', v);
  return v as Obj;
}
function list(v: unknown, what: string): unknown[] {
  if (!Array.isArray(v)) throw new RowShapeError(what, '(list)', v);
  return v;
}
function has<T>(v: unknown, what: string, keys: readonly string[]): T {
  const o = obj(v, what);
  for (const k of keys) if (!(k in o)) throw new RowShapeError(what, k, undefined);
  return o as T;
}

const RECORD_KEYS = ['id', 'createdAt', 'updatedAt'] as const;
function toCaseRecord(v: unknown): CaseRecord {
  const o = has<Obj>(v, 'case', RECORD_KEYS);
  const parsed = caseSchema.safeParse({ code: o.code, teamId: o.teamId, status: o.status, home: o.home, constraints: o.constraints, members: o.members, openedOn: o.openedOn });
  if (!parsed.success) throw new RowShapeError('case', parsed.error.issues[0]?.path.join('.') ?? '(case)', o);
  return { ...parsed.data, id: String(o.id), createdAt: String(o.createdAt), updatedAt: String(o.updatedAt) };
}
const toReferral = (v: unknown) => has<Referral>(v, 'referral', ['id', 'caseId', 'teamId', 'memberId', 'menuId', 'siteId', 'menuTitle', 'siteName', 'status', 'reason', 'nextFollowUp', 'history', 'createdAt', 'updatedAt']);
const toFollowUp = (v: unknown) => has<FollowUp>(toReferral(v), 'follow-up', ['caseCode']);
const toTimelineEntry = (v: unknown) => has<TimelineEntry>(v, 'timeline', ['id', 'caseId', 'at', 'by', 'kind', 'memberId', 'text', 'referralId', 'status']);
const toShortlistItem = (v: unknown) => has<ShortlistItem>(v, 'shortlist', ['caseId', 'memberId', 'menuId', 'addedAt', 'addedBy']);
const toUnmetRecord = (v: unknown) => has<UnmetNeedRecord>(v, 'unmet need', ['id', 'caseId', 'teamId', 'memberId', 'need', 'areaId', 'blockingConstraint', 'date', 'recordedAt', 'recordedBy']);
const toSummaryRow = (v: unknown) => has<UnmetSummaryRow>(v, 'unmet summary', ['need', 'areaId', 'blockingConstraint', 'count', 'ownCount']);
const toAuditEntry = (v: unknown) => has<AuditEntry>(v, 'audit', ['id', 'at', 'actorId', 'actorRole', 'actorTeamId', 'action', 'entity', 'entityId', 'caseId']);

/** a home as stored: a point is snapped to the ~100 m grid first (the database refuses a finer one) */
function coarseHome(home: Home): Home {
  return home.kind === 'point' ? { ...home, point: coarsenPoint(home.point) } : home;
}

/** the largest audit page the RPC returns */
const MAX_AUDIT_ROWS = 1000;

export class SupabaseCasePort implements CasePort {
  readonly kind = 'supabase' as const;

  constructor(
    private readonly client: KasaneClient,
    readonly actor: Actor,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Calls one case RPC. Refusals (42501: not staff or admin, another team's case) become
   * CaseAccessError; other errors carry the database's Japanese message.
   */
  private async call(fn: string, args: Record<string, unknown>): Promise<unknown> {
    // the generated client types every RPC; the case RPCs all take and return json
    const rpc = this.client.rpc as unknown as (fn: string, args: Record<string, unknown>) => PromiseLike<{ data: unknown; error: { code: string; message: string; hint?: string } | null }>;
    const { data, error } = await rpc.call(this.client, fn, args);
    if (error) {
      if (error.code === '42501') throw new CaseAccessError(error.message);
      throw new Error(error.message, { cause: { fn, code: error.code, hint: error.hint } });
    }
    return data;
  }

  private today(): string {
    return todayInJapan(this.now());
  }

  // --- cases ---
  async listCases(): Promise<CaseRecord[]> {
    return list(await this.call('list_cases', {}), 'cases').map(toCaseRecord);
  }

  async getCase(id: string): Promise<CaseRecord | null> {
    const v = await this.call('get_case', { case_id: id });
    return v === null ? null : toCaseRecord(v);
  }

  async createCase(input: NewCase): Promise<CaseRecord> {
    // as the local store: a case belongs to the team of the staff member who opens it
    if (this.actor.role !== 'staff') throw new CaseAccessError('ケースは参加支援チームの担当者が作成します');
    const c = { home: coarseHome(input.home), constraints: input.constraints, members: input.members };
    return toCaseRecord(await this.call('create_case', { c: c as Json }));
  }

  async updateCase(id: string, update: CaseUpdate): Promise<CaseRecord> {
    const c = update.home ? { ...update, home: coarseHome(update.home) } : update;
    return toCaseRecord(await this.call('update_case', { case_id: id, c: c as Json }));
  }

  // --- referrals ---
  async listReferrals(caseId: string): Promise<Referral[]> {
    return list(await this.call('case_referrals', { case_id: caseId }), 'referrals').map(toReferral);
  }

  async createReferral(caseId: string, input: NewReferral): Promise<Referral> {
    if (input.nextFollowUp < this.today()) throw new Error('次回のフォロー日は今日以降にしてください');
    // the title and site name are taken from the published menu by the database
    return toReferral(await this.call('create_referral', { case_id: caseId, member_id: input.memberId, menu_id: input.menuId, next_follow_up: input.nextFollowUp }));
  }

  async updateReferral(id: string, update: ReferralUpdate): Promise<Referral> {
    if (isActiveReferral(update.status) && update.nextFollowUp !== null && update.nextFollowUp < this.today()) {
      throw new Error('次回のフォロー日は今日以降にしてください');
    }
    // the database checks the transition, the reason code and the follow-up date
    return toReferral(await this.call('update_referral', { referral_id: id, status: update.status, reason_code: update.reason, next_follow_up: update.nextFollowUp }));
  }

  async listFollowUps(until: string): Promise<FollowUp[]> {
    return list(await this.call('follow_ups_due', { until_date: until }), 'follow-ups').map(toFollowUp);
  }

  // --- notes and timeline ---
  async addNote(caseId: string, text: string, memberId: string | null = null): Promise<TimelineEntry> {
    const problem = checkNoteText(text);
    if (problem) throw new Error(problem);
    return toTimelineEntry(await this.call('add_case_note', { case_id: caseId, body: text.trim(), member_id: memberId }));
  }

  async getTimeline(caseId: string): Promise<TimelineEntry[]> {
    return list(await this.call('case_timeline', { case_id: caseId }), 'timeline').map(toTimelineEntry);
  }

  // --- shortlist ---
  async getShortlist(caseId: string): Promise<ShortlistItem[]> {
    return list(await this.call('case_shortlist', { case_id: caseId }), 'shortlist').map(toShortlistItem);
  }

  async addToShortlist(caseId: string, memberId: string, menuId: string): Promise<void> {
    await this.call('set_shortlisted', { case_id: caseId, member_id: memberId, menu_id: menuId, shortlisted: true });
  }

  async removeFromShortlist(caseId: string, memberId: string, menuId: string): Promise<void> {
    await this.call('set_shortlisted', { case_id: caseId, member_id: memberId, menu_id: menuId, shortlisted: false });
  }

  // --- unmet needs ---
  async recordUnmetNeeds(caseId: string, needs: readonly UnmetNeed[]): Promise<UnmetNeedRecord[]> {
    if (needs.length === 0) return [];
    return list(await this.call('record_unmet_needs', { case_id: caseId, records: needs as unknown as Json }), 'unmet needs').map(toUnmetRecord);
  }

  async listUnmetNeeds(caseId: string): Promise<UnmetNeedRecord[]> {
    return list(await this.call('case_unmet_needs', { case_id: caseId }), 'unmet needs').map(toUnmetRecord);
  }

  async getUnmetSummary(): Promise<UnmetSummaryRow[]> {
    return list(await this.call('unmet_needs_summary', {}), 'unmet summary').map(toSummaryRow);
  }

  // --- audit ---
  async listAudit(options: { caseId?: string; limit?: number } = {}): Promise<AuditEntry[]> {
    const maxRows = Math.max(1, Math.min(MAX_AUDIT_ROWS, Math.floor(options.limit ?? 500)));
    return list(await this.call('case_audit', { case_id: options.caseId ?? null, max_rows: maxRows }), 'audit').map(toAuditEntry);
  }

  // --- matching catalog (not case data: not audited) ---
  async getStaffCatalog(signal?: AbortSignal): Promise<StaffCatalog> {
    const [catalog, areas] = await Promise.all([this.call('staff_catalog', {}), getAreas(this.client, signal)]);
    return { ...toStaffCatalog(catalog), areas };
  }
}

/** Opens the case port for an actor; refuses anyone but staff with a team and admins (CaseAccessError). */
export async function openSupabaseCasePort(client: KasaneClient, actor: Actor): Promise<SupabaseCasePort> {
  assertCaseActor(actor);
  return new SupabaseCasePort(client, actor);
}
