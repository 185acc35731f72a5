import { randomBytes, randomUUID } from 'node:crypto';
import type { Principal, Reservation, StockLevel } from '@garage/shared';
import { http } from '../../../test/support/http.js';
import { ReservationsService, type ReserveParts } from '../src/reservations/reservations.service.js';
import {
  DOWNTOWN,
  NORTHSIDE,
  createPart,
  ledgerMismatches,
  receive,
  startWorld,
  stockRow,
  type InventoryWorld,
} from './inventory-kit.js';

// The reservation rules of the running inventory service, on the real servers. Bookings reach them
// through events (booking-events.test.ts); here they are called directly, to see each answer.
let w: InventoryWorld;
let reservations: ReservationsService;

beforeAll(async () => {
  w = await startWorld();
  reservations = w.sys.inventory.app.get(ReservationsService);
});

afterAll(async () => {
  await w?.close();
});

/** No principal: another service asked (the booking events); a principal: a person, named in the ledger. */
const reserve = (request: ReserveParts, principal: Principal | null = null) => reservations.reserve(principal, request);
const release = (bookingId: string) => reservations.release(null, bookingId);
const consume = (bookingId: string) => reservations.consume(null, bookingId);

const principal = (role: Principal['role']): Principal => ({
  kind: role === 'customer' ? 'customer' : 'user',
  id: randomUUID(),
  role,
  branchIds: [],
  sessionId: randomBytes(32).toString('hex'),
});

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
    // No principal: another service sent it, and the ledger says so.
    expect(ledger[0]).toMatchObject({ actor_kind: 'system' });
    const level = await http<{ items: StockLevel[] }>(w.url, 'GET', `/api/parts?branchId=${DOWNTOWN}&q=${oil.sku}`, {
      token: w.admin,
    });
    expect(level.body.items[0]).toMatchObject({ onHand: 10, reserved: 4, available: 6 });
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
    const take = await http(w.url, 'POST', `/api/parts/${oil.id}/adjust`, {
      token: w.admin,
      body: { branchId: DOWNTOWN, delta: -3, reason: 'Count' },
    });
    expect(take.status).toBe(409);
    const move = await http(w.url, 'POST', `/api/parts/${oil.id}/transfer`, {
      token: w.admin,
      body: { fromBranchId: DOWNTOWN, toBranchId: NORTHSIDE, quantity: 3, reason: 'Lend' },
    });
    expect(move.status).toBe(409);
    expect(move.body.message).toMatch(/2 available/);
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

  it('refuses an unknown branch; a person who reserves is named in the ledger', async () => {
    const { oil } = await twoParts();
    const request = { bookingId: randomUUID(), branchId: DOWNTOWN, lines: [{ partSku: oil.sku, quantity: 1 }] };
    await expect(reserve({ ...request, branchId: randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await stockRow(w, oil.id, DOWNTOWN)).toEqual({ on_hand: 10, reserved: 0 });
    const admin = principal('admin');
    expect(await reserve(request, admin)).toMatchObject({ status: 'reserved' });
    expect((await ledgerOf(request.bookingId))[0]).toMatchObject({ actor_kind: 'user', actor_id: admin.id });
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
    await expect(consume(bookingId)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('consume takes the held parts off the shelf, once; releasing afterwards is refused', async () => {
    const { oil } = await twoParts();
    const bookingId = randomUUID();
    await reserve({ bookingId, branchId: DOWNTOWN, lines: [{ partSku: oil.sku, quantity: 3 }] });
    const answers = await Promise.all([consume(bookingId), consume(bookingId), consume(bookingId)]);
    for (const a of answers) expect(a).toMatchObject({ bookingId, status: 'consumed' });
    expect(await stockRow(w, oil.id, DOWNTOWN)).toEqual({ on_hand: 7, reserved: 0 });
    expect((await ledgerOf(bookingId)).map((m) => [m.kind, m.delta, m.reserved_delta])).toEqual([
      ['reserve', 0, 3],
      ['consume', -3, -3],
    ]);
    await expect(release(bookingId)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await ledgerMismatches(w)).toEqual([]);
  });

  it('a short reservation is only marked released, and cannot be consumed', async () => {
    const { filter } = await twoParts();
    const bookingId = randomUUID();
    await reserve({ bookingId, branchId: DOWNTOWN, lines: [{ partSku: filter.sku, quantity: 50 }] });
    await expect(consume(bookingId)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await release(bookingId)).toMatchObject({ status: 'released', shortages: [{ partSku: filter.sku }] });
    expect(await release(bookingId)).toMatchObject({ status: 'released' });
    expect(await stockRow(w, filter.id, DOWNTOWN)).toEqual({ on_hand: 4, reserved: 0 });
    expect(await ledgerOf(bookingId)).toEqual([]);
  });

  it('answers NOT_FOUND for a booking with no reservation', async () => {
    await expect(release(randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(consume(randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
