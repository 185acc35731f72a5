import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './client';
import { unwrap } from './errors';

// Branches, the service catalog, the cost calculator and free slots: public, for everyone.

export const branchesQuery = queryOptions({
  queryKey: ['branches'],
  queryFn: () => unwrap(api.GET('/api/branches', { params: { query: { limit: 100 } } })),
  staleTime: 5 * 60_000,
});

export function useBranches() {
  return useQuery(branchesQuery);
}

export function useBranch(id: string | undefined) {
  const branches = useBranches();
  return { ...branches, data: branches.data?.items.find((b) => b.id === id) };
}

/** The active services, priced at a branch's labour rate when one is given. */
export function useServiceCatalog(branchId?: string) {
  return useQuery({
    queryKey: ['service-catalog', branchId ?? null],
    queryFn: () =>
      unwrap(api.GET('/api/service-catalog', { params: { query: { limit: 100, ...(branchId ? { branchId } : {}) } } })),
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}

/** The live price (labour, parts, tax, total) of services at a branch; idle until both are chosen. */
export function useCostEstimate(branchId: string | undefined, serviceIds: string[], vehicleId?: string) {
  const ids = [...serviceIds].sort();
  return useQuery({
    queryKey: ['cost', branchId, ids, vehicleId ?? null],
    queryFn: () =>
      unwrap(
        api.POST('/api/cost-calculator', {
          body: { branchId: branchId!, serviceIds: ids, ...(vehicleId ? { vehicleId } : {}) },
        }),
      ),
    enabled: Boolean(branchId) && ids.length > 0,
    placeholderData: keepPreviousData,
  });
}

/** Free start times on a date (YYYY-MM-DD, in the branch's zone) for the services' whole duration. */
export function useAvailability(branchId: string | undefined, serviceIds: string[], date: string | undefined) {
  const ids = [...serviceIds].sort();
  return useQuery({
    queryKey: ['availability', branchId, ids, date],
    queryFn: () =>
      unwrap(
        api.GET('/api/availability', { params: { query: { branchId: branchId!, serviceIds: ids, date: date! } } }),
      ),
    enabled: Boolean(branchId && date) && ids.length > 0,
    staleTime: 15_000,
  });
}
