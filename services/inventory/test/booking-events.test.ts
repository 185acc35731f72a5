import { randomUUID } from 'node:crypto';
import { DOWNTOWN, createPart, receive, stockRow, type InventoryWorld } from './inventory-kit.js';
import { ledgerOf, reservationOf, withEventWorld, type EventLine } from './booking-events-kit.js';
import { PROCESSED_EVENT_RETENTION_DAYS } from '../src/booking-events/processed-events.repository.js';

let w: InventoryWorld;
let events: EventLine;

withEventWorld((world, line) => {
  w = world;
  events = line;
});

/** Two parts of this test's own with 10 and 4 on hand at Downtown. */
async function twoParts() {
  const oil = await createPart(w);
  const filter = await createPart(w);
  await receive(w, oil.id, DOWNTOWN, 10);
  await receive(w, filter.id, DOWNTOWN, 4);
  return { oil, filter };
}

const bookingAt = (lines: Array<{ partSku: string; quantity: number }>) => ({
  bookingId: randomUUID(),
  branchId: DOWNTOWN,
  startsAt: new Date(Date.now() + 86_400_000).toISOString(),
  lines,
});

describe('booking.created', () => {
  it('a cancellation that overtakes its creation (a redelivery, two replicas) leaves nothing held', async () => {
    const { oil } = await twoParts();
    const booking = bookingAt([{ partSku: oil.sku, quantity: 2 }]);
    await events.publish('booking.cancelled', { bookingId: booking.bookingId, branchId: DOWNTOWN });
    await events.publish('booking.created', booking);
    await events.settled(w);
    expect(await reservationOf(w, booking.bookingId)).toMatchObject({ status: 'released' });
    expect(await stockRow(w, oil.id, DOWNTOWN)).toEqual({ on_hand: 10, reserved: 0 });
    expect(await ledgerOf(w, booking.bookingId)).toEqual([]);
  });

  it('holds the parts at the branch and publishes inventory.parts_reserved', async () => {
    const { oil, filter } = await twoParts();
    const booking = bookingAt([
      { partSku: oil.sku, quantity: 3 },
      { partSku: filter.sku, quantity: 1 },
    ]);
    await events.publish('booking.created', booking);
    await events.settled(w);
    expect(await reservationOf(w, booking.bookingId)).toMatchObject({ status: 'reserved', shortages: [] });
    expect(await stockRow(w, oil.id, DOWNTOWN)).toEqual({ on_hand: 10, reserved: 3 });
    expect(await stockRow(w, filter.id, DOWNTOWN)).toEqual({ on_hand: 4, reserved: 1 });
    const ledger = await ledgerOf(w, booking.bookingId);
    expect(ledger.map((m) => [m.kind, m.delta, m.reserved_delta, m.actor_id]).sort()).toEqual([
      ['reserve', 0, 1, 'bookings'],
      ['reserve', 0, 3, 'bookings'],
    ]);
    const told = events.about(booking.bookingId);
    expect(told.map((e) => [e.type, e.data])).toEqual([
      ['inventory.parts_reserved', { bookingId: booking.bookingId, branchId: DOWNTOWN }],
    ]);
  });

  it('holds nothing when a part is short, and inventory.shortage names the short parts', async () => {
    const { oil, filter } = await twoParts();
    const booking = bookingAt([
      { partSku: oil.sku, quantity: 2 },
      { partSku: filter.sku, quantity: 5 },
      { partSku: 'NO-SUCH-PART-2', quantity: 1 },
    ]);
    await events.publish('booking.created', booking);
    await events.settled(w);
    expect(await reservationOf(w, booking.bookingId)).toMatchObject({ status: 'short' });
    expect(await stockRow(w, oil.id, DOWNTOWN)).toEqual({ on_hand: 10, reserved: 0 });
    expect(await stockRow(w, filter.id, DOWNTOWN)).toEqual({ on_hand: 4, reserved: 0 });
    expect(await ledgerOf(w, booking.bookingId)).toEqual([]);
    const told = events.about(booking.bookingId);
    expect(told.map((e) => [e.type, e.data])).toEqual([
      [
        'inventory.shortage',
        {
          bookingId: booking.bookingId,
          branchId: DOWNTOWN,
          shortages: [
            { partSku: filter.sku, needed: 5, available: 4 },
            { partSku: 'NO-SUCH-PART-2', needed: 1, available: 0 },
          ],
        },
      ],
    ]);
  });

  it('reserves once when the same event comes twice, or another event names the same booking', async () => {
    const { oil } = await twoParts();
    const booking = bookingAt([{ partSku: oil.sku, quantity: 4 }]);
    const id = await events.publish('booking.created', booking);
    // The same event again past JetStream's dedupe (a relay re-publishing late), then a new event id.
    await events.publish('booking.created', booking, { id, dedupe: false });
    await events.publish('booking.created', booking);
    await events.settled(w);
    expect(await stockRow(w, oil.id, DOWNTOWN)).toEqual({ on_hand: 10, reserved: 4 });
    expect((await ledgerOf(w, booking.bookingId)).map((m) => m.kind)).toEqual(['reserve']);
    expect(events.about(booking.bookingId).map((e) => e.type)).toEqual(['inventory.parts_reserved']);
    const processed = await w.db.query('SELECT 1 FROM inventory.processed_events WHERE event_id = $1', [id]);
    expect(processed.rowCount).toBe(1);
  });

  it('a booking already under another reservation for other parts changes nothing and does not block the stream', async () => {
    const { oil } = await twoParts();
    const booking = bookingAt([{ partSku: oil.sku, quantity: 2 }]);
    await events.publish('booking.created', booking);
    await events.publish('booking.created', { ...booking, lines: [{ partSku: oil.sku, quantity: 5 }] });
    const next = bookingAt([{ partSku: oil.sku, quantity: 1 }]);
    await events.publish('booking.created', next);
    await events.settled(w);
    expect(await stockRow(w, oil.id, DOWNTOWN)).toEqual({ on_hand: 10, reserved: 3 });
    expect(await reservationOf(w, next.bookingId)).toMatchObject({ status: 'reserved' });
  });
});

