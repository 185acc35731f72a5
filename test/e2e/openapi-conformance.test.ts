import { randomBytes, randomUUID } from 'node:crypto';
import {
  DEMO_BRANCH_IDS,
  type Availability,
  type Booking,
  type Branch,
  type NextFreeSlot,
  type ServiceOffering,
  type StockLevel,
  type Vehicle,
  WEEKDAYS,
} from '@garage/shared';
import { startInventory, startSystem, type TestSystem } from '../support/system.js';
import { freshIp, http, type HttpResult } from '../support/http.js';
import { randomVin } from '../support/journey.js';
import { OpenApiConformance, type Conformance, type OpenApiDocument } from '../support/openapi-conformance.js';

// Every reply of a whole journey, errors included, checked against the OpenAPI document the
// gateway serves: a status it does not list, or a body its schema refuses, fails here.

let sys: TestSystem;
let api: OpenApiConformance;
const replies: Conformance[] = [];
const { downtown, northside } = DEMO_BRANCH_IDS;
const tag = () => randomBytes(4).toString('hex');

type Options = Parameters<typeof http>[3];

/** One request: checked against the document, then against the status the journey expects. */
async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  expected: number,
  options: Options = {},
): Promise<HttpResult<T>> {
  const res = await http<T>(sys.url, method, path, options);
  const conformance = api.check(method, path, res);
  replies.push(conformance);
  expect(conformance.problems).toEqual([]);
  if (res.status !== expected)
    throw new Error(`${method} ${path}: expected ${expected}, got ${res.status} ${res.text}`);
  return res;
}

beforeAll(async () => {
  sys = await startSystem();
  const served = await http<OpenApiDocument>(sys.url, 'GET', '/api/docs/openapi.json');
  expect(served.status).toBe(200);
  api = new OpenApiConformance(served.body);
});

afterAll(async () => {
  await sys?.close();
});

describe('the conformance check', () => {
  const json = (status: number, body: unknown): HttpResult<unknown> => ({
    status,
    headers: new Headers({ 'content-type': 'application/json; charset=utf-8' }),
    body,
    text: JSON.stringify(body),
  });

  it('finds what is off the document: an unlisted status, a missing or extra field, an unexpected body', async () => {
    const branch = await http<Record<string, unknown>>(sys.url, 'GET', `/api/branches/${downtown}`);
    expect(api.check('GET', `/api/branches/${downtown}`, branch).problems).toEqual([]);
    const problemsOf = (method: string, path: string, res: HttpResult<unknown>) =>
      api.check(method, path, res).problems;

    const { name: _name, ...nameless } = branch.body;
    expect(problemsOf('GET', `/api/branches/${downtown}`, json(200, nameless))).toEqual([
      expect.stringMatching(/must have required property 'name'/),
    ]);
    expect(problemsOf('GET', `/api/branches/${downtown}`, json(200, { ...branch.body, secret: 1 }))).toEqual([
      expect.stringMatching(/must NOT have additional properties/),
    ]);
    expect(problemsOf('GET', `/api/branches/${downtown}`, json(418, {}))).toEqual([
      expect.stringMatching(/status 418 is not documented/),
    ]);
    expect(problemsOf('GET', `/api/branches/${downtown}`, json(404, { statusCode: 404, error: 'Not Found' }))).toEqual([
      expect.stringMatching(/must have required property 'message'/),
    ]);
    expect(problemsOf('POST', '/api/logout', json(204, { done: true }))).toEqual([
      expect.stringMatching(/documented without a body/),
    ]);
    expect(problemsOf('GET', '/api/nowhere', json(200, {}))).toEqual([expect.stringMatching(/no such operation/)]);
  });
});

