import { HttpException } from '@nestjs/common';
import { DomainError, httpErrorBody, statusOf, statusText, type HttpErrorBody } from '@garage/shared';

export interface MappedError {
  status: number;
  body: HttpErrorBody;
  retryAfter?: number;
}

/** Maps anything thrown while serving a request to API.md's error body; unknown errors never leak their text. */
export function mapError(err: unknown, requestId: string): MappedError {
  if (err instanceof DomainError) {
    const status = statusOf(err.code);
    return {
      status,
      body: httpErrorBody(status, err.message, requestId, err.details, err.code),
      retryAfter: err.retryAfter,
    };
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const response = err.getResponse();
    const message =
      typeof response === 'object' && response && 'message' in response && typeof response.message === 'string'
        ? response.message
        : err.message;
    return { status, body: httpErrorBody(status, status === 429 ? 'Too many requests' : message, requestId) };
  }
  // A client error raised by Fastify itself (Nest normally wraps these as HttpExceptions above).
  const fastify = err as { statusCode?: number };
  if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    return {
      status: fastify.statusCode,
      body: httpErrorBody(fastify.statusCode, statusText(fastify.statusCode), requestId),
    };
  }
  return { status: 500, body: httpErrorBody(500, 'Internal error', requestId) };
}
