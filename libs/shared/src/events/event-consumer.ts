import { nanos } from '@nats-io/transport-node';
import { AckPolicy, DeliverPolicy, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import type { Logger } from '../logger.js';
import type { Metrics } from '../health/health.js';
import { eventStreamName, eventSubject, type DomainEvent } from './event.js';
import { deadLetterReason, unreadableText, type DeadLetterRecord } from './dead-letter.js';
import type { DeadLetterStore } from './dead-letter-store.js';
import { Tracing } from '../tracing/tracing.js';

/** A durable subscriber to one event type (or a `booking.>` style wildcard). Its handler must be idempotent. */
export interface EventConsumer {
  /** Durable consumer name: the stream remembers how far it got, across restarts and replicas. */
  durable: string;
  type: string;
  handle(event: DomainEvent): Promise<void>;
}

export interface RunningConsumer {
  stop(): Promise<void>;
}

/** Where a consumer gives up the events it cannot handle, and after how many deliveries. */
export interface DeadLettering {
  store: DeadLetterStore;
  /** EVENT_MAX_DELIVERIES: an event still failing on this delivery becomes a dead letter. */
  maxDeliveries: number;
}

const ACK_WAIT_MS = 30_000;

/** The wait before a failed event comes again: doubling from a second, at most 30 s. */
function retryDelay(msg: JsMsg): number {
  return Math.min(30_000, 500 * 2 ** Math.min(msg.info.deliveryCount, 6));
}

/**
 * Starts pulling a durable consumer's events: acknowledged after the handler succeeds, redelivered
 * after a delay when it throws, so a database that is briefly down delays events but never loses
 * one. With `deadLetters`, an event that fails on its `maxDeliveries`-th delivery, or is not an
 * event at all, goes to the dead-letter stream (logged once with its error, counted in
 * garage_events_dead_lettered_total) and the consumer moves on; an admin replays it after the fix.
 * Without, an unreadable event is dropped and a failing one is retried for as long as it fails.
 * With tracing on, each handling is a consumer span in the trace of the work that wrote the event.
 */
export async function startEventConsumer(
  js: JetStreamClient,
  jsm: JetStreamManager,
  prefix: string,
  consumer: EventConsumer,
  log: Logger,
  metrics?: Metrics,
  deadLetters?: DeadLettering,
  tracing: Tracing = Tracing.off,
): Promise<RunningConsumer> {
  const { durable } = consumer;
  const count = (outcome: 'ok' | 'retry' | 'dead_lettered' | 'dropped') =>
    metrics?.eventsHandled.inc({ durable, outcome });
  const stream = eventStreamName(prefix);
  const typePrefix = eventSubject(prefix, '');
  await jsm.consumers.add(stream, {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: eventSubject(prefix, consumer.type),
    ack_wait: nanos(ACK_WAIT_MS),
    max_ack_pending: 1000,
  });

  /** Moves the event to the dead-letter stream; if that stream cannot take it now, it stays and comes again. */
  const giveUp = async (store: DeadLetterStore, msg: JsMsg, event: DomainEvent | null, err: unknown) => {
    const record: DeadLetterRecord = {
      durable,
      type: msg.subject.slice(typePrefix.length),
      event,
      unreadable: event ? null : unreadableText(msg.data),
      streamSeq: msg.seq,
      deliveries: msg.info.deliveryCount,
      error: event ? deadLetterReason(err) : `Unreadable event: ${deadLetterReason(err)}`,
      deadAt: new Date().toISOString(),
    };
    let kept: { seq: number; duplicate: boolean };
    try {
      kept = await store.add(record);
    } catch (addErr) {
      count('retry');
      log.warn(
        { err: addErr, durable, eventId: event?.id },
        'the dead-letter stream cannot take the event; redelivering',
      );
      msg.nak(retryDelay(msg));
      return;
    }
    msg.term();
    // A duplicate: given up before by a replica that died before letting go of it (counted and logged then).
    if (kept.duplicate) return;
    count('dead_lettered');
    metrics?.eventsDeadLettered.inc({ durable, type: record.type });
    log.error(
      { err, durable, eventId: event?.id, type: record.type, deliveries: record.deliveries, deadLetter: kept.seq },
      event
        ? 'event handler keeps failing; event moved to the dead letters'
        : 'unreadable event moved to the dead letters',
    );
  };

  const messages = await (await js.consumers.get(stream, durable)).consume({ max_messages: 100 });
  let stopping = false;
  const loop = (async () => {
    for await (const msg of messages) {
      // Already fetched but not started: hand back at once, not after the ack wait.
      if (stopping) {
        msg.nak();
        continue;
      }
      let event: DomainEvent;
      try {
        event = parseEvent(msg.data);
      } catch (err) {
        if (deadLetters) {
          await giveUp(deadLetters.store, msg, null, err);
        } else {
          log.error({ durable, seq: msg.seq }, 'unreadable event dropped');
          msg.term();
          count('dropped');
        }
        continue;
      }
      try {
        // Continues the trace of the work that wrote the event (the traceparent the relay sent on).
        await tracing.trace(`handle ${event.type}`, 'consumer', msg.headers, async () => {
          await consumer.handle(event);
          log.debug({ durable, eventId: event.id, type: event.type }, 'event handled');
        });
        msg.ack();
        count('ok');
      } catch (err) {
        if (deadLetters && msg.info.deliveryCount >= deadLetters.maxDeliveries) {
          await giveUp(deadLetters.store, msg, event, err);
          continue;
        }
        count('retry');
        // The reason only: the whole error is logged once, if it comes to a dead letter.
        log.warn(
          { durable, eventId: event.id, delivery: msg.info.deliveryCount, reason: deadLetterReason(err) },
          'event handler failed; redelivering',
        );
        msg.nak(retryDelay(msg));
      }
    }
  })();
  return {
    async stop() {
      stopping = true;
      await messages.close();
      await loop;
    },
  };
}

function parseEvent(data: Uint8Array): DomainEvent {
  const value = JSON.parse(Buffer.from(data).toString('utf8')) as Partial<DomainEvent>;
  if (typeof value.id !== 'string' || typeof value.type !== 'string' || typeof value.occurredAt !== 'string') {
    throw new Error('not an event');
  }
  return { id: value.id, type: value.type, occurredAt: value.occurredAt, data: value.data };
}
