import { randomUUID } from 'node:crypto';
import { inventory } from '@garage/shared';
import { call } from '../../../test/support/service-tier.js';
import { DOWNTOWN, NORTHSIDE, createPart, receive, stockRow, type InventoryWorld } from './inventory-kit.js';
import { ledgerOf, reservationOf, withEventWorld, type EventLine } from './booking-events-kit.js';

let w: InventoryWorld;
let events: EventLine;

withEventWorld((world, line) => {
  w = world;
  events = line;
});

/** Publishes booking.created events one after another (booking order) and waits for inventory to apply them. */
async function book(branchId: string, ...lines: Array<Array<{ partSku: string; quantity: number }>>) {
  const ids: string[] = [];
  for (const l of lines) {
    const bookingId = randomUUID();
    ids.push(bookingId);
    await events.publish('booking.created', { bookingId, branchId, startsAt: new Date().toISOString(), lines: l });
  }
  await events.settled(w);
  return ids;
}

const told = (bookingId: string) => events.about(bookingId).map((e) => e.type);

describe('bookings waiting for parts', () => {
  it('a receipt serves the oldest waiting booking first; a second receipt serves the next', async () => {
    const pads = await createPart(w);
    await receive(w, pads.id, DOWNTOWN, 1);
    const [older, younger] = await book(
      DOWNTOWN,
      [{ partSku: pads.sku, quantity: 3 }],
      [{ partSku: pads.sku, quantity: 2 }],
    );
    expect(await reservationOf(w, older!)).toMatchObject({ status: 'short' });
    expect(await reservationOf(w, younger!)).toMatchObject({ status: 'short' });

    await receive(w, pads.id, DOWNTOWN, 2); // 3 on hand: enough for the older (3), then none left for the younger
    await events.settled(w);
    expect(await reservationOf(w, older!)).toMatchObject({ status: 'reserved', shortages: [] });
    expect(await reservationOf(w, younger!)).toMatchObject({ status: 'short' });
    expect(await stockRow(w, pads.id, DOWNTOWN)).toEqual({ on_hand: 3, reserved: 3 });
    expect(told(older!)).toEqual(['inventory.shortage', 'inventory.parts_reserved']);
    expect(told(younger!)).toEqual(['inventory.shortage']);
    expect((await ledgerOf(w, older!)).map((m) => [m.kind, m.reserved_delta, m.actor_id])).toEqual([
      ['reserve', 3, 'inventory'],
    ]);

    await receive(w, pads.id, DOWNTOWN, 2);
    await events.settled(w);
    expect(await reservationOf(w, younger!)).toMatchObject({ status: 'reserved' });
    expect(await stockRow(w, pads.id, DOWNTOWN)).toEqual({ on_hand: 5, reserved: 5 });
    expect(told(younger!)).toEqual(['inventory.shortage', 'inventory.parts_reserved']);
  });

  it('a younger booking that fits is served when an older one still does not; each is all or nothing', async () => {
    const oil = await createPart(w);
    const belt = await createPart(w);
    const [needsBoth, needsOil] = await book(
      DOWNTOWN,
      [
        { partSku: oil.sku, quantity: 1 },
        { partSku: belt.sku, quantity: 1 },
      ],
      [{ partSku: oil.sku, quantity: 2 }],
    );
    await receive(w, oil.id, DOWNTOWN, 3);
    await events.settled(w);
    // The older one needs a belt too, so it holds no oil; the younger takes 2 of the 3.
    expect(await reservationOf(w, needsBoth!)).toMatchObject({ status: 'short' });
    expect(await reservationOf(w, needsOil!)).toMatchObject({ status: 'reserved' });
    expect(await stockRow(w, oil.id, DOWNTOWN)).toEqual({ on_hand: 3, reserved: 2 });
    await receive(w, belt.id, DOWNTOWN, 1);
    await events.settled(w);
    expect(await reservationOf(w, needsBoth!)).toMatchObject({ status: 'reserved' });
    expect(await stockRow(w, oil.id, DOWNTOWN)).toEqual({ on_hand: 3, reserved: 3 });
    expect(await stockRow(w, belt.id, DOWNTOWN)).toEqual({ on_hand: 1, reserved: 1 });
  });

  it('a positive adjustment, a transfer in and parts freed by a cancellation serve waiting bookings at that branch only', async () => {
    const plug = await createPart(w);
    await receive(w, plug.id, DOWNTOWN, 4);
    const [oldest] = await book(NORTHSIDE, [{ partSku: plug.sku, quantity: 1 }]);
    expect(await reservationOf(w, oldest!)).toMatchObject({ status: 'short' });
    const [a, b, c] = await book(
      NORTHSIDE,
      [{ partSku: plug.sku, quantity: 2 }],
      [{ partSku: plug.sku, quantity: 1 }],
      [{ partSku: plug.sku, quantity: 1 }],
    );

    const move = await call(w, inventory.transferStock, w.admin, {
      id: plug.id,
      fromBranchId: DOWNTOWN,
      toBranchId: NORTHSIDE,
      quantity: 3,
      reason: 'Help out',
    });
    expect(move.status).toBe(200);
    await events.settled(w);
    // 3 arrived: the oldest (1) and then a (2); b and c wait. Downtown's own stock was never touched.
    expect(await reservationOf(w, oldest!)).toMatchObject({ status: 'reserved' });
    expect(await reservationOf(w, a!)).toMatchObject({ status: 'reserved' });
    expect(await reservationOf(w, b!)).toMatchObject({ status: 'short' });
    expect(await stockRow(w, plug.id, DOWNTOWN)).toEqual({ on_hand: 1, reserved: 0 });

    const count = await call(w, inventory.adjustStock, w.admin, {
      id: plug.id,
      branchId: NORTHSIDE,
      delta: 1,
      reason: 'Found one',
      kind: 'adjust',
    });
    expect(count.status).toBe(200);
    await events.settled(w);
    expect(await reservationOf(w, b!)).toMatchObject({ status: 'reserved' });
    expect(await reservationOf(w, c!)).toMatchObject({ status: 'short' });

    await events.publish('booking.cancelled', { bookingId: a!, branchId: NORTHSIDE });
    await events.settled(w);
    expect(await reservationOf(w, c!)).toMatchObject({ status: 'reserved' });
    expect(await stockRow(w, plug.id, NORTHSIDE)).toEqual({ on_hand: 4, reserved: 3 });
    expect(told(c!)).toEqual(['inventory.shortage', 'inventory.parts_reserved']);
  });

  it('receipts racing each other serve every waiting booking exactly once', async () => {
    const pads = await createPart(w);
    const waiting = await book(DOWNTOWN, ...Array.from({ length: 12 }, () => [{ partSku: pads.sku, quantity: 1 }]));
    await Promise.all(Array.from({ length: 10 }, () => receive(w, pads.id, DOWNTOWN, 1)));
    await events.settled(w);
    const statuses = await Promise.all(waiting.map(async (id) => (await reservationOf(w, id))?.status));
    // Ten arrived: the ten oldest are held, the two youngest still wait.
    expect(statuses).toEqual([...Array(10).fill('reserved'), 'short', 'short']);
    expect(await stockRow(w, pads.id, DOWNTOWN)).toEqual({ on_hand: 10, reserved: 10 });
    for (const id of waiting.slice(0, 10)) expect(told(id)).toEqual(['inventory.shortage', 'inventory.parts_reserved']);
  });
});
