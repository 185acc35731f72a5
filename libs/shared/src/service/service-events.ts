import { jetstream } from '@nats-io/jetstream';
import type { Metrics } from '../health/health.js';
import type { ServiceConfig } from './service-config.js';
import type { ServiceInfrastructure } from './start-service.js';
import { ensureEventStream } from '../events/event-stream.js';
import { OutboxRelay } from '../events/outbox-relay.js';
import { startEventConsumer, type EventConsumer, type RunningConsumer } from '../events/event-consumer.js';

export interface ServiceEvents {
  stop(): Promise<void>;
}

/** Starts a service's outbox relay and event consumers (nothing when it has neither). */
export async function startServiceEvents<C extends ServiceConfig>(
  infra: ServiceInfrastructure<C>,
  options: { outboxSchema?: string; consumers: EventConsumer[]; metrics: Metrics },
): Promise<ServiceEvents> {
  const { outboxSchema, consumers, metrics } = options;
  if (!outboxSchema && !consumers.length) return { stop: async () => undefined };
  const { nc, db, log, config } = infra;
  const jsm = await ensureEventStream(nc, config.NATS_PREFIX, config.EVENT_STREAM_REPLICAS);
  const js = jetstream(nc);
  const relay = outboxSchema
    ? new OutboxRelay({ db, js, schema: outboxSchema, prefix: config.NATS_PREFIX, log, metrics })
    : null;
  if (relay) {
    metrics.gaugeOf('garage_outbox_pending', 'Events in the outbox not yet acknowledged by JetStream', () =>
      relay.pending(),
    );
    relay.start();
  }
  const running: RunningConsumer[] = [];
  try {
    for (const consumer of consumers) {
      running.push(await startEventConsumer(js, jsm, config.NATS_PREFIX, consumer, log, metrics));
    }
  } catch (err) {
    await Promise.all([relay?.stop(), ...running.map((c) => c.stop())]);
    throw err;
  }
  return {
    async stop() {
      await Promise.all([relay?.stop(), ...running.map((c) => c.stop())]);
    },
  };
}
