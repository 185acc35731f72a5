/** An error answer of the API (API.md's error shape), or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly details: { field?: string; message?: string }[] = [],
    /** Seconds to wait, from Retry-After (429). */
    readonly retryAfterSeconds?: number,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The messages of fields the server named, by field name. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of this.details) if (d.field && d.message && !out[d.field]) out[d.field] = d.message;
    return out;
  }
}

interface ErrorShape {
  message?: unknown;
  code?: unknown;
  details?: unknown;
  requestId?: unknown;
}

/** Turns an error answer into an ApiError; never shows raw JSON. */
export function toApiError(response: Response, body: unknown): ApiError {
  const shape = (typeof body === 'object' && body !== null ? body : {}) as ErrorShape;
  const retry = Number(response.headers.get('retry-after'));
  return new ApiError(
    response.status,
    typeof shape.message === 'string' ? shape.message : fallbackMessage(response.status),
    typeof shape.code === 'string' ? shape.code : undefined,
    Array.isArray(shape.details) ? shape.details : [],
    Number.isFinite(retry) && retry > 0 ? retry : undefined,
    typeof shape.requestId === 'string' ? shape.requestId : (response.headers.get('x-request-id') ?? undefined),
  );
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'Please sign in.';
  if (status === 403) return 'You are not allowed to do that.';
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many attempts. Please wait and try again.';
  if (status >= 500) return 'The service is unavailable. Please try again shortly.';
  return 'Something went wrong.';
}

type Result<T> = { data?: T; error?: unknown; response: Response };

/**
 * Awaits an openapi-fetch call and gives its data, or throws an ApiError (a network failure is
 * status 0). Every hook goes through here, so errors look the same everywhere.
 */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch {
    throw new ApiError(0, 'Cannot reach the server. Check your connection and try again.');
  }
  if (!result.response.ok) throw toApiError(result.response, result.error);
  return result.data as T;
}

/** Plain words for an error, for one message at the top of a form or panel. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  if (error.status === 429 && error.retryAfterSeconds)
    return `${error.message} Try again in ${formatWait(error.retryAfterSeconds)}.`;
  return error.message;
}

/** "45 seconds", "5 minutes". */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
