/**
 * What the bookings benchmark runs with, found through the API: the busy branch (the downtown demo
 * branch) and its technicians, the services, customers with a vehicle each, and free slots to book.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { DEMO_BRANCH_IDS, MAX_BOOKING_HORIZON_DAYS, WEEKDAYS, bookings, catalog, type Branch } from '@garage/shared';
import type { BusyBranch } from './bookings-seed.js';
import { CREATE_NOTE, FUTURE_DAYS } from './bookings-seed.js';
import type { Target } from './load.js';
import { call } from './runner.js';

const DAY = 86_400_000;
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
/** Days a weekday availability date lies ahead of today at the busy branch (at least). */
const AVAILABILITY_DAYS_AHEAD = 3;
/** Booking creation starts this many days after the busy branch's seeded future. */
const CREATE_AFTER_DAYS = FUTURE_DAYS + 10;
/** Availability requests in flight per branch while collecting slots to book. */
const SLOT_LOOKUPS_IN_FLIGHT = 8;

export interface Customer {
  email: string;
  token: string;
  vehicleId: string;
}

export interface BookingsSetup {
  busy: BusyBranch & { name: string };
  availabilityServices: { id: string; code: string; durationMinutes: number }[];
  availabilityDate: string;
  createService: { id: string; code: string; durationMinutes: number };
  branches: Branch[];
  customers: Customer[];
}

const json = { 'content-type': 'application/json' };

function pathOf(contract: { http?: { path: string } }): string {
  if (!contract.http) throw new Error('a contract without an HTTP route');
  return contract.http.path;
}

async function get<T>(url: string, token?: string): Promise<T> {
  return JSON.parse(
    await call({ url, method: 'GET', headers: token ? { authorization: `Bearer ${token}` } : {} }),
  ) as T;
}

async function post<T>(url: string, body: unknown, token?: string, method: 'POST' | 'PATCH' = 'POST'): Promise<T> {
  const headers = token ? { ...json, authorization: `Bearer ${token}` } : json;
  return JSON.parse(await call({ url, method, headers, body: JSON.stringify(body) })) as T;
}

/** The calendar date at an instant in a time zone, as YYYY-MM-DD. */
export function localDate(zone: string, at = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    at,
  );
}

export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
/** 0 = Monday … 6 = Sunday, the order of WEEKDAYS. */
const weekdayIndex = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

const randomVin = () => Array.from(randomBytes(17), (b) => VIN_CHARS[b % VIN_CHARS.length]).join('');

/** Registers `n` customers, signs each in and gives each a vehicle (a few at a time: each costs a password hash). */
async function makeCustomers(base: string, n: number): Promise<Customer[]> {
  const run = `${Date.now().toString(36)}${process.pid}`;
  const password = `Bench-${randomBytes(6).toString('hex')}-Zq7`;
  const customers: Customer[] = [];
  for (let i = 0; i < n; i += 8) {
    const batch = Array.from({ length: Math.min(8, n - i) }, async (_, k) => {
      const email = `bench-${run}-${i + k}@bench.example.com`;
      await post(`${base}/api/customer-register`, {
        email,
        password,
        firstName: 'Bench',
        lastName: `Customer ${i + k}`,
      });
      const { token } = await post<{ token: string }>(`${base}/api/customer-login`, { email, password });
      const vehicle = await post<{ id: string }>(
        `${base}${pathOf(bookings.addMyVehicle)}`,
        { vin: randomVin(), plate: `BN ${i + k}`, make: 'Bench', model: 'Load', year: 2020, mileage: 1000 },
        token,
      );
      return { email, token, vehicleId: vehicle.id };
    });
    customers.push(...(await Promise.all(batch)));
  }
  return customers;
}

