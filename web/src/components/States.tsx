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
