import { randomUUID } from 'node:crypto';
import { Transactions, inventory, type Reservation } from '@garage/shared';
import { call, ok } from '../../../test/support/service-tier.js';
import { ReservationsService, type ReserveParts } from '../src/reservations/reservations.service.js';
import { WaitingBookings } from '../src/reservations/waiting-bookings.service.js';
import { BOOKINGS_SERVICE } from '../src/stock/actor.js';
import {
  DOWNTOWN,
  NORTHSIDE,
  createPart,
  ledgerMismatches,
  receive,
  startInventoryAlone,
  stockRow,
  type InventoryWorld,
} from './inventory-kit.js';

// The reservation rules of the inventory service running alone, on the real servers. Bookings reach them
// through events (booking-events.test.ts); here they are called directly, each in a transaction of
// its own as the consumer calls them, to see each answer.
let w: InventoryWorld;
let reservations: ReservationsService;
let transactions: Transactions;
let waiting: WaitingBookings;

beforeAll(async () => {
  w = await startInventoryAlone();
  reservations = w.service.app.get(ReservationsService);
  transactions = w.service.app.get(Transactions);
  waiting = w.service.app.get(WaitingBookings);
});

afterAll(async () => {
  await w?.close();
});

/** booking.created: hold the parts. */
const reserve = async (request: ReserveParts) =>
  (await transactions.run((tx) => reservations.reserveIn(tx, BOOKINGS_SERVICE, request))).reservation;
/** booking.cancelled: give them back; bookings waiting at the branch may then fit. */
const release = async (bookingId: string) => {
  const released = await transactions.run((tx) => reservations.releaseIn(tx, BOOKINGS_SERVICE, bookingId));
  if (released.freedParts) await waiting.afterRelease(released.reservation);
  return released.reservation;
};
/** booking.completed: the held parts leave the shelf. */
const complete = (bookingId: string) =>
  transactions.run((tx) => reservations.completeIn(tx, BOOKINGS_SERVICE, bookingId));

const ledgerOf = async (bookingId: string) =>
  (
    await w.db.query<{ kind: string; delta: number; reserved_delta: number; actor_kind: string; actor_id: string }>(
      `SELECT kind, delta, reserved_delta, actor_kind, actor_id FROM inventory.stock_movements
       WHERE booking_id = $1 ORDER BY seq`,
      [bookingId],
    )
  ).rows;

/** Two parts of this test's own with 10 and 4 on hand at Downtown. */
async function twoParts() {
  const oil = await createPart(w);
  const filter = await createPart(w);
  await receive(w, oil.id, DOWNTOWN, 10);
  await receive(w, filter.id, DOWNTOWN, 4);
  return { oil, filter };
}

