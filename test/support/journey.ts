import { randomBytes, randomUUID } from 'node:crypto';
import type { Availability, Booking, Branch, ServiceOffering, StockLevel, Vehicle } from '@garage/shared';
import { freshIp, http, loginCustomer } from './http.js';

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
export const randomVin = (): string => [...randomBytes(17)].map((b) => VIN_CHARS[b % VIN_CHARS.length]).join('');
const tag = () => randomBytes(4).toString('hex').toUpperCase();

/** What a journey leaves behind for the caller to look at. */
export interface Journey {
  branch: Branch;
  sku: string;
  partId: string;
  service: ServiceOffering;
  customer: string;
  vehicle: Vehicle;
}

function expectStatus(res: { status: number; text: string }, status: number, what: string): void {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${res.text}`);
}

const OPEN_ALL_WEEK = Object.fromEntries(
  ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((d) => [
    d,
    { open: '08:00', close: '18:00' },
  ]),
);

/**
 * Sets up a chain from nothing, the way a new deployment's admin would (no demo data needed): a
 * branch with a technician, a part in stock and a service using two of it; then a new customer
 * registers and adds a car.
 */
export async function openBranchAndCustomer(base: string, admin: string, stock = 5): Promise<Journey> {
  const branch = await http<Branch>(base, 'POST', '/api/branches', {
    token: admin,
    body: {
      name: `Journey ${tag()}`,
      address: '1 Test Street',
      timezone: 'Europe/London',
      openingHours: OPEN_ALL_WEEK,
      bays: 2,
      laborRateCents: 10_000,
      taxRatePercent: 20,
    },
  });
  expectStatus(branch, 201, 'create branch');
  const tech = await http(base, 'POST', '/api/technicians', {
    token: admin,
    body: { name: 'Journey Technician', branchId: branch.body.id },
  });
  expectStatus(tech, 201, 'create technician');
  const sku = `JRN-${tag()}`;
  const part = await http<{ id: string }>(base, 'POST', '/api/parts', {
    token: admin,
    body: { sku, name: 'Journey brake pads', unitPriceCents: 4_500, reorderLevel: 1 },
  });
  expectStatus(part, 201, 'create part');
  const service = await http<ServiceOffering>(base, 'POST', '/api/service-catalog', {
    token: admin,
    body: {
      code: `JRN-${tag()}`,
      name: 'Journey brake service',
      category: 'Brakes',
      durationMinutes: 60,
      laborHours: 1,
      parts: [{ partSku: sku, quantity: 2 }],
    },
  });
  expectStatus(service, 201, 'create service');
  const received = await http(base, 'POST', `/api/parts/${part.body.id}/adjust`, {
    token: admin,
    body: { branchId: branch.body.id, delta: stock, kind: 'receive', reason: 'journey: delivery' },
  });
  expectStatus(received, 200, 'receive stock');

  const email = `journey-${tag().toLowerCase()}@example.com`;
  const password = `Journey-${tag()}-pass1`;
  const registered = await http(base, 'POST', '/api/customer-register', {
    body: { email, password, firstName: 'Jo', lastName: 'Urney' },
    ip: freshIp(),
  });
  expectStatus(registered, 201, 'register customer');
  const customer = await loginCustomer(base, email, password);
  const vehicle = await http<Vehicle>(base, 'POST', '/api/customer/my-vehicles', {
    token: customer,
    body: { vin: randomVin(), plate: `J ${tag()}`, make: 'Honda', model: 'Jazz', year: 2018, mileage: 52_000 },
  });
  expectStatus(vehicle, 201, 'add vehicle');
  return { branch: branch.body, sku, partId: part.body.id, service: service.body, customer, vehicle: vehicle.body };
}

/** The customer books the service on the first free slot two days ahead; returns the booking as made (201). */
export async function bookFirstFreeSlot(base: string, j: Journey): Promise<Booking> {
  const date = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const slots = await http<Availability>(
    base,
    'GET',
    `/api/availability?branchId=${j.branch.id}&serviceIds=${j.service.id}&date=${date}`,
  );
  expectStatus(slots, 200, 'availability');
  const slot = slots.body.slots[0];
  if (!slot) throw new Error(`no free slot on ${date}: ${slots.text}`);
  const booked = await http<Booking>(base, 'POST', '/api/bookings', {
    token: j.customer,
    headers: { 'idempotency-key': randomUUID() },
    body: { branchId: j.branch.id, vehicleId: j.vehicle.id, serviceIds: [j.service.id], startsAt: slot.startsAt },
  });
  expectStatus(booked, 201, 'book');
  return booked.body;
}

export async function bookingOf(base: string, admin: string, id: string): Promise<Booking> {
  const res = await http<Booking>(base, 'GET', `/api/bookings/${id}`, { token: admin });
  expectStatus(res, 200, 'get booking');
  return res.body;
}

export async function stockOf(base: string, admin: string, j: Journey): Promise<StockLevel> {
  const res = await http<{ items: StockLevel[] }>(base, 'GET', `/api/parts?branchId=${j.branch.id}&q=${j.sku}`, {
    token: admin,
  });
  const level = res.body.items?.find((s) => s.sku === j.sku);
  if (!level) throw new Error(`no stock row for ${j.sku}: ${res.text}`);
  return level;
}

/** Staff move a booking through confirmed → checked_in → in_progress → completed. */
export async function completeBooking(base: string, admin: string, id: string): Promise<Booking> {
  let last: Booking | undefined;
  for (const body of [
    { status: 'confirmed' },
    { status: 'checked_in' },
    { status: 'in_progress' },
    { status: 'completed', mileage: 52_100 },
  ]) {
    const moved = await http<Booking>(base, 'PATCH', `/api/bookings/${id}/status`, { token: admin, body });
    expectStatus(moved, 200, `move to ${body.status}`);
    last = moved.body;
  }
  return last!;
}
