import { randomBytes, randomUUID } from 'node:crypto';
import {
  DomainError,
  statusOf,
  auth,
  bookings,
  catalog,
  type Booking,
  type Branch,
  type ErrorDetail,
  type MessageContract,
  type OpeningHours,
  type Principal,
  type Technician,
  type Vehicle,
} from '@garage/shared';
import { startBookings, startSystem, type TestSystem } from '../../../test/support/system.js';
import {
  call,
  ok,
  openLine,
  principal,
  startAlone,
  type Outcome,
  type ServiceLine,
} from '../../../test/support/service-tier.js';
import { testEnv } from '../../../test/support/test-env.js';
import { FakeCatalog } from './fake-catalog.js';

export { call, ok, principal, type Outcome };

/** The bookings service, a NATS line to it (as the gateway talks), and the test database. */
export interface BookingsWorld extends ServiceLine {
  admin: Principal;
  /** Present when bookings runs alone: the catalog's answers come from here. */
  fakeCatalog: FakeCatalog | null;
  close(): Promise<void>;
}

/** A world with the whole system behind it (the other services real), for flows across services. */
export interface SystemWorld extends BookingsWorld {
  sys: TestSystem;
}

export async function startWorld(bookingsEnv: Record<string, string> = {}): Promise<SystemWorld> {
  const sys = await startSystem({ bookings: bookingsEnv });
  const line = await openLine('bookings-test');
  return {
    ...line,
    sys,
    admin: principal('admin'),
    fakeCatalog: null,
    close: () => line.close().then(() => sys.close()),
  };
}

/**
 * The service tier: the bookings service alone on the real servers, the catalog answered by a
 * FakeCatalog (createBranch and createService add to it). For suites about bookings' own rules;
 * flows that need inventory's events or the gateway use startWorld.
 */
export async function startBookingsAlone(bookingsEnv: Record<string, string> = {}): Promise<BookingsWorld> {
  const world = await startAlone(
    'bookings-test',
    (line) => new FakeCatalog(line.nc, testEnv().NATS_PREFIX),
    () => startBookings({ DEMO_DATA: 'false', ...bookingsEnv }),
  );
  return Object.assign(world, { admin: principal('admin'), fakeCatalog: world.fakes });
}

/** The error a call is refused with, as the gateway would pass it on (status, code, details, Retry-After); fails on success. */
export async function refusal(
  w: BookingsWorld,
  contract: MessageContract,
  who: Principal | null,
  payload: unknown,
): Promise<{ status: number; code: string; details?: ErrorDetail[]; retryAfter?: number }> {
  try {
    await w.rpc.request(contract, { principal: who, payload: payload as never });
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return {
      status: statusOf(err.code),
      code: err.code,
      ...(err.details ? { details: err.details } : {}),
      ...(err.retryAfter !== undefined ? { retryAfter: err.retryAfter } : {}),
    };
  }
  throw new Error(`${contract.pattern} was expected to be refused`);
}

const DAY = { open: '00:00', close: '24:00' };
export const ALWAYS_OPEN: OpeningHours = {
  monday: DAY,
  tuesday: DAY,
  wednesday: DAY,
  thursday: DAY,
  friday: DAY,
  saturday: DAY,
  sunday: DAY,
};

export const tag = () => randomUUID().slice(0, 8).toUpperCase();

/** A branch of the test's own (open around the clock in UTC unless told otherwise). */
export async function createBranch(w: BookingsWorld, extra: Partial<Branch> = {}): Promise<Branch> {
  const fields = {
    name: `Test branch ${tag()}`,
    address: '1 Test Road',
    timezone: 'UTC',
    openingHours: ALWAYS_OPEN,
    bays: 2,
    laborRateCents: 10_000,
    taxRatePercent: 10,
    ...extra,
  };
  return w.fakeCatalog ? w.fakeCatalog.addBranch(fields) : ok(w, catalog.createBranch, w.admin, fields);
}

/** A service of the test's own: 60 minutes, one hour of labour, two litres of a demo oil. */
export async function createService(w: BookingsWorld, durationMinutes = 60): Promise<string> {
  const job = {
    name: `Test job ${tag()}`,
    durationMinutes,
    laborHours: 1,
    parts: [{ partSku: 'OIL-5W30-1L', quantity: 2 }],
  };
  if (w.fakeCatalog) return w.fakeCatalog.addService(job);
  const s = await ok(w, catalog.createService, w.admin, { ...job, code: `BK-${tag()}`, category: 'Test' });
  return s.id;
}

export function createTechnician(w: BookingsWorld, branchId: string, extra = {}): Promise<Technician> {
  return ok(w, bookings.createTechnician, w.admin, { name: `Tech ${tag()}`, branchId, ...extra });
}

const VIN_ALPHABET = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
/** A random valid VIN (no I, O or Q). */
export function freshVin(): string {
  return [...randomBytes(17)].map((b) => VIN_ALPHABET[b % VIN_ALPHABET.length]).join('');
}

/**
 * A vehicle of a customer, added the way the customer adds their own (a signed-in customer's id is
 * proof enough that they exist); staff registering for a customer is tested against auth itself.
 */
export function createVehicle(w: BookingsWorld, customerId: string, extra = {}): Promise<Omit<Vehicle, 'status'>> {
  const owner: Principal = { ...principal('customer'), id: customerId };
  return ok(w, bookings.addMyVehicle, owner, {
    vin: freshVin(),
    plate: `T ${tag().slice(0, 5)}`,
    make: 'Ford',
    model: 'Focus',
    year: 2018,
    mileage: 50_000,
    ...extra,
  });
}

/** A customer account registered with the auth service, as a customer principal. */
export async function registerCustomer(w: BookingsWorld): Promise<Principal> {
  const { customer } = await ok(w, auth.customerRegister, null, {
    email: `kit-${randomUUID()}@example.com`,
    password: `Kit-${tag()}-Pass9`,
    firstName: 'Kit',
    lastName: 'Customer',
  });
  return { ...principal('customer'), id: customer.id };
}

/** The next day (UTC) at a given hour, as an ISO instant: always in the future and on a 30-minute grid. */
export function tomorrowAt(hour: number, minute = 0, daysAhead = 1): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + daysAhead);
  d.setUTCHours(hour, minute, 0, 0);
  return d.toISOString();
}

/** A branch with technicians, a service and a customer with a vehicle, ready to book. */
export async function bookingSetup(w: BookingsWorld, opts: { bays?: number; technicians?: number } = {}) {
  const branch = await createBranch(w, { bays: opts.bays ?? 2 });
  const technicians: Technician[] = [];
  for (let i = 0; i < (opts.technicians ?? 2); i++) technicians.push(await createTechnician(w, branch.id));
  const serviceId = await createService(w);
  const customer = principal('customer');
  const vehicle = await createVehicle(w, customer.id);
  const staff = principal('staff', [branch.id]);
  return { branch, technicians, serviceId, customer, vehicle, staff };
}

export function book(w: BookingsWorld, who: Principal, body: Record<string, unknown>): Promise<Outcome<Booking>> {
  return call(w, bookings.createBooking, who, body);
}
