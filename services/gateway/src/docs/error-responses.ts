import type { Access, HttpBinding, Role } from '@garage/shared';
import type { JsonSchema } from './json-schema.js';

/** API.md's error body, the only shape an error has (the gateway's HttpErrorFilter writes it). */
export const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['statusCode', 'error', 'message'],
  properties: {
    statusCode: { type: 'integer', minimum: 400, maximum: 599, description: 'The HTTP status, repeated.' },
    error: { type: 'string', description: 'Its reason phrase, e.g. `Conflict`.' },
    code: { type: 'string', description: 'Machine-readable, e.g. `VALIDATION_FAILED`, `CONFLICT`.' },
    message: { type: 'string', description: 'For people; never a stack trace or SQL.' },
    requestId: { type: 'string', description: 'The `X-Request-Id` of the request, for the logs.' },
    details: {
      type: 'array',
      description: 'With a 400: which field, what is wrong with it.',
      items: {
        type: 'object',
        required: ['message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

export const ERROR_REF = '#/components/schemas/Error';

/** What the document knows of an operation, from its contract, that tells which errors it can answer. */
export interface RouteShape {
  http: HttpBinding;
  /** Who may call it (the contract's `access`). */
  access: Access;
  /** Path, query and header parameters. */
  parameters: ReadonlyArray<{ name: string; in: string }>;
  /** The request's JSON Schema once path and header fields are taken out (the body, or the query of a GET). */
  request: JsonSchema;
  /** The response carries a session token: the route signs in. */
  signsIn: boolean;
  /** It takes an `Idempotency-Key`. */
  idempotent: boolean;
}

/** Node refuses a request line and headers over its limit (16 KiB) before any route: a long query string too. */
export const HEADERS_TOO_LARGE = 'The URL and headers together are over 16 KiB';

const ROLES: readonly Role[] = ['admin', 'staff', 'customer'];

const ROLE_NAMES: Record<Role, string> = { admin: 'admins', staff: 'staff', customer: 'customers' };

/** Request fields that name another resource by id (a UUID, or a list of them): an unknown one is a 404. */
function idFields(request: JsonSchema): string[] {
  const properties = (request.properties as Record<string, JsonSchema> | undefined) ?? {};
  const isUuid = (s: JsonSchema | undefined) => s?.format === 'uuid';
  return Object.entries(properties)
    .filter(([, s]) => isUuid(s) || isUuid(s.items as JsonSchema | undefined))
    .map(([name]) => name);
}

/**
 * The errors an operation can answer, each with why, derived from its contract's shape and what
 * the gateway does to every request: validation (400), the session and access guards (401, 403,
 * CSRF), the ids it names (404), writes (409), the body parser (413, 415), the throttle (429) and
 * the services behind it over NATS (503), and Node's limit on the request line and headers (431). Anything else (a 500) is the `default` response.
 */
export function errorReasonsOf(route: RouteShape): Map<number, string[]> {
  const { http, access, parameters, request, signsIn, idempotent } = route;
  const reasons = new Map<number, string[]>();
  const add = (status: number, why: string) => reasons.set(status, [...(reasons.get(status) ?? []), why]);
  const write = http.method !== 'GET';
  const pathIds = parameters.filter((p) => p.in === 'path').map((p) => p.name);
  const refusesUnknownFields = request.additionalProperties === false;

  if (write || parameters.length > 0 || refusesUnknownFields) {
    add(400, 'Invalid input: `details` names each field and what is wrong with it');
  }
  if (write) add(400, 'A body that is not well-formed JSON');
  if (access === 'signed-in' || Array.isArray(access)) {
    add(401, 'Not signed in: the session is missing, expired or revoked');
  }
  if (signsIn) add(401, 'Wrong credentials (the same answer whether the account exists or not)');
  if (Array.isArray(access)) {
    const may = access as readonly Role[];
    if (ROLES.some((role) => !may.includes(role))) add(403, `Only ${may.map((r) => ROLE_NAMES[r]).join(', ')} may`);
  }
  if (access !== 'public') add(403, "Not this account's to see or change (e.g. staff outside their branches)");
  if (write) add(403, 'Signed in by cookie from an Origin that is not allowed (CSRF)');
  if (signsIn) add(403, 'The account is suspended or awaiting activation');
  if (pathIds.length) add(404, `Nothing the caller may see has this ${pathIds.join(', ')}`);
  const named = idFields(request);
  if (named.length) add(404, `A ${named.join(', ')} that names nothing the caller may see`);
  // Creating (201), changing a resource named in the path, or signing in can meet a state that refuses it.
  if (write && (http.status === 201 || pathIds.length > 0 || signsIn)) {
    add(409, 'Conflicts with the current state: a duplicate, a slot taken meanwhile, a stale status or stock');
  }
  if (write) {
    add(413, 'The body is too large');
    add(415, 'The body is not JSON');
  }
  if (idempotent) add(422, 'The same Idempotency-Key came earlier with a different body');
  add(429, 'Too many requests: try again after `Retry-After` seconds');
  add(431, HEADERS_TOO_LARGE);
  if (signsIn) add(429, 'Too many failed sign-ins from this address or for this account');
  add(503, 'A service behind the gateway, or the session store, is unavailable: try again later');
  return reasons;
}

/** The OpenAPI response of an error status: the reasons, and the shared `Error` body. */
export function errorResponse(status: number, reasons: string[]): JsonSchema {
  const response: JsonSchema = {
    description: reasons.join('. ') + '.',
    content: { 'application/json': { schema: { $ref: ERROR_REF } } },
  };
  if (status === 429) {
    response.headers = {
      'Retry-After': { description: 'Seconds until a request may succeed.', schema: { type: 'integer' } },
    };
  }
  return response;
}

/** The error responses of an operation, by status, plus `default` for the unexpected (500). */
export function errorResponsesOf(route: RouteShape): Record<string, JsonSchema> {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, reasons] of [...errorReasonsOf(route)].sort(([a], [b]) => a - b)) {
    responses[status] = errorResponse(status, reasons);
  }
  responses.default = errorResponse(500, [
    'Unexpected: something failed that should not have (logged with the request id)',
  ]);
  return responses;
}
