import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { unwrap } from './errors';
import type { Branch, NextFreeSlot, ServiceOffering } from './types';

/**
 * The first free start at a branch for some services, up to two weeks ahead in the branch's own
 * calendar (one request: the server walks the days); null when there is none in that time.
 */
export function useNextFreeSlot(branch: Branch | undefined, serviceIds: string[]) {
  const ids = [...serviceIds].sort();
  return useQuery({
    queryKey: ['availability', 'next', branch?.id, ids],
    queryFn: async (): Promise<NextFreeSlot | null> =>
      (
        await unwrap(
          api.GET('/api/availability/next', { params: { query: { branchId: branch!.id, serviceIds: ids } } }),
        )
      ).slot,
    enabled: Boolean(branch) && ids.length > 0,
    staleTime: 60_000,
  });
}

/** The service to ask about when none is chosen yet: the shortest one on offer. */
export function probeService(services: ServiceOffering[] | undefined): ServiceOffering | undefined {
  return services?.filter((s) => s.active).sort((a, b) => a.durationMinutes - b.durationMinutes)[0];
}
