// The editing port (../editor-port.ts) over Supabase: every method is one or two RPCs of
// supabase/migrations/20261128090000…090400 (docs/database.md "Editing, review and history").
// Postgres decides who may do what (the session's role, RLS and the security definer RPCs check
// it; `actor` only shapes what is asked); this class maps records to the domain's objects and the
// database's answers to the port's results:
// - PT409 (HTTP 409, a conflict on updated_at) → { status: 'conflict', current } with the current
//   version read again (the pending proposal if one waits, as the local source);
// - constraint errors after the domain schemas passed (unknown area ids, …) → 'invalid';
// - every other refusal → Error with the database's Japanese message.
import type {
  Actor,
  ChangeRequest,
  DuplicateMatch,
  EditorPort,
  ErrorReport,
  FieldIssue,
  Listing,
  ListingForEdit,
  ListingKind,
  ListingSummary,
  OrganizationSummary,
  ReportInput,
  ReviewResult,
  Revision,
  SaveInput,
  SaveResult,
} from '../editor-port';
import type { LngLat, Organization } from '../../domain/model';
import type { ChangeStatus, ReportKind, ReportStatus } from '../../domain/editing/types';
import { changedFields } from '../../domain/editing/diff';
import { STALE_AFTER_DAYS } from '../../domain/taxonomy';
import { menuToRecord, recordToMenu, recordToSite, siteToRecord } from './listing-records';
import type { RpcClient } from './rpc-client';
import { RowShapeError } from './rows';

/** what this class needs of supabase-js: `.rpc()` (the typed client, or a stand-in in tests) */
export type EditorRpcClient = RpcClient;

type Obj = Record<string, unknown>;

const SIGN_IN = 'この操作にはサインインが必要です';

class Refused extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: string | null | undefined,
  ) {
    super(message);
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const optStr = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));

function toListing(kind: ListingKind, record: unknown): Listing {
  return kind === 'site' ? recordToSite(record) : recordToMenu(record);
}

function toRecord(kind: ListingKind, listing: Listing): Obj {
  return kind === 'site' ? siteToRecord(listing as never) : menuToRecord(listing as never);
}

function toChange(row: unknown): ChangeRequest {
  if (typeof row !== 'object' || row === null) throw new RowShapeError('listing_changes', '(row)', row);
  const o = row as Obj;
  const kind = o.kind as ListingKind;
  const change: ChangeRequest = {
    id: str(o.id),
    kind,
    listingId: str(o.listing_id),
    orgId: str(o.organization_id),
    action: o.restored_from !== null && o.restored_from !== undefined ? 'restore' : (o.action as 'create' | 'update'),
    proposed: toListing(kind, o.proposed),
    baseUpdatedAt: (o.base_updated_at as string | null) ?? null,
    status: o.status as ChangeStatus,
    submittedBy: str(o.submitted_by),
    submittedAt: str(o.submitted_at),
  };
  const comment = optStr(o.comment);
  const reviewedBy = optStr(o.reviewed_by);
  const reviewedAt = optStr(o.reviewed_at);
  if (comment !== undefined) change.comment = comment;
  if (reviewedBy !== undefined) change.reviewedBy = reviewedBy;
  if (reviewedAt !== undefined) change.reviewedAt = reviewedAt;
  return change;
}

function toReport(row: unknown): ErrorReport {
  const o = row as Obj;
  const report: ErrorReport = {
    id: str(o.id),
    siteId: str(o.site_id),
    kind: o.kind as ReportKind,
    message: str(o.message),
    createdAt: str(o.created_at),
    status: o.status as ReportStatus,
  };
  const menuId = optStr(o.menu_id);
  const handledBy = optStr(o.moderated_by);
  const handledAt = optStr(o.moderated_at);
  if (menuId !== undefined) report.menuId = menuId;
  if (handledBy !== undefined) report.handledBy = handledBy;
  if (handledAt !== undefined) report.handledAt = handledAt;
  return report;
}

export class SupabaseEditor implements EditorPort {
  constructor(private readonly client: EditorRpcClient) {}

  private async call<T = unknown>(fn: string, args: Record<string, unknown> = {}): Promise<T> {
    const { data, error } = await this.client.rpc(fn, args);
    if (error) throw new Refused(error.code, error.message, error.details);
    return data as T;
  }

