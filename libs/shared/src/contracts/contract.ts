import { z } from 'zod';
import { DomainError, type ErrorDetail } from '../errors.js';

export type Role = 'admin' | 'staff' | 'customer';

/**
 * Who may send a message, checked by the gateway for a route and again by the service that owns
 * the data (`@Handles`), from this one declaration:
 * - `'public'`: anyone, signed in or not (the service may still tailor the answer to the principal);
 * - `'signed-in'`: any session;
 * - a list of roles: a session with one of them;
 * - `'services'`: only services send it (NATS permissions let just its `callers` publish), acting
 *   for themselves or for staff; a customer's session never drives it. Never an HTTP route.
 */
export type Access = 'public' | 'signed-in' | readonly Role[] | 'services';

/** How a message is exposed over HTTP by the gateway (also feeds the OpenAPI document). */
export interface HttpBinding {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  status: 200 | 201 | 204;
  summary: string;
  tag: string;
  /** The body's media type when it is not JSON (a CSV export); the response schema then describes text. */
  produces?: 'text/csv';
}

/** A process that sends requests over NATS: the gateway or one of the services. */
export type Caller = 'gateway' | 'auth' | 'catalog' | 'bookings' | 'inventory';

/** One NATS request/reply message: its subject pattern and the schemas of both sides. */
export interface MessageContract<
  Req extends z.ZodType = z.ZodType,
  Res extends z.ZodType = z.ZodType,
  A extends Access = Access,
> {
  /** `<service>.<resource>.<verb>`: the first word names the service that answers it. */
  pattern: string;
  access: A;
  request: Req;
  response: Res;
  http?: HttpBinding;
  /**
   * Who else sends it, besides the gateway for an `http` route. A deployment's NATS users may
   * publish only the subjects whose contracts name them (see nats/permissions.ts).
   */
  callers?: readonly Caller[];
}

/** Declares a message contract (identity function that keeps the types). */
export function defineMessage<Req extends z.ZodType, Res extends z.ZodType, const A extends Access>(
  contract: MessageContract<Req, Res, A>,
): MessageContract<Req, Res, A> {
  return contract;
}

/** Turns zod issues into the `details` of a validation error. */
export function issuesToDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.slice(0, 20).map((issue) => {
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys.join(',')] : issue.path;
    return { field: path.length ? path.join('.') : undefined, message: issue.message };
  });
}

/** Validates a value against a schema; a failure is a VALIDATION_FAILED domain error with details. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new DomainError('VALIDATION_FAILED', 'Invalid input', issuesToDetails(result.error));
}
