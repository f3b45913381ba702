// The editing port (../editor-port.ts) for the local source: runs in the data worker beside
// LocalCore, which hands it the dataset and republishes the public view when a change is applied.
// Change requests, revisions and error reports live in IndexedDB beside the dataset; each edit's
// records are written in one transaction before anything changes in memory, so a failed write
// changes nothing. Mutations run one at a time (a queue), so two saves cannot both pass the
// updatedAt check. Schema validation is given by the caller (`validate`, validate-listing.ts): the
// proxy validates on the main thread before a save reaches the worker, which never loads zod.
import type { Dataset, LngLat, Menu, Site } from '../../domain/model';
import type {
  ChangeRequest,
  ErrorReport,
  Listing,
  ListingKind,
  ReportKind,
  Revision,
  RevisionAction,
} from '../../domain/editing/types';
import { REPORT_KINDS } from '../../domain/editing/types';
import { changedFields } from '../../domain/editing/diff';
import { checkReportText, REPORT_TEXT_ERRORS } from '../../domain/editing/report-text';
import { findDuplicates, type Placed } from '../../domain/import/duplicates';
import { isStale } from '../../domain/freshness';
import { todayInJapan } from '../../domain/schedule/dates';
import { STALE_AFTER_DAYS } from '../../domain/taxonomy';
import type {
  Actor,
  DuplicateMatch,
  EditorPort,
  FieldIssue,
  ListingForEdit,
  ListingSummary,
  OrganizationSummary,
  ReportInput,
  ReviewResult,
  SaveInput,
  SaveResult,
} from '../editor-port';
import { StaleWriteError, type LocalStore, type RecordPut, type WriteGuard } from './idb-store';
import { isPublicSite } from './public-view';

/** what the editor needs from LocalCore */
export type EditorHost = {
  dataset(): Promise<Dataset>;
  /** null when IndexedDB is unavailable (edits last until reload) */
  store(): LocalStore | null;
  /** the dataset with an applied change: the public view (points, index, site pages) is rebuilt from it */
  replace(next: Dataset): void;
  /** after every successful write: the other tabs reload */
  written?(): void;
};

export type EditorCoreOptions = {
  /** the clock (tests fix it) */
  now?: () => Date;
  /** id generator (tests make ids predictable) */
  newId?: (prefix: string) => string;
  /** schema validation of a record to save (validate-listing.ts); absent in the worker, whose caller validates */
  validate?: (kind: ListingKind, record: Listing) => Promise<FieldIssue[]>;
};

type State = {
  changes: Map<string, ChangeRequest>;
  revisions: Revision[];
  reports: Map<string, ErrorReport>;
};

const FORBIDDEN = 'この掲載を編集する権限がありません';
const STAFF_ONLY = 'この操作は職員・管理者だけができます';
const SIGN_IN = 'この操作にはサインインが必要です';

const ALREADY_HANDLED = 'この申請は、ほかの画面で先に処理されたか変更されています。一覧を読み込み直してください';

/** a pending change is still the same pending change when its proposal's token is unchanged */
const guardOf = (c: ChangeRequest): WriteGuard => ({ kind: c.kind, id: c.listingId, expected: c.proposed.updatedAt });

function conflictOrGone(current: Listing | null): SaveResult {
  if (!current) throw new Error('この掲載は見つかりません（削除されたか、ID が違います）');
  return { status: 'conflict', current };
}

const isStaff = (a: Actor) => a.role === 'staff' || a.role === 'admin';

function canEdit(actor: Actor, orgId: string): boolean {
  if (isStaff(actor)) return true;
  return actor.role === 'coordinator' && actor.organizationIds.includes(orgId);
}

function listingsOf(ds: Dataset, kind: ListingKind): Listing[] {
  return kind === 'site' ? ds.sites : ds.menus;
}

function nameOf(l: Listing): string {
  return 'name' in l ? l.name : l.title;
}

