import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import { unwrap } from '../errors';
import type { AccountStatus } from '../types';
import { usePaged } from './paging';

export function useCustomerSearch(q: string) {
  return usePaged(['staff-customers', 'list', q], (cursor) =>
    unwrap(
      api.GET('/api/customers', {
        params: { query: { limit: 50, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
}

export function useCustomer(id: string | undefined) {
  return useQuery({
    queryKey: ['staff-customers', 'one', id],
    queryFn: () => unwrap(api.GET('/api/customers/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

export function useSetCustomerStatus(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (status: AccountStatus) =>
      unwrap(api.PATCH('/api/customers/{id}/status', { params: { path: { id } }, body: { status } })),
    onSettled: () => client.invalidateQueries({ queryKey: ['staff-customers'] }),
  });
}
