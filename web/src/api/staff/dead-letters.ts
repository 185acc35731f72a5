import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import { unwrap } from '../errors';
import type { DeadLetterQuery } from '../types';
import { usePaged } from './paging';

const KEY = ['staff-dead-letters'] as const;

/** Dead letters, newest first (admins only), filtered by consumer and event type. */
export function useDeadLetters(filter: Pick<DeadLetterQuery, 'durable' | 'type'>) {
  return usePaged([...KEY, filter], (cursor) =>
    unwrap(
      api.GET('/api/admin/dead-letters', {
        params: { query: { limit: 50, ...filter, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
}

/** Hands a dead letter to the consumer that failed it; the list is read again whatever the answer. */
export function useReplayDeadLetter() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/admin/dead-letters/{id}/replay', { params: { path: { id } } })),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
