import { randomBytes, randomUUID } from 'node:crypto';
import {
  AvailabilitySchema,
  BookingSchema,
  DEMO_BRANCH_IDS,
  DEMO_CUSTOMER_ID,
  ServiceRecordSchema,
  TechnicianSchema,
  VehicleClaimSchema,
  VehicleSchema,
  bookings,
  pageOf,
  type Availability,
  type Booking,
  type Vehicle,
} from '@garage/shared';
import { startSystem, type TestSystem } from '../../../test/support/system.js';
import { LEAK, http, loginCustomer, loginStaff } from '../../../test/support/http.js';

let sys: TestSystem;
let admin: string;
let staff: string;
let customer: string;
const seen: string[] = [];
const { downtown } = DEMO_BRANCH_IDS;
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

const call = async <T = Record<string, unknown>>(
  method: string,
  path: string,
  token?: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
) => {
  const res = await http<T>(sys.url, method, path, { token, ...options });
  seen.push(res.text);
  return res;
};

const randomVin = () => [...randomBytes(17)].map((b) => VIN_CHARS[b % VIN_CHARS.length]).join('');
const newVehicle = () => ({
  vin: randomVin(),
  plate: 'GW 1234',
  make: 'Volvo',
  model: 'V70',
  year: 2015,
  mileage: 120_000,
});

beforeAll(async () => {
  sys = await startSystem();
  admin = await loginStaff(sys.url, 'admin', 'admin123');
  const username = `bay-${randomUUID().slice(0, 6)}`;
  await http(sys.url, 'POST', '/api/users', {
    token: admin,
    body: { username, password: 'Bay-Staff-Pass1', role: 'staff', branchIds: [downtown] },
  });
  staff = await loginStaff(sys.url, username, 'Bay-Staff-Pass1');
  customer = await loginCustomer(sys.url, 'john.smith@email.com', 'customer123');
});

afterAll(async () => {
  await sys.close();
});

afterAll(() => {
  for (const text of seen) expect(text).not.toMatch(LEAK);
});

describe('the gateway guards every bookings route before forwarding', () => {
  const id = randomUUID();
  it.each([
    ['GET', '/api/vehicles'],
    ['POST', '/api/vehicles'],
    ['GET', `/api/vehicles/${id}`],
    ['PATCH', `/api/vehicles/${id}`],
    ['GET', '/api/customer/my-vehicles'],
    ['POST', '/api/customer/my-vehicles'],
    ['GET', '/api/vehicle-claims'],
    ['POST', `/api/vehicle-claims/${id}/approve`],
    ['POST', `/api/vehicle-claims/${id}/reject`],
    ['GET', '/api/technicians'],
    ['POST', '/api/technicians'],
    ['PATCH', `/api/technicians/${id}`],
    ['POST', '/api/bookings'],
    ['GET', '/api/bookings'],
    ['GET', '/api/customer/my-bookings'],
    ['GET', `/api/bookings/${id}`],
    ['POST', `/api/bookings/${id}/cancel`],
    ['PATCH', `/api/bookings/${id}/status`],
    ['GET', '/api/services'],
    ['GET', '/api/customer/my-services'],
  ])('%s %s: 401 without a session', async (method, path) => {
    expect((await call(method, path, undefined, { body: method === 'GET' ? undefined : {} })).status).toBe(401);
  });

  it.each([
    ['customer', 'GET', '/api/vehicles'],
    ['customer', 'POST', '/api/vehicles'],
    ['customer', 'GET', '/api/vehicle-claims'],
    ['customer', 'POST', `/api/vehicle-claims/${id}/approve`],
    ['customer', 'POST', `/api/vehicle-claims/${id}/reject`],
    ['customer', 'GET', '/api/technicians'],
    ['staff', 'POST', '/api/technicians'],
    ['staff', 'PATCH', `/api/technicians/${id}`],
    ['customer', 'GET', '/api/bookings'],
    ['customer', 'PATCH', `/api/bookings/${id}/status`],
    ['customer', 'GET', '/api/services'],
    ['staff', 'GET', '/api/customer/my-vehicles'],
    ['staff', 'GET', '/api/customer/my-bookings'],
    ['admin', 'GET', '/api/customer/my-services'],
  ])('as %s, %s %s: 403', async (who, method, path) => {
    const token = { admin, staff, customer }[who];
    expect((await call(method, path, token, { body: method === 'GET' ? undefined : {} })).status).toBe(403);
  });

  it('parses serviceIds of /api/availability as a comma-separated list (400 with details when malformed)', async () => {
    const res = await call<{ details: { field: string }[] }>(
      'GET',
      `/api/availability?branchId=${downtown}&serviceIds=oil,brakes&date=2030-01-01`,
    );
    expect(res.status).toBe(400);
    expect(res.body.details.map((d) => d.field)).toEqual(['serviceIds.0', 'serviceIds.1']);
  });
});