  private async rows(fn: string, args: Record<string, unknown> = {}): Promise<Obj[]> {
    const data = await this.call(fn, args);
    if (!Array.isArray(data)) throw new RowShapeError(fn, '(rows)', data);
    return data as Obj[];
  }

  /** the version a form must start from: the pending proposal if one waits, else the published one */
  private async currentVersion(kind: ListingKind, id: string): Promise<Listing | null> {
    const got = await this.call<Obj | null>('editor_listing', { kind, listing_id: id });
    if (!got) return null;
    const pending = got.pending as Obj | null;
    if (pending) return toListing(kind, pending.proposed);
    return got.published ? toListing(kind, got.published) : null;
  }

  /** the stored version (editor_listing: also drafts and staff-only rows that staff may edit but not read under RLS) */
  private async published(kind: ListingKind, id: string): Promise<Listing | null> {
    const got = await this.call<Obj | null>('editor_listing', { kind, listing_id: id });
    return got?.published ? toListing(kind, got.published) : null;
  }

  private async latestRevision(actor: Actor, kind: ListingKind, id: string): Promise<Revision> {
    const [latest] = await this.getHistory(actor, kind, id);
    if (!latest) throw new Error('履歴が見つかりません');
    return latest;
  }

  /** a conflict as a result; other refusals as the port's errors */
  private async refusal(e: unknown, kind: ListingKind, id: string): Promise<SaveResult> {
    if (!(e instanceof Refused)) throw e;
    if (e.code === 'PT409') {
      const current = await this.currentVersion(kind, id);
      if (current) return { status: 'conflict', current };
      throw new Error(e.message);
    }
    if (/^23/.test(e.code) || e.code === '22023' || e.code === '22P02') return { status: 'invalid', issues: [{ path: '', message: e.message }] };
    throw new Error(e.message);
  }

  private async applied(actor: Actor, kind: ListingKind, row: unknown): Promise<SaveResult> {
    const change = toChange(row);
    if (change.status !== 'approved') return { status: 'pending', change };
    const record = await this.published(kind, change.listingId);
    if (!record) throw new Error('保存した掲載が見つかりません');
    return { status: 'published', record, revision: await this.latestRevision(actor, kind, change.listingId) };
  }

  async listOrganizations(_actor: Actor): Promise<OrganizationSummary[]> {
    return (await this.rows('editor_organizations')).map((o) => ({
      id: str(o.id),
      name: str(o.name),
      kind: o.kind as Organization['kind'],
      trusted: o.trusted === true,
      listings: Number(o.listings),
    }));
  }

  async listListings(
    actor: Actor,
    options: { orgId?: string; staleOnly?: boolean; staleAfterDays?: number; limit?: number },
  ): Promise<ListingSummary[]> {
    if (actor.role === 'resident') throw new Error(SIGN_IN);
    // as the local source: staff and admins pick an organization unless they ask for the stale ones
    if ((actor.role === 'staff' || actor.role === 'admin') && !options.orgId && !options.staleOnly) throw new Error('団体を選んでください');
    const rows = await this.rows('editor_listings', {
      org_id: options.orgId ?? null,
      stale_only: options.staleOnly ?? false,
      stale_after_days: options.staleAfterDays ?? STALE_AFTER_DAYS,
      max_rows: options.limit ?? 2000,
    }).catch((e: unknown) => {
      throw e instanceof Refused ? new Error(e.message) : e;
    });
    return rows.map((o) => {
      const kind = o.kind as ListingKind;
      const summary: ListingSummary = {
        kind,
        id: str(o.id),
        orgId: str(o.organization_id),
        name: str(o.name),
        status: o.status as ListingSummary['status'],
        lastVerified: str(o.last_verified),
        updatedAt: str(o.updated_at),
        stale: o.stale === true,
        pendingChangeId: o.pending_change_id === null ? null : str(o.pending_change_id),
        rejected: o.rejected_change_id === null ? null : { changeId: str(o.rejected_change_id), comment: str(o.rejected_comment), at: str(o.rejected_at) },
        openReports: Number(o.open_reports),
      };
      if (kind === 'menu') summary.siteId = (o.site_id as string | null) ?? null;
      return summary;
    });
  }

