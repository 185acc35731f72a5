import { statusText } from '@garage/shared';
import { LEAK, type HttpResult } from './http.js';
import type { OpenApiConformance } from './openapi-conformance.js';

/** The keys of API.md's error body; no other may appear. */
const ERROR_KEYS = new Set(['statusCode', 'error', 'code', 'message', 'requestId', 'details']);

/**
 * What is wrong with an error reply by API.md: a JSON body `{ statusCode, error, code, message,
 * requestId, details? }` whose status is the HTTP status, whose reason phrase is that status's,
 * whose request id is the `X-Request-Id` sent back, and whose details say field and message only.
 */
export function errorShapeProblems(res: HttpResult<unknown>): string[] {
  const problems: string[] = [];
  const type = res.headers.get('content-type') ?? '';
  if (!type.startsWith('application/json')) problems.push(`content-type "${type}", not application/json`);
  const body = res.body as Record<string, unknown> | null;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return [...problems, `error body is not a JSON object: ${res.text.slice(0, 200)}`];
  }
  const strangers = Object.keys(body).filter((k) => !ERROR_KEYS.has(k));
  if (strangers.length) problems.push(`error body has keys API.md does not name: ${strangers.join(', ')}`);
  if (body.statusCode !== res.status) problems.push(`statusCode ${String(body.statusCode)} ≠ HTTP ${res.status}`);
  if (body.error !== statusText(res.status)) problems.push(`error "${String(body.error)}" for ${res.status}`);
  if (typeof body.code !== 'string' || !/^[A-Z_]+$/.test(body.code)) problems.push(`code ${JSON.stringify(body.code)}`);
  if (typeof body.message !== 'string' || !body.message) problems.push(`message ${JSON.stringify(body.message)}`);
  const requestId = res.headers.get('x-request-id');
  if (!requestId || body.requestId !== requestId) {
    problems.push(`requestId ${JSON.stringify(body.requestId)}, X-Request-Id ${JSON.stringify(requestId)}`);
  }
  if (body.details !== undefined) {
    const fine =
      Array.isArray(body.details) &&
      body.details.every(
        (d: unknown) =>
          typeof d === 'object' &&
          d !== null &&
          typeof (d as { message?: unknown }).message === 'string' &&
          ['undefined', 'string'].includes(typeof (d as { field?: unknown }).field) &&
          Object.keys(d).every((k) => k === 'field' || k === 'message'),
      );
    if (!fine) problems.push(`details ${JSON.stringify(body.details).slice(0, 200)}`);
  }
  return problems;
}

/** A reply to one fuzzed request, and what the fuzzer knows of its route. */
export interface FuzzedReply {
  method: string;
  url: string;
  /** The route needs a session (its document lists a security scheme). */
  needsSession: boolean;
  /** The request carried no session of a known account. */
  anonymous: boolean;
  res: HttpResult<unknown>;
}

/**
 * The properties every reply must have, whatever was sent: no 5xx; an error in API.md's shape; no
 * hash, stack trace or SQL; a status and body the OpenAPI document lists for the operation; and no
 * success for a caller without a session on a route that needs one.
 */
export function replyProblems(api: OpenApiConformance, reply: FuzzedReply): string[] {
  const { method, url, res } = reply;
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`${res.status}: a server error (${res.text.slice(0, 200)})`);
  if (res.status >= 400) problems.push(...errorShapeProblems(res));
  if (LEAK.test(res.text)) problems.push(`the reply leaks internals: ${res.text.slice(0, 200)}`);
  problems.push(...api.check(method, url, res).problems);
  if (reply.needsSession && reply.anonymous && res.status < 400) {
    problems.push(`${res.status} without a session on a route that needs one`);
  }
  return problems;
}
