import type { ConsumerInfo, JetStreamManager } from '@nats-io/jetstream';
import type pg from 'pg';
import { eventStreamName } from '@garage/shared';
import { testEnv } from './test-env.js';

/**
 * The one way tests wait: poll for the proof that something happened, never sleep a fixed time.
 * Each wait names what it awaits, so a timeout says what never came.
 */
export interface WaitOptions {
  /** Give up after this long (default 10 s, under Jest's 30 s test timeout). */
  timeoutMs?: number;
  /** Pause between looks (default 50 ms). */
  everyMs?: number;
  /** More to tell when the time is up: a process's output, the state last seen. */
  detail?: () => string;
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Reads until `ok` holds of the value, and returns that value. A `read` that throws fails the wait
 * at once (a way to give up early, e.g. when a process has died); the time running out fails it
 * naming `what` and the last value read.
 */
export async function untilValue<T>(
  what: string,
  read: () => T | Promise<T>,
  ok: (value: T) => boolean,
  options: WaitOptions & { show?: (value: T) => string } = {},
): Promise<T> {
  const { timeoutMs = 10_000, everyMs = 50, detail, show = brief } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) {
      const more = detail ? `\n${detail()}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${show(value)}${more}`);
    }
    await pause(everyMs);
  }
}

/** Polls until `check` is true; fails naming `what` when the time is up (see untilValue). */
export async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  options: WaitOptions = {},
): Promise<void> {
  await untilValue(what, check, (held) => held, { ...options, show: () => 'not yet' });
}

/** Retries an assertion until it holds (the UI settles) or the time is up, then throws its last error. */
export async function eventually(check: () => Promise<void> | void, options: WaitOptions = {}): Promise<void> {
  const { timeoutMs = 10_000, everyMs = 100 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await pause(everyMs);
    }
  }
}

function brief(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

/**
 * How long to wait on the run's durable consumers. Every suite of a run shares the stream: an earlier
 * suite's event that failed while its services stopped is redelivered with a backoff first, so under
 * load this may take most of a minute (give such tests a 90 s timeout).
 */
export const EVENT_WAIT_MS = 60_000;

const consumerState = (info: ConsumerInfo) =>
  `ack floor at stream seq ${info.ack_floor.stream_seq}, ${info.num_pending} not yet delivered, ` +
  `${info.num_ack_pending} delivered but not acknowledged, ${info.num_redelivered} redelivered`;

const consumerInfo = (jsm: JetStreamManager, durable: string) => () =>
  jsm.consumers.info(eventStreamName(testEnv().NATS_PREFIX), durable);

/**
 * Until the durable consumer has acknowledged the stream up to `seq` (a JetStream publish ack's
 * seq) with nothing in flight: its handler ran to the end on that event. The proof to wait for
 * before asserting that an event changed nothing.
 */
export async function handledBy(
  jsm: JetStreamManager,
  durable: string,
  seq: number,
  options: WaitOptions = {},
): Promise<void> {
  await untilValue(
    `${durable} to handle stream seq ${seq}`,
    consumerInfo(jsm, durable),
    (info) => info.ack_floor.stream_seq >= seq && info.num_ack_pending === 0,
    { timeoutMs: EVENT_WAIT_MS, ...options, show: consumerState },
  );
}

/** Until the durable consumer has handled every event the stream holds for it so far. */
export async function caughtUp(jsm: JetStreamManager, durable: string, options: WaitOptions = {}): Promise<void> {
  await untilValue(
    `${durable} to handle every event on the stream`,
    consumerInfo(jsm, durable),
    (info) => info.num_pending === 0 && info.num_ack_pending === 0,
    { timeoutMs: EVENT_WAIT_MS, ...options, show: consumerState },
  );
}

/** Until the relay has published every row of a service's outbox, or only the rows `ids` if given. */
export async function outboxPublished(
  db: Pick<pg.Pool, 'query'>,
  schema: string,
  ids?: string[],
  options: WaitOptions = {},
): Promise<void> {
  const unpublished = async () =>
    (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${schema}.outbox WHERE published_at IS NULL AND ($1::uuid[] IS NULL OR id = ANY($1))`,
        [ids ?? null],
      )
    ).rows[0]?.n ?? 0;
  await untilValue(`${schema}'s relay to publish ${ids ? ids.join(', ') : 'its outbox'}`, unpublished, (n) => n === 0, {
    timeoutMs: EVENT_WAIT_MS,
    ...options,
    show: (n) => `${n} unpublished`,
  });
}