describe('Idempotency-Key plumbing (POST /api/bookings)', () => {
  const body = () => ({
    branchId: downtown,
    vehicleId: randomUUID(),
    serviceIds: [randomUUID()],
    startsAt: '2030-01-07T09:00:00Z',
  });

  it.each([
    ['too long', 'k'.repeat(201)],
    ['with a space', 'my key'],
    ['not ASCII', 'caf\u00e9-1'],
    ['empty', ''],
  ])('refuses a key %s: 400 naming the header', async (_why, key) => {
    const res = await call<{ details: { field: string }[] }>('POST', '/api/bookings', customer, {
      body: body(),
      headers: { 'idempotency-key': key },
    });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
  });

  it('refuses idempotencyKey in the body: the header is the only way', async () => {
    const res = await call<{ details: { field: string }[] }>('POST', '/api/bookings', customer, {
      body: { ...body(), idempotencyKey: 'abc' },
      headers: { 'idempotency-key': 'abc' },
    });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'idempotencyKey' })]);
  });
});

/** Each route group answered by the bookings service itself: the gateway forwards to the right message. */
describe('forwarded to the bookings service', () => {
  let vehicle: Omit<Vehicle, 'status'>;
  let booking: Booking;

  it('vehicles: staff list and add for a customer; the customer lists, adds, reads and edits their own', async () => {
    const list = await call('GET', `/api/vehicles?customerId=${DEMO_CUSTOMER_ID}`, staff);
    expect(list.status).toBe(200);
    pageOf(VehicleSchema).parse(list.body);
    const forCustomer = await call('POST', '/api/vehicles', staff, {
      body: { customerId: DEMO_CUSTOMER_ID, ...newVehicle() },
    });
    expect(forCustomer.status).toBe(201);
    const added = await call<Vehicle>('POST', '/api/customer/my-vehicles', customer, { body: newVehicle() });
    expect(added.status).toBe(201);
    // The answer leaves the status out (the same for a new VIN and a claim on someone else's); the list has it.
    vehicle = bookings.AddedVehicleSchema.strict().parse(added.body);
    expect(vehicle.customerId).toBe(DEMO_CUSTOMER_ID);
    const mine = await call<{ items: Vehicle[] }>('GET', '/api/customer/my-vehicles?limit=100', customer);
    expect(mine.body.items.find((v) => v.id === vehicle.id)).toMatchObject({ status: 'active' });
    expect((await call('GET', `/api/vehicles/${vehicle.id}`, customer)).status).toBe(200);
    const edited = await call<Vehicle>('PATCH', `/api/vehicles/${vehicle.id}`, customer, {
      body: { mileage: 120_500 },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.mileage).toBe(120_500);
  });

  it('vehicle claims: staff list the pending ones and settle one by id (an unknown claim is 404)', async () => {
    const list = await call('GET', '/api/vehicle-claims?limit=5', staff);
    expect(list.status).toBe(200);
    pageOf(VehicleClaimSchema).parse(list.body);
    expect((await call('POST', `/api/vehicle-claims/${randomUUID()}/approve`, staff, { body: {} })).status).toBe(404);
    expect((await call('POST', `/api/vehicle-claims/${randomUUID()}/reject`, admin, { body: {} })).status).toBe(404);
  });

  it('technicians: staff list; admin adds and changes', async () => {
    const list = await call('GET', `/api/technicians?branchId=${downtown}`, staff);
    expect(list.status).toBe(200);
    pageOf(TechnicianSchema).parse(list.body);
    const created = await call<{ id: string }>('POST', '/api/technicians', admin, {
      body: { name: 'Gateway Test Tech', branchId: downtown, skills: ['brakes'], active: false },
    });
    expect(created.status).toBe(201);
    const changed = await call('PATCH', `/api/technicians/${created.body.id}`, admin, { body: { skills: ['tyres'] } });
    expect(changed.status).toBe(200);
    expect(TechnicianSchema.parse(changed.body).skills).toEqual(['tyres']);
  });

  it('availability and bookings: book once per Idempotency-Key, read, list, confirm, cancel', async () => {
    const catalog = await call<{ items: { id: string; active: boolean }[] }>('GET', '/api/service-catalog?limit=100');
    const serviceId = catalog.body.items.find((s) => s.active)!.id;
    let slot: Availability['slots'][number] | undefined;
    for (let day = 1; day <= 14 && !slot; day++) {
      const date = new Date(Date.now() + day * 86_400_000).toISOString().slice(0, 10);
      const res = await call<Availability>(
        'GET',
        `/api/availability?branchId=${downtown}&serviceIds=${serviceId}&date=${date}`,
      );
      expect(res.status === 200 ? '' : res.text).toBe('');
      slot = AvailabilitySchema.parse(res.body).slots.at(-1);
    }
    expect(slot).toBeDefined();
    const key = `gw-test-${randomUUID()}`;
    const request = { branchId: downtown, vehicleId: vehicle.id, serviceIds: [serviceId], startsAt: slot!.startsAt };
    const first = await call<Booking>('POST', '/api/bookings', customer, {
      body: request,
      headers: { 'idempotency-key': key },
    });
    expect(first.status).toBe(201);
    booking = BookingSchema.parse(first.body);
    const again = await call<Booking>('POST', '/api/bookings', customer, {
      body: request,
      headers: { 'idempotency-key': key },
    });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(booking.id);
    const otherBody = await call('POST', '/api/bookings', customer, {
      body: { ...request, notes: 'a different request' },
      headers: { 'idempotency-key': key },
    });
    expect(otherBody.status).toBe(422);

    expect((await call('GET', `/api/bookings/${booking.id}`, customer)).status).toBe(200);
    const mine = await call<{ items: Booking[] }>('GET', '/api/customer/my-bookings?limit=100', customer);
    expect(mine.body.items.filter((b) => b.id === booking.id)).toHaveLength(1);
    const listed = await call('GET', `/api/bookings?branchId=${downtown}&status=requested`, staff);
    expect(listed.status).toBe(200);
    pageOf(BookingSchema).parse(listed.body);
    const confirmed = await call<Booking>('PATCH', `/api/bookings/${booking.id}/status`, staff, {
      body: { status: 'confirmed' },
    });
    expect([confirmed.status, confirmed.body.status]).toEqual([200, 'confirmed']);
    const cancelled = await call<Booking>('POST', `/api/bookings/${booking.id}/cancel`, customer);
    expect([cancelled.status, cancelled.body.status]).toEqual([200, 'cancelled']);
  });

  it('service records: staff see the work done, the customer their own history', async () => {
    const all = await call('GET', '/api/services', staff);
    expect(all.status).toBe(200);
    pageOf(ServiceRecordSchema).parse(all.body);
    const mine = await call<{ items: { customerId: string }[] }>('GET', '/api/customer/my-services', customer);
    expect(mine.status).toBe(200);
    expect(mine.body.items.every((r) => r.customerId === DEMO_CUSTOMER_ID)).toBe(true);
  });
});
