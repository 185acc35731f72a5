import type { ReactNode } from 'react';
import { ApiError, describeError } from '../api/errors';

/** A loading state announced to screen readers. */
export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p role="status" className="loading">
      {what}…
    </p>
  );
}

/** Nothing to show, and what to do about it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children}
    </div>
  );
}

/**
 * An error in plain words, never raw JSON: a 429 says when to try again, a 503 names what is down
 * (the rest of the page keeps working), anything else gives the server's message and a retry.
 */
export function ErrorPanel({ error, retry, what }: { error: unknown; retry?: () => void; what?: string }) {
  const api = error instanceof ApiError ? error : undefined;
  // "<what>: …" reads right whether `what` is one thing or many ("Your cars", "The price").
  const title =
    api?.status === 503
      ? `${what ?? 'This part'}: not available right now`
      : api?.status === 0
        ? 'You seem to be offline'
        : `${what ?? 'This'}: could not be loaded`;
  return (
    <div role="alert" className="error-panel">
      <p className="error-title">{title}</p>
      <p>{describeError(error)}</p>
      {retry && (
        <button type="button" className="secondary" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** One message for a form (a field-less server error), announced when it appears. */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p role="alert" className="form-error">
      {describeError(error)}
    </p>
  );
}

/** What a list or detail needs of a TanStack query to show its states. */
export interface QueryLike<D> {
  data: D | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/**
 * A query's states, one way everywhere: "Loading…" while pending, the ErrorPanel (with a retry)
 * when it failed, `empty` when it is something to show (`empty={!items.length && <EmptyState … />}`, or a
 * function of the loaded data), else the content (`children`, or a function of the loaded data).
 */
export function QueryStates<D>({
  query,
  loading,
  what,
  empty,
  children,
}: {
  query: QueryLike<D>;
  /** The loading message ("Loading branches"). */
  loading: string;
  /** What failed to load, for the error's title ("Branches"). */
  what: string;
  empty?: ReactNode | ((data: D) => ReactNode);
  children: ReactNode | ((data: D) => ReactNode);
}) {
  if (query.isPending) return <Loading what={loading} />;
  if (query.isError) return <ErrorPanel error={query.error} what={what} retry={() => void query.refetch()} />;
  const data = query.data as D;
  const nothing = typeof empty === 'function' ? empty(data) : empty;
  if (nothing) return <>{nothing}</>;
  return <>{typeof children === 'function' ? children(data) : children}</>;
}
