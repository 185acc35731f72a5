import { DomainError, WEEKDAYS, bookings, statusOf, type OpeningHours } from '@garage/shared';
import {
  book,
  bookingSetup,
  call,
  createBranch,
  createService,
  createTechnician,
  createVehicle,
  ok,
  principal,
  refusal,
  startBookingsAlone,
  tomorrowAt,
  type BookingsWorld,
} from './bookings-kit.js';

// One customer cannot hoard a branch: each limit on booking, proved on the bookings service alone.

const LIVE_CAP = 3;
const ATTEMPTS = 10;
let w: BookingsWorld;

beforeAll(async () => {
  w = await startBookingsAlone({
    LIVE_BOOKINGS_PER_CUSTOMER: String(LIVE_CAP),
    BOOKING_ATTEMPTS_PER_CUSTOMER: String(ATTEMPTS),
    BOOKING_ATTEMPTS_WINDOW_SECONDS: '3600',
  });
}, 60_000);

/** What each refusal of the hoarding script says, by the words of its message. */
const WHY = {
  'car busy': /car already has a booking/,
  cap: /upcoming bookings, the most an account can hold online/,
  horizon: /at most \d+ days ahead/,
  rate: /Too many booking attempts/,
};

describe('a script that tries to hoard a branch', () => {
  it('is stopped at each limit: the same car (409), the live cap (409), the horizon (400), the attempt rate (429)', async () => {
    const branch = await createBranch(w, { bays: 4, bookingHorizonDays: 30 });
    for (let i = 0; i < 4; i++) await createTechnician(w, branch.id);
    const serviceId = await createService(w);
    const hoarder = principal('customer');
    const cars = [];
    for (let i = 0; i < 5; i++) cars.push(await createVehicle(w, hoarder.id));
    const seen: string[] = [];
    const attempt = async (vehicleId: string, startsAt: string) => {
      const body = { branchId: branch.id, vehicleId, serviceIds: [serviceId], startsAt };
      try {
        await w.rpc.request(bookings.createBooking, { principal: hoarder, payload: body });
        seen.push('201 booked');
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        const said = [err.message, ...(err.details ?? []).map((d) => d.message)].join(' ');
        const why = Object.entries(WHY).find(([, pattern]) => pattern.test(said))?.[0] ?? said;
        seen.push(`${statusOf(err.code)} ${why}`);
      }
    };

    await attempt(cars[0].id, tomorrowAt(9));
    await attempt(cars[0].id, tomorrowAt(9, 30)); // the same car again while it is booked
    await attempt(cars[1].id, tomorrowAt(9)); // more cars, the same slot
    await attempt(cars[2].id, tomorrowAt(9));
    await attempt(cars[3].id, tomorrowAt(9)); // over the live cap
    await attempt(cars[4].id, tomorrowAt(9, 0, 31)); // beyond the branch's 30 days
    // And it keeps trying, a day further each time, until the attempts run out.
    for (let day = 2; !seen[seen.length - 1].startsWith('429') && day < 20; day++) {
      await attempt(cars[3].id, tomorrowAt(9, 0, day));
    }
    expect(seen).toEqual([
      '201 booked',
      '409 car busy',
      '201 booked',
      '201 booked',
      '409 cap',
      '400 horizon',
      ...Array(ATTEMPTS - 6).fill('409 cap'),
      '429 rate',
    ]);
    // Even a free slot for a free car is refused now, saying when to come back.
    const later = await refusal(w, bookings.createBooking, hoarder, {
      branchId: branch.id,
      vehicleId: cars[4].id,
      serviceIds: [serviceId],
      startsAt: tomorrowAt(15),
    });
    expect(later).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(later.retryAfter).toBeGreaterThan(3500);
    expect(later.retryAfter).toBeLessThanOrEqual(3600);
    const { rows } = await w.db.query(`SELECT count(*)::int AS n FROM bookings.bookings WHERE customer_id = $1`, [
      hoarder.id,
    ]);
    expect(rows[0].n).toBe(LIVE_CAP);
    // The desk still books for them: staff are exempt from the cap and the rate.
    const staff = principal('staff', [branch.id]);
    for (const day of [2, 3]) {
      const res = await book(w, staff, {
        branchId: branch.id,
        vehicleId: cars[4].id,
        serviceIds: [serviceId],
        startsAt: tomorrowAt(11, 0, day),
      });
      expect(res.status).toBe(201);
    }
  });
});

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
    // It names the car, where a slot taken names the time: a client can tell them apart.
    expect(await refusal(w, bookings.createBooking, s.customer, { ...body, startsAt: tomorrowAt(8, 30) })).toEqual({
      status: 409,
      code: 'CONFLICT',
      details: [{ field: 'vehicleId', message: 'already booked at an overlapping time' }],
    });
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

