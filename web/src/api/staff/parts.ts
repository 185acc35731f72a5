import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import { unwrap } from '../errors';
import type { PartInput, PartUpdate, StockAdjustment, StockLevel, StockTransfer } from '../types';
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

/**
 * Parts at or below their reorder level, up to 300 rows, the ones actually held first. The list
 * counts a part a branch has never stocked as 0 available (so low), unlike the dashboard's count,
 * which counts only stock rows: parts with something on hand or reserved lead, then the closest to
 * running out.
 */
export function useLowStock(branchId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'low', branchId ?? null],
    queryFn: async () => {
      const items: StockLevel[] = [];
      let cursor: string | undefined;
      let more = false;
      for (let i = 0; i < 3; i++) {
        const page = await unwrap(
          api.GET('/api/parts', {
            params: {
              query: { limit: 100, lowStock: 'true', ...(branchId ? { branchId } : {}), ...(cursor ? { cursor } : {}) },
            },
          }),
        );
        items.push(...page.items);
        more = Boolean(page.nextCursor);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      const held = (s: StockLevel) => (s.onHand > 0 || s.reserved > 0 ? 0 : 1);
      items.sort(
        (a, b) =>
          held(a) - held(b) ||
          a.available - a.reorderLevel - (b.available - b.reorderLevel) ||
          a.sku.localeCompare(b.sku),
      );
      return { items, more };
    },
    refetchInterval: 60_000,
  });
}
