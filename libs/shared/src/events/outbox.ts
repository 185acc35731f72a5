import { EVENT_PUBLISHERS, EVENT_SCHEMAS, type EventData, type EventType } from '../contracts/events.contracts.js';
import { SERVICE_SCHEMAS } from '../service/service-schema.js';
import { newEvent } from './event.js';
import type { Tx } from '../db/transactions.js';
import { insertOutboxRow } from './outbox-table.js';
import { currentTraceparent } from '../tracing/tracing.js';

export { outboxTableSql, outboxTraceparentSql } from './outbox-table.js';

/**
 * Records an event in its publisher's outbox (EVENT_PUBLISHERS names the service, SERVICE_SCHEMAS
 * its schema), inside the caller's transaction, so the event exists if and only if the change
 * commits; returns its id. The data is parsed with the event's schema first: a mistake fails the
 * change that made it, not the consumers that would read it. The row keeps the traceparent of
 * the traced work that wrote it, so the event's handling joins that trace.
 */
export async function appendEvent<T extends EventType>(tx: Tx, type: T, data: EventData<T>): Promise<string> {
  const event = newEvent(type, EVENT_SCHEMAS[type].parse(data));
  await insertOutboxRow(tx, outboxSchemaOf(EVENT_PUBLISHERS[type]), event, currentTraceparent());
  return event.id;
}

/** The schema whose outbox holds a service's events (the relay reads it, appendEvent writes it). */
export function outboxSchemaOf(service: keyof typeof SERVICE_SCHEMAS): string {
  return SERVICE_SCHEMAS[service];
}

/** Whether a service publishes events at all, so has an outbox to relay (EVENT_PUBLISHERS says). */
export function publishesEvents(service: string): boolean {
  return Object.values<string>(EVENT_PUBLISHERS).includes(service);
}