describe('booking.cancelled, booking.no_show and booking.completed', () => {
  it('cancelled and no_show give the held parts back', async () => {
    const { oil, filter } = await twoParts();
    const cancelled = bookingAt([{ partSku: oil.sku, quantity: 3 }]);
    const noShow = bookingAt([{ partSku: filter.sku, quantity: 2 }]);
    await events.publish('booking.created', cancelled);
    await events.publish('booking.created', noShow);
    await events.settled(w);
    expect(await stockRow(w, oil.id, DOWNTOWN)).toEqual({ on_hand: 10, reserved: 3 });
    await events.publish('booking.cancelled', { bookingId: cancelled.bookingId, branchId: DOWNTOWN });
    await events.publish('booking.no_show', { bookingId: noShow.bookingId, branchId: DOWNTOWN });
    await events.publish('booking.cancelled', { bookingId: cancelled.bookingId, branchId: DOWNTOWN });
    await events.settled(w);
    expect(await stockRow(w, oil.id, DOWNTOWN)).toEqual({ on_hand: 10, reserved: 0 });
    expect(await stockRow(w, filter.id, DOWNTOWN)).toEqual({ on_hand: 4, reserved: 0 });
    expect(await reservationOf(w, cancelled.bookingId)).toMatchObject({ status: 'released' });
    expect(await reservationOf(w, noShow.bookingId)).toMatchObject({ status: 'released' });
    expect((await ledgerOf(w, cancelled.bookingId)).map((m) => [m.kind, m.reserved_delta])).toEqual([
      ['reserve', 3],
      ['release', -3],
    ]);
  });

  it('completed takes the held parts off the shelf (ledger consume), once', async () => {
    const { oil } = await twoParts();
    const booking = bookingAt([{ partSku: oil.sku, quantity: 3 }]);
    await events.publish('booking.created', booking);
    const done = { bookingId: booking.bookingId, branchId: DOWNTOWN };
    await events.publish('booking.completed', done);
    await events.publish('booking.completed', done);
    await events.settled(w);
    expect(await stockRow(w, oil.id, DOWNTOWN)).toEqual({ on_hand: 7, reserved: 0 });
    expect(await reservationOf(w, booking.bookingId)).toMatchObject({ status: 'consumed' });
    expect((await ledgerOf(w, booking.bookingId)).map((m) => [m.kind, m.delta, m.reserved_delta, m.actor_id])).toEqual([
      ['reserve', 0, 3, 'bookings'],
      ['consume', -3, -3, 'bookings'],
    ]);
  });

  it('a short booking cancelled is released; one completed takes nothing and stops waiting for stock', async () => {
    const { filter } = await twoParts();
    const cancelled = bookingAt([{ partSku: filter.sku, quantity: 6 }]);
    const completed = bookingAt([{ partSku: filter.sku, quantity: 6 }]);
    await events.publish('booking.created', cancelled);
    await events.publish('booking.created', completed);
    await events.publish('booking.cancelled', { bookingId: cancelled.bookingId, branchId: DOWNTOWN });
    await events.publish('booking.completed', { bookingId: completed.bookingId, branchId: DOWNTOWN });
    await events.settled(w);
    expect(await reservationOf(w, cancelled.bookingId)).toMatchObject({ status: 'released' });
    expect(await reservationOf(w, completed.bookingId)).toMatchObject({ status: 'released' });
    // Stock that arrives later is not held for either: neither is waiting any more.
    await receive(w, filter.id, DOWNTOWN, 10);
    await events.settled(w);
    expect(await stockRow(w, filter.id, DOWNTOWN)).toEqual({ on_hand: 14, reserved: 0 });
    expect(await ledgerOf(w, completed.bookingId)).toEqual([]);
  });

  it('events about a booking inventory never saw hold nothing, and later events still apply', async () => {
    const { oil } = await twoParts();
    const ghost = { bookingId: randomUUID(), branchId: DOWNTOWN };
    await events.publish('booking.completed', ghost);
    await events.publish('booking.cancelled', ghost);
    await events.publish('booking.no_show', ghost);
    const booking = bookingAt([{ partSku: oil.sku, quantity: 1 }]);
    await events.publish('booking.created', booking);
    await events.settled(w);
    expect(await reservationOf(w, ghost.bookingId)).toMatchObject({ status: 'released' });
    expect(await reservationOf(w, booking.bookingId)).toMatchObject({ status: 'reserved' });
    expect(await stockRow(w, oil.id, DOWNTOWN)).toEqual({ on_hand: 10, reserved: 1 });
  });
});

describe('processed_events', () => {
  it('the scheduled purge forgets ids past their retention and keeps younger ones', async () => {
    const [old, young, fresh] = [randomUUID(), randomUUID(), randomUUID()];
    await w.db.query(
      `INSERT INTO inventory.processed_events (event_id, processed_at) VALUES
         ($1, now() - make_interval(days => $4 + 1)), ($2, now() - make_interval(days => $4 - 1)), ($3, now())`,
      [old, young, fresh, PROCESSED_EVENT_RETENTION_DAYS],
    );
    expect(await w.service.jobs.runOnce('processed-events-purge')).toBe('ok');
    const left = await w.db.query('SELECT event_id FROM inventory.processed_events WHERE event_id = ANY($1::uuid[])', [
      [old, young, fresh],
    ]);
    expect(left.rows.map((r) => r.event_id).sort()).toEqual([young, fresh].sort());
  });
});
