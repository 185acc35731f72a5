import { connect, type NatsConnection } from '@nats-io/transport-node';

/** A NATS user and password (a deployment gives each service its own, with subject permissions). */
export interface NatsCredentials {
  user?: string;
  pass?: string;
}

const inboxPrefixes = new WeakMap<NatsConnection, string>();

/**
 * The inbox prefix a process's replies arrive under: `_INBOX_<name>`, so a NATS user may be
 * allowed to subscribe to its own replies and never to another service's.
 */
export function inboxPrefixFor(name: string): string {
  return `_INBOX_${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** The inbox prefix a connection made by connectNats uses. */
export function inboxPrefixOf(nc: NatsConnection): string {
  return inboxPrefixes.get(nc) ?? '_INBOX';
}

/** The credentials of a service's NATS_USER / NATS_PASSWORD, if it has them. */
export function natsAuth(config: { NATS_USER?: string; NATS_PASSWORD?: string }): NatsCredentials {
  return config.NATS_USER ? { user: config.NATS_USER, pass: config.NATS_PASSWORD } : {};
}

/** Connects to NATS with settings suited to request/reply services: endless reconnects, no per-request stack capture. */
export async function connectNats(
  url: string,
  name: string,
  credentials: NatsCredentials = {},
): Promise<NatsConnection> {
  const inboxPrefix = inboxPrefixFor(name);
  const nc = await connect({
    servers: url.split(','),
    name,
    ...credentials,
    inboxPrefix,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    // Capturing an Error per request for async stack traces costs measurable throughput.
    noAsyncTraces: true,
  });
  inboxPrefixes.set(nc, inboxPrefix);
  return nc;
}

/** Full NATS subject of a message pattern under a deployment's prefix. */
export function subjectOf(prefix: string, pattern: string): string {
  return `${prefix}.${pattern}`;
}

export const REQUEST_ID_HEADER = 'x-request-id';
export const ERROR_HEADER = 'x-error';
