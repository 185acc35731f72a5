import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Vehicle } from '../types';
import { api } from '../client';
import { unwrap } from '../errors';
import { usePaged } from './paging';

/** Vehicles by plate or VIN prefix, or a customer's vehicles. */
export function useVehicleSearch(filter: { q?: string; customerId?: string }, enabled = true) {
  return usePaged(
    ['staff-vehicles', 'list', filter],
    (cursor) =>
      unwrap(
        api.GET('/api/vehicles', {
          params: {
            query: {
              limit: 50,
              ...(filter.q ? { q: filter.q } : {}),
              ...(filter.customerId ? { customerId: filter.customerId } : {}),
              ...(cursor ? { cursor } : {}),
            },
          },
        }),
      ),
    { enabled },
  );
}

export function useVehicle(id: string | undefined) {
  return useQuery({
    queryKey: ['staff-vehicles', 'one', id],
    queryFn: () => unwrap(api.GET('/api/vehicles/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

/** The API's limit on `?ids=` per request. */
const IDS_PER_REQUEST = 100;

/**
 * Many vehicles by id, in one request per hundred (the day board's blocks), instead of one
 * request per row; each also fills the single-vehicle cache, so opening one costs nothing.
 */
export function useVehiclesById(ids: readonly string[]) {
  const queryClient = useQueryClient();
  const wanted = [...new Set(ids)].sort();
  return useQuery({
    queryKey: ['staff-vehicles', 'by-id', wanted],
    enabled: wanted.length > 0,
    queryFn: async () => {
      const batches: string[][] = [];
      for (let i = 0; i < wanted.length; i += IDS_PER_REQUEST) batches.push(wanted.slice(i, i + IDS_PER_REQUEST));
      const pages = await Promise.all(
        batches.map((batch) =>
          unwrap(api.GET('/api/vehicles', { params: { query: { ids: batch.join(','), limit: IDS_PER_REQUEST } } })),
        ),
      );
      const byId = new Map<string, Vehicle>();
      for (const v of pages.flatMap((page) => page.items)) {
        byId.set(v.id, v);
        queryClient.setQueryData(['staff-vehicles', 'one', v.id], v);
      }
      return byId;
    },
  });
}

/** Pending VIN claims, oldest first, each beside the car registered with that VIN. */
export function useVehicleClaims() {
  return usePaged(['staff-vehicles', 'claims'], (cursor) =>
    unwrap(api.GET('/api/vehicle-claims', { params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } } })),
  );
}

/** Settles a claim: approve (the registered car moves to the claimant) or reject. */
export function useDecideClaim() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'approve' | 'reject' }) =>
      decision === 'approve'
        ? unwrap(api.POST('/api/vehicle-claims/{id}/approve', { params: { path: { id } } }))
        : unwrap(api.POST('/api/vehicle-claims/{id}/reject', { params: { path: { id } } })),
    onSettled: () => client.invalidateQueries({ queryKey: ['staff-vehicles'] }),
  });
}
