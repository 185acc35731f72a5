import { randomUUID } from 'node:crypto';
import { bookings } from '@garage/shared';
import {
  book,
  bookingSetup,
  call,
  createTechnician,
  createVehicle,
  ok,
  principal,
  refusal,
  startWorld,
  tomorrowAt,
  type SystemWorld,
} from './bookings-kit.js';

let w: SystemWorld;

beforeAll(async () => {
  w = await startWorld();
}, 60_000);

afterAll(async () => {
  await w?.close();
});

const outboxOf = async (bookingId: string) =>
  (
    await w.db.query<{ type: string; data: Record<string, unknown> }>(
      `SELECT type, data FROM bookings.outbox WHERE data->>'bookingId' = $1 ORDER BY seq`,
      [bookingId],
    )
  ).rows;

describe('bookings.create', () => {
  it('books a customer’s own vehicle with the quote frozen, a technician and a bay, and writes booking.created', async () => {
    const s = await bookingSetup(w);
    const startsAt = tomorrowAt(10);
    const res = await book(w, s.customer, {
      branchId: s.branch.id,
      vehicleId: s.vehicle.id,
      serviceIds: [s.serviceId],
      startsAt,
    });
    expect(res.status).toBe(201);
    const b = res.body;
    expect(b).toMatchObject({
      customerId: s.customer.id,
      vehicleId: s.vehicle.id,
      branchId: s.branch.id,
      status: 'requested',
      partsStatus: 'pending',
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 3600_000).toISOString(),
      serviceIds: [s.serviceId],
    });
    expect(s.technicians.map((t) => t.id)).toContain(b.technicianId);
    expect([1, 2]).toContain(b.bay);
    expect(b.quote.laborCents).toBe(10_000);
    expect(b.quote.taxCents).toBe(Math.round(b.quote.subtotalCents / 10));
    expect(await outboxOf(b.id)).toEqual([
      {
        type: 'booking.created',
        data: { bookingId: b.id, branchId: s.branch.id, startsAt, lines: [{ partSku: 'OIL-5W30-1L', quantity: 2 }] },
      },
    ]);
  });

  it('refuses another customer’s vehicle (404), anonymous (401), staff of another branch (403)', async () => {
    const s = await bookingSetup(w);
    const body = {
      branchId: s.branch.id,
      vehicleId: s.vehicle.id,
      serviceIds: [s.serviceId],
      startsAt: tomorrowAt(11),
    };
    expect((await book(w, principal('customer'), body)).status).toBe(404);
    expect((await call(w, bookings.createBooking, null, body)).status).toBe(401);
    expect((await book(w, principal('staff', [randomUUID()]), body)).status).toBe(403);
    const byStaff = await book(w, s.staff, body);
    expect(byStaff.status).toBe(201);
    expect(byStaff.body.customerId).toBe(s.customer.id);
    const byAdmin = await book(w, w.admin, { ...body, startsAt: tomorrowAt(13) });
    expect(byAdmin.status).toBe(201);
  });

  it('refuses start times off the grid, in the past, outside opening hours, and hostile input', async () => {
    const s = await bookingSetup(w);
    const base = { branchId: s.branch.id, vehicleId: s.vehicle.id, serviceIds: [s.serviceId] };
    const past = new Date(Date.now() - 3600_000);
    past.setUTCMinutes(0, 0, 0);
    for (const startsAt of [tomorrowAt(10, 10), tomorrowAt(10, 15), past.toISOString(), tomorrowAt(23, 30)]) {
      const res = await book(w, s.customer, { ...base, startsAt });
      expect({ startsAt, status: res.status }).toEqual({ startsAt, status: 400 });
    }
    const hostile = [
      { ...base, startsAt: 'tomorrow' },
      { ...base, startsAt: tomorrowAt(10), serviceIds: Array.from({ length: 21 }, () => randomUUID()) },
      { ...base, startsAt: tomorrowAt(10), serviceIds: [] },
      { ...base, startsAt: tomorrowAt(10), vehicleId: 'x; DROP TABLE bookings' },
      { ...base, startsAt: tomorrowAt(10), notes: 'a\u0000b' },
      { ...base, startsAt: tomorrowAt(10), customerId: randomUUID() },
    ];
    for (const body of hostile) expect((await book(w, s.customer, body)).status).toBe(400);
    expect((await book(w, s.customer, { ...base, startsAt: tomorrowAt(10), serviceIds: [randomUUID()] })).status).toBe(
      404,
    );
    expect((await book(w, s.customer, { ...base, startsAt: tomorrowAt(10), branchId: randomUUID() })).status).toBe(404);
    expect(await w.db.query('SELECT 1 FROM bookings.bookings WHERE vehicle_id = $1', [s.vehicle.id])).toMatchObject({
      rowCount: 0,
    });
  });

  it('a named technician must be active at that branch', async () => {
    const s = await bookingSetup(w);
    const body = { branchId: s.branch.id, vehicleId: s.vehicle.id, serviceIds: [s.serviceId], startsAt: tomorrowAt(9) };
    const other = await bookingSetup(w);
    expect((await book(w, s.customer, { ...body, technicianId: other.technicians[0].id })).status).toBe(404);
    const retired = await createTechnician(w, s.branch.id, { active: false });
    expect((await book(w, s.customer, { ...body, technicianId: retired.id })).status).toBe(409);
    const res = await book(w, s.customer, { ...body, technicianId: s.technicians[1].id });
    expect(res.status).toBe(201);
    expect(res.body.technicianId).toBe(s.technicians[1].id);
  });

  it('20 bookings racing for one technician and start time: one 201, nineteen 409', async () => {
    const s = await bookingSetup(w, { bays: 20, technicians: 1 });
    const startsAt = tomorrowAt(14);
    const racers = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const who = principal('customer');
        return { who, vehicle: await createVehicle(w, who.id) };
      }),
    );
    const results = await Promise.all(
      racers.map(({ who, vehicle }) =>
        book(w, who, {
          branchId: s.branch.id,
          vehicleId: vehicle.id,
          serviceIds: [s.serviceId],
          startsAt,
          technicianId: s.technicians[0].id,
        }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(19).fill(409)]);
  });

  it('20 bookings racing for the only bay (3 technicians, none named): one 201, nineteen 409', async () => {
    const s = await bookingSetup(w, { bays: 1, technicians: 3 });
    const startsAt = tomorrowAt(15);
    const body = { branchId: s.branch.id, vehicleId: s.vehicle.id, serviceIds: [s.serviceId], startsAt };
    const keys = Array.from({ length: 20 }, () => `race-${randomUUID()}`);
    // Twenty cars, so the losers lose the bay, not the car (one car is never booked twice at once).
    const cars = await Promise.all(keys.map(() => createVehicle(w, s.customer.id)));
    const results = await Promise.all(
      keys.map((idempotencyKey, i) => book(w, w.admin, { ...body, vehicleId: cars[i].id, idempotencyKey })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(19).fill(409)]);
    // The losers' transactions rolled back whole: no key, no event of theirs.
    const claimed = await w.db.query('SELECT 1 FROM bookings.idempotency_keys WHERE key = ANY($1)', [keys]);
    expect(claimed.rowCount).toBe(1);
    const events = await w.db.query(`SELECT 1 FROM bookings.outbox WHERE data->>'branchId' = $1`, [s.branch.id]);
    expect(events.rowCount).toBe(1);
    // Another start the same day still finds a technician and the bay.
    expect((await book(w, w.admin, { ...body, startsAt: tomorrowAt(16) })).status).toBe(201);
  });

  it('a free technician is picked while another is busy; a full slot is 409', async () => {
    const s = await bookingSetup(w, { bays: 3, technicians: 2 });
    const body = { branchId: s.branch.id, serviceIds: [s.serviceId], startsAt: tomorrowAt(8) };
    // Each booking is of another car: one car is never booked twice at overlapping times.
    const car = async () => ({ ...body, vehicleId: (await createVehicle(w, s.customer.id)).id });
    const first = await book(w, s.staff, { ...(await car()), technicianId: s.technicians[0].id });
    const second = await book(w, s.staff, await car());
    expect(second.status).toBe(201);
    expect(second.body.technicianId).toBe(s.technicians[1].id);
    expect(second.body.bay).not.toBe(first.body.bay);
    const full = await book(w, s.staff, await car());
    expect(full).toMatchObject({ status: 409, message: expect.stringMatching(/no longer free/) });
    const again = await refusal(w, bookings.createBooking, s.staff, await car());
    expect(again).toEqual({
      status: 409,
      code: 'CONFLICT',
      details: [{ field: 'startsAt', message: 'no longer free' }],
    });
    // Half an hour later both are still busy (60-minute jobs); an hour later both are free again.
    expect((await book(w, s.staff, { ...(await car()), startsAt: tomorrowAt(8, 30) })).status).toBe(409);
    expect((await book(w, s.staff, { ...(await car()), startsAt: tomorrowAt(9) })).status).toBe(201);
  });
});

