import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { jetstream, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import {
  deadLetterContracts,
  ensureEventStream,
  eventSubject,
  type DeadLetter,
  type DomainEvent,
  type EventData,
  type EventType,
} from '@garage/shared';
import { call, expectNoLeaks, ok } from '../../../test/support/service-tier.js';
import { testEnv } from '../../../test/support/test-env.js';
import { caughtUp, untilValue } from '../../../test/support/waits.js';
import { DOWNTOWN, createPart, receive, startInventoryAlone, type InventoryWorld } from './inventory-kit.js';

/**
 * Inventory alone on the real servers, with EVENT_MAX_DELIVERIES=3: a booking event that keeps
 * failing (a fault in the database that refuses its reservation) goes to the dead letters; once the
 * fault is removed an admin's replay (the message the gateway sends) applies it exactly once.
 */
const prefix = testEnv().NATS_PREFIX;
const DURABLE = 'inventory-bookings';
const deadLetters = deadLetterContracts('inventory');
let w: InventoryWorld;
let js: JetStreamClient;
let jsm: JetStreamManager;
// Waits on the run-wide event stream's durable (an earlier suite's events may come first).
jest.setTimeout(90_000);

beforeAll(async () => {
  w = await startInventoryAlone({ EVENT_MAX_DELIVERIES: '3' });
  jsm = await ensureEventStream(w.nc, prefix);
  js = jetstream(w.nc);
});

afterAll(async () => {
  await w?.close();
});

expectNoLeaks(() => w);

async function publishCreated(data: EventData<'booking.created'>): Promise<DomainEvent> {
  const event = { id: randomUUID(), type: 'booking.created', occurredAt: new Date().toISOString(), data };
  await js.publish(eventSubject(prefix, event.type), JSON.stringify(event), { msgID: event.id });
  return event;
}

const bookingFor = (sku: string) => ({
  bookingId: randomUUID(),
  branchId: DOWNTOWN,
  startsAt: new Date(Date.now() + 86_400_000).toISOString(),
  lines: [{ partSku: sku, quantity: 2 }],
});

/** A fault only this booking meets: the database refuses its reservation row (not a rule: it is retried). */
async function poison(bookingId: string): Promise<{ constraint: string; remove(): Promise<void> }> {
  const constraint = `dead_letter_test_${randomBytes(4).toString('hex')}`;
  await w.db.query(
    `ALTER TABLE inventory.reservations ADD CONSTRAINT ${constraint} CHECK (booking_id <> '${bookingId}') NOT VALID`,
  );
  return {
    constraint,
    remove: async () => void (await w.db.query(`ALTER TABLE inventory.reservations DROP CONSTRAINT ${constraint}`)),
  };
}

/** The service's /metrics line of a series, as Prometheus scrapes it (0 when absent). */
async function metric(name: string, labels: string): Promise<number> {
  const { port } = w.service.health.address() as AddressInfo;
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(labels));
  return line ? Number(line.split(' ').pop()) : 0;
}

const listed = async (type: EventType = 'booking.created'): Promise<DeadLetter[]> =>
  (await ok(w, deadLetters.list, w.admin, { durable: DURABLE, type, limit: 100 })).items;

const replay = async (id: string) => {
  const res = await call(w, deadLetters.replay, w.admin, { id });
  return res.status === 200 ? `replayed ${res.body.eventId}` : `${res.code}: ${res.message}`;
};

const effectOf = async (bookingId: string, partId: string, eventId: string) => {
  const rows = async (sql: string, params: unknown[]) => (await w.db.query(sql, params)).rows;
  return {
    reservation: (await rows('SELECT status FROM inventory.reservations WHERE booking_id = $1', [bookingId]))[0],
    reserved: (
      await rows('SELECT reserved FROM inventory.stock WHERE part_id = $1 AND branch_id = $2', [partId, DOWNTOWN])
    )[0],
    ledger: await rows(`SELECT kind, reserved_delta FROM inventory.stock_movements WHERE booking_id = $1`, [bookingId]),
    processed: (
      await rows('SELECT count(*)::int AS n FROM inventory.processed_events WHERE event_id = $1', [eventId])
    )[0],
    told: (await rows(`SELECT count(*)::int AS n FROM inventory.outbox WHERE data->>'bookingId' = $1`, [bookingId]))[0],
  };
};

