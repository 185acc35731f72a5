import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { bookings, connectNats, eventSubject, newEvent, type Booking } from '@garage/shared';
import { testEnv } from '../../../test/support/test-env.js';
import { EVENT_WAIT_MS, handledBy, untilValue } from '../../../test/support/waits.js';
import {
  book,
  bookingSetup,
  call,
  freshVin,
  ok,
  principal,
  startWorld,
  tomorrowAt,
  type BookingsWorld,
} from './bookings-kit.js';

let w: BookingsWorld;

beforeAll(async () => {
  w = await startWorld();
}, 60_000);

afterAll(async () => {
  await w?.close();
});

let hour = 6;
/** A fresh booking at a fresh branch (its staff, customer and vehicle alongside). */
async function booked() {
  const s = await bookingSetup(w);
  const b = await ok(w, bookings.createBooking, s.customer, {
    branchId: s.branch.id,
    vehicleId: s.vehicle.id,
    serviceIds: [s.serviceId],
    startsAt: tomorrowAt(hour++ % 20),
  });
  return { ...s, booking: b };
}

const setStatus = (who: Parameters<typeof call>[2], id: string, status: string, extra = {}) =>
  call(w, bookings.setBookingStatus, who, { id, status, ...extra });

const eventsOf = async (bookingId: string) =>
  (
    await w.db.query<{ type: string }>(`SELECT type FROM bookings.outbox WHERE data->>'bookingId' = $1 ORDER BY seq`, [
      bookingId,
    ])
  ).rows.map((r) => r.type);

describe('the full job', () => {
  it('a completed job gives a vehicle of unknown mileage its first reading', async () => {
    const s = await bookingSetup(w);
    const { mileage: _none, ...car } = {
      vin: freshVin(),
      plate: 'NEW 1',
      make: 'Kia',
      model: 'Rio',
      year: 2021,
      mileage: 0,
    };
    const vehicle = await ok(w, bookings.addMyVehicle, s.customer, car);
    expect(vehicle.mileage).toBeNull();
    const b = await ok(w, bookings.createBooking, s.customer, {
      branchId: s.branch.id,
      vehicleId: vehicle.id,
      serviceIds: [s.serviceId],
      startsAt: tomorrowAt(hour++ % 20),
    });
    for (const status of ['confirmed', 'checked_in', 'in_progress'])
      expect((await setStatus(s.staff, b.id, status)).status).toBe(200);
    expect((await setStatus(s.staff, b.id, 'completed', { mileage: 7_500 })).status).toBe(200);
    expect((await ok(w, bookings.getVehicle, s.customer, { id: vehicle.id })).mileage).toBe(7_500);
  });

  it('book → confirm → check in → start → complete: record written, mileage raised, events out, revenue up', async () => {
    const s = await booked();
    const before = await ok(w, bookings.dashboard, s.staff, {});
    for (const status of ['confirmed', 'checked_in', 'in_progress']) {
      expect((await setStatus(s.staff, s.booking.id, status)).status).toBe(200);
    }
    const done = await setStatus(s.staff, s.booking.id, 'completed', { mileage: 61_000 });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', partsStatus: 'consumed' });
    expect(await eventsOf(s.booking.id)).toEqual(['booking.created', 'booking.completed']);
    const records = await ok(w, bookings.listServiceRecords, s.staff, { vehicleId: s.vehicle.id });
    expect(records.items).toHaveLength(1);
    expect(records.items[0]).toMatchObject({
      bookingId: s.booking.id,
      technicianId: s.booking.technicianId,
      mileage: 61_000,
      totalCents: s.booking.quote.totalCents,
      parts: [{ partSku: 'OIL-5W30-1L', quantity: 2 }],
    });
    expect(records.items[0].services[0].laborCents).toBe(s.booking.quote.lines[0].laborCents);
    const mine = await ok(w, bookings.myServiceRecords, s.customer, {});
    expect(mine.items.map((r) => r.bookingId)).toEqual([s.booking.id]);
    expect((await ok(w, bookings.myServiceRecords, principal('customer'), {})).items).toEqual([]);
    expect((await ok(w, bookings.getVehicle, s.customer, { id: s.vehicle.id })).mileage).toBe(61_000);
    const after = await ok(w, bookings.dashboard, s.staff, {});
    expect(after.revenueCentsThisMonth - before.revenueCentsThisMonth).toBe(s.booking.quote.totalCents);
    expect(after.bookingsByStatus.completed).toBe(1);
    expect(after.activeTechnicians).toBe(2);
    // Other staff see neither the record nor the branch's figures.
    const stranger = principal('staff', [randomUUID()]);
    expect((await call(w, bookings.listServiceRecords, stranger, { branchId: s.branch.id })).status).toBe(403);
    expect((await call(w, bookings.dashboard, stranger, { branchId: s.branch.id })).status).toBe(403);
  });
});