describe('Idempotency-Key', () => {
  it('the same key sent 5 times at once makes one booking; each answer is that booking', async () => {
    const s = await bookingSetup(w);
    const body = {
      branchId: s.branch.id,
      vehicleId: s.vehicle.id,
      serviceIds: [s.serviceId],
      startsAt: tomorrowAt(12),
      idempotencyKey: `key-${randomUUID()}`,
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => book(w, s.customer, body)));
    expect(results.map((r) => r.status)).toEqual(Array(5).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const again = await book(w, s.customer, body);
    expect(again.body.id).toBe(results[0].body.id);
    const { rows } = await w.db.query('SELECT id FROM bookings.bookings WHERE vehicle_id = $1', [s.vehicle.id]);
    expect(rows).toHaveLength(1);
    expect(await outboxOf(results[0].body.id)).toHaveLength(1);
  });

  it('the same key with another body is 422; another principal’s same key is its own', async () => {
    const s = await bookingSetup(w);
    const key = `key-${randomUUID()}`;
    const body = {
      branchId: s.branch.id,
      vehicleId: s.vehicle.id,
      serviceIds: [s.serviceId],
      startsAt: tomorrowAt(17),
    };
    expect((await book(w, s.customer, { ...body, idempotencyKey: key })).status).toBe(201);
    const changed = await book(w, s.customer, { ...body, startsAt: tomorrowAt(18), idempotencyKey: key });
    expect(changed.status).toBe(422);
    const staffBooking = await book(w, s.staff, { ...body, startsAt: tomorrowAt(18), idempotencyKey: key });
    expect(staffBooking.status).toBe(201);
  });

  it('a key older than 24 hours is free again', async () => {
    const s = await bookingSetup(w);
    const key = `key-${randomUUID()}`;
    const body = { branchId: s.branch.id, vehicleId: s.vehicle.id, serviceIds: [s.serviceId], idempotencyKey: key };
    const first = await book(w, s.customer, { ...body, startsAt: tomorrowAt(19) });
    await w.db.query(`UPDATE bookings.idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`, [
      key,
    ]);
    const second = await book(w, s.customer, { ...body, startsAt: tomorrowAt(20) });
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
  });

  it('the scheduled purge deletes keys past 24 hours and keeps younger ones', async () => {
    const s = await bookingSetup(w);
    const body = { branchId: s.branch.id, vehicleId: s.vehicle.id, serviceIds: [s.serviceId] };
    const [old, young] = [`key-${randomUUID()}`, `key-${randomUUID()}`];
    await ok(w, bookings.createBooking, s.customer, { ...body, startsAt: tomorrowAt(21), idempotencyKey: old });
    await ok(w, bookings.createBooking, s.customer, { ...body, startsAt: tomorrowAt(22), idempotencyKey: young });
    await w.db.query(`UPDATE bookings.idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`, [
      old,
    ]);
    await w.db.query(`UPDATE bookings.idempotency_keys SET created_at = now() - interval '23 hours' WHERE key = $1`, [
      young,
    ]);
    expect(await w.sys.bookings.jobs.runOnce('idempotency-keys-purge')).toBe('ok');
    const left = await w.db.query('SELECT key FROM bookings.idempotency_keys WHERE key = ANY($1)', [[old, young]]);
    expect(left.rows).toEqual([{ key: young }]);
  });
});

describe('events in the same transaction', () => {
  it('a booking that fails leaves no event and no key', async () => {
    const s = await bookingSetup(w, { technicians: 1 });
    const key = `key-${randomUUID()}`;
    const body = { branchId: s.branch.id, vehicleId: s.vehicle.id, serviceIds: [s.serviceId], startsAt: tomorrowAt(6) };
    const first = await ok(w, bookings.createBooking, s.customer, body);
    const before = (await w.db.query('SELECT count(*)::int AS n FROM bookings.outbox')).rows[0].n;
    // The constraint refuses the second one after the key was claimed: everything rolls back.
    const lost = await book(w, principal('admin'), { ...body, idempotencyKey: key, technicianId: first.technicianId });
    expect(lost.status).toBe(409);
    expect((await w.db.query('SELECT count(*)::int AS n FROM bookings.outbox')).rows[0].n).toBe(before);
    expect((await w.db.query('SELECT 1 FROM bookings.idempotency_keys WHERE key = $1', [key])).rowCount).toBe(0);
  });
});
