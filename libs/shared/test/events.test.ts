import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { DataSource } from 'typeorm';
import {
  OutboxRelay,
  createLogger,
  newEvent,
  inTransaction,
  outboxPurgeJob,
  ensureEventStream,
  eventSubject,
  outboxTableSql,
  outboxTraceparentSql,
  startEventConsumer,
  type DomainEvent,
  Sql,
  type Queryable,
  type RunningConsumer,
} from '@garage/shared';
import { insertOutboxRow } from '../src/events/outbox-table.js';
import { testEnv } from '../../../test/support/test-env.js';
import { caughtUp, until } from '../../../test/support/waits.js';

// Each test gets its own schema and event type, so they share the run's stream without seeing each other.
const env = testEnv();
const prefix = env.NATS_PREFIX;
const log = createLogger('events-test', 'silent');
let db: DataSource;
let sql: Sql;
let nc: NatsConnection;
let js: JetStreamClient;
let jsm: JetStreamManager;

beforeAll(async () => {
  db = new DataSource({ type: 'postgres', url: env.DATABASE_URL, extra: { max: 4 } });
  await db.initialize();
  sql = new Sql(db);
  nc = await connect({ servers: env.NATS_URL });
  jsm = await ensureEventStream(nc, prefix);
  js = jetstream(nc);
});

afterAll(async () => {
  await nc.drain();
  await db.destroy();
});

async function freshOutbox(): Promise<{ schema: string; type: string }> {
  const tag = randomUUID().replace(/-/g, '').slice(0, 12);
  const schema = `events_${tag}`;
  await db.query(`CREATE SCHEMA ${schema}`);
  for (const sql of [...outboxTableSql(schema), ...outboxTraceparentSql(schema)]) await db.query(sql);
  return { schema, type: `test_${tag}.happened` };
}

function collector(type: string, durable = `c_${randomUUID().slice(0, 8)}`) {
  const seen: DomainEvent[] = [];
  let failNext = 0;
  return {
    seen,
    failTimes(n: number) {
      failNext = n;
    },
    consumer: {
      durable,
      type,
      handle: async (event: DomainEvent) => {
        if (failNext > 0) {
          failNext--;
          throw new Error('database briefly away');
        }
        seen.push(event);
      },
    },
  };
}

/**
 * Writes an event of the test's own type into the test's own outbox, as appendEvent does (which
 * takes only the system's event types, into their publisher's outbox); returns its id.
 */
async function append(on: Queryable, schema: string, type: string, data: unknown): Promise<string> {
  const event = newEvent(type, data);
  await insertOutboxRow(on, schema, event);
  return event.id;
}

async function unpublished(schema: string): Promise<number> {
  const rows: { n: string }[] = await db.query(`SELECT count(*) AS n FROM ${schema}.outbox WHERE published_at IS NULL`);
  return Number(rows[0]?.n);
}

