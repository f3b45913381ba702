// The case port (../case-port.ts) for the local demo: its own IndexedDB database, 'kasane-cases',
// apart from the listings ('kasane-map'), so a backup or reset of the listings never touches
// cases. Runs on the main thread in the staff area's lazy chunk (the public route never loads it).
// Every read and write runs in one readwrite transaction that also appends its audit entry: if
// the audit line cannot be written, nothing was read or written.
//
// The demo has no accounts: the actor comes from the demo role switch, and a staff member sees
// only the cases of their team, as row-level security does in Supabase mode.
import { caseCodeGenerator, caseSchema, coarsenPoint, type Case } from '../../domain/case/model';
import { checkNoteText, checkReferralChange } from '../../domain/case/referral';
import { summarizeUnmet } from '../../domain/case/unmet-summary';
import { todayInJapan } from '../../domain/schedule/dates';
import type { UnmetNeed } from '../../domain/matching/types';
import {
  assertCaseActor,
  CaseAccessError,
  type Actor,
  type AuditAction,
  type AuditEntity,
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

export const CASE_DB_NAME = 'kasane-cases';
const DB_VERSION = 1;
const STORES = ['cases', 'referrals', 'timeline', 'shortlist', 'unmet', 'audit', 'counters'] as const;
type StoreName = (typeof STORES)[number];
/** stores with a caseId index */
const BY_CASE: readonly StoreName[] = ['referrals', 'timeline', 'shortlist', 'unmet', 'audit'];

function promisify<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

export function openCaseDatabase(factory: IDBFactory = indexedDB): Promise<IDBDatabase> {
  const req = factory.open(CASE_DB_NAME, DB_VERSION);
  req.onupgradeneeded = () => {
    const db = req.result;
    for (const name of STORES) {
      if (db.objectStoreNames.contains(name)) continue;
      const store = db.createObjectStore(name, { keyPath: name === 'counters' ? 'year' : 'id' });
      if (BY_CASE.includes(name)) store.createIndex('caseId', 'caseId');
      if (name === 'cases' || name === 'referrals' || name === 'unmet') store.createIndex('teamId', 'teamId');
    }
  };
  return promisify(req);
}

export type LocalCaseStoreOptions = {
  actor: Actor;
  /** the matching catalog (the listings live in the worker's database) */
  catalog: (signal?: AbortSignal) => Promise<StaffCatalog>;
  indexedDB?: IDBFactory;
  /** clock for tests */
  now?: () => Date;
};

type Tx = {
  get<T>(store: StoreName, key: IDBValidKey): Promise<T | undefined>;
  all<T>(store: StoreName): Promise<T[]>;
  byIndex<T>(store: StoreName, index: 'caseId' | 'teamId', key: string): Promise<T[]>;
  put(store: StoreName, value: unknown): Promise<void>;
  del(store: StoreName, key: IDBValidKey): Promise<void>;
};

const newId = () => crypto.randomUUID();
const byNewest = <T extends { at?: string; createdAt?: string }>(a: T, b: T) => ((b.at ?? b.createdAt ?? '') < (a.at ?? a.createdAt ?? '') ? -1 : 1);

/** Opens the local case store for an actor; refuses anyone but staff with a team and admins. */
export async function openLocalCaseStore(options: LocalCaseStoreOptions): Promise<LocalCaseStore> {
  assertCaseActor(options.actor);
  const db = await openCaseDatabase(options.indexedDB ?? indexedDB);
  return new LocalCaseStore(db, options);
}

export class LocalCaseStore implements CasePort {
  readonly kind = 'local' as const;
  readonly actor: Actor;
  private readonly now: () => Date;

  constructor(
    private readonly db: IDBDatabase,
    private readonly options: LocalCaseStoreOptions,
  ) {
    this.actor = options.actor;
    this.now = options.now ?? (() => new Date());
  }

  close(): void {
    this.db.close();
  }

  private today(): string {
    return todayInJapan(this.now());
  }

  /**
   * Runs `work` in one readwrite transaction over every store and appends the audit entry in the
   * same transaction. `audit` is called with the result, so an entry can name what was created.
   */
  private run<T>(work: (tx: Tx) => Promise<T>, audit: (result: T) => { action: AuditAction; entity: AuditEntity; entityId: string | null; caseId: string | null } | null): Promise<T> {
    const t = this.db.transaction([...STORES], 'readwrite');
    const done = new Promise<void>((resolve, reject) => {
      t.oncomplete = () => resolve();
      t.onerror = () => reject(t.error ?? new Error('IndexedDB transaction failed'));
      t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction aborted'));
    });
    const tx: Tx = {
      get: (s, k) => promisify(t.objectStore(s).get(k)),
      all: (s) => promisify(t.objectStore(s).getAll()),
      byIndex: (s, i, k) => promisify(t.objectStore(s).index(i).getAll(k)),
      put: async (s, v) => void (await promisify(t.objectStore(s).put(v))),
      del: async (s, k) => void (await promisify(t.objectStore(s).delete(k))),
    };
    const result = (async () => {
      try {
        const value = await work(tx);
        const entry = audit(value);
        if (entry) {
          const record: AuditEntry = {
            id: newId(),
            at: this.now().toISOString(),
            actorId: this.actor.userId,
            actorRole: this.actor.role,
            actorTeamId: this.actor.teamId,
            ...entry,
          };
          await tx.put('audit', record);
        }
        return value;
      } catch (e) {
        try {
          t.abort();
        } catch {
          // already finished
        }
        throw e;
      }
    })();
    return Promise.all([result, done]).then(([v]) => v);
  }

  private visible(c: { teamId: string }): boolean {
    return this.actor.role === 'admin' || c.teamId === this.actor.teamId;
  }

  /** the case if the actor may see it, else an error that does not say whether it exists */
  private async caseFor(tx: Tx, caseId: string): Promise<CaseRecord> {
    const c = await tx.get<CaseRecord>('cases', caseId);
    if (!c || !this.visible(c)) throw new CaseAccessError('ケースが見つかりません（削除されたか、見る権限がありません）');
    return c;
  }

  private timeline(tx: Tx, entry: Omit<TimelineEntry, 'id' | 'at' | 'by'>): Promise<void> {
    const full: TimelineEntry = { id: newId(), at: this.now().toISOString(), by: this.actor.userId, ...entry };
    return tx.put('timeline', full);
  }

  // --- cases ---

  listCases(): Promise<CaseRecord[]> {
    return this.run(
      async (tx) => {
        const rows = this.actor.role === 'admin' ? await tx.all<CaseRecord>('cases') : await tx.byIndex<CaseRecord>('cases', 'teamId', this.actor.teamId!);
        return rows.sort(byNewest);
      },
      () => ({ action: 'read', entity: 'case_list', entityId: null, caseId: null }),
    );
  }

  getCase(id: string): Promise<CaseRecord | null> {
    return this.run(
      async (tx) => {
        const c = await tx.get<CaseRecord>('cases', id);
        return c && this.visible(c) ? c : null;
      },
      (c) => (c ? { action: 'read', entity: 'case', entityId: id, caseId: id } : null),
    );
  }

  createCase(input: NewCase): Promise<CaseRecord> {
    if (this.actor.role !== 'staff') return Promise.reject(new CaseAccessError('ケースは参加支援チームの担当者が作成します'));
    const today = this.today();
    const year = Number(today.slice(0, 4));
    return this.run(
      async (tx) => {
        const counter = (await tx.get<{ year: number; last: number }>('counters', year)) ?? { year, last: 0 };
        const code = caseCodeGenerator(year, counter.last)();
        const home = input.home.kind === 'point' ? { ...input.home, point: coarsenPoint(input.home.point) } : input.home;
        const parsed: Case = caseSchema.parse({ code, teamId: this.actor.teamId!, status: 'active', home, constraints: input.constraints, members: input.members, openedOn: today });
        const at = this.now().toISOString();
        const record: CaseRecord = { ...parsed, id: newId(), createdAt: at, updatedAt: at };
        await tx.put('counters', { year, last: counter.last + 1 });
        await tx.put('cases', record);
        await this.timeline(tx, { caseId: record.id, kind: 'case_opened', memberId: null, text: null, referralId: null, status: null });
        return record;
      },
      (c) => ({ action: 'create', entity: 'case', entityId: c.id, caseId: c.id }),
    );
  }

  updateCase(id: string, update: CaseUpdate): Promise<CaseRecord> {
    return this.run(
      async (tx) => {
        const c = await this.caseFor(tx, id);
        const home = update.home?.kind === 'point' ? { ...update.home, point: coarsenPoint(update.home.point) } : (update.home ?? c.home);
        const parsed = caseSchema.parse({
          code: c.code,
          teamId: c.teamId,
          openedOn: c.openedOn,
          status: update.status ?? c.status,
          constraints: update.constraints ?? c.constraints,
          members: update.members ?? c.members,
          home,
        });
        const record: CaseRecord = { ...parsed, id, createdAt: c.createdAt, updatedAt: this.now().toISOString() };
        await tx.put('cases', record);
        await this.timeline(tx, { caseId: id, kind: 'case_updated', memberId: null, text: null, referralId: null, status: null });
        return record;
      },
      () => ({ action: 'update', entity: 'case', entityId: id, caseId: id }),
    );
  }

  // --- referrals ---

  listReferrals(caseId: string): Promise<Referral[]> {
    return this.run(
      async (tx) => {
        await this.caseFor(tx, caseId);
        return (await tx.byIndex<Referral>('referrals', 'caseId', caseId)).sort(byNewest);
      },
      () => ({ action: 'read', entity: 'referral', entityId: null, caseId }),
    );
  }

  createReferral(caseId: string, input: NewReferral): Promise<Referral> {
    const today = this.today();
    return this.run(
      async (tx) => {
        const c = await this.caseFor(tx, caseId);
        if (!c.members.some((m) => m.id === input.memberId)) throw new Error('この世帯員はケースにいません');
        const change = { status: 'proposed' as const, reason: null, nextFollowUp: input.nextFollowUp };
        const problem = checkReferralChange(null, change, today);
        if (problem) throw new Error(problem);
        const existing = await tx.byIndex<Referral>('referrals', 'caseId', caseId);
        if (existing.some((r) => r.memberId === input.memberId && r.menuId === input.menuId && r.status !== 'ended' && r.status !== 'declined' && r.status !== 'refused')) {
          throw new Error('この世帯員は、この活動にすでにつないでいます');
        }
        const at = this.now().toISOString();
        const referral: Referral = {
          id: newId(),
          caseId,
          teamId: c.teamId,
          memberId: input.memberId,
          menuId: input.menuId,
          siteId: input.siteId,
          menuTitle: input.menuTitle,
          siteName: input.siteName,
          ...change,
          history: [{ at, by: this.actor.userId, ...change }],
          createdAt: at,
          updatedAt: at,
        };
        await tx.put('referrals', referral);
        await this.timeline(tx, { caseId, kind: 'referral_created', memberId: input.memberId, text: input.menuTitle, referralId: referral.id, status: 'proposed' });
        return referral;
      },
      (r) => ({ action: 'create', entity: 'referral', entityId: r.id, caseId }),
    );
  }

  updateReferral(id: string, update: ReferralUpdate): Promise<Referral> {
    const today = this.today();
    let caseId: string | null = null;
    return this.run(
      async (tx) => {
        const r = await tx.get<Referral>('referrals', id);
        if (!r || !this.visible(r)) throw new CaseAccessError('つなぎが見つかりません（削除されたか、見る権限がありません）');
        caseId = r.caseId;
        const problem = checkReferralChange(r.status, update, today);
        if (problem) throw new Error(problem);
        const at = this.now().toISOString();
        const next: Referral = { ...r, ...update, history: [...r.history, { at, by: this.actor.userId, ...update }], updatedAt: at };
        await tx.put('referrals', next);
        await this.timeline(tx, { caseId: r.caseId, kind: 'referral_status', memberId: r.memberId, text: r.menuTitle, referralId: id, status: update.status });
        return next;
      },
      () => ({ action: 'update', entity: 'referral', entityId: id, caseId }),
    );
  }

  listFollowUps(until: string): Promise<FollowUp[]> {
    return this.run(
      async (tx) => {
        const rows = this.actor.role === 'admin' ? await tx.all<Referral>('referrals') : await tx.byIndex<Referral>('referrals', 'teamId', this.actor.teamId!);
        const due = rows.filter((r) => r.nextFollowUp !== null && r.nextFollowUp <= until);
        const out: FollowUp[] = [];
        for (const r of due) {
          const c = await tx.get<CaseRecord>('cases', r.caseId);
          // a closed case has no more follow-ups; reopened, its referrals come back
          if (c && c.status !== 'closed') out.push({ ...r, caseCode: c.code });
        }
        return out.sort((a, b) => (a.nextFollowUp! < b.nextFollowUp! ? -1 : a.nextFollowUp! > b.nextFollowUp! ? 1 : a.caseCode < b.caseCode ? -1 : 1));
      },
      () => ({ action: 'read', entity: 'follow_ups', entityId: null, caseId: null }),
    );
  }

  // --- notes and timeline ---

  addNote(caseId: string, text: string, memberId: string | null = null): Promise<TimelineEntry> {
    const problem = checkNoteText(text);
    if (problem) return Promise.reject(new Error(problem));
    return this.run(
      async (tx) => {
        await this.caseFor(tx, caseId);
        const entry: TimelineEntry = { id: newId(), at: this.now().toISOString(), by: this.actor.userId, caseId, kind: 'note', memberId, text: text.trim(), referralId: null, status: null };
        await tx.put('timeline', entry);
        return entry;
      },
      (e) => ({ action: 'create', entity: 'note', entityId: e.id, caseId }),
    );
  }

  getTimeline(caseId: string): Promise<TimelineEntry[]> {
    return this.run(
      async (tx) => {
        await this.caseFor(tx, caseId);
        return (await tx.byIndex<TimelineEntry>('timeline', 'caseId', caseId)).sort(byNewest);
      },
      () => ({ action: 'read', entity: 'timeline', entityId: null, caseId }),
    );
  }

  // --- shortlist ---

  getShortlist(caseId: string): Promise<ShortlistItem[]> {
    return this.run(
      async (tx) => {
        await this.caseFor(tx, caseId);
        const rows = await tx.byIndex<ShortlistItem & { id: string }>('shortlist', 'caseId', caseId);
        return rows.sort((a, b) => (a.addedAt < b.addedAt ? -1 : 1)).map((r) => ({ caseId: r.caseId, memberId: r.memberId, menuId: r.menuId, addedAt: r.addedAt, addedBy: r.addedBy }));
      },
      () => ({ action: 'read', entity: 'shortlist', entityId: null, caseId }),
    );
  }

  addToShortlist(caseId: string, memberId: string, menuId: string): Promise<void> {
    const id = `${caseId}|${memberId}|${menuId}`;
    return this.run(
      async (tx) => {
        const c = await this.caseFor(tx, caseId);
        if (!c.members.some((m) => m.id === memberId)) throw new Error('この世帯員はケースにいません');
        if (await tx.get('shortlist', id)) return;
        await tx.put('shortlist', { id, caseId, memberId, menuId, addedAt: this.now().toISOString(), addedBy: this.actor.userId });
      },
      () => ({ action: 'create', entity: 'shortlist', entityId: id, caseId }),
    );
  }

  removeFromShortlist(caseId: string, memberId: string, menuId: string): Promise<void> {
    const id = `${caseId}|${memberId}|${menuId}`;
    return this.run(
      async (tx) => {
        await this.caseFor(tx, caseId);
        await tx.del('shortlist', id);
      },
      () => ({ action: 'delete', entity: 'shortlist', entityId: id, caseId }),
    );
  }

  // --- unmet needs ---

  recordUnmetNeeds(caseId: string, needs: readonly UnmetNeed[]): Promise<UnmetNeedRecord[]> {
    return this.run(
      async (tx) => {
        const c = await this.caseFor(tx, caseId);
        const at = this.now().toISOString();
        const out: UnmetNeedRecord[] = [];
        for (const n of needs) {
          if (!c.members.some((m) => m.id === n.memberId)) throw new Error('この世帯員はケースにいません');
          const id = `${caseId}|${n.memberId}|${n.need}`;
          const before = await tx.get<UnmetNeedRecord>('unmet', id);
          const record: UnmetNeedRecord = { ...n, id, caseId, teamId: c.teamId, recordedAt: at, recordedBy: this.actor.userId };
          await tx.put('unmet', record);
          if (!before || before.blockingConstraint !== n.blockingConstraint || before.areaId !== n.areaId) {
            await this.timeline(tx, { caseId, kind: 'unmet_recorded', memberId: n.memberId, text: n.need, referralId: null, status: null });
          }
          out.push(record);
        }
        return out;
      },
      () => (needs.length ? { action: 'create', entity: 'unmet_need', entityId: null, caseId } : null),
    );
  }

  listUnmetNeeds(caseId: string): Promise<UnmetNeedRecord[]> {
    return this.run(
      async (tx) => {
        await this.caseFor(tx, caseId);
        return tx.byIndex<UnmetNeedRecord>('unmet', 'caseId', caseId);
      },
      () => ({ action: 'read', entity: 'unmet_need', entityId: null, caseId }),
    );
  }

  getUnmetSummary() {
    return this.run(
      async (tx) => summarizeUnmet(await tx.all<UnmetNeedRecord>('unmet'), { teamId: this.actor.teamId, admin: this.actor.role === 'admin' }),
      () => ({ action: 'read', entity: 'unmet_summary', entityId: null, caseId: null }),
    );
  }

  // --- audit (reading it is not itself audited) ---

  async listAudit(options: { caseId?: string; limit?: number } = {}): Promise<AuditEntry[]> {
    const t = this.db.transaction(['cases', 'audit'], 'readonly');
    let rows: AuditEntry[];
    if (options.caseId) {
      const c = await promisify(t.objectStore('cases').get(options.caseId) as IDBRequest<CaseRecord | undefined>);
      if (!c || !this.visible(c)) throw new CaseAccessError('ケースが見つかりません（削除されたか、見る権限がありません）');
      rows = await promisify(t.objectStore('audit').index('caseId').getAll(options.caseId) as IDBRequest<AuditEntry[]>);
    } else {
      rows = await promisify(t.objectStore('audit').getAll() as IDBRequest<AuditEntry[]>);
      if (this.actor.role !== 'admin') rows = rows.filter((r) => r.actorTeamId === this.actor.teamId);
    }
    return rows.sort(byNewest).slice(0, options.limit ?? 500);
  }

  getStaffCatalog(signal?: AbortSignal): Promise<StaffCatalog> {
    return this.options.catalog(signal);
  }
}
