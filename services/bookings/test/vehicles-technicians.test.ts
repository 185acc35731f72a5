import { randomUUID } from 'node:crypto';
import { DEMO_BRANCH_IDS, DEMO_CUSTOMER_ID, auth, bookings } from '@garage/shared';
import { startAuth } from '../../../test/support/system.js';
import {
  call,
  createBranch,
  freshVin,
  ok,
  principal,
  registerCustomer,
  startWorld,
  type SystemWorld,
} from './bookings-kit.js';

let w: SystemWorld;

beforeAll(async () => {
  w = await startWorld();
}, 60_000);

afterAll(async () => {
  await w?.close();
});

const car = (extra = {}) => ({
  vin: freshVin(),
  plate: 'ab 123',
  make: 'Volvo',
  model: 'V70',
  year: 2015,
  mileage: 1,
  ...extra,
});

describe('vehicles', () => {
  it('a customer adds and reads their own; another customer gets 404 by id, for reading and changing', async () => {
    const owner = principal('customer');
    const v = await ok(w, bookings.addMyVehicle, owner, car({ vin: freshVin().toLowerCase() }));
    expect(v.vin).toBe(v.vin.toUpperCase());
    expect(v).toMatchObject({ customerId: owner.id, plate: 'AB 123' });
    expect((await ok(w, bookings.myVehicles, owner, {})).items.map((x) => x.id)).toEqual([v.id]);
    const other = principal('customer');
    expect((await call(w, bookings.getVehicle, other, { id: v.id })).status).toBe(404);
    expect((await call(w, bookings.updateVehicle, other, { id: v.id, mileage: 5 })).status).toBe(404);
    expect((await ok(w, bookings.updateVehicle, owner, { id: v.id, mileage: 500 })).mileage).toBe(500);
    expect((await ok(w, bookings.getVehicle, principal('staff'), { id: v.id })).mileage).toBe(500);
    expect((await call(w, bookings.getVehicle, null, { id: v.id })).status).toBe(401);
  });

  it('the mileage may be left out when the owner does not know it: null until someone gives one', async () => {
    const owner = principal('customer');
    const { mileage: _unknown, ...withoutMileage } = car();
    const left = await ok(w, bookings.addMyVehicle, owner, withoutMileage);
    expect(left.mileage).toBeNull();
    const explicit = await ok(w, bookings.addMyVehicle, owner, car({ mileage: null }));
    expect(explicit.mileage).toBeNull();
    expect((await ok(w, bookings.getVehicle, owner, { id: left.id })).mileage).toBeNull();
    expect((await ok(w, bookings.updateVehicle, owner, { id: left.id, make: 'Saab' })).mileage).toBeNull();
    expect((await ok(w, bookings.updateVehicle, owner, { id: left.id, mileage: 12_345 })).mileage).toBe(12_345);
    expect((await call(w, bookings.addMyVehicle, owner, car({ mileage: -5 }))).status).toBe(400);
    expect((await call(w, bookings.updateVehicle, owner, { id: left.id, mileage: null })).status).toBe(400);
  });

  it('a VIN belongs to one active vehicle: staff registering it again get 409, a customer a claim; bad VINs, years and ids are 400', async () => {
    const vin = freshVin();
    await ok(w, bookings.addMyVehicle, principal('customer'), car({ vin }));
    const customerId = (await registerCustomer(w)).id;
    expect(
      (await call(w, bookings.createVehicle, w.admin, { ...car({ vin: vin.toLowerCase() }), customerId })).status,
    ).toBe(409);
    // Another customer is not told whose it is: a 201, and the car is a claim for staff (vehicle-claims.test).
    const claimant = principal('customer');
    expect((await call(w, bookings.addMyVehicle, claimant, car({ vin: vin.toLowerCase() }))).status).toBe(201);
    expect((await ok(w, bookings.myVehicles, claimant, {})).items.map((v) => v.status)).toEqual(['claim_pending']);
    const bad = [
      car({ vin: 'IOQ45678901234567' }),
      car({ vin: '1234567890123456' }),
      car({ vin: `${freshVin().slice(0, 16)}O` }),
      car({ year: 1800 }),
      car({ mileage: -1 }),
      car({ plate: '<script>' }),
      { ...car(), customerId: randomUUID() },
    ];
    for (const body of bad)
      expect((await call(w, bookings.addMyVehicle, principal('customer'), body)).status).toBe(400);
    expect((await call(w, bookings.getVehicle, w.admin, { id: "1' OR '1'='1" })).status).toBe(400);
  });

  it('staff and admins register for a customer and search by customer, VIN or plate prefix; customers may not', async () => {
    const customerId = (await registerCustomer(w)).id;
    const vin = freshVin();
    const v = await ok(w, bookings.createVehicle, principal('staff'), { ...car({ vin, plate: 'ZQ 777' }), customerId });
    expect(v.customerId).toBe(customerId);
    expect((await ok(w, bookings.listVehicles, w.admin, { customerId })).items.map((x) => x.id)).toEqual([v.id]);
    expect((await ok(w, bookings.listVehicles, w.admin, { q: vin.slice(0, 9).toLowerCase() })).items[0].id).toBe(v.id);
    expect((await ok(w, bookings.listVehicles, w.admin, { q: 'zq 7' })).items.map((x) => x.id)).toContain(v.id);
    expect((await ok(w, bookings.listVehicles, w.admin, { q: '%' })).items).toEqual([]);
    expect((await call(w, bookings.listVehicles, principal('customer'), {})).status).toBe(403);
    expect((await call(w, bookings.createVehicle, principal('customer'), { ...car(), customerId })).status).toBe(403);
  });

  it('gives many vehicles by id in one request (?ids=, comma-separated, at most 100), and refuses a bad list', async () => {
    const customerId = (await registerCustomer(w)).id;
    const cars = await Promise.all(
      [0, 1, 2].map(() => ok(w, bookings.createVehicle, principal('staff'), { ...car(), customerId })),
    );
    const [a, b, c] = cars.map((v) => v.id);
    const byIds = await ok(w, bookings.listVehicles, w.admin, { ids: `${a},${c},${a},${randomUUID()}` });
    expect(byIds.items.map((v) => v.id).sort()).toEqual([a, c].sort());
    expect(byIds.items.map((v) => v.id)).not.toContain(b);
    const tooMany = Array.from({ length: 101 }, () => randomUUID()).join(',');
    for (const ids of ['', 'not-an-id', `${a},`, tooMany])
      expect((await call(w, bookings.listVehicles, w.admin, { ids })).status).toBe(400);
    expect((await call(w, bookings.listVehicles, principal('customer'), { ids: a })).status).toBe(403);
  });
});