  async getListing(actor: Actor, kind: ListingKind, id: string): Promise<ListingForEdit | null> {
    if (actor.role === 'resident') throw new Error(SIGN_IN);
    let got: Obj | null;
    try {
      got = await this.call<Obj | null>('editor_listing', { kind, listing_id: id });
    } catch (e) {
      throw e instanceof Refused ? new Error(e.message) : e;
    }
    if (!got) return null;
    const published = got.published ? toListing(kind, got.published) : null;
    const pending = got.pending ? toChange(got.pending) : null;
    const org = got.organization as Obj;
    return {
      kind,
      published,
      pending,
      current: pending?.proposed ?? (published as Listing),
      publishesDirectly: got.publishes_directly === true,
      organization: { id: str(org.id), name: str(org.name), trusted: org.trusted === true },
    };
  }

  async save(actor: Actor, input: SaveInput): Promise<SaveResult> {
    if (actor.role === 'resident') throw new Error(SIGN_IN);
    const { kind } = input;
    const creating = input.baseUpdatedAt === null;
    const id = creating ? `${kind}-${globalThis.crypto.randomUUID()}` : input.record.id;
    const record = { ...input.record, id } as Listing;
    const issues = await this.validate(kind, record);
    if (issues.length) return { status: 'invalid', issues };
    if (kind === 'site' && creating && !input.acknowledgeDuplicates) {
      const site = record as Extract<Listing, { location: LngLat }>;
      const matches = await this.findDuplicates(actor, { name: site.name, location: site.location, excludeId: site.id });
      if (matches.length) return { status: 'duplicates', matches };
    }
    try {
      const row = await this.call('submit_listing_change', { kind, record: toRecord(kind, record), base_updated_at: input.baseUpdatedAt });
      return await this.applied(actor, kind, row);
    } catch (e) {
      return this.refusal(e, kind, id);
    }
  }

  private async validate(kind: ListingKind, record: Listing): Promise<FieldIssue[]> {
    const { siteSchema, menuSchema } = await import('../../domain/model');
    const result = kind === 'site' ? siteSchema.safeParse(record) : menuSchema.safeParse(record);
    return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  }

  async verify(actor: Actor, kind: ListingKind, id: string, baseUpdatedAt: string): Promise<SaveResult> {
    if (actor.role === 'resident') throw new Error(SIGN_IN);
    try {
      const record = toListing(kind, await this.call('confirm_listing_unchanged', { kind, listing_id: id, base_updated_at: baseUpdatedAt }));
      return { status: 'published', record, revision: await this.latestRevision(actor, kind, id) };
    } catch (e) {
      // only a conflict is a result here (there is no record to be invalid)
      if (e instanceof Refused && e.code !== 'PT409') throw new Error(e.message);
      return this.refusal(e, kind, id);
    }
  }

  async findDuplicates(_actor: Actor, candidate: { name: string; location: LngLat; excludeId?: string }): Promise<DuplicateMatch[]> {
    if (!candidate.name.trim()) return [];
    const rows = await this.rows('find_duplicate_sites', {
      name: candidate.name,
      lng: candidate.location[0],
      lat: candidate.location[1],
      exclude_id: candidate.excludeId ?? null,
    }).catch((e: unknown) => {
      throw e instanceof Refused ? new Error(e.message) : e;
    });
    return rows.map((o) => ({ id: str(o.id), name: str(o.site_name), distanceM: Number(o.distance_m), similarity: Number(o.similarity) }));
  }

  async listChanges(_actor: Actor, options: { status?: ChangeStatus; listingId?: string } = {}): Promise<ChangeRequest[]> {
    const rows = await this.rows('editor_changes', { status: options.status ?? null, listing_id: options.listingId ?? null }).catch((e: unknown) => {
      throw e instanceof Refused ? new Error(e.message) : e;
    });
    return rows.map(toChange);
  }

  async getChange(_actor: Actor, id: string): Promise<{ change: ChangeRequest; published: Listing | null } | null> {
    if (!/^\d+$/.test(id)) return null;
    const [row] = await this.rows('editor_changes', { change_id: Number(id) });
    if (!row) return null;
    const change = toChange(row);
    return { change, published: await this.published(change.kind, change.listingId) };
  }

