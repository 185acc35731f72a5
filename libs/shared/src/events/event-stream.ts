import { nanos, type NatsConnection } from '@nats-io/transport-node';
import {
  DiscardPolicy,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  jetstreamManager,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { eventStreamName } from './event.js';
import { deadLetterStreamName } from './dead-letter.js';

const DAY_MS = 24 * 3600 * 1000;

/** How long the stream keeps events: a consumer down for less than this catches up from the stream alone. */
export const EVENT_RETENTION_MS = 7 * DAY_MS;
/** Window in which JetStream drops a re-published event id (a relay that died before marking it sent). */
export const EVENT_DEDUPE_WINDOW_MS = 10 * 60 * 1000;

/** How many dead letters the dead-letter stream holds; past that, a failing event waits on its durable instead. */
export const DEAD_LETTER_LIMIT = 100_000;

/**
 * Creates the deployment's event stream if it is missing (every service may race to do it; all win),
 * with `replicas` copies (EVENT_STREAM_REPLICAS: 3 on a 3-node cluster, so a node's loss loses nothing).
 */
export async function ensureEventStream(nc: NatsConnection, prefix: string, replicas = 1): Promise<JetStreamManager> {
  const jsm = await jetstreamManager(nc).catch((err: unknown) => {
    throw new Error(`NATS has no JetStream (start nats-server with -js): ${(err as Error).message}`);
  });
  await ensureStream(jsm, {
    name: eventStreamName(prefix),
    subjects: [`${prefix}.events.>`],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    max_age: nanos(EVENT_RETENTION_MS),
    duplicate_window: nanos(EVENT_DEDUPE_WINDOW_MS),
    num_replicas: replicas,
  });
  return jsm;
}

/**
 * Creates the deployment's dead-letter stream if it is missing: kept until replayed (no age limit),
 * at most DEAD_LETTER_LIMIT of them (a full stream refuses new ones rather than dropping old ones),
 * a dead letter published twice (a consumer that died before giving the event up) kept once.
 */
export async function ensureDeadLetterStream(jsm: JetStreamManager, prefix: string, replicas = 1): Promise<void> {
  await ensureStream(jsm, {
    name: deadLetterStreamName(prefix),
    subjects: [`${prefix}.dead-letters.>`],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    max_msgs: DEAD_LETTER_LIMIT,
    discard: DiscardPolicy.New,
    duplicate_window: nanos(EVENT_DEDUPE_WINDOW_MS),
    num_replicas: replicas,
  });
}

async function ensureStream(jsm: JetStreamManager, config: Partial<StreamConfig> & { name: string }): Promise<void> {
  try {
    await jsm.streams.info(config.name);
  } catch (err) {
    if (!(err instanceof JetStreamApiError)) throw err;
    try {
      await jsm.streams.add(config);
    } catch (addErr) {
      // Another service created it between our look and our add.
      await jsm.streams.info(config.name).catch(() => {
        throw addErr;
      });
    }
  }
}

/** Deletes the streams made for one test run (the tests' global teardown). */
export async function deleteEventStream(nc: NatsConnection, prefix: string): Promise<void> {
  const jsm = await jetstreamManager(nc);
  await jsm.streams.delete(eventStreamName(prefix)).catch(() => false);
  await jsm.streams.delete(deadLetterStreamName(prefix)).catch(() => false);
}