/** Ids, dates and customers; `customers` customers are registered (the busy branch must be a demo branch). */
export async function prepareBookings(base: string, adminToken: string, customerCount: number): Promise<BookingsSetup> {
  const branches = (await get<{ items: Branch[] }>(`${base}${pathOf(catalog.listBranches)}`)).items.filter(
    (b) => b.active,
  );
  const busyBranch = branches.find((b) => b.id === DEMO_BRANCH_IDS.downtown);
  if (!busyBranch) throw new Error(`the demo branch ${DEMO_BRANCH_IDS.downtown} is not listed by GET /api/branches`);
  const services = (
    await get<{ items: { id: string; code: string; durationMinutes: number; active: boolean }[] }>(
      `${base}${pathOf(catalog.listServices)}?branchId=${busyBranch.id}&limit=100`,
    )
  ).items.filter((svc) => svc.active);
  const availabilityServices = services.filter((svc) => svc.durationMinutes <= 60).slice(0, 2);
  const createService = [...services].sort((a, b) => a.durationMinutes - b.durationMinutes)[0];
  if (availabilityServices.length < 2 || !createService) throw new Error('fewer than two active services of ≤ 60 min');
  const technicians = (
    await get<{ items: { id: string; active: boolean }[] }>(
      `${base}${pathOf(bookings.listTechnicians)}?branchId=${busyBranch.id}&limit=100`,
      adminToken,
    )
  ).items.filter((t) => t.active);
  if (!technicians.length) throw new Error(`no active technician at ${busyBranch.name}`);
  const serviceIds = availabilityServices.map((svc) => svc.id);
  const quote = await post(`${base}${pathOf(catalog.calculateCost)}`, { branchId: busyBranch.id, serviceIds });

  // Creation books from CREATE_AFTER_DAYS on: every branch takes bookings as far ahead as it may
  // (before the customers are made, so bookings' few-second cache of the branch has moved on).
  for (const b of branches) {
    const path = pathOf(catalog.updateBranch).replace(':id', b.id);
    await post(`${base}${path}`, { bookingHorizonDays: MAX_BOOKING_HORIZON_DAYS }, adminToken, 'PATCH');
  }

  const today = localDate(busyBranch.timezone);
  let availabilityDate = addDays(today, AVAILABILITY_DAYS_AHEAD);
  while (weekdayIndex(availabilityDate) >= 5 || !busyBranch.openingHours[WEEKDAYS[weekdayIndex(availabilityDate)]]) {
    availabilityDate = addDays(availabilityDate, 1);
  }
  const customers = await makeCustomers(base, customerCount);
  return {
    busy: {
      id: busyBranch.id,
      name: busyBranch.name,
      timezone: busyBranch.timezone,
      hours: WEEKDAYS.map((day) => {
        const h = busyBranch.openingHours[day];
        return h ? [minutes(h.open), minutes(h.close)] : null;
      }),
      technicianIds: technicians.map((t) => t.id),
      serviceIds,
      quote,
    },
    availabilityServices,
    availabilityDate,
    createService,
    branches,
    customers,
  };
}

export function availabilityTarget(base: string, setup: BookingsSetup): Target {
  const ids = setup.availabilityServices.map((svc) => svc.id).join(',');
  const query = `branchId=${setup.busy.id}&serviceIds=${ids}&date=${setup.availabilityDate}`;
  return { url: `${base}${pathOf(bookings.availability)}?${query}`, method: 'GET' };
}

/**
 * Free start times of the creation service at one branch, from CREATE_AFTER_DAYS on, as the product
 * reports them: per day, one pass per free technician over the day's starts, so requests in flight
 * at the same time ask for different start times.
 */
async function branchSlots(base: string, branch: Branch, serviceId: string, wanted: number): Promise<string[]> {
  const slots: string[] = [];
  let date = addDays(localDate(branch.timezone), CREATE_AFTER_DAYS);
  for (let batch = 0; slots.length < wanted && batch < 200; batch++) {
    const dates = Array.from({ length: SLOT_LOOKUPS_IN_FLIGHT }, (_, i) => addDays(date, i));
    date = addDays(date, SLOT_LOOKUPS_IN_FLIGHT);
    const days = await Promise.all(
      dates.map((d) =>
        get<{ slots: { startsAt: string; technicianIds: string[] }[] }>(
          `${base}${pathOf(bookings.availability)}?branchId=${branch.id}&serviceIds=${serviceId}&date=${d}`,
        ),
      ),
    );
    for (const day of days) {
      const passes = Math.max(0, ...day.slots.map((s) => s.technicianIds.length));
      for (let p = 0; p < passes; p++) {
        for (const s of day.slots) if (s.technicianIds.length > p) slots.push(s.startsAt);
      }
    }
  }
  return slots;
}

/**
 * `POST /api/bookings` where every request is a new booking: the next free slot of the next branch
 * (branches in turn), the next customer's token and vehicle, a fresh Idempotency-Key. Once the slots
 * run out they are asked for again (409s), and `exhausted()` says so.
 */
export async function createTarget(
  base: string,
  setup: BookingsSetup,
  wanted: number,
): Promise<{ target: Target; slots: number; exhausted: () => boolean }> {
  const perBranch = Math.ceil(wanted / setup.branches.length);
  const lists = await Promise.all(setup.branches.map((b) => branchSlots(base, b, setup.createService.id, perBranch)));
  const queue: { branchId: string; startsAt: string }[] = [];
  for (let i = 0; i < Math.max(...lists.map((l) => l.length)); i++) {
    lists.forEach((l, b) => l[i] && queue.push({ branchId: setup.branches[b].id, startsAt: l[i] }));
  }
  let n = 0;
  const body = (i: number) => {
    const slot = queue[i % queue.length];
    const customer = setup.customers[i % setup.customers.length];
    return {
      body: JSON.stringify({
        branchId: slot.branchId,
        vehicleId: customer.vehicleId,
        serviceIds: [setup.createService.id],
        startsAt: slot.startsAt,
        notes: CREATE_NOTE,
      }),
      headers: { authorization: `Bearer ${customer.token}`, 'idempotency-key': randomUUID() },
    };
  };
  // A single call (the readiness check, a drain) books the last slot, out of the way of the load,
  // always with the same Idempotency-Key: after the first, it answers that booking again.
  const single = body(queue.length - 1);
  const target: Target = {
    url: `${base}${pathOf(bookings.createBooking)}`,
    method: 'POST',
    headers: { ...json, ...single.headers },
    body: single.body,
    next: () => body(n++),
  };
  return { target, slots: queue.length, exhausted: () => n > queue.length };
}
