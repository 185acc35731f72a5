import { randomUUID } from 'node:crypto';
import { bookings, type Principal } from '@garage/shared';
import {
  book,
  bookingSetup,
  call,
  freshVin,
  ok,
  principal,
  refusal,
  startBookingsAlone,
  tomorrowAt,
  type BookingsWorld,
} from './bookings-kit.js';

// VIN probing and squatting (issue 11 §5): adding a VIN that is someone else's answers like a fresh
// one and becomes a claim; staff move the car to the right owner or reject the claim.

let w: BookingsWorld;

beforeAll(async () => {
  w = await startBookingsAlone();
}, 60_000);

afterAll(async () => {
  await w?.close();
});

const car = (vin: string) => ({ vin, plate: 'PR 0BE', make: 'Skoda', model: 'Octavia', year: 2019, mileage: 1000 });

/** The reply's JSON exactly as the gateway passes it on (not parsed by the contract, which would drop extra fields). */
async function rawAdd(who: Principal, body: unknown): Promise<Record<string, unknown>> {
  const bytes = await w.rpc.requestRaw(bookings.addMyVehicle.pattern, { principal: who, payload: body });
  return JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown>;
}

const listOf = async (who: Principal) => (await ok(w, bookings.myVehicles, who, {})).items;

/** A customer with a car, and another who adds the same VIN: a pending claim. */
async function disputed() {
  const s = await bookingSetup(w);
  const claimant = principal('customer');
  const claim = await ok(w, bookings.addMyVehicle, claimant, car(s.vehicle.vin));
  return { ...s, claimant, claim };
}

describe('adding a VIN that is registered to someone else', () => {
  it('answers exactly as for a fresh VIN (same status, same fields), so a probe learns nothing', async () => {
    const owner = principal('customer');
    const taken = freshVin();
    await ok(w, bookings.addMyVehicle, owner, car(taken));
    const prober = principal('customer');
    const probes = [taken, freshVin()];
    const answers = await Promise.all(probes.map((vin) => rawAdd(prober, car(vin))));
    const [onTaken, onFresh] = answers.map(({ id, createdAt, vin, ...rest }) => {
      expect([typeof id, typeof createdAt]).toEqual(['string', 'string']);
      expect(probes).toContain(vin);
      return rest;
    });
    expect(onTaken).toEqual(onFresh);
    expect(Object.keys(answers[0])).toEqual(Object.keys(answers[1]));
    expect(onTaken).toEqual({
      customerId: prober.id,
      plate: 'PR 0BE',
      make: 'Skoda',
      model: 'Octavia',
      year: 2019,
      mileage: 1000,
    });
    // Both were 201 (no error at all); the owner's car is untouched.
    const [mine] = await listOf(owner);
    expect(mine).toMatchObject({ vin: taken, status: 'active', customerId: owner.id });
  });

  it('the claimant sees the car as a pending claim and cannot book it; the owner books theirs as before', async () => {
    const s = await disputed();
    expect((await listOf(s.claimant)).map((v) => [v.id, v.status])).toEqual([[s.claim.id, 'claim_pending']]);
    const body = { branchId: s.branch.id, serviceIds: [s.serviceId], startsAt: tomorrowAt(9) };
    expect(await refusal(w, bookings.createBooking, s.claimant, { ...body, vehicleId: s.claim.id })).toEqual({
      status: 409,
      code: 'CONFLICT',
      details: [{ field: 'vehicleId', message: 'not confirmed as yours yet' }],
    });
    // Nor can the desk book it for them before the claim is settled.
    expect((await book(w, s.staff, { ...body, vehicleId: s.claim.id })).status).toBe(409);
    expect((await book(w, s.customer, { ...body, vehicleId: s.vehicle.id })).status).toBe(201);
  });

  it('a VIN already among the customer’s own cars, or claimed by them, is a 409 (it tells them only of their own car)', async () => {
    const s = await disputed();
    for (const who of [s.customer, s.claimant]) {
      expect(await refusal(w, bookings.addMyVehicle, who, car(s.vehicle.vin))).toMatchObject({
        status: 409,
        details: [{ field: 'vin', message: 'already among your cars' }],
      });
    }
  });

  it('two customers adding the same new VIN at once: one gets the car, the other a claim, both 201', async () => {
    const vin = freshVin();
    const [a, b] = [principal('customer'), principal('customer')];
    const answers = await Promise.all([a, b].map((who) => call(w, bookings.addMyVehicle, who, car(vin))));
    expect(answers.map((r) => r.status)).toEqual([201, 201]);
    const statuses = [...(await listOf(a)), ...(await listOf(b))].map((v) => v.status).sort();
    expect(statuses).toEqual(['active', 'claim_pending']);
  });
});

