import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import { unwrap } from '../errors';
import type { StaffAccountInput, StaffAccountUpdate } from '../types';
import { usePaged } from './paging';

const KEY = ['staff-users'] as const;

export function useUsers(q: string) {
  return usePaged([...KEY, q], (cursor) =>
    unwrap(
      api.GET('/api/users', { params: { query: { limit: 50, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) } } }),
    ),
  );
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StaffAccountInput) => unwrap(api.POST('/api/users', { body })),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: StaffAccountUpdate }) =>
      unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body })),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