describe('vehicles for a customer: the customer must exist in auth', () => {
  it('active and pending customers get the car; unknown is 404 naming customerId; suspended is 409', async () => {
    const customer = await registerCustomer(w);
    const staff = principal('staff', [randomUUID()]);
    expect((await ok(w, bookings.createVehicle, staff, { ...car(), customerId: customer.id })).customerId).toBe(
      customer.id,
    );
    await ok(w, auth.setCustomerStatus, w.admin, { id: customer.id, status: 'pending' });
    expect((await call(w, bookings.createVehicle, w.admin, { ...car(), customerId: customer.id })).status).toBe(201);
    const unknown = randomUUID();
    const vin = freshVin();
    const missing = await call(w, bookings.createVehicle, staff, { ...car({ vin }), customerId: unknown });
    expect(missing).toMatchObject({ status: 404, message: expect.stringContaining(`customerId ${unknown}`) });
    await ok(w, auth.setCustomerStatus, w.admin, { id: customer.id, status: 'suspended' });
    expect((await call(w, bookings.createVehicle, staff, { ...car({ vin }), customerId: customer.id })).status).toBe(
      409,
    );
    // Neither refusal left a vehicle behind.
    expect((await w.db.query('SELECT 1 FROM bookings.vehicles WHERE vin = $1', [vin])).rowCount).toBe(0);
    expect((await ok(w, bookings.listVehicles, w.admin, { customerId: customer.id })).items).toHaveLength(2);
  });

  it('auth down: 503 at once, nothing stored; a customer adding their own car does not need auth', async () => {
    const customer = await registerCustomer(w);
    const vin = freshVin();
    await w.sys.auth.close();
    try {
      const began = Date.now();
      const res = await call(w, bookings.createVehicle, w.admin, { ...car({ vin }), customerId: customer.id });
      expect(res.status).toBe(503);
      expect(Date.now() - began).toBeLessThan(2_000);
      expect((await call(w, bookings.addMyVehicle, customer, car())).status).toBe(201);
    } finally {
      w.sys.auth = await startAuth();
    }
    expect((await w.db.query('SELECT 1 FROM bookings.vehicles WHERE vin = $1', [vin])).rowCount).toBe(0);
    expect((await call(w, bookings.createVehicle, w.admin, { ...car({ vin }), customerId: customer.id })).status).toBe(
      201,
    );
  });
});

describe('technicians', () => {
  it('admins add them at a known branch (404 otherwise); staff read their branches only', async () => {
    const branch = await createBranch(w);
    const t = await ok(w, bookings.createTechnician, w.admin, { name: 'Ada', branchId: branch.id, skills: ['brakes'] });
    expect(t).toMatchObject({ name: 'Ada', branchId: branch.id, skills: ['brakes'], active: true });
    expect((await call(w, bookings.createTechnician, w.admin, { name: 'X', branchId: randomUUID() })).status).toBe(404);
    expect(
      (await call(w, bookings.createTechnician, principal('staff', [branch.id]), { name: 'X', branchId: branch.id }))
        .status,
    ).toBe(403);
    const staff = principal('staff', [branch.id]);
    expect((await ok(w, bookings.listTechnicians, staff, {})).items.map((x) => x.id)).toEqual([t.id]);
    expect((await call(w, bookings.listTechnicians, staff, { branchId: randomUUID() })).status).toBe(403);
    expect((await call(w, bookings.listTechnicians, principal('customer'), {})).status).toBe(403);
    await ok(w, bookings.updateTechnician, w.admin, { id: t.id, active: false });
    expect((await ok(w, bookings.listTechnicians, staff, {})).items).toEqual([]);
    expect((await ok(w, bookings.listTechnicians, staff, { includeInactive: 'true' })).items).toHaveLength(1);
    expect((await call(w, bookings.updateTechnician, w.admin, { id: randomUUID(), active: true })).status).toBe(404);
  });
});

describe('demo data', () => {
  it('technicians at every demo branch, the demo customer’s cars and bookings in several states', async () => {
    for (const branchId of Object.values(DEMO_BRANCH_IDS)) {
      const techs = await ok(w, bookings.listTechnicians, w.admin, { branchId });
      expect(techs.items.length).toBeGreaterThanOrEqual(2);
    }
    const demo = { ...principal('customer'), id: DEMO_CUSTOMER_ID };
    expect((await ok(w, bookings.myVehicles, demo, {})).items.length).toBeGreaterThanOrEqual(2);
    const mine = await ok(w, bookings.myBookings, demo, { limit: 100 });
    expect(new Set(mine.items.map((b) => b.status)).size).toBeGreaterThanOrEqual(3);
    const chain = await ok(w, bookings.dashboard, w.admin, {});
    expect(Object.keys(chain.bookingsByStatus).sort()).toHaveLength(7);
  });
});
