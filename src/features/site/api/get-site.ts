import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DataSource } from '../../../data/port';
import { siteKeys } from '../../../data/query-keys';

export function siteOptions(source: DataSource, id: string) {
  return queryOptions({
    queryKey: siteKeys.detail(id),
    queryFn: ({ signal }) => source.getPublicSite(id, signal),
    staleTime: 60_000,
  });
}

export function useSite(source: DataSource, id: string) {
  return useQuery(siteOptions(source, id));
}
