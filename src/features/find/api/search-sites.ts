import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { DataSource } from '../../../data/port';
import { siteKeys } from '../../../data/query-keys';
import type { SiteQuery } from '../../../domain/search/query';

export function searchSitesOptions(source: DataSource, query: SiteQuery, limit: number) {
  return queryOptions({
    queryKey: siteKeys.search(query, limit),
    queryFn: ({ signal }) => source.searchPublicSites(query, { limit, signal }),
    // keep showing the previous results while the next ones come: no flashing list
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useSearchSites(source: DataSource, query: SiteQuery, limit: number, enabled = true) {
  return useQuery({ ...searchSitesOptions(source, query, limit), enabled });
}
