// The editing port (issue 4): what coordinators, staff and admins do to listings, and what a
// resident does to report an error. Data-source-neutral: the local source implements it in the
// data worker (local/editor-core.ts), the Supabase source with tables, RLS and RPCs in Postgres.
//
// Rules every implementation keeps (DESIGN.md, docs/architecture.md "Editing and review"):
// - `updatedAt` is the optimistic-concurrency token. A save carries the updatedAt it started from
//   (`baseUpdatedAt`); when the listing's current version has another, the save is refused with
//   `{ status: 'conflict', current }` and nothing changes. Never a silent overwrite.
// - A coordinator's new listing or change becomes a ChangeRequest (pending) unless the
//   organization is `trusted`; staff and admins publish at once. The published version stays
//   public while a change waits. One listing has at most one pending change, and "the current
//   version" of a listing with one is the proposal (so a second edit is checked against it).
// - Every applied change writes a Revision; restoring one is a new change (reviewed like any other).
// - 「変更なし（内容を確認しました）」 (`verify`) sets lastVerified to today and writes a revision;
//   it publishes at once for everyone (it only confirms the published content).
// - A coordinator may read and change only their organizations' listings. Actors are given to
//   every call: the local source enforces the rules with them; Supabase takes the identity from
//   the session (RLS) and uses `actor` only where the UI needs it.
// - Errors are thrown as Error with a Japanese message; a refused save is a result, not an error.
import type { Role } from './auth-port';
import type { LngLat, Organization } from '../domain/model';
import type {
  ChangeRequest,
  ChangeStatus,
  ErrorReport,
  Listing,
  ListingKind,
  ReportKind,
  ReportStatus,
  Revision,
} from '../domain/editing/types';

export type {
  ChangeRequest,
  ErrorReport,
  Listing,
  ListingKind,
  Revision,
} from '../domain/editing/types';

/** who acts: from the AuthState (auth-port.ts) */
export type Actor = { userId: string; role: Role; organizationIds: string[] };

/** A listing as the editor's lists show it (no full record). */
export type ListingSummary = {
  kind: ListingKind;
  id: string;
  orgId: string;
  /** a site's name or a menu's title */
  name: string;
  /** a menu's site (null: outreach); undefined for a site */
  siteId?: string | null;
  status: Listing['status'];
  lastVerified: string;
  /** the token a one-click action (verify) must carry */
  updatedAt: string;
  /** lastVerified older than the stale limit */
  stale: boolean;
  /** the pending change, when one waits */
  pendingChangeId: string | null;
  /** the latest decision was a rejection (with its comment), and nothing was submitted since */
  rejected: { changeId: string; comment: string; at: string } | null;
  openReports: number;
};

/** A listing opened for editing. */
export type ListingForEdit<L extends Listing = Listing> = {
  kind: ListingKind;
  /** the published (stored) version; null for a new listing that waits for approval */
  published: L | null;
  pending: ChangeRequest | null;
  /** what a form starts from: the pending proposal if any, else the published version */
  current: L;
  /** whether the actor's save would publish at once */
  publishesDirectly: boolean;
  organization: Pick<Organization, 'id' | 'name' | 'trusted'>;
};

export type FieldIssue = { path: string; message: string };

export type DuplicateMatch = { id: string; name: string; distanceM: number; similarity: number };

export type SaveInput = {
  kind: ListingKind;
  /** the whole record; for a new listing its id is ignored and one is assigned */
  record: Listing;
  /** updatedAt of the version the form started from; null when creating */
  baseUpdatedAt: string | null;
  /** a new site near a similar-named one is refused once with `duplicates`; true saves anyway */
  acknowledgeDuplicates?: boolean;
};

export type SaveResult =
  | { status: 'published'; record: Listing; revision: Revision }
  | { status: 'pending'; change: ChangeRequest }
  /** someone saved first: nothing changed; `current` is their version (the form keeps its content) */
  | { status: 'conflict'; current: Listing }
  /** the record did not validate (zod schemas of domain/model.ts): nothing changed */
  | { status: 'invalid'; issues: FieldIssue[] }
  /** a new site with a similar name within 100 m: nothing changed; save again with acknowledgeDuplicates */
  | { status: 'duplicates'; matches: DuplicateMatch[] };

export type ReviewResult =
  | { status: 'approved'; change: ChangeRequest; revision: Revision }
  | { status: 'rejected'; change: ChangeRequest }
  /** the published version changed after the proposal was made: approving would overwrite it */
  | { status: 'conflict'; current: Listing | null; change: ChangeRequest };

export type ReportInput = { siteId: string; menuId?: string; kind: ReportKind; message: string };

export type OrganizationSummary = Pick<Organization, 'id' | 'name' | 'kind' | 'trusted'> & {
  listings: number;
};

