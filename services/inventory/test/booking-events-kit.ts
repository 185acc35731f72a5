import { randomUUID } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  connectNats,
  createLogger,
  ensureEventStream,
  eventSubject,
  startEventConsumer,
  type DomainEvent,
  type EventData,
  type EventType,
  type RunningConsumer,
} from '@garage/shared';
import { testEnv } from '../../../test/support/test-env.js';
import { caughtUp, outboxPublished } from '../../../test/support/waits.js';
import { ledgerMismatches, startInventoryAlone, type InventoryWorld } from './inventory-kit.js';

/** The durable through which inventory reads the bookings' events (EVENT_SUBSCRIPTIONS.inventoryBookings). */
const INVENTORY_DURABLE = 'inventory-bookings';

/**
 * The test's line to the event stream: it publishes booking events the way the bookings relay does
 * (event id as Nats-Msg-Id) and records every `inventory.*` event inventory's relay publishes.
 */
export interface EventLine {
  /** Publishes a booking event; returns its id. */
  publish<T extends EventType>(
    type: T,
    data: EventData<T>,
    options?: { id?: string; dedupe?: boolean },
  ): Promise<string>;
  /** The inventory events seen so far about a booking, in stream order. */
  about(bookingId: string): DomainEvent[];
  /** Waits until inventory has applied every booking event, relayed its outbox, and we have read it all. */
  settled(w: InventoryWorld): Promise<void>;
  close(): Promise<void>;
}

export async function openEventLine(): Promise<EventLine> {
  const env = testEnv();
  const prefix = env.NATS_PREFIX;
  const nc: NatsConnection = await connectNats(env.NATS_URL, 'inventory-events-test');
  const jsm = await ensureEventStream(nc, prefix);
  const js = jetstream(nc);
  const seen: DomainEvent[] = [];
  const durable = `test-inventory-events-${randomUUID().slice(0, 8)}`;
  const collector: RunningConsumer = await startEventConsumer(
    js,
    jsm,
    prefix,
    { durable, type: 'inventory.>', handle: async (e) => void seen.push(e) },
    createLogger('inventory-events-test', 'silent'),
  );
  return {
    async publish(type, data, options = {}) {
      const id = options.id ?? randomUUID();
      const event = { id, type, occurredAt: new Date().toISOString(), data };
      // Without the msg id JetStream cannot drop it: what a relay re-publishing after the dedupe window does.
      const opts = options.dedupe === false ? undefined : { msgID: id };
      await js.publish(eventSubject(prefix, type), JSON.stringify(event), opts);
      return id;
    },
    about: (bookingId) => seen.filter((e) => (e.data as { bookingId?: string }).bookingId === bookingId),
    // In this order: inventory's answers are in its outbox before it acknowledges the event.
    async settled(w) {
      await caughtUp(jsm, INVENTORY_DURABLE);
      await outboxPublished(w.db, 'inventory');
      await caughtUp(jsm, durable);
    },
    async close() {
      await collector.stop();
      await nc.drain();
    },
  };
}

/** A reservation row as the database holds it (null: none). */
export async function reservationOf(
  w: InventoryWorld,
  bookingId: string,
): Promise<{ status: string; shortages: unknown[] } | null> {
  const res = await w.db.query<{ status: string; shortages: unknown[] }>(
    'SELECT status, shortages FROM inventory.reservations WHERE booking_id = $1',
    [bookingId],
  );
  return res.rows[0] ?? null;
}

/** The ledger rows of a booking, oldest first. */
export async function ledgerOf(w: InventoryWorld, bookingId: string) {
  const res = await w.db.query<{ kind: string; delta: number; reserved_delta: number; actor_id: string }>(
    `SELECT kind, delta, reserved_delta, actor_id FROM inventory.stock_movements WHERE booking_id = $1 ORDER BY seq`,
    [bookingId],
  );
  return res.rows;
}

/**
 * The setup every booking-events suite shares: an inventory world and an event line, opened before
 * the suite and closed after it; with `checkLedger`, the ledger must match stock after each test.
 * `ready` hands both to the suite once they are open.
 */
export function withEventWorld(ready: (w: InventoryWorld, events: EventLine) => void, checkLedger = true): void {
  let w: InventoryWorld | undefined;
  let events: EventLine | undefined;
  // Waits on the run-wide event stream's durables (see settled()).
  jest.setTimeout(90_000);
  beforeAll(async () => {
    w = await startInventoryAlone();
    events = await openEventLine();
    ready(w, events);
  });
  afterAll(async () => {
    await events?.close();
    await w?.close();
  });
  if (checkLedger) {
    afterEach(async () => {
      expect(await ledgerMismatches(w!)).toEqual([]);
    });
  }
}
