// The records of editing (issue 4): change requests waiting for review, revisions (the history of
// every applied change) and residents' error reports. Plain types, shared by both data sources;
// the SQL tables of the Supabase source have the same fields in snake_case.
import type { Menu, Site } from '../model';

export type ListingKind = 'site' | 'menu';
/** a listing of either kind (the record a form edits) */
export type Listing = Site | Menu;
export type ListingOf<K extends ListingKind> = K extends 'site' ? Site : Menu;

export const CHANGE_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

/**
 * A coordinator's new listing or change, waiting for staff or an admin (organizations marked
 * `trusted`, staff and admins publish at once and make none). While it waits the published version
 * stays public. One listing has at most one pending change: editing a listing that has one edits
 * the proposal.
 */
export type ChangeRequest = {
  id: string;
  kind: ListingKind;
  listingId: string;
  orgId: string;
  /** what applying the change does: a new listing, an edit, or the restore of an older version */
  action: 'create' | 'update' | 'restore';
  proposed: Listing;
  /** updatedAt of the published version the proposal started from; null for a new listing */
  baseUpdatedAt: string | null;
  status: ChangeStatus;
  /** the reviewer's comment (required when rejecting) */
  comment?: string;
  submittedBy: string;
  submittedAt: string;
  reviewedBy?: string;
  reviewedAt?: string;
};

export const REVISION_ACTIONS = ['create', 'update', 'verify', 'restore'] as const;
export type RevisionAction = (typeof REVISION_ACTIONS)[number];

/** One applied change of a listing. Restoring a revision writes a new revision, never rewrites old ones. */
export type Revision = {
  id: string;
  kind: ListingKind;
  listingId: string;
  orgId: string;
  action: RevisionAction;
  /** who made the change (the submitter, for a reviewed change) */
  by: string;
  /** when it was applied (published) */
  at: string;
  /** the reviewer, for a change that waited for review */
  approvedBy?: string;
  changeId?: string;
  /** top-level fields that differ between before and after (updatedAt left out) */
  changedFields: string[];
  /** null for a new listing */
  before: Listing | null;
  after: Listing;
};

export const REPORT_KINDS = ['closed', 'schedule', 'contact', 'location', 'other'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_STATUSES = ['open', 'resolved', 'dismissed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** 「情報の誤りを報告」 from a public site page: no account, no personal data. */
export type ErrorReport = {
  id: string;
  siteId: string;
  menuId?: string;
  kind: ReportKind;
  /** short text; phone numbers and e-mail addresses are refused (report-text.ts) */
  message: string;
  createdAt: string;
  status: ReportStatus;
  handledBy?: string;
  handledAt?: string;
};
