import { randomUUID } from 'node:crypto';

/** A fact one service tells the others, as it travels on JetStream. */
export interface DomainEvent<T = unknown> {
  /** Also the JetStream `Nats-Msg-Id`, so a re-publish is dropped as a duplicate. */
  id: string;
  /** Dotted name, e.g. `part.price_changed`; the subject is `<NATS_PREFIX>.events.<type>`. */
  type: string;
  occurredAt: string;
  data: T;
}

/** Builds an event with a fresh id. */
export function newEvent<T>(type: string, data: T): DomainEvent<T> {
  return { id: randomUUID(), type, occurredAt: new Date().toISOString(), data };
}

/** The JetStream stream that carries every event of a deployment (one per NATS_PREFIX). */
export function eventStreamName(prefix: string): string {
  return `${prefix}_events`;
}

/** The subject an event type is published on. */
export function eventSubject(prefix: string, type: string): string {
  return `${prefix}.events.${type}`;
}
