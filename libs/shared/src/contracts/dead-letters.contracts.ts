import { z } from 'zod';
import { defineMessage } from './contract.js';
import { PageQuery, encodeCursor, pageOf } from './common.js';
import { EVENT_SCHEMAS, EVENT_SUBSCRIPTIONS, type EventType } from './events.contracts.js';
import type { ServiceName } from './health.contracts.js';

/**
 * Dead letters: events a durable consumer gave up on after EVENT_MAX_DELIVERIES deliveries (or
 * could not read), kept on the dead-letter stream until an admin replays them. Each consuming
 * service answers for its own durables; the gateway merges their lists and sends a replay to
 * the service that owns the dead letter's durable (README, "Dead letters").
 */

const durables = Object.values(EVENT_SUBSCRIPTIONS).map((s) => s.durable);
/** A durable consumer of EVENT_SUBSCRIPTIONS. */
export const Durable = z.enum(durables as [string, ...string[]]);
export const DeclaredEventType = z.enum(Object.keys(EVENT_SCHEMAS) as [EventType, ...EventType[]]);

/** The services that run durable consumers, so keep dead letters and answer for them. */
export const CONSUMING_SERVICES: readonly ServiceName[] = [
  ...new Set(Object.values(EVENT_SUBSCRIPTIONS).map((s) => s.service)),
];

/** The service that runs a durable consumer, or undefined for a name no subscription has. */
export function ownerOfDurable(durable: string): ServiceName | undefined {
  return Object.values(EVENT_SUBSCRIPTIONS).find((s) => s.durable === durable)?.service;
}

/** A dead letter's id: its durable and its sequence on the dead-letter stream, e.g. `inventory-bookings.42`. */
export const DeadLetterId = z
  .string()
  .max(100)
  .regex(/^[a-z0-9-]+\.[1-9][0-9]{0,15}$/, 'a dead letter id, e.g. inventory-bookings.42');

export function deadLetterId(durable: string, seq: number): string {
  return `${durable}.${seq}`;
}

/** The parts of a DeadLetterId. */
export function parseDeadLetterId(id: string): { durable: string; seq: number } {
  const dot = id.lastIndexOf('.');
  return { durable: id.slice(0, dot), seq: Number(id.slice(dot + 1)) };
}

export const DeadLetterSchema = z.object({
  id: z.string(),
  durable: z.string(),
  /** The event's type (from the subject it travelled on, so known even when the body was unreadable). */
  type: z.string(),
  /** The event as it was published; null when its body was not an event. */
  event: z.object({ id: z.string(), type: z.string(), occurredAt: z.string(), data: z.unknown() }).nullable(),
  /** The start of an unreadable body (up to 1,000 characters); null for an event. */
  unreadable: z.string().nullable(),
  /** Its sequence on the event stream. */
  streamSeq: z.number().int(),
  /** Deliveries to the consumer before it was given up. */
  deliveries: z.number().int(),
  /** The last error, short: no stack, no SQL (the whole error is in the service's log). */
  error: z.string(),
  deadAt: z.string(),
});
export type DeadLetter = z.infer<typeof DeadLetterSchema>;

export const DeadLetterQuery = PageQuery.extend({
  durable: Durable.optional(),
  type: DeclaredEventType.optional(),
}).strict();

/** What `cursor` of a dead-letter list holds: the page goes on below this sequence of the dead-letter stream. */
export const DeadLetterCursor = z.object({ before: z.number().int().positive() });

export const ReplayedSchema = z.object({
  id: z.string(),
  durable: z.string(),
  type: z.string(),
  eventId: z.string(),
  replayedAt: z.string(),
});
export type Replayed = z.infer<typeof ReplayedSchema>;

type DeadLetterPage = { items: DeadLetter[]; nextCursor: string | null };

/**
 * One page from several newest-first pages (of several durables, or several services) read
 * below the same cursor: the `limit` newest of them all, and a cursor below the last one shown
 * when any page had more or some were left out. Ids order them: the dead-letter stream's sequence.
 */
export function mergeDeadLetterPages(pages: DeadLetterPage[], limit: number): DeadLetterPage {
  const seqOf = (letter: DeadLetter) => parseDeadLetterId(letter.id).seq;
  const all = pages.flatMap((p) => p.items).sort((a, b) => seqOf(b) - seqOf(a));
  const items = all.slice(0, limit);
  const more = all.length > limit || pages.some((p) => p.nextCursor !== null);
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? encodeCursor({ before: seqOf(last) }) : null };
}

/** The messages a consuming service answers about its own dead letters (the gateway is the caller). */
export function deadLetterContracts(service: ServiceName) {
  return {
    list: defineMessage({
      pattern: `${service}.dead-letters.list`,
      access: ['admin'],
      callers: ['gateway'],
      request: DeadLetterQuery,
      response: pageOf(DeadLetterSchema),
    }),
    replay: defineMessage({
      pattern: `${service}.dead-letters.replay`,
      access: ['admin'],
      callers: ['gateway'],
      request: z.strictObject({ id: DeadLetterId }),
      response: ReplayedSchema,
    }),
  };
}
