import { useQuery } from '@tanstack/react-query';
import { api } from '../client';
import { unwrap } from '../errors';
import type { operations } from '../schema';
import type { Page, StaffAccount } from '../types';
import { usePaged } from './paging';

type AuditList = operations['auth.audit.list'];
/** The audit log's filters (GET /api/audit and its CSV export), without the paging. */
export type AuditQuery = Omit<NonNullable<AuditList['parameters']['query']>, 'cursor' | 'limit'>;
export type AuditEntry = AuditList['responses'][200]['content']['application/json']['items'][number];
export type AuditAction = AuditEntry['action'];
export type AuditActor = AuditEntry['actor'];

/** The audit log, newest first, paged ("Load more"); admins only, so idle for anyone else. */
export function useAuditLog(query: AuditQuery, enabled: boolean) {
  return usePaged<AuditEntry>(
    ['audit', query],
    (cursor) =>
      unwrap(api.GET('/api/audit', { params: { query: { ...query, limit: 50, ...(cursor ? { cursor } : {}) } } })),
    { enabled },
  );
}

/**
 * Every staff and admin account's username by id, for the names of the people in the log: one
 * request per 100 accounts (not one per row). Under the users' key, so adding or editing a user refreshes it.
 */
export function useStaffNames(enabled: boolean) {
  return useQuery({
    queryKey: ['staff-users', 'names'],
    enabled,
    staleTime: 60_000,
    queryFn: async () => {
      const names = new Map<string, string>();
      let cursor: string | undefined;
      for (let i = 0; i < 20; i++) {
        const page: Page<StaffAccount> = await unwrap(
          api.GET('/api/users', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } }),
        );
        for (const u of page.items) names.set(u.id, u.username);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return names;
    },
  });
}
