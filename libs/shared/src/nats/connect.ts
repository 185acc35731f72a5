import { connect, type NatsConnection } from '@nats-io/transport-node';

/** Connects to NATS with settings suited to request/reply services: endless reconnects, no per-request stack capture. */
export async function connectNats(url: string, name: string): Promise<NatsConnection> {
  return connect({
    servers: url.split(','),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    // Capturing an Error per request for async stack traces costs measurable throughput.
    noAsyncTraces: true,
  });
}

/** Full NATS subject of a message pattern under a deployment's prefix. */
export function subjectOf(prefix: string, pattern: string): string {
  return `${prefix}.${pattern}`;
}

export const REQUEST_ID_HEADER = 'x-request-id';
export const ERROR_HEADER = 'x-error';
