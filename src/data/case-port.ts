// The port for 参加支援 case data (issue 5; DOMAIN.md "Case", "Referrals and 伴走", "Privacy
// rules"): cases without names, referrals (つなぎ) with their status flow, notes and a timeline,
// unmet needs, a shortlist, the audit log, and the matching catalog. Data-source-neutral: the
// local demo implements it in its own IndexedDB database (local/case-store.ts); the Supabase
// source implements it with tables under row-level security and RPCs.
//
// Rules every implementation keeps:
// - A port is opened for one actor (`CasePortFactory`). Only roles 'staff' (with a team) and
//   'admin' get one; anyone else is refused with CaseAccessError and reads nothing.
// - Staff read and write only their own team's cases (and everything under them); admins read all.
// - Every read and write of case data appends an audit entry (who, when, what), in the same
//   transaction as the read or write: no data without its audit line.
// - Nothing stores a name, an address or a phone number: the shapes below have no field for one,
//   homes are an area or a point on the ~100 m grid (case/model.ts), and note text is checked
//   (checkNoteText).
// - Dates are 'YYYY-MM-DD' in Japan time; instants are ISO 8601 strings.
import type { Role } from './auth-port';
import type { Area, Menu, Organization, Site } from '../domain/model';
import type { Case, CaseStatus } from '../domain/case/model';
import type { ReferralReason, ReferralStatus } from '../domain/case/referral';
import type { UnmetNeed } from '../domain/matching/types';
import type { UnmetSummaryRow } from '../domain/case/unmet-summary';

/** who is reading or writing: recorded in every audit entry */
export type Actor = { userId: string; role: Role; teamId: string | null };

/** a stored case: the model's Case plus its storage id and times */
export type CaseRecord = Case & { id: string; createdAt: string; updatedAt: string };

/** what a worker enters; the store assigns the code, the team (the actor's), the status and the date */
export type NewCase = Pick<Case, 'home' | 'constraints' | 'members'>;

export type CaseUpdate = Partial<Pick<Case, 'home' | 'constraints' | 'members' | 'status'>>;

/** a referral (つなぎ): one member of a case to one menu */
export type Referral = {
  id: string;
  caseId: string;
  teamId: string;
  memberId: string;
  menuId: string;
  siteId: string | null;
  /** the menu's title and site name when referred, so the timeline reads even after a listing changes */
  menuTitle: string;
  siteName: string | null;
  status: ReferralStatus;
  /** the reason code of an exit (REFERRAL_REASONS), else null */
  reason: ReferralReason | null;
  /** required while active (isActiveReferral), null after an end */
  nextFollowUp: string | null;
  history: ReferralEvent[];
  createdAt: string;
  updatedAt: string;
};

export type ReferralEvent = { at: string; by: string; status: ReferralStatus; reason: ReferralReason | null; nextFollowUp: string | null };

export type NewReferral = Pick<Referral, 'memberId' | 'menuId' | 'siteId' | 'menuTitle' | 'siteName'> & { nextFollowUp: string };
export type ReferralUpdate = { status: ReferralStatus; reason: ReferralReason | null; nextFollowUp: string | null };

/** a referral with the code of its case, for 「今週の伴走予定」 */
export type FollowUp = Referral & { caseCode: string };

/** one line of a case's timeline; notes are timeline entries of kind 'note' */
export type TimelineEntry = {
  id: string;
  caseId: string;
  at: string;
  by: string;
  kind: 'case_opened' | 'case_updated' | 'referral_created' | 'referral_status' | 'note' | 'unmet_recorded';
  memberId: string | null;
  /** the note's text (kind 'note'), or for referrals the menu title */
  text: string | null;
  referralId: string | null;
  status: ReferralStatus | null;
};

/** an unmet need as stored: one per case × member × need (re-recording replaces it) */
export type UnmetNeedRecord = UnmetNeed & { id: string; caseId: string; teamId: string; recordedAt: string; recordedBy: string };

export type ShortlistItem = { caseId: string; memberId: string; menuId: string; addedAt: string; addedBy: string };

