import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { httpErrorBody, statusOf, statusText, type ErrorCode } from '@garage/shared';

/**
 * Requests Fastify and Node refuse before any route or hook runs. Their own answers have another
 * body, no request id and no security headers; these write API.md's error body like every other
 * answer of the gateway, and never echo the URL back.
 */

/** What each refusal is called by Fastify's router or Node's parser, as API.md's code and message. */
const REFUSALS: Readonly<Record<string, readonly [ErrorCode, string]>> = {
  FST_ERR_BAD_URL: ['VALIDATION_FAILED', 'The URL has a malformed percent-encoding'],
  FST_ERR_MAX_PARAM_LENGTH: ['VALIDATION_FAILED', 'A path segment is too long'],
  HPE_HEADER_OVERFLOW: ['REQUEST_HEADERS_TOO_LARGE', 'The request line and headers are too large'],
  ERR_HTTP_REQUEST_TIMEOUT: ['REQUEST_TIMEOUT', 'The request did not arrive in time'],
};

/** The router's refusals: a malformed `%` escape in the path, or a path parameter past maxParamLength. */
export function frameworkErrorReply(staticHeaders: Record<string, string>) {
  return (error: FastifyError, req: FastifyRequest, reply: FastifyReply): void => {
    const [code, message] = REFUSALS[error.code] ?? ['INTERNAL', 'Internal error'];
    const status = statusOf(code);
    void reply
      .code(status)
      .headers(staticHeaders)
      .header('x-request-id', req.id)
      .header('content-type', 'application/json; charset=utf-8')
      .send(JSON.stringify(httpErrorBody(status, message, String(req.id), undefined, code)));
  };
}

/** Node's refusals of what is not a request it can read: headers over its limit, too slow, malformed. */
export function clientErrorReply(staticHeaders: Record<string, string>) {
  return (err: NodeJS.ErrnoException, socket: Duplex): void => {
    // A reset connection has nobody left to answer.
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const [code, message] = (err.code && REFUSALS[err.code]) || ['VALIDATION_FAILED', 'The request is not valid HTTP'];
    const status = statusOf(code);
    const requestId = randomUUID();
    const body = JSON.stringify(httpErrorBody(status, message, requestId, undefined, code));
    const headers = {
      ...staticHeaders,
      'x-request-id': requestId,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
    };
    if (!socket.writable) {
      socket.destroy(err);
      return;
    }
    const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
    socket.end(`HTTP/1.1 ${status} ${statusText(status)}\r\n${lines.join('')}\r\n${body}`, () => socket.destroy());
  };
}
