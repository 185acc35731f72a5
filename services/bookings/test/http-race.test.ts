import { randomUUID } from 'node:crypto';
import type { Vehicle } from '@garage/shared';
import { freshIp, http, loginCustomer } from '../../../test/support/http.js';
import { bookingSetup, freshVin, startWorld, tag, tomorrowAt, type SystemWorld } from './bookings-kit.js';

let w: SystemWorld;

beforeAll(async () => {
  w = await startWorld();
}, 60_000);

afterAll(async () => {
  await w?.close();
});

/** A customer who registered and signed in through the gateway, with a car of their own. */
async function signedInCustomer(): Promise<{ token: string; vehicle: Vehicle }> {
  const email = `racer-${randomUUID()}@example.com`;
  const password = `Racer-${tag()}-Pass9`;
  const registered = await http(w.sys.url, 'POST', '/api/customer-register', {
    body: { email, password, firstName: 'Race', lastName: 'Driver' },
    ip: freshIp(),
  });
  expect(registered.status).toBe(201);
  const token = await loginCustomer(w.sys.url, email, password);
  return { token, vehicle: await addCar(token) };
}

async function addCar(token: string): Promise<Vehicle> {
  const added = await http<Vehicle>(w.sys.url, 'POST', '/api/customer/my-vehicles', {
    token,
    body: { vin: freshVin(), plate: `R ${tag().slice(0, 4)}`, make: 'Mazda', model: 'MX-5', year: 2020, mileage: 10 },
  });
  expect(added.status).toBe(201);
  return added.body;
}

describe('POST /api/bookings racing over HTTP', () => {
  it('20 requests for one technician and start time, distinct Idempotency-Keys: one 201, nineteen 409, no 5xx', async () => {
    const s = await bookingSetup(w, { bays: 20, technicians: 2 });
    const startsAt = tomorrowAt(11);
    const technicianId = s.technicians[0].id;
    const customers = await Promise.all(Array.from({ length: 5 }, () => signedInCustomer()));
    const requests = Array.from({ length: 20 }, (_, i) => customers[i % customers.length]);
    const results = await Promise.all(
      requests.map(({ token, vehicle }) =>
        http<{ statusCode?: number; message?: string; requestId?: string }>(w.sys.url, 'POST', '/api/bookings', {
          token,
          headers: { 'idempotency-key': `http-race-${randomUUID()}` },
          body: { branchId: s.branch.id, vehicleId: vehicle.id, serviceIds: [s.serviceId], startsAt, technicianId },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(19).fill(409)]);
    for (const lost of results.filter((r) => r.status === 409)) {
      expect(lost.body).toMatchObject({ statusCode: 409, error: 'Conflict', requestId: expect.any(String) });
    }
    const { rows } = await w.db.query(
      `SELECT id FROM bookings.bookings WHERE technician_id = $1 AND starts_at = $2 AND status <> 'cancelled'`,
      [technicianId, startsAt],
    );
    expect(rows).toHaveLength(1);
    // The other technician is still free at that time (for a car not booked then).
    const other = await http(w.sys.url, 'POST', '/api/bookings', {
      token: customers[0].token,
      body: {
        branchId: s.branch.id,
        vehicleId: (await addCar(customers[0].token)).id,
        serviceIds: [s.serviceId],
        startsAt,
      },
    });
    expect(other.status).toBe(201);
    expect(other.body.technicianId).toBe(s.technicians[1].id);
  });

  it('20 requests for one start time at a one-bay branch, no technician named: one 201, nineteen 409', async () => {
    const s = await bookingSetup(w, { bays: 1, technicians: 3 });
    const startsAt = tomorrowAt(13);
    const customers = await Promise.all(Array.from({ length: 5 }, () => signedInCustomer()));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => customers[i % customers.length]).map(({ token, vehicle }) =>
        http(w.sys.url, 'POST', '/api/bookings', {
          token,
          headers: { 'idempotency-key': `bay-race-${randomUUID()}` },
          body: { branchId: s.branch.id, vehicleId: vehicle.id, serviceIds: [s.serviceId], startsAt },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(19).fill(409)]);
    const { rows } = await w.db.query(
      `SELECT bay FROM bookings.bookings WHERE branch_id = $1 AND starts_at = $2 AND status <> 'cancelled'`,
      [s.branch.id, startsAt],
    );
    expect(rows).toEqual([{ bay: 1 }]);
  });
});

describe('POST /api/bookings over HTTP: the per-customer attempt limit', () => {
  it('answers 429 in API.md’s shape with Retry-After once a customer’s attempts are used up (refused ones count)', async () => {
    const s = await bookingSetup(w);
    const { token } = await signedInCustomer();
    const body = { branchId: s.branch.id, vehicleId: randomUUID(), serviceIds: [s.serviceId], startsAt: tomorrowAt(9) };
    // The default allowance: 10 attempts an hour. A car that is not theirs is refused, and counted.
    for (let i = 0; i < 10; i++) {
      expect((await http(w.sys.url, 'POST', '/api/bookings', { token, body })).status).toBe(404);
    }
    const limited = await http(w.sys.url, 'POST', '/api/bookings', { token, body });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/^Too many booking attempts from this account; try again in \d+ s/),
      requestId: expect.any(String),
    });
    const wait = Number(limited.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(3500);
    expect(wait).toBeLessThanOrEqual(3600);
  });
});
