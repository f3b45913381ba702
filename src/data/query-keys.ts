// Query keys for public site data, general → specific. Invalidate through these, never a
// retyped array (TanStack Query habit, STYLE.md).
import type { SiteQuery } from '../domain/search/query';

export const siteKeys = {
  all: ['sites'] as const,
  points: () => [...siteKeys.all, 'points'] as const,
  search: (q: SiteQuery, limit: number) => [...siteKeys.all, 'search', q, limit] as const,
  detail: (id: string) => [...siteKeys.all, 'detail', id] as const,
};

export const areaKeys = {
  all: ['areas'] as const,
  list: () => [...areaKeys.all, 'list'] as const,
};

export const helpDeskKeys = {
  all: ['help-desks'] as const,
  at: (point: [number, number]) => [...helpDeskKeys.all, 'at', point] as const,
};