  async review(actor: Actor, changeId: string, decision: 'approve' | 'reject', comment?: string): Promise<ReviewResult> {
    if (actor.role !== 'staff' && actor.role !== 'admin') throw new Error('この操作は職員・管理者だけができます');
    try {
      if (decision === 'reject') {
        const change = toChange(await this.call('reject_listing_change', { change_id: Number(changeId), comment: comment ?? '' }));
        return { status: 'rejected', change };
      }
      const change = toChange(await this.call('approve_listing_change', { change_id: Number(changeId) }));
      return { status: 'approved', change, revision: await this.latestRevision(actor, change.kind, change.listingId) };
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
      const got = e.code === 'PT409' ? await this.getChange(actor, changeId) : null;
      // still waiting: the listing changed since the proposal (an already decided request is an error)
      if (got && got.change.status === 'pending') return { status: 'conflict', current: got.published, change: got.change };
      throw new Error(e.message);
    }
  }

  async withdraw(_actor: Actor, changeId: string): Promise<ChangeRequest> {
    try {
      return toChange(await this.call('withdraw_listing_change', { change_id: Number(changeId) }));
    } catch (e) {
      throw e instanceof Refused ? new Error(e.message) : e;
    }
  }

  async getHistory(_actor: Actor, kind: ListingKind, id: string): Promise<Revision[]> {
    const rows = await this.rows('listing_history', { kind, listing_id: id }).catch((e: unknown) => {
      throw e instanceof Refused ? new Error(e.message) : e;
    });
    const out: Revision[] = [];
    for (const o of rows) {
      if (!o.after) continue; // a deletion: the port's history shows versions
      const after = toListing(kind, o.after);
      const before = o.before ? toListing(kind, o.before) : null;
      const action = o.action === 'delete' ? 'update' : (o.action as Revision['action']);
      const revision: Revision = {
        id: str(o.revision_id),
        kind,
        listingId: id,
        orgId: after.orgId,
        action,
        by: str(o.changed_by),
        at: str(o.changed_at),
        changedFields: changedFields(before, after),
        before,
        after,
      };
      if (o.approved_by) revision.approvedBy = str(o.approved_by);
      if (o.change_id !== null && o.change_id !== undefined) revision.changeId = str(o.change_id);
      out.push(revision);
    }
    return out;
  }

  async restore(actor: Actor, revisionId: string, baseUpdatedAt: string): Promise<SaveResult> {
    if (actor.role === 'resident') throw new Error(SIGN_IN);
    let row: unknown;
    try {
      row = await this.call('restore_listing_revision', { revision_id: Number(revisionId), base_updated_at: baseUpdatedAt });
    } catch (e) {
      if (e instanceof Refused && e.code === 'PT409') {
        // DETAIL is the current record: its id, and its kind by its keys
        const current = this.detailRecord(e);
        if (current) return this.refusal(e, 'lng' in current ? 'site' : 'menu', str(current.id));
      }
      throw e instanceof Refused ? new Error(e.message) : e;
    }
    return this.applied(actor, (row as Obj).kind as ListingKind, row);
  }

  private detailRecord(e: Refused): Obj | null {
    try {
      const v: unknown = JSON.parse(e.details ?? 'null');
      return typeof v === 'object' && v !== null && 'id' in v ? (v as Obj) : null;
    } catch {
      return null;
    }
  }

  async submitReport(input: ReportInput): Promise<ErrorReport> {
    try {
      const id = await this.call('report_listing_error', {
        site_id: input.siteId,
        kind: input.kind,
        message: input.message,
        menu_id: input.menuId ?? null,
      });
      const report: ErrorReport = {
        id: str(id),
        siteId: input.siteId,
        kind: input.kind,
        message: input.message.trim(),
        createdAt: new Date().toISOString(),
        status: 'open',
      };
      if (input.menuId) report.menuId = input.menuId;
      return report;
    } catch (e) {
      throw e instanceof Refused ? new Error(e.message) : e;
    }
  }

  async listReports(_actor: Actor, options: { status?: ReportStatus; siteId?: string } = {}): Promise<ErrorReport[]> {
    const rows = await this.rows('editor_reports', { status: options.status ?? null, site_id: options.siteId ?? null }).catch((e: unknown) => {
      throw e instanceof Refused ? new Error(e.message) : e;
    });
    return rows.map(toReport);
  }

  async setReportStatus(_actor: Actor, id: string, status: Exclude<ReportStatus, 'open'>): Promise<ErrorReport> {
    try {
      return toReport(await this.call('moderate_error_report', { report_id: Number(id), new_status: status }));
    } catch (e) {
      throw e instanceof Refused ? new Error(e.message) : e;
    }
  }
}
