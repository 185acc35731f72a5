/** Machine-readable error codes shared by every service; the gateway maps them to HTTP once. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** Well-formed but refused as it stands (an Idempotency-Key reused with another body). */
  UNPROCESSABLE: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** The request line and headers are over Node's limit (the gateway answers it before any route). */
  REQUEST_HEADERS_TOO_LARGE: 431,
  /** The client did not finish sending its request in time (answered before any route, too). */
  REQUEST_TIMEOUT: 408,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  431: 'Request Header Fields Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export interface ErrorDetail {
  field?: string;
  message: string;
}

/** The error as it travels over NATS between a service and the gateway. */
export interface WireError {
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
  /** Seconds, for RATE_LIMITED. */
  retryAfter?: number;
}

/** The error body every HTTP client sees (API.md). */
export interface HttpErrorBody {
  statusCode: number;
  error: string;
  code: ErrorCode | string;
  message: string;
  requestId?: string;
  details?: ErrorDetail[];
}

/** A rule of the domain was broken; carries a code instead of an HTTP status. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toWire(): WireError {
    const wire: WireError = { code: this.code, message: this.message };
    if (this.details?.length) wire.details = this.details;
    if (this.retryAfter !== undefined) wire.retryAfter = this.retryAfter;
    return wire;
  }
}

/** HTTP status for an error code (the only place this mapping lives). */
export function statusOf(code: string): number {
  return Object.hasOwn(ERROR_STATUS, code) ? ERROR_STATUS[code as ErrorCode] : 500;
}

/** Reason phrase for an HTTP status. */
export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? 'Error';
}

/** Builds the HTTP error body of API.md from a status and message. */
export function httpErrorBody(
  status: number,
  message: string,
  requestId?: string,
  details?: ErrorDetail[],
  code?: string,
): HttpErrorBody {
  const body: HttpErrorBody = {
    statusCode: status,
    error: statusText(status),
    code: code ?? codeOf(status),
    message,
  };
  if (requestId) body.requestId = requestId;
  if (details?.length) body.details = details;
  return body;
}

function codeOf(status: number): string {
  const hit = Object.entries(ERROR_STATUS).find(([, s]) => s === status);
  return hit ? hit[0] : 'ERROR';
}

/** Parses an unknown value into a WireError, or returns null if it is not one. */
export function asWireError(value: unknown): WireError | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.code !== 'string' || typeof v.message !== 'string') return null;
  if (!Object.hasOwn(ERROR_STATUS, v.code)) return null;
  return v as unknown as WireError;
}

/**
 * Converts any thrown value to a safe WireError: domain errors keep their code; a backing service
 * that is away becomes SERVICE_UNAVAILABLE; data Postgres refuses (e.g. a NUL byte) VALIDATION_FAILED;
 * anything else INTERNAL. Never the original message (it may hold SQL or data).
 */
export function toWireError(err: unknown): WireError {
  if (err instanceof DomainError) return err.toWire();
  const classified = classifyInfrastructureError(err);
  if (classified) return classified;
  const wire = asWireError(err);
  if (wire && !(err instanceof Error)) return { code: wire.code, message: wire.message, details: wire.details };
  return { code: 'INTERNAL', message: 'Internal error' };
}

const UNAVAILABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN', // a DNS answer that did not come in time (a container network's resolver under load)
]);

function classifyInfrastructureError(err: unknown): WireError | null {
  if (typeof err !== 'object' || err === null) return null;
  const e = err as { code?: unknown; driverError?: { code?: unknown }; message?: unknown; name?: unknown };
  const code = typeof e.driverError?.code === 'string' ? e.driverError.code : typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  // SQLSTATE class 08 (connection), 57P01-03 (shutdown), 53 (resources), or a socket that is gone.
  if (
    /^(08|53|57P0)/.test(code) ||
    UNAVAILABLE_NODE_CODES.has(code) ||
    /Connection terminated|timeout exceeded when trying to connect/i.test(message)
  ) {
    return { code: 'SERVICE_UNAVAILABLE', message: 'A backing service is unavailable' };
  }
  // ioredis without a connection (offline queue disabled) or a command that timed out.
  if (/enableOfflineQueue|Connection is closed|Command timed out|max retries per request/i.test(message)) {
    return { code: 'SERVICE_UNAVAILABLE', message: 'A backing service is unavailable' };
  }
  // SQLSTATE class 22 (data exception): e.g. a NUL byte or a value out of range.
  if (/^22/.test(code)) return { code: 'VALIDATION_FAILED', message: 'Invalid characters or value in input' };
  return null;
}
