import { bookings } from '@garage/shared';
import {
  book,
  bookingSetup,
  call,
  createBranch,
  createTechnician,
  createVehicle,
  startBookingsAlone,
  tomorrowAt,
  type BookingsWorld,
} from './bookings-kit.js';

// One customer cannot hoard a branch: each limit on booking, proved on the bookings service alone.

let w: BookingsWorld;

beforeAll(async () => {
  w = await startBookingsAlone();
}, 60_000);

afterAll(async () => {
  await w?.close();
});

describe('one car, one booking at a time (bookings_vehicle_no_overlap)', () => {
  it('refuses the same car at an overlapping time, at this branch or another, with a 409 that says why', async () => {
    const s = await bookingSetup(w, { bays: 3, technicians: 3 });
    const elsewhere = await createBranch(w);
    await createTechnician(w, elsewhere.id);
    const body = { branchId: s.branch.id, vehicleId: s.vehicle.id, serviceIds: [s.serviceId], startsAt: tomorrowAt(9) };
    expect((await book(w, s.customer, body)).status).toBe(201);

    const again = await book(w, s.customer, { ...body, startsAt: tomorrowAt(9, 30) });
    expect(again).toMatchObject({ status: 409, message: expect.stringMatching(/car already has a booking/) });
    const there = await book(w, w.admin, { ...body, branchId: elsewhere.id });
    expect(there).toMatchObject({ status: 409, message: expect.stringMatching(/car already has a booking/) });
    // Free technicians and bays were there: only the car was busy.
    expect((await book(w, s.customer, { ...body, vehicleId: (await createVehicle(w, s.customer.id)).id })).status).toBe(
      201,
    );
  });

  it('takes the car again right after the job ends, and once the earlier booking is cancelled', async () => {
    const s = await bookingSetup(w);
    const body = {
      branchId: s.branch.id,
      vehicleId: s.vehicle.id,
      serviceIds: [s.serviceId],
      startsAt: tomorrowAt(13),
    };
    const first = await book(w, s.customer, body);
    expect(first.status).toBe(201);
    expect((await book(w, s.customer, { ...body, startsAt: tomorrowAt(14) })).status).toBe(201);
    expect((await book(w, s.customer, { ...body, startsAt: tomorrowAt(12, 30) })).status).toBe(409);
    expect((await call(w, bookings.cancelBooking, s.customer, { id: first.body.id })).status).toBe(200);
    expect((await book(w, s.customer, { ...body, startsAt: tomorrowAt(12, 30) })).status).toBe(201);
  });
});