describe('reserving parts for a booking', () => {
  it('holds every line for the booking; the same request sent 5 times at once holds it once', async () => {
    const { oil, filter } = await twoParts();
    const request = {
      bookingId: randomUUID(),
      branchId: DOWNTOWN,
      lines: [
        { partSku: oil.sku, quantity: 4 },
        { partSku: filter.sku, quantity: 1 },
      ],
    };
    const answers = await Promise.all(Array.from({ length: 5 }, () => reserve(request)));
    const expected: Reservation = { ...request, status: 'reserved', shortages: [] };
    for (const answer of answers) expect(answer).toEqual(expected);
    expect(await reserve(request)).toEqual(expected);
    expect(await stockRow(w, oil.id, DOWNTOWN)).toEqual({ on_hand: 10, reserved: 4 });
    expect(await stockRow(w, filter.id, DOWNTOWN)).toEqual({ on_hand: 4, reserved: 1 });
    const ledger = await ledgerOf(request.bookingId);
    expect(ledger.map((m) => [m.kind, m.delta, m.reserved_delta]).sort()).toEqual([
      ['reserve', 0, 1],
      ['reserve', 0, 4],
    ]);
    // The ledger names the bookings service, whose event this was.
    expect(ledger[0]).toMatchObject({ actor_kind: 'system', actor_id: 'bookings' });
    const level = await ok(w, inventory.listParts, w.admin, { branchId: DOWNTOWN, q: oil.sku });
    expect(level.items[0]).toMatchObject({ onHand: 10, reserved: 4, available: 6 });
  });

  it('holds nothing when it cannot hold everything, and says what is short', async () => {
    const { oil, filter } = await twoParts();
    const request = {
      bookingId: randomUUID(),
      branchId: DOWNTOWN,
      lines: [
        { partSku: oil.sku, quantity: 2 },
        { partSku: filter.sku, quantity: 5 },
        { partSku: 'NO-SUCH-PART-1', quantity: 1 },
      ],
    };
    const answer = await reserve(request);
    expect(answer).toEqual({
      ...request,
      status: 'short',
      shortages: [
        { partSku: filter.sku, needed: 5, available: 4 },
        { partSku: 'NO-SUCH-PART-1', needed: 1, available: 0 },
      ],
    });
    expect(await reserve(request)).toEqual(answer);
    expect(await stockRow(w, oil.id, DOWNTOWN)).toEqual({ on_hand: 10, reserved: 0 });
    expect(await stockRow(w, filter.id, DOWNTOWN)).toEqual({ on_hand: 4, reserved: 0 });
    expect(await ledgerOf(request.bookingId)).toEqual([]);
  });

  it('counts a SKU named twice twice, and refuses another request under the same booking id (CONFLICT)', async () => {
    const { oil } = await twoParts();
    const bookingId = randomUUID();
    const twice = await reserve({
      bookingId,
      branchId: DOWNTOWN,
      lines: [
        { partSku: oil.sku, quantity: 3 },
        { partSku: oil.sku, quantity: 3 },
      ],
    });
    expect(twice).toMatchObject({ status: 'reserved', lines: [{ partSku: oil.sku, quantity: 6 }] });
    expect(await stockRow(w, oil.id, DOWNTOWN)).toEqual({ on_hand: 10, reserved: 6 });
    await expect(
      reserve({ bookingId, branchId: DOWNTOWN, lines: [{ partSku: oil.sku, quantity: 1 }] }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      reserve({ bookingId, branchId: NORTHSIDE, lines: [{ partSku: oil.sku, quantity: 6 }] }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await stockRow(w, oil.id, DOWNTOWN)).toEqual({ on_hand: 10, reserved: 6 });
  });

  it('reserved stock can be neither counted away nor transferred', async () => {
    const { oil } = await twoParts();
    await reserve({ bookingId: randomUUID(), branchId: DOWNTOWN, lines: [{ partSku: oil.sku, quantity: 8 }] });
    const take = await call(w, inventory.adjustStock, w.admin, {
      id: oil.id,
      branchId: DOWNTOWN,
      delta: -3,
      reason: 'Count',
    });
    expect(take.status).toBe(409);
    const move = await call(w, inventory.transferStock, w.admin, {
      id: oil.id,
      fromBranchId: DOWNTOWN,
      toBranchId: NORTHSIDE,
      quantity: 3,
      reason: 'Lend',
    });
    expect(move.status).toBe(409);
    expect(move.message).toMatch(/2 available/);
    expect(await stockRow(w, oil.id, DOWNTOWN)).toEqual({ on_hand: 10, reserved: 8 });
  });

  it('concurrent reservations naming the same parts in opposite orders all finish, never over-reserving', async () => {
    const { oil, filter } = await twoParts();
    const requests = Array.from({ length: 12 }, (_, i) => ({
      bookingId: randomUUID(),
      branchId: DOWNTOWN,
      lines:
        i % 2
          ? [
              { partSku: oil.sku, quantity: 1 },
              { partSku: filter.sku, quantity: 1 },
            ]
          : [
              { partSku: filter.sku, quantity: 1 },
              { partSku: oil.sku, quantity: 1 },
            ],
    }));
    const answers = await Promise.all(requests.map((r) => reserve(r)));
    const held = answers.filter((a) => a.status === 'reserved').length;
    expect(held).toBe(4); // the filter (4 on hand) runs out first
    expect(answers.filter((a) => a.status === 'short')).toHaveLength(8);
    expect(await stockRow(w, filter.id, DOWNTOWN)).toEqual({ on_hand: 4, reserved: 4 });
    expect(await stockRow(w, oil.id, DOWNTOWN)).toEqual({ on_hand: 10, reserved: 4 });
    expect(await ledgerMismatches(w)).toEqual([]);
  });
});

describe('releasing and consuming them', () => {
  it('release gives the parts back, once, however often it is asked', async () => {
    const { oil, filter } = await twoParts();
    const bookingId = randomUUID();
    await reserve({
      bookingId,
      branchId: DOWNTOWN,
      lines: [
        { partSku: oil.sku, quantity: 3 },
        { partSku: filter.sku, quantity: 2 },
      ],
    });
    const answers = await Promise.all([release(bookingId), release(bookingId), release(bookingId)]);
    for (const a of answers) expect(a).toMatchObject({ bookingId, status: 'released' });
    expect(await stockRow(w, oil.id, DOWNTOWN)).toEqual({ on_hand: 10, reserved: 0 });
    expect(await stockRow(w, filter.id, DOWNTOWN)).toEqual({ on_hand: 4, reserved: 0 });
    expect((await ledgerOf(bookingId)).map((m) => m.kind).sort()).toEqual(['release', 'release', 'reserve', 'reserve']);
    await expect(complete(bookingId)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('completing takes the held parts off the shelf, once; releasing afterwards is refused', async () => {
    const { oil } = await twoParts();
    const bookingId = randomUUID();
    await reserve({ bookingId, branchId: DOWNTOWN, lines: [{ partSku: oil.sku, quantity: 3 }] });
    const answers = await Promise.all([complete(bookingId), complete(bookingId), complete(bookingId)]);
    for (const a of answers)
      expect(a).toMatchObject({ reservation: { bookingId, status: 'consumed' }, neverHeld: false });
    expect(await stockRow(w, oil.id, DOWNTOWN)).toEqual({ on_hand: 7, reserved: 0 });
    expect((await ledgerOf(bookingId)).map((m) => [m.kind, m.delta, m.reserved_delta])).toEqual([
      ['reserve', 0, 3],
      ['consume', -3, -3],
    ]);
    await expect(release(bookingId)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await ledgerMismatches(w)).toEqual([]);
  });

  it('a short reservation held nothing: releasing it only marks it released, completing takes nothing', async () => {
    const { filter } = await twoParts();
    const bookingId = randomUUID();
    await reserve({ bookingId, branchId: DOWNTOWN, lines: [{ partSku: filter.sku, quantity: 50 }] });
    expect(await release(bookingId)).toMatchObject({ status: 'released', shortages: [{ partSku: filter.sku }] });
    expect(await release(bookingId)).toMatchObject({ status: 'released' });
    const other = randomUUID();
    await reserve({ bookingId: other, branchId: DOWNTOWN, lines: [{ partSku: filter.sku, quantity: 50 }] });
    expect(await complete(other)).toMatchObject({ reservation: { status: 'released' }, neverHeld: true });
    expect(await ledgerOf(other)).toEqual([]);
    expect(await stockRow(w, filter.id, DOWNTOWN)).toEqual({ on_hand: 4, reserved: 0 });
    expect(await ledgerOf(bookingId)).toEqual([]);
  });

  it('answers NOT_FOUND for a booking with no reservation', async () => {
    await expect(release(randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(complete(randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