describe('every reply of a journey matches the OpenAPI document', () => {
  const email = `conform-${tag()}@example.com`;
  const password = `Conform-${tag()}-Pass1`;
  let customer: string;
  let admin: string;
  let staff: string;
  let service: ServiceOffering;
  let vehicle: Vehicle;
  let booking: Booking;
  let slot: NonNullable<NextFreeSlot['slot']>;
  /** Another free start that day, for a second booking. */
  let otherStart: string;

  it('a customer registers, signs in, looks around, prices and books', async () => {
    await call('GET', '/api/health', 200);
    await call('GET', '/api/password-policy', 200);
    await call('POST', '/api/customer-register', 201, {
      body: { email, password, firstName: 'Con', lastName: 'Formance', phone: '+44 20 7946 0000' },
      ip: freshIp(),
    });
    const login = await call<{ token: string }>('POST', '/api/customer-login', 200, {
      body: { email, password },
      ip: freshIp(),
    });
    customer = login.body.token;
    await call('GET', '/api/me', 200, { token: customer });

    const branches = await call<{ items: Branch[] }>('GET', '/api/branches', 200);
    expect(branches.body.items.map((b) => b.id)).toContain(downtown);
    await call('GET', `/api/branches/${downtown}`, 200);
    const catalog = await call<{ items: ServiceOffering[] }>('GET', `/api/service-catalog?branchId=${downtown}`, 200);
    service = catalog.body.items.find((s) => s.active)!;
    await call('GET', `/api/service-catalog/${service.id}`, 200);
    await call('POST', '/api/cost-calculator', 200, { body: { branchId: downtown, serviceIds: [service.id] } });

    const added = await call<Vehicle>('POST', '/api/customer/my-vehicles', 201, {
      token: customer,
      body: { vin: randomVin(), plate: 'CF 1', make: 'Skoda', model: 'Octavia', year: 2017, mileage: 90_000 },
    });
    vehicle = added.body;
    await call('GET', '/api/customer/my-vehicles', 200, { token: customer });
    await call('GET', `/api/vehicles/${vehicle.id}`, 200, { token: customer });

    const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const next = await call<NextFreeSlot>(
      'GET',
      `/api/availability/next?branchId=${downtown}&serviceIds=${service.id}&from=${from}`,
      200,
    );
    slot = next.body.slot!;
    expect(slot).toBeTruthy();
    const day = await call<Availability>(
      'GET',
      `/api/availability?branchId=${downtown}&serviceIds=${service.id}&date=${slot.date}`,
      200,
    );
    otherStart = day.body.slots[day.body.slots.length - 1]!.startsAt;
    expect(otherStart).not.toBe(slot.startsAt);

    const key = randomUUID();
    const body = { branchId: downtown, vehicleId: vehicle.id, serviceIds: [service.id], startsAt: slot.startsAt };
    const booked = await call<Booking>('POST', '/api/bookings', 201, {
      token: customer,
      headers: { 'idempotency-key': key },
      body,
    });
    booking = booked.body;
    const again = await call<Booking>('POST', '/api/bookings', 201, {
      token: customer,
      headers: { 'idempotency-key': key },
      body,
    });
    expect(again.body.id).toBe(booking.id);
    await call('POST', '/api/bookings', 422, {
      token: customer,
      headers: { 'idempotency-key': key },
      body: { ...body, notes: 'another body' },
    });
    await call('GET', '/api/customer/my-bookings', 200, { token: customer });
    await call('GET', `/api/bookings/${booking.id}`, 200, { token: customer });
  });

  it('staff sign in and work the day: dashboard, parts, day lists, status changes', async () => {
    const adminLogin = await call<{ token: string }>('POST', '/api/login', 200, {
      body: { username: 'admin', password: 'admin123' },
      ip: freshIp(),
    });
    admin = adminLogin.body.token;
    const username = `conform-${tag()}`;
    const created = await call<{ id: string }>('POST', '/api/users', 201, {
      token: admin,
      body: { username, password: 'Conform-Staff-Pass1', role: 'staff', branchIds: [downtown] },
    });
    await call('GET', '/api/users', 200, { token: admin });
    await call('PATCH', `/api/users/${created.body.id}`, 200, { token: admin, body: { branchIds: [downtown] } });
    const staffLogin = await call<{ token: string }>('POST', '/api/login', 200, {
      body: { username, password: 'Conform-Staff-Pass1' },
      ip: freshIp(),
    });
    staff = staffLogin.body.token;

    await call('GET', '/api/dashboard', 200, { token: admin });
    await call('GET', `/api/dashboard?branchId=${downtown}`, 200, { token: staff });
    await call('GET', '/api/admin/dead-letters?limit=5', 200, { token: admin });
    await call('GET', '/api/admin/dead-letters', 403, { token: staff });
    await call('POST', '/api/admin/dead-letters/inventory-bookings.99999999/replay', 404, { token: admin });

    const parts = await call<{ items: StockLevel[] }>('GET', `/api/parts?branchId=${downtown}`, 200, { token: staff });
    const part = parts.body.items[0]!;
    await call('GET', `/api/parts/${part.id}`, 200, { token: staff });
    await call('GET', `/api/parts/${part.id}/stock`, 200, { token: staff });
    await call('POST', `/api/parts/${part.id}/adjust`, 200, {
      token: staff,
      body: { branchId: downtown, delta: 1, kind: 'receive', reason: 'conformance: delivery' },
    });
    await call('GET', `/api/parts/${part.id}/movements?branchId=${downtown}`, 200, { token: staff });

    const dayStart = `${slot.date}T00:00:00Z`;
    const dayEnd = new Date(Date.parse(dayStart) + 2 * 86_400_000).toISOString();
    const day = await call<{ items: Booking[] }>(
      'GET',
      `/api/bookings?branchId=${downtown}&from=${encodeURIComponent(dayStart)}&to=${encodeURIComponent(dayEnd)}`,
      200,
      { token: staff },
    );
    expect(day.body.items.map((b) => b.id)).toContain(booking.id);
    await call('GET', `/api/technicians?branchId=${downtown}`, 200, { token: staff });
    await call('GET', `/api/customers?q=${encodeURIComponent(email)}`, 200, { token: staff });
    await call('GET', `/api/customers/${booking.customerId}`, 200, { token: staff });
    await call('GET', `/api/vehicles?customerId=${booking.customerId}`, 200, { token: staff });

    for (const status of ['confirmed', 'checked_in', 'in_progress']) {
      await call('PATCH', `/api/bookings/${booking.id}/status`, 200, { token: staff, body: { status } });
    }
    await call('PATCH', `/api/bookings/${booking.id}/status`, 200, {
      token: staff,
      body: { status: 'completed', mileage: 90_500 },
    });
    await call('GET', `/api/services?vehicleId=${vehicle.id}`, 200, { token: staff });
    await call('GET', '/api/customer/my-services', 200, { token: customer });
  });

  it('an admin opens a branch: branch, technician, part, service, stock moved in, a car at the desk', async () => {
    const branch = await call<Branch>('POST', '/api/branches', 201, {
      token: admin,
      body: {
        name: `Conformance ${tag()}`,
        address: '1 Schema Street',
        timezone: 'Europe/London',
        openingHours: Object.fromEntries(WEEKDAYS.map((day) => [day, { open: '08:00', close: '18:00' }])),
        bays: 1,
        laborRateCents: 9_000,
        taxRatePercent: 20,
      },
    });
    await call('PATCH', `/api/branches/${branch.body.id}`, 200, { token: admin, body: { bays: 2 } });
    const tech = await call<{ id: string }>('POST', '/api/technicians', 201, {
      token: admin,
      body: { name: 'Conformance Technician', branchId: branch.body.id },
    });
    await call('PATCH', `/api/technicians/${tech.body.id}`, 200, { token: admin, body: { skills: ['brakes'] } });
    const sku = `CNF-${tag().toUpperCase()}`;
    const part = await call<{ id: string }>('POST', '/api/parts', 201, {
      token: admin,
      body: { sku, name: 'Conformance pads', unitPriceCents: 3_000, reorderLevel: 1 },
    });
    await call('PATCH', `/api/parts/${part.body.id}`, 200, { token: admin, body: { unitPriceCents: 3_100 } });
    const offering = await call<ServiceOffering>('POST', '/api/service-catalog', 201, {
      token: admin,
      body: {
        code: `CNF-${tag().toUpperCase()}`,
        name: 'Conformance brake service',
        category: 'Brakes',
        durationMinutes: 60,
        laborHours: 1,
        parts: [{ partSku: sku, quantity: 2 }],
      },
    });
    await call('PATCH', `/api/service-catalog/${offering.body.id}`, 200, {
      token: admin,
      body: { description: 'Pads and a check' },
    });
    await call('POST', `/api/parts/${part.body.id}/adjust`, 200, {
      token: admin,
      body: { branchId: downtown, delta: 4, kind: 'receive', reason: 'conformance: delivery' },
    });
    await call('POST', `/api/parts/${part.body.id}/transfer`, 200, {
      token: admin,
      body: {
        fromBranchId: downtown,
        toBranchId: branch.body.id,
        quantity: 2,
        reason: 'conformance: stock the branch',
      },
    });
    const car = await call<Vehicle>('POST', '/api/vehicles', 201, {
      token: staff,
      body: {
        customerId: booking.customerId,
        vin: randomVin(),
        plate: 'CF 2',
        make: 'Ford',
        model: 'Focus',
        year: 2016,
      },
    });
    await call('PATCH', `/api/vehicles/${car.body.id}`, 200, { token: staff, body: { mileage: 70_000 } });
    await call('PATCH', `/api/customers/${booking.customerId}/status`, 200, {
      token: staff,
      body: { status: 'active' },
    });
  });

  it('a customer cancels a booking, changes their password and signs out', async () => {
    const second = await call<Booking>('POST', '/api/bookings', 201, {
      token: customer,
      headers: { 'idempotency-key': randomUUID() },
      body: { branchId: downtown, vehicleId: vehicle.id, serviceIds: [service.id], startsAt: otherStart },
    });
    await call('POST', `/api/bookings/${second.body.id}/cancel`, 200, { token: customer });
    const newPassword = `Conform-${tag()}-Pass2`;
    await call('POST', '/api/me/password', 204, { token: customer, body: { currentPassword: password, newPassword } });
    const fresh = await call<{ token: string }>('POST', '/api/customer-login', 200, {
      body: { email, password: newPassword },
      ip: freshIp(),
    });
    await call('POST', '/api/logout', 204, { token: fresh.body.token });
    await call('GET', '/api/me', 401, { token: fresh.body.token });
  });

  it('errors: each in the documented shape and status', async () => {
    const nobody = randomUUID();
    // 400: a field that is wrong, a body that is not JSON, a query field nobody asked for
    await call('POST', '/api/customer-register', 400, {
      body: { email: 'not-an-email', password: 'short', firstName: 'A', lastName: 'B' },
      ip: freshIp(),
    });
    await call('POST', '/api/cost-calculator', 400, { raw: '{"branchId":' });
    await call('GET', '/api/me?unexpected=1', 400, { token: admin });
    await call('GET', `/api/bookings/not-a-uuid`, 400, { token: admin });
    // 401: no session, wrong password
    await call('GET', '/api/me', 401);
    await call('POST', '/api/login', 401, { body: { username: 'admin', password: 'wrong-password' }, ip: freshIp() });
    // 403: the wrong role, another branch
    await call('GET', '/api/parts', 403, { token: customer });
    await call('GET', `/api/dashboard?branchId=${northside}`, 403, { token: staff });
    // 404: ids that name nothing
    await call('GET', `/api/bookings/${nobody}`, 404, { token: admin });
    await call('GET', `/api/branches/${nobody}`, 404);
    await call('POST', '/api/cost-calculator', 404, { body: { branchId: nobody, serviceIds: [service.id] } });
    // 409: a duplicate, a jump the workflow does not allow, stock below zero
    await call('POST', '/api/customer-register', 409, {
      body: { email, password: `Conform-${tag()}-Pass3`, firstName: 'Con', lastName: 'Formance' },
      ip: freshIp(),
    });
    await call('PATCH', `/api/bookings/${booking.id}/status`, 409, { token: admin, body: { status: 'confirmed' } });
    const parts = await call<{ items: StockLevel[] }>('GET', `/api/parts?branchId=${downtown}`, 200, { token: admin });
    const part = parts.body.items[0]!;
    await call('POST', `/api/parts/${part.id}/adjust`, 409, {
      token: admin,
      body: { branchId: downtown, delta: -(part.onHand + 1), reason: 'conformance: more than there is' },
    });
    // 413, 415: the body parser
    await call('POST', '/api/cost-calculator', 413, { body: { pad: 'x'.repeat(110 * 1024) } });
    await call('POST', '/api/cost-calculator', 415, { raw: 'hello', headers: { 'content-type': 'text/plain' } });
  });

  it('429: too many failed sign-ins from one address', async () => {
    const ip = freshIp();
    let last: HttpResult | undefined;
    for (let attempt = 0; attempt < 6; attempt++) {
      last = await http(sys.url, 'POST', '/api/customer-login', { body: { email, password: 'wrong-Pass-1' }, ip });
      replies.push(api.check('POST', '/api/customer-login', last));
    }
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(replies.slice(-6).flatMap((r) => r.problems)).toEqual([]);
  });

  it('503: with inventory stopped, what needs it says so; the dashboard goes on without it', async () => {
    await sys.inventory.close();
    try {
      await call('GET', '/api/parts', 503, { token: admin });
      const dashboard = await call<{ unavailable: string[]; lowStockParts: number | null }>(
        'GET',
        '/api/dashboard',
        200,
        { token: admin },
      );
      expect(dashboard.body).toMatchObject({ unavailable: ['inventory'], lowStockParts: null });
      await call('GET', '/api/health', 503);
    } finally {
      sys.inventory = await startInventory();
    }
  });

  it('covered the journey the document describes', () => {
    const seen = new Set(replies.map((r) => `${r.operationId} ${r.status}`));
    // A few of the pairs above, so a journey that silently stopped early cannot pass.
    for (const pair of [
      'bookings.create 201',
      'bookings.create 422',
      'bookings.set-status 409',
      'auth.customer-login 429',
      'inventory.parts.list 503',
      'gateway.dashboard 200',
    ]) {
      expect(seen).toContain(pair);
    }
    expect(replies.flatMap((r) => r.problems)).toEqual([]);
  });
});