describe('a booking event that keeps failing', () => {
  it('is dead-lettered after 3 deliveries, then replayed once after the fix: applied exactly once', async () => {
    const part = await createPart(w);
    await receive(w, part.id, DOWNTOWN, 10);
    const poisoned = bookingFor(part.sku);
    const fault = await poison(poisoned.bookingId);
    const counted = 'durable="inventory-bookings",type="booking.created"';
    const before = await metric('garage_events_dead_lettered_total', counted);
    const event = await publishCreated(poisoned);
    // The one after it is not held up behind it.
    const next = bookingFor(part.sku);
    await publishCreated(next);

    // Proof it was given up: counted in /metrics, and on the dead-letter stream.
    await untilValue(
      'the poisoned event to be counted as dead-lettered',
      () => metric('garage_events_dead_lettered_total', counted),
      (n) => n === before + 1,
      { timeoutMs: 60_000 },
    );
    expect((await effectOf(next.bookingId, part.id, randomUUID())).reservation).toEqual({ status: 'reserved' });
    const letter = (await listed()).find((l) => l.event?.id === event.id);
    expect(letter).toMatchObject({
      durable: DURABLE,
      type: 'booking.created',
      event,
      deliveries: 3,
      error: `Database error (SQLSTATE 23514, constraint ${fault.constraint})`,
    });
    await caughtUp(jsm, DURABLE);
    expect(await effectOf(poisoned.bookingId, part.id, event.id)).toEqual({
      reservation: undefined,
      reserved: { reserved: 2 },
      ledger: [],
      processed: { n: 0 },
      told: { n: 0 },
    });
    expect(await metric('garage_dead_letters_waiting', 'durable="inventory-bookings"')).toBeGreaterThanOrEqual(1);

    // Replayed before the fix: it still fails, and stays.
    expect(await replay(letter!.id)).toBe(
      `CONFLICT: The event still fails: Database error (SQLSTATE 23514, constraint ${fault.constraint}). It stays a dead letter`,
    );
    expect((await listed()).map((l) => l.id)).toContain(letter!.id);

    await fault.remove();
    // Two admins replay it at once: one applies it, the other is refused (in progress, or gone).
    const outcomes = (await Promise.all([replay(letter!.id), replay(letter!.id)])).sort();
    expect(outcomes[1]).toBe(`replayed ${event.id}`);
    expect(outcomes[0]).toMatch(/^(CONFLICT: This dead letter is being replayed right now|NOT_FOUND: )/);
    expect(await replay(letter!.id)).toMatch(/^NOT_FOUND: No such dead letter/);
    expect((await listed()).map((l) => l.id)).not.toContain(letter!.id);

    expect(await effectOf(poisoned.bookingId, part.id, event.id)).toEqual({
      reservation: { status: 'reserved' },
      reserved: { reserved: 4 },
      ledger: [{ kind: 'reserve', reserved_delta: 2 }],
      processed: { n: 1 },
      told: { n: 1 },
    });
    expect(await metric('garage_dead_letter_replays_total', 'outcome="applied"')).toBe(1);
  });

  it('an unreadable one is kept at once, and cannot be replayed', async () => {
    const garbage = `not an event ${randomUUID()}`;
    await js.publish(eventSubject(prefix, 'booking.cancelled'), garbage);
    const letter = await untilValue(
      'the unreadable event on the dead letters',
      async () => (await listed('booking.cancelled')).find((l) => l.unreadable === garbage),
      (found) => found !== undefined,
      { timeoutMs: 60_000 },
    );
    expect(letter).toMatchObject({ event: null, deliveries: 1, error: expect.stringMatching(/^Unreadable event: /) });
    expect(await replay(letter!.id)).toBe('CONFLICT: An unreadable event cannot be replayed');
  });

  it('only an admin may list or replay (the service checks again, whatever the gateway did)', async () => {
    expect((await call(w, deadLetters.list, w.staff, {})).code).toBe('FORBIDDEN');
    expect((await call(w, deadLetters.list, null, {})).code).toBe('UNAUTHENTICATED');
    expect((await call(w, deadLetters.replay, w.staff, { id: `${DURABLE}.1` })).code).toBe('FORBIDDEN');
  });
});
