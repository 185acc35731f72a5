import { bookings } from '@garage/shared';
import { freePort } from '../../../test/support/processes.js';
import { sample, scrape } from '../../../test/support/metrics.js';
import { book, bookingSetup, call, ok, startBookingsAlone, tomorrowAt, type BookingsWorld } from './bookings-kit.js';

/** The business counters on bookings' /metrics: what the dashboard's "bookings per branch" and "revenue" panels read. */
let w: BookingsWorld;
let healthPort: number;

beforeAll(async () => {
  healthPort = await freePort();
  w = await startBookingsAlone({ HEALTH_PORT: String(healthPort) });
}, 60_000);

afterAll(async () => {
  await w?.close();
});

describe('garage_bookings_created_total and garage_revenue_cents_total', () => {
  it('count bookings made per branch, and the quoted total of completed jobs; not refused or cancelled ones', async () => {
    const s = await bookingSetup(w, { technicians: 1, bays: 1 });
    const other = await bookingSetup(w);
    const branch = { branch: s.branch.id };
    const body = { branchId: s.branch.id, vehicleId: s.vehicle.id, serviceIds: [s.serviceId] };
    const done = await ok(w, bookings.createBooking, s.customer, { ...body, startsAt: tomorrowAt(8) });
    // The one technician is taken at 08:00: refused, not counted.
    expect((await book(w, s.customer, { ...body, startsAt: tomorrowAt(8) })).status).toBe(409);
    const dropped = await ok(w, bookings.createBooking, s.customer, { ...body, startsAt: tomorrowAt(11) });
    const move = (id: string, status: string) =>
      call(w, bookings.setBookingStatus, s.staff, { id, status }).then((r) => expect(r.status).toBe(200));
    for (const status of ['confirmed', 'checked_in', 'in_progress', 'completed']) await move(done.id, status);
    await move(dropped.id, 'cancelled');

    const text = await scrape(healthPort);
    expect({
      created: sample(text, 'garage_bookings_created_total', branch),
      revenue: sample(text, 'garage_revenue_cents_total', branch),
      otherBranch: sample(text, 'garage_bookings_created_total', { branch: other.branch.id }),
    }).toEqual({ created: 2, revenue: done.quote.totalCents, otherBranch: 0 });
    expect(done.quote.totalCents).toBeGreaterThan(0);
  });
});
