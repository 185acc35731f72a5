import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import { unwrap } from '../errors';
import type { BranchInput, BranchUpdate, ServiceInput, ServiceOffering, ServiceUpdate } from '../types';

/** Every service, inactive ones too (the catalog editor). */
export function useAllServices() {
  return useQuery({
    queryKey: ['service-catalog', 'all'],
    queryFn: async () => {
      const items: ServiceOffering[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 20; i++) {
        const page = await unwrap(
          api.GET('/api/service-catalog', {
            params: { query: { limit: 100, includeInactive: 'true', ...(cursor ? { cursor } : {}) } },
          }),
        );
        items.push(...page.items);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return items;
    },
  });
}

export function useSaveService() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; body: ServiceInput | ServiceUpdate }) =>
      input.id
        ? unwrap(api.PATCH('/api/service-catalog/{id}', { params: { path: { id: input.id } }, body: input.body }))
        : unwrap(api.POST('/api/service-catalog', { body: input.body as ServiceInput })),
    onSettled: () => client.invalidateQueries({ queryKey: ['service-catalog'] }),
  });
}

/** Every branch, closed ones too (the branch editor). */
export function useAllBranches() {
  return useQuery({
    queryKey: ['branches', 'all'],
    queryFn: () => unwrap(api.GET('/api/branches', { params: { query: { limit: 100, includeInactive: 'true' } } })),
  });
}

export function useSaveBranch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; body: BranchInput | BranchUpdate }) =>
      input.id
        ? unwrap(api.PATCH('/api/branches/{id}', { params: { path: { id: input.id } }, body: input.body }))
        : unwrap(api.POST('/api/branches', { body: input.body as BranchInput })),
    onSettled: () => client.invalidateQueries({ queryKey: ['branches'] }),
  });
}
