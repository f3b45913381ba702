import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DataSource } from '../../../data/port';
import { helpDeskKeys } from '../../../data/query-keys';

export function helpDesksOptions(source: DataSource, point: [number, number]) {
  return queryOptions({
    queryKey: helpDeskKeys.at(point),
    queryFn: ({ signal }) => source.findHelpDesks(point, signal),
    staleTime: 5 * 60_000,
  });
}

export function useHelpDesks(source: DataSource, point: [number, number] | null) {
  return useQuery({ ...helpDesksOptions(source, point ?? [0, 0]), enabled: point !== null });
}