describe('bookings.set-status', () => {
  it('refuses illegal jumps and going back (409), customers (403), staff of another branch (403)', async () => {
    const s = await booked();
    expect((await setStatus(s.staff, s.booking.id, 'completed')).status).toBe(409);
    expect((await setStatus(s.staff, s.booking.id, 'in_progress')).status).toBe(409);
    expect((await setStatus(s.customer, s.booking.id, 'confirmed')).status).toBe(403);
    expect((await setStatus(principal('staff', [randomUUID()]), s.booking.id, 'confirmed')).status).toBe(403);
    expect((await setStatus(s.staff, s.booking.id, 'confirmed')).status).toBe(200);
    expect((await setStatus(s.staff, s.booking.id, 'requested')).status).toBe(409);
    expect((await setStatus(w.admin, s.booking.id, 'bogus')).status).toBe(400);
    expect((await setStatus(w.admin, randomUUID(), 'confirmed')).status).toBe(404);
  });

  it('two staff racing the same move: one 200, one 409', async () => {
    const s = await booked();
    const results = await Promise.all([
      setStatus(s.staff, s.booking.id, 'confirmed'),
      setStatus(w.admin, s.booking.id, 'confirmed'),
      setStatus(s.staff, s.booking.id, 'confirmed'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await eventsOf(s.booking.id)).toEqual(['booking.created']);
  });

  it('no-show releases the slot and the parts and says so', async () => {
    const s = await booked();
    const res = await setStatus(s.staff, s.booking.id, 'no_show');
    expect(res.body).toMatchObject({ status: 'no_show', partsStatus: 'released' });
    expect(await eventsOf(s.booking.id)).toEqual(['booking.created', 'booking.no_show']);
    const again = await book(w, s.customer, {
      branchId: s.branch.id,
      vehicleId: s.vehicle.id,
      serviceIds: [s.serviceId],
      startsAt: s.booking.startsAt,
      technicianId: s.booking.technicianId,
    });
    expect(again.status).toBe(201);
  });
});

describe('bookings.cancel and reading bookings', () => {
  it('the owner cancels before the start; others get 404 or 403', async () => {
    const s = await booked();
    expect((await call(w, bookings.cancelBooking, principal('customer'), { id: s.booking.id })).status).toBe(404);
    expect((await call(w, bookings.getBooking, principal('customer'), { id: s.booking.id })).status).toBe(404);
    expect((await call(w, bookings.getBooking, principal('staff', [randomUUID()]), { id: s.booking.id })).status).toBe(
      403,
    );
    expect((await call(w, bookings.cancelBooking, null, { id: s.booking.id })).status).toBe(401);
    expect((await call(w, bookings.getBooking, s.staff, { id: s.booking.id })).status).toBe(200);
    const cancelled = await call(w, bookings.cancelBooking, s.customer, { id: s.booking.id });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', partsStatus: 'released' });
    expect(await eventsOf(s.booking.id)).toEqual(['booking.created', 'booking.cancelled']);
    expect((await call(w, bookings.cancelBooking, s.customer, { id: s.booking.id })).status).toBe(409);
  });

  it('a customer cannot cancel once it has started; staff still can', async () => {
    const s = await booked();
    await w.db.query(
      `UPDATE bookings.bookings SET starts_at = now() - interval '10 minutes', ends_at = now() + interval '50 minutes' WHERE id = $1`,
      [s.booking.id],
    );
    expect((await call(w, bookings.cancelBooking, s.customer, { id: s.booking.id })).status).toBe(409);
    expect((await call(w, bookings.cancelBooking, s.staff, { id: s.booking.id })).status).toBe(200);
  });

  it('lists: staff their branches (403 for another), customers their own, newest first', async () => {
    const s = await booked();
    const list = await ok(w, bookings.listBookings, s.staff, {});
    expect(list.items.map((b: Booking) => b.id)).toEqual([s.booking.id]);
    expect((await call(w, bookings.listBookings, s.staff, { branchId: randomUUID() })).status).toBe(403);
    expect((await call(w, bookings.listBookings, s.customer, {})).status).toBe(403);
    const filtered = await ok(w, bookings.listBookings, w.admin, { branchId: s.branch.id, status: 'confirmed' });
    expect(filtered.items).toEqual([]);
    const mine = await ok(w, bookings.myBookings, s.customer, {});
    expect(mine.items.map((b: Booking) => b.id)).toEqual([s.booking.id]);
    expect((await call(w, bookings.listBookings, w.admin, { cursor: 'garbage' })).status).toBe(400);
  });

  it("lists one customer's bookings (?customerId=), still within staff's branches", async () => {
    const [a, b] = [await booked(), await booked()];
    const ofA = await ok(w, bookings.listBookings, w.admin, { customerId: a.customer.id });
    expect(ofA.items.map((x: Booking) => x.id)).toEqual([a.booking.id]);
    expect((await ok(w, bookings.listBookings, a.staff, { customerId: a.customer.id })).items).toHaveLength(1);
    // b's customer has a booking, but at a branch a's staff do not work at.
    expect((await ok(w, bookings.listBookings, a.staff, { customerId: b.customer.id })).items).toEqual([]);
    expect((await ok(w, bookings.listBookings, w.admin, { customerId: randomUUID() })).items).toEqual([]);
    expect((await call(w, bookings.listBookings, w.admin, { customerId: 'nobody' })).status).toBe(400);
  });

  it('staff of two branches page through both, merged by start time, each booking once', async () => {
    const [a, b] = [await booked(), await booked()];
    const more = await ok(w, bookings.createBooking, a.customer, {
      branchId: a.branch.id,
      vehicleId: a.vehicle.id,
      serviceIds: [a.serviceId],
      startsAt: tomorrowAt(21),
    });
    const staff = principal('staff', [a.branch.id, b.branch.id, a.branch.id.toUpperCase()]);
    const seen: Booking[] = [];
    let cursor: string | undefined;
    do {
      const page = await ok(w, bookings.listBookings, staff, { limit: 1, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && seen.length < 10);
    const expected = [a.booking, b.booking, more].sort(
      (x, y) => Date.parse(x.startsAt) - Date.parse(y.startsAt) || x.id.localeCompare(y.id),
    );
    expect(seen.map((x) => x.id)).toEqual(expected.map((x) => x.id));
    const requested = await ok(w, bookings.listBookings, staff, { status: 'requested', from: more.startsAt });
    expect(requested.items.map((x) => x.id)).toEqual([more.id]);
  });

  it('customer counts: vehicles and bookings per customer, zeros for strangers', async () => {
    const s = await booked();
    const stranger = randomUUID();
    const counts = await ok(w, bookings.customerCounts, s.staff, { customerIds: [s.customer.id, stranger] });
    expect(counts.items).toEqual(
      expect.arrayContaining([
        { customerId: s.customer.id, vehicles: 1, bookings: 1 },
        { customerId: stranger, vehicles: 0, bookings: 0 },
      ]),
    );
    expect((await call(w, bookings.customerCounts, s.customer, { customerIds: [] })).status).toBe(403);
  });
});

describe('parts status from inventory events', () => {
  // Waits on the run-wide durable `bookings-parts-status` (EVENT_WAIT_MS).
  it('reserved / awaiting_parts, idempotent, never backwards; bad data is skipped', async () => {
    const s = await booked();
    const env = testEnv();
    const nc = await connectNats(env.NATS_URL, 'bookings-events-test');
    const js = jetstream(nc);
    const jsm = await jetstreamManager(nc);
    /** Publishes as inventory's relay does; returns the event's stream seq. */
    const publish = async (type: string, data: unknown) => {
      const e = newEvent(type, data);
      return (await js.publish(eventSubject(env.NATS_PREFIX, type), JSON.stringify(e), { msgID: e.id })).seq;
    };
    const partsStatus = async () => (await ok(w, bookings.getBooking, w.admin, { id: s.booking.id })).partsStatus;
    const becomes = (want: string) =>
      untilValue(`partsStatus ${want}`, partsStatus, (status) => status === want, { timeoutMs: EVENT_WAIT_MS });
    /** The status once bookings has handled the event at `seq`: proof it ran, before saying it changed nothing. */
    const afterHandling = async (seq: number) => {
      await handledBy(jsm, 'bookings-parts-status', seq);
      return partsStatus();
    };
    try {
      const ids = { bookingId: s.booking.id, branchId: s.branch.id };
      await publish('inventory.parts_reserved', { bookingId: 'not-a-uuid' });
      await publish('inventory.shortage', { ...ids, shortages: [{ partSku: 'OIL-5W30-1L', needed: 2, available: 0 }] });
      await becomes('awaiting_parts');
      await publish('inventory.parts_reserved', ids);
      await becomes('reserved');
      // A late duplicate shortage must not undo the reservation, nor a duplicate reservation change it.
      expect(await afterHandling(await publish('inventory.shortage', { ...ids, shortages: [] }))).toBe('reserved');
      expect(await afterHandling(await publish('inventory.parts_reserved', ids))).toBe('reserved');
      await call(w, bookings.cancelBooking, s.customer, { id: s.booking.id });
      expect(await afterHandling(await publish('inventory.parts_reserved', ids))).toBe('released');
    } finally {
      await nc.close();
    }
  }, 90_000);
});