describe('staff settle a claim', () => {
  const staff = () => principal('staff', [randomUUID()]);

  it('list the pending claims, oldest first, each beside the registered car; customers may not', async () => {
    const first = await disputed();
    const second = await disputed();
    const pending = [];
    let cursor: string | undefined;
    do {
      const page = await ok(w, bookings.listVehicleClaims, staff(), { limit: 50, ...(cursor ? { cursor } : {}) });
      pending.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const ours = pending.filter((c) => [first.claim.id, second.claim.id].includes(c.claim.id));
    expect(ours.map((c) => [c.claim.id, c.claim.status, c.registered?.id, c.registered?.customerId])).toEqual([
      [first.claim.id, 'claim_pending', first.vehicle.id, first.customer.id],
      [second.claim.id, 'claim_pending', second.vehicle.id, second.customer.id],
    ]);
    expect((await call(w, bookings.listVehicleClaims, first.claimant, {})).status).toBe(403);
    expect((await call(w, bookings.approveVehicleClaim, first.claimant, { id: first.claim.id })).status).toBe(403);
    expect((await call(w, bookings.rejectVehicleClaim, null, { id: first.claim.id })).status).toBe(401);
  });

  it('approving moves the car with its bookings and service records to the claimant; upcoming bookings must go first', async () => {
    const s = await disputed();
    const body = { branchId: s.branch.id, vehicleId: s.vehicle.id, serviceIds: [s.serviceId] };
    // The current owner's history: a finished job, and one still to come.
    const done = await ok(w, bookings.createBooking, s.customer, { ...body, startsAt: tomorrowAt(7) });
    for (const status of ['confirmed', 'checked_in', 'in_progress', 'completed']) {
      await ok(w, bookings.setBookingStatus, s.staff, { id: done.id, status });
    }
    const upcoming = await ok(w, bookings.createBooking, s.customer, { ...body, startsAt: tomorrowAt(11) });
    const decider = staff();

    expect(await call(w, bookings.approveVehicleClaim, decider, { id: s.claim.id })).toMatchObject({
      status: 409,
      message: 'The car has 1 upcoming booking of its current owner; cancel it first',
    });
    expect((await listOf(s.claimant)).map((v) => v.status)).toEqual(['claim_pending']);
    await ok(w, bookings.cancelBooking, s.staff, { id: upcoming.id });

    const moved = await ok(w, bookings.approveVehicleClaim, decider, { id: s.claim.id });
    expect(moved).toMatchObject({ id: s.vehicle.id, vin: s.vehicle.vin, customerId: s.claimant.id, status: 'active' });
    expect((await listOf(s.claimant)).map((v) => v.id)).toEqual([s.vehicle.id]);
    expect(await listOf(s.customer)).toEqual([]);
    const history = await ok(w, bookings.myServiceRecords, s.claimant, {});
    expect(history.items.map((r) => r.bookingId)).toEqual([done.id]);
    expect((await ok(w, bookings.myServiceRecords, s.customer, {})).items).toEqual([]);
    expect((await ok(w, bookings.myBookings, s.claimant, {})).items.map((b) => b.id).sort()).toEqual(
      [done.id, upcoming.id].sort(),
    );
    const { rows } = await w.db.query(
      `SELECT decision, vehicle_id, previous_owner_id, claimant_id, decided_by FROM bookings.vehicle_claim_decisions
       WHERE claim_id = $1`,
      [s.claim.id],
    );
    expect(rows).toEqual([
      {
        decision: 'approved',
        vehicle_id: s.vehicle.id,
        previous_owner_id: s.customer.id,
        claimant_id: s.claimant.id,
        decided_by: decider.id,
      },
    ]);
    // The new owner books it; the claim is settled once.
    expect((await book(w, s.claimant, { ...body, startsAt: tomorrowAt(15) })).status).toBe(201);
    expect((await call(w, bookings.approveVehicleClaim, decider, { id: s.claim.id })).status).toBe(409);
    expect((await call(w, bookings.rejectVehicleClaim, decider, { id: s.claim.id })).status).toBe(409);
  });

  it('rejecting leaves the car with its owner; the claimant keeps a rejected, unbookable car', async () => {
    const s = await disputed();
    const rejected = await ok(w, bookings.rejectVehicleClaim, principal('admin'), { id: s.claim.id });
    expect(rejected).toMatchObject({ id: s.claim.id, customerId: s.claimant.id, status: 'claim_rejected' });
    expect((await listOf(s.claimant)).map((v) => v.status)).toEqual(['claim_rejected']);
    expect((await listOf(s.customer)).map((v) => [v.id, v.status])).toEqual([[s.vehicle.id, 'active']]);
    const body = { branchId: s.branch.id, serviceIds: [s.serviceId], startsAt: tomorrowAt(10) };
    expect(await call(w, bookings.createBooking, s.claimant, { ...body, vehicleId: s.claim.id })).toMatchObject({
      status: 409,
      message: 'This car was not confirmed as yours; ask the branch',
    });
    expect((await call(w, bookings.approveVehicleClaim, w.admin, { id: s.claim.id })).status).toBe(409);
    expect((await call(w, bookings.rejectVehicleClaim, w.admin, { id: s.claim.id })).status).toBe(409);
    expect((await call(w, bookings.approveVehicleClaim, w.admin, { id: s.vehicle.id })).status).toBe(404);
    expect((await call(w, bookings.approveVehicleClaim, w.admin, { id: randomUUID() })).status).toBe(404);
  });
});
