import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { unwrap } from './errors';
import type { Branch, ServiceOffering, Slot } from './types';
import { addDays, todayIn } from '../lib/format';

const LOOK_AHEAD_DAYS = 14;

/**
 * The first free start at a branch for some services, looking up to two weeks ahead in the
 * branch's own calendar. The API has no "next free slot" question, so this asks day by day
 * (it stops at the first day with a slot); null when there is none in that time.
 */
export function useNextFreeSlot(branch: Branch | undefined, serviceIds: string[]) {
  const ids = [...serviceIds].sort();
  return useQuery({
    queryKey: ['next-free-slot', branch?.id, ids],
    queryFn: async (): Promise<Slot | null> => {
      const today = todayIn(branch!.timezone);
      for (let day = 0; day < LOOK_AHEAD_DAYS; day++) {
        const date = addDays(today, day);
        const answer = await unwrap(
          api.GET('/api/availability', { params: { query: { branchId: branch!.id, serviceIds: ids, date } } }),
        );
        if (answer.slots.length) return answer.slots[0];
      }
      return null;
    },
    enabled: Boolean(branch) && ids.length > 0,
    staleTime: 60_000,
  });
}

/** The service to ask about when none is chosen yet: the shortest one on offer. */
export function probeService(services: ServiceOffering[] | undefined): ServiceOffering | undefined {
  return services?.filter((s) => s.active).sort((a, b) => a.durationMinutes - b.durationMinutes)[0];
}
