import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './errors';
import { SESSION_KEY } from './session';

/**
 * One query client. A 401 from any call made while signed in ends the session in the cache: the
 * page's sign-in guard then sends the user to sign in and back to where they were. Calls that
 * expect a 401 as an answer (signing in, the session probe) set `meta.expectsUnauthorized`.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => onError(error, query.meta?.expectsUnauthorized === true),
    }),
    mutationCache: new MutationCache({
      onError: (error, _v, _c, mutation) => onError(error, mutation.meta?.expectsUnauthorized === true),
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors will not change on retry; a network blip or a 503 may.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
  function onError(error: unknown, expected: boolean) {
    if (expected || !(error instanceof ApiError) || error.status !== 401) return;
    if (client.getQueryData(SESSION_KEY)) client.setQueryData(SESSION_KEY, null);
  }
  return client;
}