export type AuditAction = 'read' | 'create' | 'update' | 'delete';
export type AuditEntity = 'case' | 'case_list' | 'referral' | 'follow_ups' | 'timeline' | 'note' | 'unmet_need' | 'unmet_summary' | 'shortlist';

export type AuditEntry = {
  id: string;
  at: string;
  actorId: string;
  actorRole: Role;
  actorTeamId: string | null;
  action: AuditAction;
  entity: AuditEntity;
  /** the record read or written; null for lists */
  entityId: string | null;
  caseId: string | null;
};

/**
 * What matching runs on: published sites and menus, INCLUDING staff-only ones, never drafts,
 * pending, archived or confidential listings; the areas; the organizations' names.
 */
export type StaffCatalog = {
  sites: Site[];
  menus: Menu[];
  areas: Area[];
  organizations: Pick<Organization, 'id' | 'name' | 'kind'>[];
};

/** thrown when the actor may not read or change case data; the message is for the user */
export class CaseAccessError extends Error {
  constructor(message = 'ケースの情報は、参加支援の担当者と管理者だけが見られます') {
    super(message);
    this.name = 'CaseAccessError';
  }
}

export interface CasePort {
  readonly kind: 'local' | 'supabase';
  readonly actor: Actor;

  // --- cases ---
  /** the actor's team's cases (every case for an admin), newest first */
  listCases(): Promise<CaseRecord[]>;
  getCase(id: string): Promise<CaseRecord | null>;
  createCase(input: NewCase): Promise<CaseRecord>;
  updateCase(id: string, update: CaseUpdate): Promise<CaseRecord>;

  // --- referrals ---
  listReferrals(caseId: string): Promise<Referral[]>;
  /** starts at 提案 (proposed) with its first follow-up date */
  createReferral(caseId: string, input: NewReferral): Promise<Referral>;
  /** a step of the status flow (checkReferralChange decides what is allowed) */
  updateReferral(id: string, update: ReferralUpdate): Promise<Referral>;
  /** active referrals of cases not closed whose next follow-up is on or before `until` (overdue included), soonest first */
  listFollowUps(until: string): Promise<FollowUp[]>;

  // --- notes and timeline ---
  addNote(caseId: string, text: string, memberId?: string | null): Promise<TimelineEntry>;
  /** newest first */
  getTimeline(caseId: string): Promise<TimelineEntry[]>;

  // --- shortlist ---
  getShortlist(caseId: string): Promise<ShortlistItem[]>;
  addToShortlist(caseId: string, memberId: string, menuId: string): Promise<void>;
  removeFromShortlist(caseId: string, memberId: string, menuId: string): Promise<void>;

  // --- unmet needs ---
  /** replaces the case's records for each member × need given; returns what is stored */
  recordUnmetNeeds(caseId: string, needs: readonly UnmetNeed[]): Promise<UnmetNeedRecord[]>;
  listUnmetNeeds(caseId: string): Promise<UnmetNeedRecord[]>;
  /** every team's records aggregated, with small counts suppressed for the actor (summarizeUnmet) */
  getUnmetSummary(): Promise<UnmetSummaryRow[]>;

  // --- audit ---
  /** audit entries, newest first: of one case, or (admins) of everything */
  listAudit(options?: { caseId?: string; limit?: number }): Promise<AuditEntry[]>;

  // --- matching catalog (not case data: not audited) ---
  getStaffCatalog(signal?: AbortSignal): Promise<StaffCatalog>;
}

/** opens the port for an actor; rejects with CaseAccessError for anyone but staff with a team and admins */
export type CasePortFactory = (actor: Actor) => Promise<CasePort>;

export type { CaseStatus };

/** throws CaseAccessError unless the actor may use case data at all */
export function assertCaseActor(actor: Actor): void {
  if (actor.role === 'admin') return;
  if (actor.role === 'staff' && actor.teamId) return;
  if (actor.role === 'staff') throw new CaseAccessError('チームが設定されていないため、ケースを扱えません。管理者に連絡してください');
  throw new CaseAccessError();
}