function withRecord(ds: Dataset, kind: ListingKind, record: Listing): Dataset {
  if (kind === 'site') {
    const site = record as Site;
    const i = ds.sites.findIndex((s) => s.id === site.id);
    const sites = i < 0 ? [...ds.sites, site] : ds.sites.map((s, k) => (k === i ? site : s));
    return { ...ds, sites };
  }
  const menu = record as Menu;
  const i = ds.menus.findIndex((m) => m.id === menu.id);
  const menus = i < 0 ? [...ds.menus, menu] : ds.menus.map((m, k) => (k === i ? menu : m));
  return { ...ds, menus };
}

const put = (kind: ListingKind, value: Listing): RecordPut =>
  kind === 'site'
    ? { store: 'sites', value: value as Site }
    : { store: 'menus', value: value as Menu };

export class LocalEditorCore implements EditorPort {
  private state: Promise<State> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private lastStamp = 0;

  constructor(
    private readonly host: EditorHost,
    private readonly options: EditorCoreOptions = {},
  ) {}

  /** The dataset was replaced (restore, reset): the editing records were cleared with it. */
  forget(): void {
    this.state = null;
  }

  private load(): Promise<State> {
    this.state ??= (async () => {
      await this.host.dataset(); // the store opens while the dataset loads
      const store = this.host.store();
      const rec = store ? await store.loadEditing() : { changes: [], revisions: [], reports: [] };
      return {
        changes: new Map(rec.changes.map((c) => [c.id, c])),
        revisions: rec.revisions,
        reports: new Map(rec.reports.map((r) => [r.id, r])),
      };
    })();
    return this.state;
  }

  /** runs mutations one after another */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** an ISO timestamp later than every one handed out before: a token never repeats */
  private stamp(): string {
    const t = Math.max(this.now().getTime(), this.lastStamp + 1);
    this.lastStamp = t;
    return new Date(t).toISOString();
  }

  private today(): string {
    return todayInJapan(this.now());
  }

  private id(prefix: string): string {
    return this.options.newId?.(prefix) ?? `${prefix}-${crypto.randomUUID()}`;
  }

  private async persist(puts: RecordPut[], ds: Dataset, guard?: WriteGuard): Promise<void> {
    await this.host.store()?.write(puts, { version: ds.version, generatedAt: ds.generatedAt, label: ds.label }, guard);
    this.host.written?.();
  }

  /**
   * Another tab saved first (its worker wrote to the same IndexedDB): take the stored version into
   * memory, reload the editing records, and return what is current now.
   */
  private async catchUp(e: StaleWriteError, kind: ListingKind, ds: Dataset): Promise<Listing | null> {
    if (e.stored) this.host.replace(withRecord(ds, kind, e.stored));
    this.state = null;
    await this.load();
    return e.pending?.proposed ?? e.stored;
  }

  /** persist with a guard; on a stale write, the current version (the caller answers `conflict`) */
  private async persistGuarded(puts: RecordPut[], ds: Dataset, guard: WriteGuard): Promise<{ stale: Listing | null } | null> {
    try {
      await this.persist(puts, ds, guard);
      return null;
    } catch (e) {
      if (!(e instanceof StaleWriteError)) throw e;
      return { stale: await this.catchUp(e, guard.kind, ds) };
    }
  }

  private pendingFor(st: State, kind: ListingKind, id: string): ChangeRequest | null {
    for (const c of st.changes.values())
      if (c.status === 'pending' && c.kind === kind && c.listingId === id) return c;
    return null;
  }

  private publishesDirectly(actor: Actor, ds: Dataset, orgId: string): boolean {
    if (isStaff(actor)) return true;
    return (
      actor.role === 'coordinator' && Boolean(ds.organizations.find((o) => o.id === orgId)?.trusted)
    );
  }

  // --- reads ---------------------------------------------------------------------------------