describe('live bookings per customer (LIVE_BOOKINGS_PER_CUSTOMER)', () => {
  const capMessage = expect.stringMatching(/already have 3 upcoming bookings/);

  it('stops a customer at the cap with a 409; staff booking for them are exempt and not counted', async () => {
    const s = await bookingSetup(w, { bays: 2, technicians: 2 });
    const body = { branchId: s.branch.id, vehicleId: s.vehicle.id, serviceIds: [s.serviceId] };
    const mine = [];
    for (let i = 0; i < LIVE_CAP; i++) {
      const res = await book(w, s.customer, { ...body, startsAt: tomorrowAt(8 + i) });
      expect(res.status).toBe(201);
      mine.push(res.body);
    }
    expect(await book(w, s.customer, { ...body, startsAt: tomorrowAt(12) })).toMatchObject({
      status: 409,
      message: capMessage,
    });
    // The desk books for them past the cap, and those bookings leave the customer's own count alone.
    expect((await book(w, s.staff, { ...body, startsAt: tomorrowAt(13) })).status).toBe(201);
    expect((await book(w, w.admin, { ...body, startsAt: tomorrowAt(14) })).status).toBe(201);
    expect((await call(w, bookings.cancelBooking, s.customer, { id: mine[0].id })).status).toBe(200);
    expect((await book(w, s.customer, { ...body, startsAt: tomorrowAt(15) })).status).toBe(201);
    expect((await book(w, s.customer, { ...body, startsAt: tomorrowAt(16) })).status).toBe(409);
  });

  it('counts only bookings still to come or under way', async () => {
    const s = await bookingSetup(w);
    const body = { branchId: s.branch.id, vehicleId: s.vehicle.id, serviceIds: [s.serviceId] };
    const made = await Promise.all(
      Array.from({ length: LIVE_CAP }, (_, i) =>
        ok(w, bookings.createBooking, s.customer, { ...body, startsAt: tomorrowAt(9, 0, i + 1) }),
      ),
    );
    expect((await book(w, s.customer, { ...body, startsAt: tomorrowAt(9, 0, 5) })).status).toBe(409);
    // One of them is over (as if yesterday's job was never moved on from "requested").
    await w.db.query(
      `UPDATE bookings.bookings SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`,
      [made[0].id],
    );
    expect((await book(w, s.customer, { ...body, startsAt: tomorrowAt(9, 0, 5) })).status).toBe(201);
  });

  it('racing bookings of one customer on different days (no common branch-day lock): exactly the cap is booked', async () => {
    const s = await bookingSetup(w, { bays: 1, technicians: 1 });
    const attempts = 8;
    const results = await Promise.all(
      Array.from({ length: attempts }, (_, i) =>
        book(w, s.customer, {
          branchId: s.branch.id,
          vehicleId: s.vehicle.id,
          serviceIds: [s.serviceId],
          startsAt: tomorrowAt(10, 0, i + 1),
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([
      ...Array(LIVE_CAP).fill(201),
      ...Array(attempts - LIVE_CAP).fill(409),
    ]);
    for (const lost of results.filter((r) => r.status === 409)) expect(lost.message).toEqual(capMessage);
    const { rows } = await w.db.query(`SELECT count(*)::int AS n FROM bookings.bookings WHERE customer_id = $1`, [
      s.customer.id,
    ]);
    expect(rows[0].n).toBe(LIVE_CAP);
  });
});

describe("the branch's booking horizon (bookingHorizonDays)", () => {
  const DAY = 24 * 3600_000;

  it('refuses a start beyond it with a 400 naming startsAt and the horizon; up to it books', async () => {
    const branch = await createBranch(w, { bookingHorizonDays: 10 });
    await createTechnician(w, branch.id);
    const serviceId = await createService(w);
    const customer = principal('customer');
    const vehicle = await createVehicle(w, customer.id);
    const body = { branchId: branch.id, vehicleId: vehicle.id, serviceIds: [serviceId] };
    expect(await refusal(w, bookings.createBooking, customer, { ...body, startsAt: tomorrowAt(9, 0, 11) })).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      details: [
        { field: 'startsAt', message: 'must be at most 10 days ahead: this branch takes bookings that far ahead only' },
      ],
    });
    // Staff are held to it too: it is the branch's calendar, not a limit on a customer.
    expect((await call(w, bookings.createBooking, w.admin, { ...body, startsAt: tomorrowAt(10, 0, 11) })).status).toBe(
      400,
    );
    expect((await call(w, bookings.createBooking, customer, { ...body, startsAt: tomorrowAt(9, 0, 9) })).status).toBe(
      201,
    );
  });

  it('availability offers nothing beyond it, and only the starts up to it on the last day', async () => {
    const branch = await createBranch(w, { bookingHorizonDays: 3 });
    await createTechnician(w, branch.id);
    const serviceId = await createService(w);
    const slotsOn = async (daysAhead: number) =>
      (
        await ok(w, bookings.availability, null, {
          branchId: branch.id,
          serviceIds: serviceId,
          date: new Date(Date.now() + daysAhead * DAY).toISOString().slice(0, 10),
        })
      ).slots;
    expect((await slotsOn(2)).length).toBeGreaterThan(20);
    const last = await slotsOn(3);
    const until = Date.now() + 3 * DAY;
    expect(last.every((s) => Date.parse(s.startsAt) <= until)).toBe(true);
    expect(last.length).toBeLessThan(48);
    expect(await slotsOn(4)).toEqual([]);
    expect(await slotsOn(30)).toEqual([]);
  });

  it('the next free slot is never beyond it', async () => {
    // Open on one day only, three days from now: found with a horizon of 5 days, not with one of 2.
    const openDay = WEEKDAYS[(new Date(Date.now() + 3 * DAY).getUTCDay() + 6) % 7];
    const openingHours = Object.fromEntries(
      WEEKDAYS.map((d) => [d, d === openDay ? { open: '00:00', close: '24:00' } : null]),
    ) as OpeningHours;
    const serviceId = await createService(w);
    const nextAt = async (bookingHorizonDays: number) => {
      const branch = await createBranch(w, { openingHours, bookingHorizonDays });
      await createTechnician(w, branch.id);
      return (await ok(w, bookings.nextFreeSlot, null, { branchId: branch.id, serviceIds: serviceId })).slot;
    };
    expect(await nextAt(5)).toMatchObject({ date: new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10) });
    expect(await nextAt(2)).toBeNull();
  });
});
