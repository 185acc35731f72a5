import pg from 'pg';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { connectNats, eventStreamName, eventSubject } from '@garage/shared';
import { http, loginStaff } from '../support/http.js';
import { openBranchAndCustomer, type Journey } from '../support/journey.js';
import { forgetEarlierEvents } from '../support/system.js';
import { testEnv } from '../support/test-env.js';
import { caughtUp, eventually, outboxPublished, until, EVENT_WAIT_MS } from '../support/waits.js';
import { bookRepeatedly, LoadTally } from './booking-load.js';
import { PROCESS_NAMES, startReplicaSets, type ReplicaSets } from './replica-set.js';

/** Customers booking at once, each at a branch of their own. */
const CUSTOMERS = 4;
/** Requests the load must make between two restarts: proof it runs against every new arrangement. */
const REQUESTS_BETWEEN = 30;

/**
 * Issue 12 §1: two replicas of every service and two gateways (behind `npm start`'s balancer) on
 * the run's database, under customers booking with parts (so inventory reserves) and reading.
 * A rolling restart of every process fails no request and loses or doubles no event; a kill -9
 * of one replica of each fails only the requests it held, each with a 503 in API.md's shape.
 */
describe('replicas: rolling restarts and crashes under load', () => {
  let sets: ReplicaSets;
  let db: pg.Pool;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let journeys: Journey[];
  /** When the stream was emptied: the events since are this suite's (its load, the demo data it starts). */
  let since: Date;

  beforeAll(async () => {
    since = new Date();
    await forgetEarlierEvents();
    // A request a killed replica held ends at the gateway's RPC timeout: short, so the suite is.
    sets = await startReplicaSets(2, { gateway: { RPC_TIMEOUT_MS: '3000' } });
    db = new pg.Pool({ connectionString: testEnv().DATABASE_URL, max: 2 });
    nc = await connectNats(testEnv().NATS_URL, 'ops-test');
    jsm = await jetstreamManager(nc);
    const admin = await loginStaff(sets.url, 'admin', 'admin123');
    journeys = [];
    for (let i = 0; i < CUSTOMERS; i++) {
      const j = await openBranchAndCustomer(sets.url, admin, 1_000_000);
      // A year of slots, so the customer never runs out of days to book.
      const patched = await http(sets.url, 'PATCH', `/api/branches/${j.branch.id}`, {
        token: admin,
        body: { bookingHorizonDays: 365 },
      });
      expect(patched.status).toBe(200);
      journeys.push(j);
    }
  }, 300_000);

  afterAll(async () => {
    await sets?.close();
    await db?.end();
    await nc?.close();
  }, 120_000);

  /** Starts the load; returns how to stop it and wait for its last round. */
  function startLoad(tally: LoadTally): () => Promise<void> {
    let stopped = false;
    const running = Promise.all(journeys.map((j) => bookRepeatedly(sets.url, j, tally, () => stopped)));
    return async () => {
      stopped = true;
      await running;
    };
  }

  const moreRequests = async (tally: LoadTally, n = REQUESTS_BETWEEN) => {
    const from = tally.requests;
    await until(`${n} more requests of the load`, () => tally.requests >= from + n, { timeoutMs: 60_000 });
  };

  /**
   * Every booking at the suite's branches has its parts reserved exactly once (one reservation, one
   * 'reserve' ledger line, stock reserved = 2 a booking), and every booking.created event is in the
   * stream once and was handled by inventory once.
   */
  async function everyBookingReservedOnce(): Promise<{ bookings: number }> {
    await outboxPublished(db, 'bookings');
    await caughtUp(jsm, 'inventory-bookings');
    const branches = journeys.map((j) => j.branch.id);
    const q = async (sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params)).rows[0]!.n;
    const bookings = await q(`SELECT count(*)::int AS n FROM bookings.bookings WHERE branch_id = ANY($1)`, [branches]);
    const reserved = await q(
      `SELECT count(*)::int AS n FROM inventory.reservations r JOIN bookings.bookings b ON b.id = r.booking_id
       WHERE b.branch_id = ANY($1) AND r.status = 'reserved'`,
      [branches],
    );
    const reserveLines = await q(
      `SELECT count(*)::int AS n FROM inventory.stock_movements WHERE kind = 'reserve' AND branch_id = ANY($1)`,
      [branches],
    );
    const reservedStock = await q(
      `SELECT coalesce(sum(reserved), 0)::int AS n FROM inventory.stock WHERE branch_id = ANY($1)`,
      [branches],
    );
    // The events since the stream was emptied: the drills before this suite in the run left outbox rows
    // of their own in the same database.
    const created = await q(
      `SELECT count(*)::int AS n FROM bookings.outbox WHERE type = 'booking.created' AND occurred_at >= $1`,
      [since],
    );
    const handled = await q(
      `SELECT count(*)::int AS n FROM inventory.processed_events p JOIN bookings.outbox o ON o.id = p.event_id
       WHERE o.type = 'booking.created' AND o.occurred_at >= $1`,
      [since],
    );
    const stream = await jsm.streams.info(eventStreamName(testEnv().NATS_PREFIX), {
      subjects_filter: eventSubject(testEnv().NATS_PREFIX, 'booking.created'),
    });
    const inStream = Object.values(stream.state.subjects ?? {}).reduce((a, b) => a + b, 0);
    expect({ reserved, reserveLines, reservedStock, handled, inStream }).toEqual({
      reserved: bookings,
      reserveLines: bookings,
      reservedStock: 2 * bookings,
      handled: created,
      inStream: created,
    });
    return { bookings };
  }

  it('restarts every replica of every process in turn with no failed request and no event lost or doubled', async () => {
    const started = Date.now();
    const tally = new LoadTally();
    const stopLoad = startLoad(tally);
    const timings: string[] = [];
    try {
      await moreRequests(tally);
      for (const name of PROCESS_NAMES) {
        for (const replica of sets.replicas[name]) {
          const stopping = Date.now();
          const exit = await replica.terminate();
          expect({ replica: replica.label, exit }).toEqual({ replica: replica.label, exit: 0 });
          const starting = Date.now();
          await replica.start();
          timings.push(
            `${replica.label}: exited in ${starting - stopping} ms, ready again in ${Date.now() - starting} ms`,
          );
          await moreRequests(tally);
        }
      }
    } finally {
      await stopLoad();
    }
    expect(tally.failures).toEqual([]);
    const { bookings } = await everyBookingReservedOnce();
    expect(bookings).toBeGreaterThanOrEqual(tally.bookings);
    process.stdout.write(
      `rolling restart of ${PROCESS_NAMES.length * 2} processes: ${tally.requests} requests, ` +
        `${tally.bookings} bookings, ${tally.failures.length} failed, ${((Date.now() - started) / 1000).toFixed(1)} s\n` +
        `  ${timings.join('\n  ')}\n`,
    );
  }, 600_000);

  it('kill -9 of one replica of each process fails only the requests it held, each a 503, and loses no event', async () => {
    const started = Date.now();
    const tally = new LoadTally();
    const stopLoad = startLoad(tally);
    try {
      await moreRequests(tally);
      for (const name of PROCESS_NAMES) {
        const victim = sets.replicas[name][0]!;
        await victim.kill();
        await moreRequests(tally);
        await victim.start();
        await moreRequests(tally);
      }
    } finally {
      await stopLoad();
    }
    // Each customer has one request out at a time, so a crash can catch at most one of each.
    expect(tally.failures.length).toBeLessThanOrEqual(CUSTOMERS * PROCESS_NAMES.length);
    for (const failure of tally.failures) {
      expect(failure).toMatchObject({
        status: 503,
        body: {
          statusCode: 503,
          error: 'Service Unavailable',
          code: 'SERVICE_UNAVAILABLE',
          message: expect.any(String),
        },
      });
    }
    // A reservation a crashed inventory held comes again after the consumer's ack wait (30 s).
    let bookings = 0;
    await eventually(
      async () => {
        ({ bookings } = await everyBookingReservedOnce());
      },
      { timeoutMs: EVENT_WAIT_MS },
    );
    process.stdout.write(
      `kill -9 of ${PROCESS_NAMES.length} processes: ${tally.requests} requests, ${tally.bookings} bookings ` +
        `(${bookings} in all), ${tally.failures.length} failed (503), ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  }, 600_000);
});