  async listOrganizations(): Promise<OrganizationSummary[]> {
    const ds = await this.host.dataset();
    const counts = new Map<string, number>();
    for (const l of [...ds.sites, ...ds.menus]) counts.set(l.orgId, (counts.get(l.orgId) ?? 0) + 1);
    return ds.organizations.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      trusted: o.trusted,
      listings: counts.get(o.id) ?? 0,
    }));
  }

  async listListings(
    actor: Actor,
    options: { orgId?: string; staleOnly?: boolean; staleAfterDays?: number; limit?: number } = {},
  ): Promise<ListingSummary[]> {
    if (actor.role === 'resident') throw new Error(SIGN_IN);
    const [ds, st] = await Promise.all([this.host.dataset(), this.load()]);
    let orgs: Set<string> | null;
    if (isStaff(actor)) orgs = options.orgId ? new Set([options.orgId]) : null;
    else
      orgs = new Set(actor.organizationIds.filter((id) => !options.orgId || id === options.orgId));
    if (orgs === null && !options.staleOnly) throw new Error('団体を選んでください');
    const today = this.today();
    const after = options.staleAfterDays ?? STALE_AFTER_DAYS;

    const latestDecision = new Map<string, ChangeRequest>();
    const pending = new Map<string, ChangeRequest>();
    for (const c of st.changes.values()) {
      const key = `${c.kind}:${c.listingId}`;
      if (c.status === 'pending') pending.set(key, c);
      const prev = latestDecision.get(key);
      if (!prev || c.submittedAt > prev.submittedAt) latestDecision.set(key, c);
    }
    const reports = new Map<string, number>();
    for (const r of st.reports.values()) {
      if (r.status !== 'open') continue;
      const key = r.menuId ? `menu:${r.menuId}` : `site:${r.siteId}`;
      reports.set(key, (reports.get(key) ?? 0) + 1);
    }
    const out: ListingSummary[] = [];
    const add = (kind: ListingKind, l: Listing) => {
      if (orgs && !orgs.has(l.orgId)) return;
      const stale = isStale(l.lastVerified, today, after);
      if (options.staleOnly && !stale) return;
      const key = `${kind}:${l.id}`;
      const last = latestDecision.get(key);
      out.push({
        kind,
        id: l.id,
        orgId: l.orgId,
        name: nameOf(l),
        ...(kind === 'menu' ? { siteId: (l as Menu).siteId } : {}),
        status: l.status,
        lastVerified: l.lastVerified,
        updatedAt: pending.get(key)?.proposed.updatedAt ?? l.updatedAt,
        stale,
        pendingChangeId: pending.get(key)?.id ?? null,
        rejected:
          last?.status === 'rejected'
            ? {
                changeId: last.id,
                comment: last.comment ?? '',
                at: last.reviewedAt ?? last.submittedAt,
              }
            : null,
        openReports: reports.get(key) ?? 0,
      });
    };
    for (const s of ds.sites) add('site', s);
    for (const m of ds.menus) add('menu', m);
    // new listings that wait for their first approval
    for (const c of pending.values()) if (c.action === 'create') add(c.kind, c.proposed);
    out.sort((a, b) => a.name.localeCompare(b.name, 'ja') || a.id.localeCompare(b.id));
    return out.slice(0, options.limit ?? 2000);
  }

  async getListing(actor: Actor, kind: ListingKind, id: string): Promise<ListingForEdit | null> {
    const [ds, st] = await Promise.all([this.host.dataset(), this.load()]);
    const published = listingsOf(ds, kind).find((l) => l.id === id) ?? null;
    const pending = this.pendingFor(st, kind, id);
    const current = pending?.proposed ?? published;
    if (!current) return null;
    if (!canEdit(actor, current.orgId)) throw new Error(FORBIDDEN);
    const org = ds.organizations.find((o) => o.id === current.orgId);
    return {
      kind,
      published,
      pending,
      current,
      publishesDirectly: this.publishesDirectly(actor, ds, current.orgId),
      organization: { id: current.orgId, name: org?.name ?? '', trusted: org?.trusted ?? false },
    };
  }

  async findDuplicates(
    actor: Actor,
    candidate: { name: string; location: LngLat; excludeId?: string },
  ): Promise<DuplicateMatch[]> {
    if (actor.role === 'resident') throw new Error(SIGN_IN);
    const [ds, st] = await Promise.all([this.host.dataset(), this.load()]);
    const pool: Placed[] = [
      ...ds.sites,
      ...[...st.changes.values()]
        .filter((c) => c.status === 'pending' && c.kind === 'site' && c.action === 'create')
        .map((c) => c.proposed as Site),
    ];
    const id = candidate.excludeId ?? '\u0000candidate';
    return findDuplicates([{ id, name: candidate.name, location: candidate.location }], pool).map(
      (d) => ({
        id: d.other.id,
        name: d.other.name,
        distanceM: Math.round(d.distanceM),
        similarity: d.similarity,
      }),
    );
  }

  // --- saving --------------------------------------------------------------------------------

  save(actor: Actor, input: SaveInput): Promise<SaveResult> {
    return this.exclusive(() =>
      this.saveNow(actor, input, input.baseUpdatedAt === null ? 'create' : 'update'),
    );
  }

  private async saveNow(
    actor: Actor,
    input: SaveInput,
    action: ChangeRequest['action'],
  ): Promise<SaveResult> {
    if (actor.role === 'resident') throw new Error(SIGN_IN);
    const [ds, st] = await Promise.all([this.host.dataset(), this.load()]);
    const { kind } = input;
    const creating = action === 'create';
    const id = creating ? this.id(kind) : input.record.id;
    const published = creating ? null : (listingsOf(ds, kind).find((l) => l.id === id) ?? null);
    const pending = creating ? null : this.pendingFor(st, kind, id);
    const current = pending?.proposed ?? published;
    if (!creating && !current)
      throw new Error('この掲載は見つかりません（削除されたか、ID が違います）');
    if ((current && !canEdit(actor, current.orgId)) || !canEdit(actor, input.record.orgId))
      throw new Error(FORBIDDEN);
    if (current && current.updatedAt !== input.baseUpdatedAt)
      return { status: 'conflict', current };

    const at = this.stamp();
    const record = { ...input.record, id, updatedAt: at } as Listing;
    // schema checks: the proxy's (worker-source.ts) or LocalDataSource's `validate`; zod stays out of the worker
    const issues = (await this.options.validate?.(kind, record)) ?? [];
    if (!ds.organizations.some((o) => o.id === record.orgId))
      issues.push({ path: 'orgId', message: '団体が見つかりません' });
    if (kind === 'menu') {
      const siteId = (record as Menu).siteId;
      if (siteId !== null && !ds.sites.some((s) => s.id === siteId))
        issues.push({ path: 'siteId', message: '場所が見つかりません' });
    }
    if (issues.length) return { status: 'invalid', issues };

    if (kind === 'site' && creating && !input.acknowledgeDuplicates) {
      const site = record as Site;
      const matches = await this.findDuplicates(actor, {
        name: site.name,
        location: site.location,
        excludeId: site.id,
      });
      if (matches.length) return { status: 'duplicates', matches };
    }

    if (this.publishesDirectly(actor, ds, record.orgId)) {
      // a change that waited is absorbed: the editor started from the proposal
      const absorbed: ChangeRequest | null = pending
        ? {
            ...pending,
            status: 'approved',
            reviewedBy: actor.userId,
            reviewedAt: at,
            comment: pending.comment ?? '編集して公開',
          }
        : null;
      const revision = this.revision(
        kind,
        action,
        actor.userId,
        at,
        published,
        record,
        absorbed?.id,
      );
      const next = withRecord(ds, kind, record);
      const stale = await this.persistGuarded(
        [
          put(kind, record),
          { store: 'revisions', value: revision },
          ...(absorbed ? [{ store: 'changes' as const, value: absorbed }] : []),
        ],
        ds,
        { kind, id, expected: current?.updatedAt ?? null },
      );
      if (stale) return conflictOrGone(stale.stale);
      if (absorbed) st.changes.set(absorbed.id, absorbed);
      st.revisions.push(revision);
      this.host.replace(next);
      return { status: 'published', record, revision };
    }

    const change: ChangeRequest = pending
      ? {
          ...pending,
          proposed: record,
          submittedBy: actor.userId,
          submittedAt: at,
          action: pending.action === 'create' ? 'create' : action,
        }
      : {
          id: this.id('change'),
          kind,
          listingId: id,
          orgId: record.orgId,
          action,
          proposed: record,
          baseUpdatedAt: published?.updatedAt ?? null,
          status: 'pending',
          submittedBy: actor.userId,
          submittedAt: at,
        };
    const stale = await this.persistGuarded([{ store: 'changes', value: change }], ds, { kind, id, expected: current?.updatedAt ?? null });
    if (stale) return conflictOrGone(stale.stale);
    st.changes.set(change.id, change);
    return { status: 'pending', change };
  }

  private revision(
    kind: ListingKind,
    action: RevisionAction,
    by: string,
    at: string,
    before: Listing | null,
    after: Listing,
    changeId?: string,
    approvedBy?: string,
  ): Revision {
    return {
      id: this.id('revision'),
      kind,
      listingId: after.id,
      orgId: after.orgId,
      action,
      by,
      at,
      ...(approvedBy ? { approvedBy } : {}),
      ...(changeId ? { changeId } : {}),
      changedFields: changedFields(before, after),
      before,
      after,
    };
  }

  verify(actor: Actor, kind: ListingKind, id: string, baseUpdatedAt: string): Promise<SaveResult> {
    return this.exclusive(async () => {
      if (actor.role === 'resident') throw new Error(SIGN_IN);
      const [ds, st] = await Promise.all([this.host.dataset(), this.load()]);
      const published = listingsOf(ds, kind).find((l) => l.id === id) ?? null;
      const pending = this.pendingFor(st, kind, id);
      const current = pending?.proposed ?? published;
      if (!current) throw new Error('この掲載は見つかりません（削除されたか、ID が違います）');
      if (!canEdit(actor, current.orgId)) throw new Error(FORBIDDEN);
      if (!published) throw new Error('承認前の新しい掲載は、確認済みにできません');
      if (current.updatedAt !== baseUpdatedAt) return { status: 'conflict', current };
      const today = this.today();
      const at = this.stamp();
      const record = { ...published, lastVerified: today, updatedAt: at } as Listing;
      const revision = this.revision(kind, 'verify', actor.userId, at, published, record);
      // a waiting proposal is rebased on the confirmed version (only the date differs)
      const rebased: ChangeRequest | null = pending
        ? {
            ...pending,
            baseUpdatedAt: at,
            proposed: {
              ...pending.proposed,
              lastVerified: today,
              updatedAt: this.stamp(),
            } as Listing,
          }
        : null;
      const stale = await this.persistGuarded(
        [
          put(kind, record),
          { store: 'revisions', value: revision },
          ...(rebased ? [{ store: 'changes' as const, value: rebased }] : []),
        ],
        ds,
        { kind, id, expected: current.updatedAt },
      );
      if (stale) return conflictOrGone(stale.stale);
      if (rebased) st.changes.set(rebased.id, rebased);
      st.revisions.push(revision);
      this.host.replace(withRecord(ds, kind, record));
      return { status: 'published', record, revision };
    });
  }

  // --- review --------------------------------------------------------------------------------

  async listChanges(
    actor: Actor,
    options: { status?: ChangeRequest['status']; listingId?: string } = {},
  ): Promise<ChangeRequest[]> {
    if (actor.role === 'resident') throw new Error(SIGN_IN);
    const st = await this.load();
    return [...st.changes.values()]
      .filter((c) => canEdit(actor, c.orgId))
      .filter((c) => !options.status || c.status === options.status)
      .filter((c) => !options.listingId || c.listingId === options.listingId)
      .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  }

  async getChange(
    actor: Actor,
    id: string,
  ): Promise<{ change: ChangeRequest; published: Listing | null } | null> {
    const [ds, st] = await Promise.all([this.host.dataset(), this.load()]);
    const change = st.changes.get(id);
    if (!change) return null;
    if (!canEdit(actor, change.orgId)) throw new Error(FORBIDDEN);
    return {
      change,
      published: listingsOf(ds, change.kind).find((l) => l.id === change.listingId) ?? null,
    };
  }

  review(
    actor: Actor,
    changeId: string,
    decision: 'approve' | 'reject',
    comment?: string,
  ): Promise<ReviewResult> {
    return this.exclusive(async () => {
      if (!isStaff(actor)) throw new Error(STAFF_ONLY);
      const [ds, st] = await Promise.all([this.host.dataset(), this.load()]);
      const change = st.changes.get(changeId);
      if (!change) throw new Error('この変更の申請は見つかりません');
      if (change.status !== 'pending') throw new Error('この申請はすでに処理されています');
      const at = this.stamp();
      const note = comment?.trim();
      if (decision === 'reject') {
        if (!note) throw new Error('差し戻す理由を入力してください');
        const rejected: ChangeRequest = {
          ...change,
          status: 'rejected',
          comment: note,
          reviewedBy: actor.userId,
          reviewedAt: at,
        };
        if (await this.persistGuarded([{ store: 'changes', value: rejected }], ds, guardOf(change))) throw new Error(ALREADY_HANDLED);
        st.changes.set(rejected.id, rejected);
        return { status: 'rejected', change: rejected };
      }
      const published = listingsOf(ds, change.kind).find((l) => l.id === change.listingId) ?? null;
      if ((published?.updatedAt ?? null) !== change.baseUpdatedAt)
        return { status: 'conflict', current: published, change };
      const approved: ChangeRequest = {
        ...change,
        status: 'approved',
        reviewedBy: actor.userId,
        reviewedAt: at,
        ...(note ? { comment: note } : {}),
      };
      // the proposal keeps its updatedAt: a form opened on it stays in step
      const record = change.proposed;
      const revision = this.revision(
        change.kind,
        change.action,
        change.submittedBy,
        at,
        published,
        record,
        change.id,
        actor.userId,
      );
      const stale = await this.persistGuarded(
        [
          put(change.kind, record),
          { store: 'revisions', value: revision },
          { store: 'changes', value: approved },
        ],
        ds,
        guardOf(change),
      );
      if (stale) throw new Error(ALREADY_HANDLED);
      st.changes.set(approved.id, approved);
      st.revisions.push(revision);
      this.host.replace(withRecord(ds, change.kind, record));
      return { status: 'approved', change: approved, revision };
    });
  }

  withdraw(actor: Actor, changeId: string): Promise<ChangeRequest> {
    return this.exclusive(async () => {
      const [ds, st] = await Promise.all([this.host.dataset(), this.load()]);
      const change = st.changes.get(changeId);
      if (!change) throw new Error('この変更の申請は見つかりません');
      if (!canEdit(actor, change.orgId)) throw new Error(FORBIDDEN);
      if (change.status !== 'pending') throw new Error('この申請はすでに処理されています');
      const withdrawn: ChangeRequest = {
        ...change,
        status: 'withdrawn',
        reviewedBy: actor.userId,
        reviewedAt: this.stamp(),
      };
      if (await this.persistGuarded([{ store: 'changes', value: withdrawn }], ds, guardOf(change))) throw new Error(ALREADY_HANDLED);
      st.changes.set(withdrawn.id, withdrawn);
      return withdrawn;
    });
  }

  // --- history -------------------------------------------------------------------------------

  async getHistory(actor: Actor, kind: ListingKind, id: string): Promise<Revision[]> {
    const [ds, st] = await Promise.all([this.host.dataset(), this.load()]);
    const listing = listingsOf(ds, kind).find((l) => l.id === id);
    if (!listing) return [];
    if (!canEdit(actor, listing.orgId)) throw new Error(FORBIDDEN);
    return st.revisions
      .filter((r) => r.kind === kind && r.listingId === id)
      .sort((a, b) => b.at.localeCompare(a.at));
  }

  restore(actor: Actor, revisionId: string, baseUpdatedAt: string): Promise<SaveResult> {
    return this.exclusive(async () => {
      const st = await this.load();
      const rev = st.revisions.find((r) => r.id === revisionId);
      if (!rev) throw new Error('この履歴は見つかりません');
      return this.saveNow(actor, { kind: rev.kind, record: rev.after, baseUpdatedAt }, 'restore');
    });
  }

  // --- error reports -------------------------------------------------------------------------

  submitReport(input: ReportInput): Promise<ErrorReport> {
    return this.exclusive(async () => {
      const [ds, st] = await Promise.all([this.host.dataset(), this.load()]);
      if (!(REPORT_KINDS as readonly string[]).includes(input.kind))
        throw new Error('報告の種類を選んでください');
      const problem = checkReportText(input.message);
      if (problem) throw new Error(REPORT_TEXT_ERRORS[problem]);
      const site = ds.sites.find((s) => s.id === input.siteId);
      if (!site || !isPublicSite(site)) throw new Error('この場所は見つかりません');
      if (input.menuId && !ds.menus.some((m) => m.id === input.menuId && m.siteId === site.id))
        throw new Error('この活動は見つかりません');
      const report: ErrorReport = {
        id: this.id('report'),
        siteId: site.id,
        ...(input.menuId ? { menuId: input.menuId } : {}),
        kind: input.kind as ReportKind,
        message: input.message.trim(),
        createdAt: this.stamp(),
        status: 'open',
      };
      await this.persist([{ store: 'reports', value: report }], ds);
      st.reports.set(report.id, report);
      return report;
    });
  }

  async listReports(
    actor: Actor,
    options: { status?: ErrorReport['status']; siteId?: string } = {},
  ): Promise<ErrorReport[]> {
    if (actor.role === 'resident') throw new Error(SIGN_IN);
    const [ds, st] = await Promise.all([this.host.dataset(), this.load()]);
    const siteOrg = new Map(ds.sites.map((s) => [s.id, s.orgId]));
    const menuOrg = new Map(ds.menus.map((m) => [m.id, m.orgId]));
    return [...st.reports.values()]
      .filter(
        (r) =>
          isStaff(actor) ||
          canEdit(actor, (r.menuId ? menuOrg.get(r.menuId) : siteOrg.get(r.siteId)) ?? ''),
      )
      .filter((r) => !options.status || r.status === options.status)
      .filter((r) => !options.siteId || r.siteId === options.siteId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  setReportStatus(
    actor: Actor,
    id: string,
    status: 'resolved' | 'dismissed',
  ): Promise<ErrorReport> {
    return this.exclusive(async () => {
      if (!isStaff(actor)) throw new Error(STAFF_ONLY);
      const [ds, st] = await Promise.all([this.host.dataset(), this.load()]);
      const report = st.reports.get(id);
      if (!report) throw new Error('この報告は見つかりません');
      const handled: ErrorReport = {
        ...report,
        status,
        handledBy: actor.userId,
        handledAt: this.stamp(),
      };
      await this.persist([{ store: 'reports', value: handled }], ds);
      st.reports.set(handled.id, handled);
      return handled;
    });
  }
}
