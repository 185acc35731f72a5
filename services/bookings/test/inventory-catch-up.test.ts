import { jetstreamManager } from '@nats-io/jetstream';
import { bookings, connectNats, eventStreamName, type Booking, type Technician } from '@garage/shared';
import { startInventory } from '../../../test/support/system.js';
import { testEnv } from '../../../test/support/test-env.js';
import { EVENT_WAIT_MS, until } from '../../../test/support/waits.js';
import { freshIp, http, loginStaff } from '../../../test/support/http.js';
import {
  ALWAYS_OPEN,
  createVehicle,
  ok,
  principal,
  startWorld,
  tag,
  tomorrowAt,
  type SystemWorld,
} from './bookings-kit.js';

let w: SystemWorld;
let admin: string;

beforeAll(async () => {
  w = await startWorld();
  admin = await loginStaff(w.sys.url, 'admin', 'admin123');
}, 60_000);

afterAll(async () => {
  await w?.close();
});

/** The admin API through the gateway; the test cannot go on without success. */
async function adminPost<T>(path: string, body: unknown): Promise<T> {
  const res = await http<T>(w.sys.url, 'POST', path, { token: admin, body, ip: freshIp() });
  if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${res.text}`);
  return res.body;
}

/** Inventory's durable consumer of the bookings' events, as the stream sees it. */
async function inventoryDurable() {
  const env = testEnv();
  const nc = await connectNats(env.NATS_URL, 'bookings-catch-up-test');
  try {
    return await (await jetstreamManager(nc)).consumers.info(eventStreamName(env.NATS_PREFIX), 'inventory-bookings');
  } finally {
    await nc.close();
  }
}

const count = async (sql: string, params: unknown[]) => (await w.db.query<{ n: number }>(sql, params)).rows[0].n;

const TECHNICIANS = 10;
const STARTS = 10;
const QUANTITY = 3;

describe('inventory away while bookings are made', () => {
  it('100 bookings made while inventory is stopped: each one’s parts reserved exactly once after it returns', async () => {
    // A branch of its own with a part only its service uses, so every count below is this test's.
    const branch = await adminPost<{ id: string }>('/api/branches', {
      name: `Catch-up ${tag()}`,
      address: '1 Queue Lane',
      timezone: 'UTC',
      openingHours: ALWAYS_OPEN,
      bays: TECHNICIANS,
      laborRateCents: 9_000,
      taxRatePercent: 0,
    });
    const technicians: Technician[] = [];
    for (let i = 0; i < TECHNICIANS; i++) {
      technicians.push(await adminPost<Technician>('/api/technicians', { name: `Tech ${i}`, branchId: branch.id }));
    }
    const sku = `CU-${tag()}`;
    const part = await adminPost<{ id: string }>('/api/parts', { sku, name: 'Catch-up filter', unitPriceCents: 500 });
    const service = await adminPost<{ id: string }>('/api/service-catalog', {
      code: `CU-${tag()}`,
      name: `Catch-up job ${tag()}`,
      category: 'Test',
      durationMinutes: 60,
      laborHours: 1,
      parts: [{ partSku: sku, quantity: QUANTITY }],
    });
    const onHand = TECHNICIANS * STARTS * QUANTITY + 50;
    await adminPost(`/api/parts/${part.id}/adjust`, {
      branchId: branch.id,
      delta: onHand,
      reason: 'delivery for the catch-up test',
      kind: 'receive',
    });
    const customer = principal('customer');
    // A car per technician: one car is never booked twice at the same time.
    const vehicles = await Promise.all(technicians.map(() => createVehicle(w, customer.id)));

    await w.sys.inventory.close();
    let made: Booking[] = [];
    try {
      const requests = technicians.flatMap((t, i) =>
        Array.from({ length: STARTS }, (_, h) => ({
          branchId: branch.id,
          vehicleId: vehicles[i].id,
          serviceIds: [service.id],
          technicianId: t.id,
          startsAt: tomorrowAt(6 + h),
        })),
      );
      // Ten at a time: the branch lock serialises them anyway.
      for (let i = 0; i < requests.length; i += 10) {
        const batch = requests.slice(i, i + 10).map((body) => ok(w, bookings.createBooking, w.admin, body));
        made = made.concat(await Promise.all(batch));
      }
      expect(made).toHaveLength(TECHNICIANS * STARTS);
      const ids = made.map((b) => b.id);
      // Every booking.created is on the stream, yet nothing is reserved: nobody is listening.
      await until(
        'the relay to publish every booking.created',
        async () =>
          (await count(
            `SELECT count(*)::int AS n FROM bookings.outbox WHERE data->>'bookingId' = ANY($1) AND published_at IS NOT NULL`,
            [ids],
          )) === ids.length,
        { timeoutMs: 30_000 },
      );
      // The proof that none was handled: inventory's durable still holds them all, undelivered.
      expect((await inventoryDurable()).num_pending).toBeGreaterThanOrEqual(ids.length);
      expect(
        await count(
          `SELECT count(*)::int AS n FROM inventory.stock_movements WHERE part_id = $1 AND kind = 'reserve'`,
          [part.id],
        ),
      ).toBe(0);
    } finally {
      w.sys.inventory = await startInventory();
    }

    const ids = made.map((b) => b.id);
    await until(
      'every booking to show its parts reserved',
      async () =>
        (await count(
          `SELECT count(*)::int AS n FROM bookings.bookings WHERE id = ANY($1::uuid[]) AND parts_status = 'reserved'`,
          [ids],
        )) === ids.length,
      { timeoutMs: EVENT_WAIT_MS },
    );
    const listed = await ok(w, bookings.listBookings, w.admin, { branchId: branch.id, limit: 100 });
    expect(listed.items).toHaveLength(ids.length);
    expect(new Set(listed.items.map((b) => b.partsStatus))).toEqual(new Set(['reserved']));

    const { rows: reserves } = await w.db.query<{ booking_id: string; n: number; reserved: number }>(
      `SELECT booking_id, count(*)::int AS n, sum(reserved_delta)::int AS reserved FROM inventory.stock_movements
       WHERE part_id = $1 AND branch_id = $2 AND kind = 'reserve' GROUP BY booking_id`,
      [part.id, branch.id],
    );
    expect(reserves.map((r) => r.booking_id).sort()).toEqual([...ids].sort());
    expect(reserves.filter((r) => r.n !== 1 || r.reserved !== QUANTITY)).toEqual([]);
    const { rows: stock } = await w.db.query<{ on_hand: number; reserved: number }>(
      `SELECT on_hand, reserved FROM inventory.stock WHERE part_id = $1 AND branch_id = $2`,
      [part.id, branch.id],
    );
    expect(stock).toEqual([{ on_hand: onHand, reserved: ids.length * QUANTITY }]);
  }, 90_000);
});
