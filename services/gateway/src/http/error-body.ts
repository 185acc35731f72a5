import { HttpException } from '@nestjs/common';
import { DomainError, httpErrorBody, statusOf, type ErrorDetail, type HttpErrorBody } from '@garage/shared';

export interface MappedError {
  status: number;
  body: HttpErrorBody;
  retryAfter?: number;
}

const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'Malformed JSON body',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Empty JSON body',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Request body is larger than 100 KiB',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported Content-Type; send application/json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Content-Length does not match the body',
};

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
  const fastify = err as { statusCode?: number; code?: string; validation?: unknown };
  if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    const message = (fastify.code && FASTIFY_MESSAGES[fastify.code]) ?? 'Bad request';
    const details: ErrorDetail[] | undefined =
      fastify.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ? [{ message }] : undefined;
    return { status: fastify.statusCode, body: httpErrorBody(fastify.statusCode, message, requestId, details) };
  }
  return { status: 500, body: httpErrorBody(500, 'Internal error', requestId) };
}
