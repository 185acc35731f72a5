import { startTransition, useOptimistic } from 'react';
import { useNavigate, useSearchParams } from 'react-router';

/**
 * The page's choices in the URL's query (a reload or a sign-in round trip keeps them), shown at
 * once: the router's navigation is asynchronous, so the new value is optimistic until it lands.
 * Otherwise a controlled radio or checkbox would flick back for a moment after a click.
 */
export function useSearchState(): [URLSearchParams, (next: URLSearchParams, options?: { push?: boolean }) => void] {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [shown, setShown] = useOptimistic(params);
  const set = (next: URLSearchParams, options: { push?: boolean } = {}) =>
    startTransition(async () => {
      setShown(next);
      await navigate({ search: `?${next.toString()}` }, { replace: !options.push, preventScrollReset: true });
    });
  return [shown, set];
}
