import { bookings, type Booking } from '@garage/shared';
import { startCatalog } from '../../../test/support/system.js';
import { http, loginStaff } from '../../../test/support/http.js';
import { bookingSetup, call, ok, startWorld, tomorrowAt, type SystemWorld } from './bookings-kit.js';

let w: SystemWorld;
let admin: string;

beforeAll(async () => {
  w = await startWorld();
  admin = await loginStaff(w.sys.url, 'admin', 'admin123');
}, 60_000);

afterAll(async () => {
  await w?.close();
});

/** Far below the RPC timeout (5 s): NATS says at once that nobody listens, and that is the answer. */
const QUICK_MS = 1_500;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const began = Date.now();
  const result = await work();
  return { ms: Date.now() - began, result };
}

describe('the catalog stopped', () => {
  it('availability and new bookings answer 503 at once; vehicles and bookings can still be read', async () => {
    const s = await bookingSetup(w);
    const date = tomorrowAt(0).slice(0, 10);
    const body = { branchId: s.branch.id, vehicleId: s.vehicle.id, serviceIds: [s.serviceId] };
    const existing = await ok(w, bookings.createBooking, s.customer, { ...body, startsAt: tomorrowAt(9) });
    const availabilityPath = `/api/availability?branchId=${s.branch.id}&serviceIds=${s.serviceId}&date=${date}`;
    // Warm the branch cache: availability must fail on the quote even while the branch is remembered.
    expect((await http(w.sys.url, 'GET', availabilityPath)).status).toBe(200);

    await w.sys.catalog.close();
    try {
      const slots = await timed(() => http(w.sys.url, 'GET', availabilityPath));
      expect(slots.result).toMatchObject({ status: 503, body: { statusCode: 503, error: 'Service Unavailable' } });
      expect(slots.ms).toBeLessThan(QUICK_MS);

      const booked = await timed(() =>
        http(w.sys.url, 'POST', '/api/bookings', { token: admin, body: { ...body, startsAt: tomorrowAt(12) } }),
      );
      expect(booked.result.status).toBe(503);
      expect(booked.ms).toBeLessThan(QUICK_MS);
      const overNats = await timed(() =>
        call(w, bookings.createBooking, s.customer, { ...body, startsAt: tomorrowAt(13) }),
      );
      expect(overNats.result.status).toBe(503);
      expect(overNats.ms).toBeLessThan(QUICK_MS);
      const { rows } = await w.db.query('SELECT id FROM bookings.bookings WHERE vehicle_id = $1', [s.vehicle.id]);
      expect(rows.map((r: { id: string }) => r.id)).toEqual([existing.id]);

      // Reads need nothing from the catalog.
      const get = (path: string) => http<Record<string, unknown>>(w.sys.url, 'GET', path, { token: admin });
      expect(await get(`/api/bookings/${existing.id}`)).toMatchObject({ status: 200, body: { id: existing.id } });
      expect(await get(`/api/vehicles/${s.vehicle.id}`)).toMatchObject({ status: 200, body: { id: s.vehicle.id } });
      const listed = await get(`/api/bookings?branchId=${s.branch.id}`);
      expect((listed.body.items as Booking[]).map((b) => b.id)).toEqual([existing.id]);
      expect((await ok(w, bookings.myBookings, s.customer, {})).items.map((b) => b.id)).toEqual([existing.id]);
      expect((await ok(w, bookings.myVehicles, s.customer, {})).items.map((v) => v.id)).toEqual([s.vehicle.id]);
      // Cancelling frees the slot without asking the catalog either.
      expect((await call(w, bookings.cancelBooking, s.customer, { id: existing.id })).status).toBe(200);
    } finally {
      w.sys.catalog = await startCatalog();
    }

    expect((await http(w.sys.url, 'GET', availabilityPath)).status).toBe(200);
    const again = await http(w.sys.url, 'POST', '/api/bookings', {
      token: admin,
      body: { ...body, startsAt: tomorrowAt(12) },
    });
    expect(again.status).toBe(201);
  });
});
