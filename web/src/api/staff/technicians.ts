import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import { unwrap } from '../errors';
import type { Technician, TechnicianInput, TechnicianUpdate } from '../types';

const KEY = ['staff-technicians'] as const;

/** Every technician (active or not), of one branch or all the caller may see. */
export function useTechnicians(branchId?: string) {
  return useQuery({
    queryKey: [...KEY, branchId ?? null],
    queryFn: async () => {
      const items: Technician[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 20; i++) {
        const page = await unwrap(
          api.GET('/api/technicians', {
            params: {
              query: {
                limit: 100,
                includeInactive: 'true',
                ...(branchId ? { branchId } : {}),
                ...(cursor ? { cursor } : {}),
              },
            },
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

export function useSaveTechnician() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; body: TechnicianInput | TechnicianUpdate }) =>
      input.id
        ? unwrap(api.PATCH('/api/technicians/{id}', { params: { path: { id: input.id } }, body: input.body }))
        : unwrap(api.POST('/api/technicians', { body: input.body as TechnicianInput })),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
