import { jetstream, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { Metrics } from '../health/health.js';
import type { ServiceConfig } from './service-config.js';
import type { ServiceInfrastructure } from './start-service.js';
import { ensureDeadLetterStream, ensureEventStream } from '../events/event-stream.js';
import { OutboxRelay } from '../events/outbox-relay.js';
import { startEventConsumer, type EventConsumer, type RunningConsumer } from '../events/event-consumer.js';
import { DeadLetterStore } from '../events/dead-letter-store.js';
import type { DeadLetterDesk } from '../events/dead-letter-desk.js';
import type { Tracing } from '../tracing/tracing.js';

export interface ServiceEvents {
  stop(): Promise<void>;
}

/**
 * Starts a service's outbox relay and event consumers (nothing when it has neither). Consumers give
 * the events they cannot handle to the dead-letter stream after EVENT_MAX_DELIVERIES deliveries, and
 * the service's DeadLetterDesk answers for them from then on.
 */
export async function startServiceEvents<C extends ServiceConfig>(
  infra: ServiceInfrastructure<C>,
  options: {
    outboxSchema?: string;
    consumers: EventConsumer[];
    metrics: Metrics;
    deadLetters?: DeadLetterDesk;
    tracing?: Tracing;
  },
): Promise<ServiceEvents> {
  const { outboxSchema, consumers, metrics, tracing } = options;
  if (!outboxSchema && !consumers.length) return { stop: async () => undefined };
  const { nc, db, log, config } = infra;
  const jsm = await ensureEventStream(nc, config.NATS_PREFIX, config.EVENT_STREAM_REPLICAS);
  const js = jetstream(nc);
  // Before the relay starts: a failure here leaves nothing running.
  const store = consumers.length ? await openDeadLetters(infra, jsm, js) : undefined;
  const relay = outboxSchema
    ? new OutboxRelay({ db, js, schema: outboxSchema, prefix: config.NATS_PREFIX, log, metrics, tracing })
    : null;
  if (relay) {
    metrics.gaugeOf('garage_outbox_pending', 'Events in the outbox not yet acknowledged by JetStream', () =>
      relay.pending(),
    );
    relay.start();
  }
  if (store) {
    options.deadLetters?.open(store, consumers);
    metrics.gaugeFor(
      'garage_dead_letters_waiting',
      'Dead letters of a durable consumer waiting for a replay',
      'durable',
      consumers.map((c) => c.durable),
      (durable) => store.waiting(durable),
    );
  }
  const deadLettering = store && { store, maxDeliveries: config.EVENT_MAX_DELIVERIES };
  const running: RunningConsumer[] = [];
  try {
    for (const consumer of consumers) {
      running.push(
        await startEventConsumer(js, jsm, config.NATS_PREFIX, consumer, log, metrics, deadLettering, tracing),
      );
    }
  } catch (err) {
    await Promise.all([relay?.stop(), ...running.map((c) => c.stop())]);
    throw err;
  }
  return {
    // Handlers in hand finish first (what they write to the outbox is relayed by any replica), then the relay's batch.
    async stop() {
      await Promise.all(running.map((c) => c.stop()));
      await relay?.stop();
    },
  };
}

async function openDeadLetters<C extends ServiceConfig>(
  { config }: ServiceInfrastructure<C>,
  jsm: JetStreamManager,
  js: JetStreamClient,
): Promise<DeadLetterStore> {
  await ensureDeadLetterStream(jsm, config.NATS_PREFIX, config.EVENT_STREAM_REPLICAS);
  return new DeadLetterStore(js, jsm, config.NATS_PREFIX);
}
