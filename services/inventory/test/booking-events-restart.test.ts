import { randomUUID } from 'node:crypto';
import { startInventory } from '../../../test/support/system.js';
import { DOWNTOWN, createPart, ledgerMismatches, receive, stockRow, type InventoryWorld } from './inventory-kit.js';
import { withEventWorld, type EventLine } from './booking-events-kit.js';

let w: InventoryWorld;
let events: EventLine;

withEventWorld((world, line) => {
  w = world;
  events = line;
}, false);

it('catches up after a restart: 100 bookings made while inventory was down are each reserved once', async () => {
  const oil = await createPart(w);
  const filter = await createPart(w);
  await receive(w, oil.id, DOWNTOWN, 500);
  await receive(w, filter.id, DOWNTOWN, 500);
  await w.service.close();

  const bookings = Array.from({ length: 100 }, (_, i) => ({
    bookingId: randomUUID(),
    branchId: DOWNTOWN,
    startsAt: new Date(Date.now() + (i + 1) * 3_600_000).toISOString(),
    lines: [
      { partSku: oil.sku, quantity: 2 },
      { partSku: filter.sku, quantity: 1 },
    ],
  }));
  const ids: string[] = [];
  for (const b of bookings) ids.push(await events.publish('booking.created', b));
  // A few redelivered copies past the dedupe window, as a relay that died before marking them sent would send.
  for (const i of [0, 41, 99]) await events.publish('booking.created', bookings[i]!, { id: ids[i], dedupe: false });

  w.service = await startInventory();
  await events.settled(w);

  expect(await stockRow(w, oil.id, DOWNTOWN)).toEqual({ on_hand: 500, reserved: 200 });
  expect(await stockRow(w, filter.id, DOWNTOWN)).toEqual({ on_hand: 500, reserved: 100 });
  const perBooking = await w.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM inventory.stock_movements WHERE booking_id = ANY($1::uuid[]) AND kind = 'reserve'
     GROUP BY booking_id`,
    [bookings.map((b) => b.bookingId)],
  );
  expect(perBooking.rows).toHaveLength(100);
  expect(perBooking.rows.every((r) => r.n === 2)).toBe(true);
  const processed = await w.db.query('SELECT 1 FROM inventory.processed_events WHERE event_id = ANY($1::uuid[])', [
    ids,
  ]);
  expect(processed.rowCount).toBe(100);
  for (const b of bookings) expect(events.about(b.bookingId).map((e) => e.type)).toEqual(['inventory.parts_reserved']);
  expect(await ledgerMismatches(w)).toEqual([]);
}, 60_000);
