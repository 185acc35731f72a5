import { nanos } from '@nats-io/transport-node';
import { AckPolicy, DeliverPolicy, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { Logger } from '../logger.js';
import type { Metrics } from '../health/health.js';
import { eventStreamName, eventSubject, type DomainEvent } from './event.js';

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

const ACK_WAIT_MS = 30_000;

/**
 * Starts pulling a durable consumer's events: acknowledged after the handler succeeds, redelivered
 * after a delay when it throws, so a database that is briefly down delays events but never loses one.
 */
export async function startEventConsumer(
  js: JetStreamClient,
  jsm: JetStreamManager,
  prefix: string,
  consumer: EventConsumer,
  log: Logger,
  metrics?: Metrics,
): Promise<RunningConsumer> {
  const count = (outcome: 'ok' | 'retry' | 'dropped') =>
    metrics?.eventsHandled.inc({ durable: consumer.durable, outcome });
  const stream = eventStreamName(prefix);
  await jsm.consumers.add(stream, {
    durable_name: consumer.durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: eventSubject(prefix, consumer.type),
    ack_wait: nanos(ACK_WAIT_MS),
    max_ack_pending: 1000,
  });
  const messages = await (await js.consumers.get(stream, consumer.durable)).consume({ max_messages: 100 });
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
      } catch {
        log.error({ durable: consumer.durable, seq: msg.seq }, 'unreadable event dropped');
        msg.term();
        count('dropped');
        continue;
      }
      try {
        await consumer.handle(event);
        msg.ack();
        count('ok');
      } catch (err) {
        count('retry');
        log.warn({ err, durable: consumer.durable, eventId: event.id }, 'event handler failed; redelivering');
        msg.nak(Math.min(30_000, 500 * 2 ** Math.min(msg.info.deliveryCount, 6)));
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
