import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DataSource } from '../../../data/port';
import { areaKeys, siteKeys } from '../../../data/query-keys';

export function publicPointsOptions(source: DataSource) {
  return queryOptions({
    queryKey: siteKeys.points(),
    queryFn: ({ signal }) => source.getPublicPoints(signal),
    staleTime: 5 * 60_000,
  });
}

export function usePublicPoints(source: DataSource) {
  return useQuery(publicPointsOptions(source));
}

export function areasOptions(source: DataSource) {
  return queryOptions({
    queryKey: areaKeys.list(),
    queryFn: ({ signal }) => source.getAreas(signal),
    staleTime: 30 * 60_000,
  });
}

export function useAreas(source: DataSource) {
  return useQuery(areasOptions(source));
}
