// The opened case port for the signed-in staff member or admin, and the queries and mutations the
// staff screens use. Query keys start with the actor, so a role switch never shows another
// actor's cached cases.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import type { CasePort, CaseUpdate, NewCase, NewReferral, ReferralUpdate } from '../../../data/case-port';
import type { UnmetNeed } from '../../../domain/matching/types';

const PortContext = createContext<CasePort | null>(null);

export function StaffPortProvider({ port, children }: { port: CasePort; children: ReactNode }) {
  return <PortContext.Provider value={port}>{children}</PortContext.Provider>;
}

export function useStaffPort(): CasePort {
  const port = useContext(PortContext);
  if (!port) throw new Error('useStaffPort must be used inside <StaffPortProvider>');
  return port;
}

export const staffKeys = {
  all: (port: CasePort) => ['staff', port.actor.userId, port.actor.role, port.actor.teamId] as const,
  catalog: (port: CasePort) => [...staffKeys.all(port), 'catalog'] as const,
  cases: (port: CasePort) => [...staffKeys.all(port), 'cases'] as const,
  case: (port: CasePort, id: string) => [...staffKeys.all(port), 'case', id] as const,
  caseChild: (port: CasePort, id: string, what: 'referrals' | 'timeline' | 'shortlist' | 'unmet' | 'audit') => [...staffKeys.case(port, id), what] as const,
  followUps: (port: CasePort, until: string) => [...staffKeys.all(port), 'follow-ups', until] as const,
  unmetSummary: (port: CasePort) => [...staffKeys.all(port), 'unmet-summary'] as const,
};

function catalogOptions(port: CasePort) {
  return queryOptions({ queryKey: staffKeys.catalog(port), queryFn: ({ signal }) => port.getStaffCatalog(signal), staleTime: 5 * 60_000 });
}

export const useCatalog = () => {
  const port = useStaffPort();
  return useQuery(catalogOptions(port));
};

export const useCases = () => {
  const port = useStaffPort();
  return useQuery({ queryKey: staffKeys.cases(port), queryFn: () => port.listCases() });
};

export const useCase = (id: string) => {
  const port = useStaffPort();
  return useQuery({ queryKey: staffKeys.case(port, id), queryFn: () => port.getCase(id) });
};

export const useReferrals = (caseId: string) => {
  const port = useStaffPort();
  return useQuery({ queryKey: staffKeys.caseChild(port, caseId, 'referrals'), queryFn: () => port.listReferrals(caseId) });
};

export const useTimeline = (caseId: string) => {
  const port = useStaffPort();
  return useQuery({ queryKey: staffKeys.caseChild(port, caseId, 'timeline'), queryFn: () => port.getTimeline(caseId) });
};

export const useShortlist = (caseId: string) => {
  const port = useStaffPort();
  return useQuery({ queryKey: staffKeys.caseChild(port, caseId, 'shortlist'), queryFn: () => port.getShortlist(caseId) });
};

export const useCaseUnmet = (caseId: string) => {
  const port = useStaffPort();
  return useQuery({ queryKey: staffKeys.caseChild(port, caseId, 'unmet'), queryFn: () => port.listUnmetNeeds(caseId) });
};

/** the case's audit entries (who read or changed what, when), newest first */
export const useCaseAudit = (caseId: string, enabled: boolean) => {
  const port = useStaffPort();
  return useQuery({ queryKey: staffKeys.caseChild(port, caseId, 'audit'), queryFn: () => port.listAudit({ caseId, limit: 100 }), enabled });
};

export const useFollowUps = (until: string) => {
  const port = useStaffPort();
  return useQuery({ queryKey: staffKeys.followUps(port, until), queryFn: () => port.listFollowUps(until) });
};

export const useUnmetSummary = () => {
  const port = useStaffPort();
  return useQuery({ queryKey: staffKeys.unmetSummary(port), queryFn: () => port.getUnmetSummary() });
};

/** every mutation refreshes the case (its lists and timeline), the case list and the follow-ups */
function useCaseMutation<A, R>(run: (port: CasePort, args: A) => Promise<R>) {
  const port = useStaffPort();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: A) => run(port, args),
    onSuccess: () => client.invalidateQueries({ queryKey: staffKeys.all(port), predicate: (q) => q.queryKey[4] !== 'catalog' }),
  });
}

export const useCreateCase = () => useCaseMutation((port, input: NewCase) => port.createCase(input));
export const useUpdateCase = () => useCaseMutation((port, a: { id: string; update: CaseUpdate }) => port.updateCase(a.id, a.update));
export const useCreateReferral = () => useCaseMutation((port, a: { caseId: string; input: NewReferral }) => port.createReferral(a.caseId, a.input));
export const useUpdateReferral = () => useCaseMutation((port, a: { id: string; update: ReferralUpdate }) => port.updateReferral(a.id, a.update));
export const useAddNote = () => useCaseMutation((port, a: { caseId: string; text: string; memberId: string | null }) => port.addNote(a.caseId, a.text, a.memberId));
export const useToggleShortlist = () =>
  useCaseMutation((port, a: { caseId: string; memberId: string; menuId: string; on: boolean }) =>
    a.on ? port.addToShortlist(a.caseId, a.memberId, a.menuId) : port.removeFromShortlist(a.caseId, a.memberId, a.menuId),
  );
export const useRecordUnmet = () => useCaseMutation((port, a: { caseId: string; needs: readonly UnmetNeed[] }) => port.recordUnmetNeeds(a.caseId, a.needs));

/** a message for the user from a thrown error: zod issues one per line, else the message */
export function errorMessage(e: unknown): string {
  const issues = (e as { issues?: { message: string }[] } | null)?.issues;
  if (Array.isArray(issues) && issues.length) return [...new Set(issues.map((i) => i.message))].join(' / ');
  return e instanceof Error ? e.message : String(e);
}
