import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { ApiError, unwrap } from './errors';
import type { components, operations } from './schema';

export type Me = operations['auth.me']['responses'][200]['content']['application/json'];
export type StaffUser = Extract<Me, { kind: 'user' }>['user'];
export type CustomerAccount = Extract<Me, { kind: 'customer' }>['customer'];
export type ErrorBody = components['schemas']['Error'];

export const SESSION_KEY = ['session'] as const;

/** Who is signed in (by the HttpOnly cookie), or null. A 401 here just means "nobody". */
export const sessionQuery = queryOptions({
  queryKey: SESSION_KEY,
  queryFn: async (): Promise<Me | null> => {
    try {
      return await unwrap(api.GET('/api/me'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return null;
      throw err;
    }
  },
  staleTime: 5 * 60_000,
});

export function useSession() {
  return useQuery(sessionQuery);
}

/** Drops everything cached for the old account and marks the session as ended. */
export function useEndSession() {
  const client = useQueryClient();
  return () => {
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    client.setQueryData(SESSION_KEY, null);
  };
}

/** Only a path of this site is a place to return to after signing in (no open redirect). */
export function safeNext(next: string | null | undefined, fallback: string): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback;
}
