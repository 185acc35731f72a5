import { useQuery } from '@tanstack/react-query';
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
