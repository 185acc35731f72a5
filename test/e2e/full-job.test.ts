import { randomBytes, randomUUID } from 'node:crypto';
import {
  DEMO_BRANCH_IDS,
  type Availability,
  type Booking,
  type Dashboard,
  type ServiceOffering,
  type ServiceRecord,
  type StockLevel,
  type Vehicle,
} from '@garage/shared';
import { startSystem, type TestSystem } from '../support/system.js';
import { http, loginCustomer, loginStaff } from '../support/http.js';
import { randomVin } from '../support/journey.js';
import { EVENT_WAIT_MS, untilValue } from '../support/waits.js';

// The whole product through the gateway, with every service and the events between them.
// Waits on the run-wide event stream's durables (EVENT_WAIT_MS).
jest.setTimeout(90_000);
let sys: TestSystem;
let admin: string;
let customer: string;

beforeAll(async () => {
  sys = await startSystem();
  admin = await loginStaff(sys.url, 'admin', 'admin123');
  customer = await loginCustomer(sys.url, 'john.smith@email.com', 'customer123');
});

afterAll(async () => {
  await sys.close();
});

/** A weekday (Tuesday to Thursday) at least `days` ahead, as YYYY-MM-DD. */
function weekdayAhead(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  while (![2, 3, 4].includes(d.getUTCDay())) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

async function stockAt(sku: string, branchId: string): Promise<StockLevel> {
  const res = await http<{ items: StockLevel[] }>(sys.url, 'GET', `/api/parts?branchId=${branchId}&q=${sku}`, {
    token: admin,
  });
  const level = res.body.items.find((s) => s.sku === sku);
  if (!level) throw new Error(`no stock row for ${sku}`);
  return level;
}

/** A part and a service using 2 of it, of the test's own, so no other booking competes for the part. */
async function ownService(): Promise<{ sku: string; partId: string; service: ServiceOffering }> {
  const sku = `E2E-${randomBytes(4).toString('hex').toUpperCase()}`;
  const part = await http<{ id: string }>(sys.url, 'POST', '/api/parts', {
    token: admin,
    body: { sku, name: 'E2E clutch kit', unitPriceCents: 25_000, reorderLevel: 1 },
  });
  expect(part.status).toBe(201);
  const service = await http<ServiceOffering>(sys.url, 'POST', '/api/service-catalog', {
    token: admin,
    body: {
      code: `E2E-${randomBytes(3).toString('hex').toUpperCase()}`,
      name: 'E2E clutch replacement',
      category: 'Transmission',
      durationMinutes: 60,
      laborHours: 1,
      parts: [{ partSku: sku, quantity: 2 }],
    },
  });
  expect(service.status).toBe(201);
  return { sku, partId: part.body.id, service: service.body };
}

const receive = (partId: string, branchId: string, delta: number) =>
  http(sys.url, 'POST', `/api/parts/${partId}/adjust`, {
    token: admin,
    body: { branchId, delta, kind: 'receive', reason: 'E2E: delivery' },
  });

const bookingOf = (id: string) => http<Booking>(sys.url, 'GET', `/api/bookings/${id}`, { token: admin });

async function bookFirstSlot(service: ServiceOffering, branchId: string, vehicle: Vehicle, days: number) {
  const date = weekdayAhead(days);
  const slots = await http<Availability>(
    sys.url,
    'GET',
    `/api/availability?branchId=${branchId}&serviceIds=${service.id}&date=${date}`,
  );
  expect(slots.status).toBe(200);
  const slot = slots.body.slots[slots.body.slots.length - 1];
  if (!slot) throw new Error(`no free slot on ${date}`);
  return http<Booking>(sys.url, 'POST', '/api/bookings', {
    token: customer,
    headers: { 'idempotency-key': randomUUID() },
    body: { branchId, vehicleId: vehicle.id, serviceIds: [service.id], startsAt: slot.startsAt },
  });
}

describe('a whole job, end to end', () => {
  let vehicle: Vehicle;
  beforeAll(async () => {
    const added = await http<Vehicle>(sys.url, 'POST', '/api/customer/my-vehicles', {
      token: customer,
      body: { vin: randomVin(), plate: 'E2E 100', make: 'Honda', model: 'Civic', year: 2019, mileage: 40_000 },
    });
    expect(added.status).toBe(201);
    vehicle = added.body;
  });

  it('book → parts reserved → confirm → check in → start → complete: stock consumed, record written, revenue up', async () => {
    const branchId = DEMO_BRANCH_IDS.downtown;
    const { sku, partId, service } = await ownService();
    expect((await receive(partId, branchId, 5)).status).toBe(200);
    const dashboardBefore = await http<Dashboard>(sys.url, 'GET', `/api/dashboard?branchId=${branchId}`, {
      token: admin,
    });

    const booked = await bookFirstSlot(service, branchId, vehicle, 3);
    expect(booked.status).toBe(201);
    expect(booked.body.quote.lines[0]?.serviceId).toBe(service.id);
    await untilValue(
      'the booking to show its parts reserved',
      () => bookingOf(booked.body.id),
      (r) => r.body.partsStatus === 'reserved',
      { timeoutMs: EVENT_WAIT_MS },
    );
    expect(await stockAt(sku, branchId)).toMatchObject({ onHand: 5, reserved: 2 });

    for (const status of ['confirmed', 'checked_in', 'in_progress']) {
      const moved = await http<Booking>(sys.url, 'PATCH', `/api/bookings/${booked.body.id}/status`, {
        token: admin,
        body: { status },
      });
      expect(moved.status).toBe(200);
    }
    const done = await http<Booking>(sys.url, 'PATCH', `/api/bookings/${booked.body.id}/status`, {
      token: admin,
      body: { status: 'completed', mileage: 41_234 },
    });
    expect(done.body.status).toBe('completed');

    const after = await untilValue(
      'the parts to leave the shelf',
      () => stockAt(sku, branchId),
      (s) => s.onHand === 3,
      { timeoutMs: EVENT_WAIT_MS },
    );
    expect(after).toMatchObject({ onHand: 3, reserved: 0 });
    const history = await http<{ items: ServiceRecord[] }>(sys.url, 'GET', '/api/customer/my-services', {
      token: customer,
    });
    const record = history.body.items.find((r) => r.bookingId === booked.body.id);
    expect(record).toMatchObject({ vehicleId: vehicle.id, mileage: 41_234, totalCents: booked.body.quote.totalCents });
    const dashboard = await http<Dashboard>(sys.url, 'GET', `/api/dashboard?branchId=${branchId}`, { token: admin });
    expect(dashboard.body.revenueCentsThisMonth).toBe(
      dashboardBefore.body.revenueCentsThisMonth + booked.body.quote.totalCents,
    );
  });

  it('a booking whose parts are out waits (awaiting_parts) and is reserved when stock arrives', async () => {
    const branchId = DEMO_BRANCH_IDS.harbor;
    const { sku, partId, service } = await ownService();
    const booked = await bookFirstSlot(service, branchId, vehicle, 4);
    expect(booked.status).toBe(201);
    await untilValue(
      'the booking to wait for parts',
      () => bookingOf(booked.body.id),
      (r) => r.body.partsStatus === 'awaiting_parts',
      { timeoutMs: EVENT_WAIT_MS },
    );

    expect((await receive(partId, branchId, 3)).status).toBe(200);
    await untilValue(
      'the booking to be served from the delivery',
      () => bookingOf(booked.body.id),
      (r) => r.body.partsStatus === 'reserved',
      { timeoutMs: EVENT_WAIT_MS },
    );
    expect(await stockAt(sku, branchId)).toMatchObject({ onHand: 3, reserved: 2, available: 1 });

    const cancelled = await http<Booking>(sys.url, 'POST', `/api/bookings/${booked.body.id}/cancel`, {
      token: customer,
    });
    expect(cancelled.body.status).toBe('cancelled');
    const freed = await untilValue(
      'the cancelled booking’s parts to be released',
      () => stockAt(sku, branchId),
      (s) => s.reserved === 0,
      { timeoutMs: EVENT_WAIT_MS },
    );
    expect(freed).toMatchObject({ onHand: 3, reserved: 0 });
  });
});