describe('outbox relay and durable consumers (real Postgres and JetStream)', () => {
  let consumers: RunningConsumer[] = [];
  let relays: OutboxRelay[] = [];
  afterEach(async () => {
    await Promise.all([...consumers.map((c) => c.stop()), ...relays.map((r) => r.stop())]);
    consumers = [];
    relays = [];
  });

  it('delivers each committed event once, in order; a rolled-back one never', async () => {
    const { schema, type } = await freshOutbox();
    const c = collector(type);
    consumers.push(await startEventConsumer(js, jsm, prefix, c.consumer, log));
    for (let i = 0; i < 30; i++) await append(sql, schema, type, { n: i });
    await inTransaction(db, async (tx) => {
      await append(tx, schema, type, { n: 'rolled back' });
      throw new Error('abort');
    }).catch(() => undefined);
    const relay = new OutboxRelay({ db, js, schema, prefix, log, idleMs: 20 });
    relays.push(relay);
    relay.start();
    // Proof that nothing more is coming: the relay has published all, the consumer handled all.
    await until('the relay to publish the outbox', async () => (await unpublished(schema)) === 0);
    await caughtUp(jsm, c.consumer.durable, { timeoutMs: 10_000 });
    expect(c.seen.map((e) => (e.data as { n: number }).n)).toEqual([...Array(30).keys()]);
    expect(await unpublished(schema)).toBe(0);
  });

  it('a relay that died after publishing but before marking sent does not deliver twice', async () => {
    const { schema, type } = await freshOutbox();
    const id = await append(sql, schema, type, { n: 1 });
    // What the dead relay got out before it died: the same event id on the stream.
    const rows: { occurred_at: Date }[] = await db.query(`SELECT occurred_at FROM ${schema}.outbox WHERE id = $1`, [
      id,
    ]);
    const event = { id, type, occurredAt: rows[0]!.occurred_at.toISOString(), data: { n: 1 } };
    await js.publish(eventSubject(prefix, type), JSON.stringify(event), { msgID: id });
    const relay = new OutboxRelay({ db, js, schema, prefix, log });
    expect(await relay.relayOnce()).toBe(1);
    expect(await unpublished(schema)).toBe(0);
    const c = collector(type);
    consumers.push(await startEventConsumer(js, jsm, prefix, c.consumer, log));
    await caughtUp(jsm, c.consumer.durable, { timeoutMs: 10_000 });
    expect(c.seen.map((e) => e.id)).toEqual([id]);
  });

  it('two relays on one outbox publish every event exactly once', async () => {
    const { schema, type } = await freshOutbox();
    for (let i = 0; i < 200; i++) await append(sql, schema, type, { n: i });
    const a = new OutboxRelay({ db, js, schema, prefix, log, batchSize: 10 });
    const b = new OutboxRelay({ db, js, schema, prefix, log, batchSize: 10 });
    const counts = await Promise.all([drain(a), drain(b)]);
    expect(counts[0]! + counts[1]!).toBe(200);
    const info = await jsm.streams.info(`${prefix}_events`, { subjects_filter: eventSubject(prefix, type) });
    expect(info.state.subjects?.[eventSubject(prefix, type)]).toBe(200);
  });

  it('a consumer that was stopped catches up on restart; a failing handler gets the event again', async () => {
    const { schema, type } = await freshOutbox();
    const durable = `c_${randomUUID().slice(0, 8)}`;
    const first = collector(type, durable);
    const running = await startEventConsumer(js, jsm, prefix, first.consumer, log);
    const relay = new OutboxRelay({ db, js, schema, prefix, log, idleMs: 20 });
    relays.push(relay);
    relay.start();
    await append(sql, schema, type, { n: 0 });
    await until('the first event', () => first.seen.length === 1);
    await running.stop();

    for (let i = 1; i <= 20; i++) await append(sql, schema, type, { n: i });
    await until('the relay to publish the outbox', async () => (await unpublished(schema)) === 0);
    const second = collector(type, durable);
    second.failTimes(2);
    consumers.push(await startEventConsumer(js, jsm, prefix, second.consumer, log));
    await caughtUp(jsm, durable, { timeoutMs: 20_000 });
    expect(new Set(second.seen.map((e) => (e.data as { n: number }).n))).toEqual(
      new Set([...Array(20).keys()].map((i) => i + 1)),
    );
    expect(second.seen).toHaveLength(20);
  });
});

describe('outbox purge job', () => {
  it('deletes rows published more than a week ago; keeps newer ones and every unpublished one', async () => {
    const { schema, type } = await freshOutbox();
    const ids = {
      publishedLongAgo: await append(sql, schema, type, { n: 1 }),
      publishedLastWeek: await append(sql, schema, type, { n: 2 }),
      publishedNow: await append(sql, schema, type, { n: 3 }),
      neverPublished: await append(sql, schema, type, { n: 4 }),
    };
    const publish = (id: string, ago: string) =>
      db.query(
        `UPDATE ${schema}.outbox SET published_at = now() - $2::interval, occurred_at = now() - interval '30 days'
                WHERE id = $1`,
        [id, ago],
      );
    await publish(ids.publishedLongAgo, '8 days');
    await publish(ids.publishedLastWeek, '6 days');
    await publish(ids.publishedNow, '0 days');
    await db.query(`UPDATE ${schema}.outbox SET occurred_at = now() - interval '30 days' WHERE id = $1`, [
      ids.neverPublished,
    ]);
    const job = outboxPurgeJob(schema);
    expect(await inTransaction(db, (tx) => job.run(tx))).toEqual({ deleted: 1 });
    const left: { id: string }[] = await db.query(`SELECT id FROM ${schema}.outbox ORDER BY seq`);
    expect(left.map((r) => r.id)).toEqual([ids.publishedLastWeek, ids.publishedNow, ids.neverPublished]);
    expect(await inTransaction(db, (tx) => job.run(tx))).toBeUndefined();
  });
});

async function drain(relay: OutboxRelay): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await relay.relayOnce();
    total += n;
    if (n === 0) return total;
  }
}