export interface EditorPort {
  /** organizations with their number of listings (for staff filters and the demo's organization pick) */
  listOrganizations(actor: Actor): Promise<OrganizationSummary[]>;
  /**
   * Listings the actor maintains: a coordinator's organizations' (also `orgId` one of them);
   * staff and admins any organization's (`orgId` required to keep the list short unless `staleOnly`).
   * `staleAfterDays` defaults to STALE_AFTER_DAYS.
   */
  listListings(
    actor: Actor,
    options: { orgId?: string; staleOnly?: boolean; staleAfterDays?: number; limit?: number },
  ): Promise<ListingSummary[]>;
  getListing(actor: Actor, kind: ListingKind, id: string): Promise<ListingForEdit | null>;
  /** create or change a listing (rules at the top of this file) */
  save(actor: Actor, input: SaveInput): Promise<SaveResult>;
  /** 「変更なし（内容を確認しました）」: lastVerified = today, a revision; refused on a stale token like a save */
  verify(actor: Actor, kind: ListingKind, id: string, baseUpdatedAt: string): Promise<SaveResult>;
  /** similar names within 100 m of a point (all sites, not only public ones), excluding `excludeId` */
  findDuplicates(
    actor: Actor,
    candidate: { name: string; location: LngLat; excludeId?: string },
  ): Promise<DuplicateMatch[]>;

  /** change requests: staff and admins see all; coordinators their organizations' */
  listChanges(
    actor: Actor,
    options?: { status?: ChangeStatus; listingId?: string },
  ): Promise<ChangeRequest[]>;
  getChange(
    actor: Actor,
    id: string,
  ): Promise<{ change: ChangeRequest; published: Listing | null } | null>;
  /** staff and admins; rejecting needs a comment */
  review(
    actor: Actor,
    changeId: string,
    decision: 'approve' | 'reject',
    comment?: string,
  ): Promise<ReviewResult>;
  /** the submitter's organization withdraws a pending change */
  withdraw(actor: Actor, changeId: string): Promise<ChangeRequest>;

  /** revisions of a listing, newest first */
  getHistory(actor: Actor, kind: ListingKind, id: string): Promise<Revision[]>;
  /** makes a revision's `after` the listing's content again: a new change (reviewed for untrusted coordinators) */
  restore(actor: Actor, revisionId: string, baseUpdatedAt: string): Promise<SaveResult>;

  /** 「情報の誤りを報告」: anyone, no account; refused (Error) with personal data in the text */
  submitReport(input: ReportInput): Promise<ErrorReport>;
  /** staff and admins: every report; coordinators: their organizations' listings' */
  listReports(
    actor: Actor,
    options?: { status?: ReportStatus; siteId?: string },
  ): Promise<ErrorReport[]>;
  /** staff and admins */
  setReportStatus(
    actor: Actor,
    id: string,
    status: Exclude<ReportStatus, 'open'>,
  ): Promise<ErrorReport>;
}

/** The Actor for an auth state (auth-port.ts); residents act anonymously. */
export function actorOf(state: {
  role: Role;
  user?: { id: string };
  organizationIds?: string[];
}): Actor {
  return {
    userId: state.user?.id ?? 'anonymous',
    role: state.role,
    organizationIds: state.organizationIds ?? [],
  };
}

/** every method of EditorPort: for the ports that forward them (the worker proxy, lazily loaded implementations) */
export const EDITOR_METHODS = [
  'listOrganizations', 'listListings', 'getListing', 'save', 'verify', 'findDuplicates', 'listChanges', 'getChange',
  'review', 'withdraw', 'getHistory', 'restore', 'submitReport', 'listReports', 'setReportStatus',
] as const satisfies readonly (keyof EditorPort)[];
export type EditorMethod = (typeof EDITOR_METHODS)[number];
// a method added to EditorPort but not to the list above fails here
const everyMethodListed: [Exclude<keyof EditorPort, EditorMethod>] extends [never] ? true : false = true;
void everyMethodListed;

/** An EditorPort whose every call goes to `forward(method, args)`. */
export function forwardingEditorPort(forward: (method: EditorMethod, args: unknown[]) => Promise<unknown>): EditorPort {
  return Object.fromEntries(EDITOR_METHODS.map((name) => [name, (...args: unknown[]) => forward(name, args)])) as unknown as EditorPort;
}

/** An EditorPort whose implementation is loaded by the first call (a lazy chunk, a dynamic import). */
export function deferredEditorPort(load: () => Promise<EditorPort>): EditorPort {
  return forwardingEditorPort(async (name, args) => {
    const port = await load();
    return (port[name] as (...xs: unknown[]) => Promise<unknown>).apply(port, args);
  });
}
