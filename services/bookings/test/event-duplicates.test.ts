import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  bookings,
  catalog,
  connectNats,
  eventStreamName,
  eventSubject,
  inventory,
  type Booking,
  type DomainEvent,
} from '@garage/shared';
import { testEnv } from '../../../test/support/test-env.js';
import { EVENT_WAIT_MS, handledBy, outboxPublished, until } from '../../../test/support/waits.js';
import {
  createBranch,
  createTechnician,
  createVehicle,
  ok,
  principal,
  startWorld,
  tag,
  tomorrowAt,
  type BookingsWorld,
} from './bookings-kit.js';

let w: BookingsWorld;
let nc: NatsConnection;
let js: JetStreamClient;
let jsm: JetStreamManager;
const env = testEnv();
// Waiting on a durable consumer of the run-wide stream may take up to a minute under load (EVENT_WAIT_MS).
jest.setTimeout(90_000);
const stream = eventStreamName(env.NATS_PREFIX);

beforeAll(async () => {
  w = await startWorld();
  nc = await connectNats(env.NATS_URL, 'bookings-duplicates-test');
  js = jetstream(nc);
  jsm = await jetstreamManager(nc);
}, 60_000);

afterAll(async () => {
  await nc?.close();
  await w?.close();
});

/** Puts an event on the stream again under another Nats-Msg-Id, as a publish after the dedupe window would. */
async function redeliver(event: DomainEvent): Promise<number> {
  const ack = await js.publish(eventSubject(env.NATS_PREFIX, event.type), JSON.stringify(event), {
    msgID: `${event.id}-again-${tag()}`,
  });
  expect(ack.duplicate).toBe(false);
  return ack.seq;
}

/** An outbox row of a service as the event it was published as. */
async function outboxEvent(schema: 'bookings' | 'inventory', type: string, bookingId: string): Promise<DomainEvent> {
  const { rows } = await w.db.query<{ id: string; type: string; data: unknown; occurred_at: Date }>(
    `SELECT id, type, data, occurred_at FROM ${schema}.outbox WHERE type = $1 AND data->>'bookingId' = $2`,
    [type, bookingId],
  );
  expect(rows).toHaveLength(1);
  const r = rows[0];
  return { id: r.id, type: r.type, data: r.data, occurredAt: r.occurred_at.toISOString() };
}

const QUANTITY = 4;

/** A branch whose service uses a part of its own; `stock` units of it received there. */
async function stockedBranch(stock: number) {
  const branch = await createBranch(w);
  await createTechnician(w, branch.id);
  const sku = `DUP-${tag()}`;
  const part = await ok(w, inventory.createPart, w.admin, { sku, name: 'Duplicate test part', unitPriceCents: 100 });
  const service = await ok(w, catalog.createService, w.admin, {
    code: `DUP-${tag()}`,
    name: `Duplicate job ${tag()}`,
    category: 'Test',
    durationMinutes: 60,
    laborHours: 1,
    parts: [{ partSku: sku, quantity: QUANTITY }],
  });
  const receive = (delta: number) =>
    ok(w, inventory.adjustStock, w.admin, {
      id: part.id,
      branchId: branch.id,
      delta,
      reason: 'delivery',
      kind: 'receive',
    });
  if (stock) await receive(stock);
  const customer = principal('customer');
  const vehicle = await createVehicle(w, customer.id);
  const booking = await ok(w, bookings.createBooking, w.admin, {
    branchId: branch.id,
    vehicleId: vehicle.id,
    serviceIds: [service.id],
    startsAt: tomorrowAt(10),
  });
  return { branch, part, booking, receive };
}

const partsStatusOf = async (id: string) =>
  (
    await w.db.query<{ parts_status: string; updated_at: Date }>(
      'SELECT parts_status, updated_at FROM bookings.bookings WHERE id = $1',
      [id],
    )
  ).rows[0];

const reservesOf = async (partId: string, b: Booking) => {
  const movements = await w.db.query(
    `SELECT 1 FROM inventory.stock_movements WHERE part_id = $1 AND booking_id = $2 AND kind = 'reserve'`,
    [partId, b.id],
  );
  const stock = await w.db.query<{ reserved: number }>(
    'SELECT reserved FROM inventory.stock WHERE part_id = $1 AND branch_id = $2',
    [partId, b.branchId],
  );
  return { movements: movements.rowCount, reserved: stock.rows[0].reserved };
};

describe('the relay killed after publishing but before marking sent', () => {
  it('the same booking.created published again reserves nothing twice (stream dedupe, then processed_events)', async () => {
    const { part, booking } = await stockedBranch(10);
    await until('the reservation', async () => (await partsStatusOf(booking.id)).parts_status === 'reserved', {
      timeoutMs: EVENT_WAIT_MS,
    });
    expect(await reservesOf(part.id, booking)).toEqual({ movements: 1, reserved: QUANTITY });
    const created = await outboxEvent('bookings', 'booking.created', booking.id);
    const subject = eventSubject(env.NATS_PREFIX, 'booking.created');
    const onStream = await jsm.streams.getMessage(stream, { last_by_subj: subject });
    expect(onStream?.json<DomainEvent>().id).toBe(created.id);

    // As if the relay died between the stream's ack and its commit: the row is unsent again.
    await w.db.query('UPDATE bookings.outbox SET published_at = NULL WHERE id = $1', [created.id]);
    await outboxPublished(w.db, 'bookings', [created.id]);
    // Within the dedupe window the stream dropped it: the last booking.created is still the first copy.
    expect((await jsm.streams.getMessage(stream, { last_by_subj: subject }))?.seq).toBe(onStream?.seq);

    // Past the window it would get through: inventory's processed_events makes it a no-op.
    await handledBy(jsm, 'inventory-bookings', await redeliver(created));
    expect(await reservesOf(part.id, booking)).toEqual({ movements: 1, reserved: QUANTITY });
    const answers = await w.db.query(`SELECT 1 FROM inventory.outbox WHERE data->>'bookingId' = $1`, [booking.id]);
    expect(answers.rowCount).toBe(1);
  });
});

describe('duplicate delivery of inventory’s answers to bookings', () => {
  it('a shortage and then a reservation, each delivered again: the booking stays reserved, untouched', async () => {
    const { part, booking, receive } = await stockedBranch(0);
    await until('the shortage', async () => (await partsStatusOf(booking.id)).parts_status === 'awaiting_parts', {
      timeoutMs: EVENT_WAIT_MS,
    });
    await receive(QUANTITY);
    await until('the late reservation', async () => (await partsStatusOf(booking.id)).parts_status === 'reserved', {
      timeoutMs: EVENT_WAIT_MS,
    });
    const before = await partsStatusOf(booking.id);
    const shortage = await outboxEvent('inventory', 'inventory.shortage', booking.id);
    const reserved = await outboxEvent('inventory', 'inventory.parts_reserved', booking.id);

    await redeliver(reserved);
    await handledBy(jsm, 'bookings-parts-status', await redeliver(shortage));
    expect(await partsStatusOf(booking.id)).toEqual(before);
    expect(await reservesOf(part.id, booking)).toEqual({ movements: 1, reserved: QUANTITY });
  });
});
