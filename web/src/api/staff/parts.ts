import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import { unwrap } from '../errors';
import type { PartInput, PartUpdate, StockAdjustment, StockTransfer } from '../types';
import { usePaged } from './paging';

const KEY = ['staff-parts'] as const;

export function useStockList(filter: { branchId?: string; lowStock?: boolean; q?: string }) {
  return usePaged([...KEY, 'list', filter], (cursor) =>
    unwrap(
      api.GET('/api/parts', {
        params: {
          query: {
            limit: 50,
            ...(filter.branchId ? { branchId: filter.branchId } : {}),
            ...(filter.lowStock ? { lowStock: 'true' as const } : {}),
            ...(filter.q ? { q: filter.q } : {}),
            ...(cursor ? { cursor } : {}),
          },
        },
      }),
    ),
  );
}

/** A part and its stock at every branch of the chain. */
export function usePartStock(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'stock', id],
    queryFn: () => unwrap(api.GET('/api/parts/{id}/stock', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

export function useMovements(id: string | undefined, branchId?: string) {
  return usePaged(
    [...KEY, 'movements', id, branchId ?? null],
    (cursor) =>
      unwrap(
        api.GET('/api/parts/{id}/movements', {
          params: {
            path: { id: id! },
            query: { limit: 50, ...(branchId ? { branchId } : {}), ...(cursor ? { cursor } : {}) },
          },
        }),
      ),
    { enabled: Boolean(id) },
  );
}

function useInvalidateStock() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: KEY });
    void client.invalidateQueries({ queryKey: ['dashboard'] });
  };
}

export function useAdjustStock(id: string) {
  const invalidate = useInvalidateStock();
  return useMutation({
    mutationFn: (body: StockAdjustment) =>
      unwrap(api.POST('/api/parts/{id}/adjust', { params: { path: { id } }, body })),
    onSettled: invalidate,
  });
}

export function useTransferStock(id: string) {
  const invalidate = useInvalidateStock();
  return useMutation({
    mutationFn: (body: StockTransfer) =>
      unwrap(api.POST('/api/parts/{id}/transfer', { params: { path: { id } }, body })),
    onSettled: invalidate,
  });
}

export function useSavePart() {
  const invalidate = useInvalidateStock();
  return useMutation({
    mutationFn: (input: { id?: string; body: PartInput | PartUpdate }) =>
      input.id
        ? unwrap(api.PATCH('/api/parts/{id}', { params: { path: { id: input.id } }, body: input.body }))
        : unwrap(api.POST('/api/parts', { body: input.body as PartInput })),
    onSettled: invalidate,
  });
}
