import { useQuery } from '@tanstack/react-query';
import { api } from '../client';
import { unwrap } from '../errors';

/** The dashboard figures, scoped by the server (staff: their branches); one branch or all. */
export function useDashboard(branchId: string | undefined) {
  return useQuery({
    queryKey: ['dashboard', branchId ?? null],
    queryFn: () => unwrap(api.GET('/api/dashboard', { params: { query: branchId ? { branchId } : {} } })),
    refetchInterval: 60_000,
  });
}
