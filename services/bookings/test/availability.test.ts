import { MAX_BOOKING_HORIZON_DAYS, bookings, type OpeningHours } from '@garage/shared';
import {
  ALWAYS_OPEN,
  book,
  call,
  createBranch,
  createService,
  createTechnician,
  createVehicle,
  ok,
  principal,
  startBookingsAlone,
  tomorrowAt,
  type BookingsWorld,
} from './bookings-kit.js';

let w: BookingsWorld;
let halfHourJob: string;
let hourJob: string;

beforeAll(async () => {
  w = await startBookingsAlone();
  halfHourJob = await createService(w, 30);
  hourJob = await createService(w, 60);
}, 60_000);

afterAll(async () => {
  await w?.close();
});

/** A branch in a zone; it takes bookings the longest allowed time ahead, as the DST dates below are months away. */
async function branchIn(timezone: string, openingHours: OpeningHours = ALWAYS_OPEN, technicians = 2) {
  const branch = await createBranch(w, { timezone, openingHours, bookingHorizonDays: MAX_BOOKING_HORIZON_DAYS });
  for (let i = 0; i < technicians; i++) await createTechnician(w, branch.id);
  return branch;
}

const slotsOf = async (branchId: string, date: string, serviceId = halfHourJob) =>
  (await ok(w, bookings.availability, null, { branchId, serviceIds: serviceId, date })).slots;

const HALF_HOUR = 30 * 60_000;

/** The nth Sunday of a month (n = -1: the last one), as YYYY-MM-DD. */
function sunday(year: number, month: number, n: number): string {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const sundays = Array.from({ length: days }, (_, i) => new Date(Date.UTC(year, month - 1, i + 1))).filter(
    (d) => d.getUTCDay() === 0,
  );
  return sundays
    .at(n === -1 ? -1 : n - 1)!
    .toISOString()
    .slice(0, 10);
}
/** The first date the rule gives, from this year on, that is at least two days ahead (so never in the past). */
function next(rule: (year: number) => string): string {
  const soonest = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  for (let year = new Date().getUTCFullYear(); ; year++) if (rule(year) >= soonest) return rule(year);
}
const plusDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const dayAfter = (date: string) => plusDays(date, 1);
const dayBefore = (date: string) => plusDays(date, -1);

// The next daylight-saving changes, whenever the tests run: the EU's last Sundays of March and October,
// the US's second Sunday of March and first of November.
const LONDON_SPRING = next((y) => sunday(y, 3, -1));
const LONDON_AUTUMN = next((y) => sunday(y, 10, -1));
const NEW_YORK_SPRING = next((y) => sunday(y, 3, 2));
const NEW_YORK_AUTUMN = next((y) => sunday(y, 11, 1));
/** A Monday in January, when New York is on standard time (UTC-5) all fortnight. */
const JANUARY_MONDAY = next((y) => plusDays(sunday(y, 1, 1), 1));

/** Consecutive starts half an hour apart, from the first to the last, none missing or doubled. */
function expectUnbrokenGrid(starts: string[], first: string, last: string) {
  expect(starts[0]).toBe(first);
  expect(starts[starts.length - 1]).toBe(last);
  for (let i = 1; i < starts.length; i++) expect(Date.parse(starts[i]) - Date.parse(starts[i - 1])).toBe(HALF_HOUR);
  expect(new Set(starts).size).toBe(starts.length);
}

describe('availability across daylight-saving changes (open around the clock)', () => {
  it(`Europe/London spring forward (${LONDON_SPRING}): a 23-hour day, 46 half-hour starts`, async () => {
    const b = await branchIn('Europe/London');
    const starts = (await slotsOf(b.id, LONDON_SPRING)).map((s) => s.startsAt);
    expect(starts).toHaveLength(46);
    expectUnbrokenGrid(starts, `${LONDON_SPRING}T00:00:00.000Z`, `${LONDON_SPRING}T22:30:00.000Z`);
  });

  it(`Europe/London fall back (${LONDON_AUTUMN}): a 25-hour day, 50 half-hour starts`, async () => {
    const b = await branchIn('Europe/London');
    const starts = (await slotsOf(b.id, LONDON_AUTUMN)).map((s) => s.startsAt);
    expect(starts).toHaveLength(50);
    expectUnbrokenGrid(starts, `${dayBefore(LONDON_AUTUMN)}T23:00:00.000Z`, `${LONDON_AUTUMN}T23:30:00.000Z`);
  });

  it(`America/New_York spring forward (${NEW_YORK_SPRING}) and fall back (${NEW_YORK_AUTUMN})`, async () => {
    const b = await branchIn('America/New_York');
    const spring = (await slotsOf(b.id, NEW_YORK_SPRING)).map((s) => s.startsAt);
    expect(spring).toHaveLength(46);
    expectUnbrokenGrid(spring, `${NEW_YORK_SPRING}T05:00:00.000Z`, `${dayAfter(NEW_YORK_SPRING)}T03:30:00.000Z`);
    const fall = (await slotsOf(b.id, NEW_YORK_AUTUMN)).map((s) => s.startsAt);
    expect(fall).toHaveLength(50);
    expectUnbrokenGrid(fall, `${NEW_YORK_AUTUMN}T04:00:00.000Z`, `${dayAfter(NEW_YORK_AUTUMN)}T04:30:00.000Z`);
  });

  it('night hours across the change: 00:00–06:00 is 5 real hours in spring, 7 in autumn (60-minute jobs)', async () => {
    const night = { open: '00:00', close: '06:00' };
    const hours = Object.fromEntries(Object.keys(ALWAYS_OPEN).map((d) => [d, night])) as OpeningHours;
    const b = await branchIn('America/New_York', hours);
    const spring = await slotsOf(b.id, NEW_YORK_SPRING, hourJob);
    expect(spring).toHaveLength(9);
    expect(spring[spring.length - 1].endsAt).toBe(`${NEW_YORK_SPRING}T10:00:00.000Z`);
    const fall = await slotsOf(b.id, NEW_YORK_AUTUMN, hourJob);
    expect(fall).toHaveLength(13);
    expect(fall[0].startsAt).toBe(`${NEW_YORK_AUTUMN}T04:00:00.000Z`);
    expect(fall[fall.length - 1].endsAt).toBe(`${NEW_YORK_AUTUMN}T11:00:00.000Z`);
  });
});

describe('bookings.availability', () => {
  it('drops a technician while they are booked, and the slot once every technician or bay is', async () => {
    const b = await createBranch(w, { bays: 1 });
    const [t1, t2] = [await createTechnician(w, b.id), await createTechnician(w, b.id)];
    const date = tomorrowAt(0).slice(0, 10);
    const before = await slotsOf(b.id, date, hourJob);
    const at10 = before.find((s) => s.startsAt === tomorrowAt(10));
    expect(at10?.technicianIds.sort()).toEqual([t1.id, t2.id].sort());
    const customer = principal('customer');
    const vehicle = await createVehicle(w, customer.id);
    const booked = await book(w, customer, {
      branchId: b.id,
      vehicleId: vehicle.id,
      serviceIds: [hourJob],
      startsAt: tomorrowAt(10),
    });
    expect(booked.status).toBe(201);
    const after = await slotsOf(b.id, date, hourJob);
    // One bay: 09:30, 10:00 and 10:30 overlap the booking and are gone; 09:00 and 11:00 remain.
    const starts = after.map((s) => s.startsAt);
    for (const gone of [tomorrowAt(9, 30), tomorrowAt(10), tomorrowAt(10, 30)]) expect(starts).not.toContain(gone);
    for (const kept of [tomorrowAt(9), tomorrowAt(11)]) expect(starts).toContain(kept);
    expect(after.length).toBe(before.length - 3);
  });

  it('is public; a closed day, a past day and a branch without technicians have no slots', async () => {
    const closedSundays = { ...ALWAYS_OPEN, sunday: null };
    const b = await branchIn('UTC', closedSundays);
    expect(await slotsOf(b.id, LONDON_SPRING)).toEqual([]); // a Sunday
    expect(await slotsOf(b.id, '2020-01-06')).toEqual([]);
    const empty = await createBranch(w);
    expect(await slotsOf(empty.id, dayAfter(LONDON_SPRING))).toEqual([]);
  });

  it('refuses impossible dates and bad ids; unknown branch or service is 404', async () => {
    const b = await branchIn('UTC');
    const ask = (payload: Record<string, unknown>) => call(w, bookings.availability, null, payload);
    expect((await ask({ branchId: b.id, serviceIds: halfHourJob, date: '2027-02-30' })).status).toBe(400);
    expect((await ask({ branchId: b.id, serviceIds: halfHourJob, date: '27-02-01' })).status).toBe(400);
    expect((await ask({ branchId: 'nope', serviceIds: halfHourJob, date: '2027-02-01' })).status).toBe(400);
    expect((await ask({ branchId: b.id, serviceIds: 'a,b', date: '2027-02-01' })).status).toBe(400);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await ask({ branchId: unknown, serviceIds: halfHourJob, date: '2027-02-01' })).status).toBe(404);
    expect((await ask({ branchId: b.id, serviceIds: unknown, date: '2027-02-01' })).status).toBe(404);
  });
});

describe('bookings.next-free-slot', () => {
  const nextOf = (payload: Record<string, unknown>) => ok(w, bookings.nextFreeSlot, null, payload);
  const CLOSED = Object.fromEntries(Object.keys(ALWAYS_OPEN).map((d) => [d, null])) as unknown as OpeningHours;

  it("skips closed days and answers with the first start of the first open day, in the branch's zone", async () => {
    // Open on Wednesdays only, 09:00-12:00 New York time; asked from a Monday in January.
    const b = await branchIn('America/New_York', { ...CLOSED, wednesday: { open: '09:00', close: '12:00' } });
    const next = await nextOf({ branchId: b.id, serviceIds: halfHourJob, from: JANUARY_MONDAY });
    const wednesday = plusDays(JANUARY_MONDAY, 2);
    expect(next).toMatchObject({
      branchId: b.id,
      durationMinutes: 30,
      from: JANUARY_MONDAY,
      until: plusDays(JANUARY_MONDAY, 13),
    });
    expect(next.slot).toMatchObject({ date: wednesday, startsAt: `${wednesday}T14:00:00.000Z` });
    // The same rules as the day's availability: its first slot, technicians and all.
    const [first] = await slotsOf(b.id, wednesday);
    expect(next.slot).toEqual({ date: wednesday, ...first });
  });

  it('moves on to the next day when the first is fully booked', async () => {
    // One bay, one technician, one hour a day: a single 60-minute start per day.
    const oneHour = Object.fromEntries(
      Object.keys(ALWAYS_OPEN).map((d) => [d, { open: '09:00', close: '10:00' }]),
    ) as OpeningHours;
    const b = await createBranch(w, { bays: 1, openingHours: oneHour });
    await createTechnician(w, b.id);
    const from = tomorrowAt(0).slice(0, 10);
    const before = await nextOf({ branchId: b.id, serviceIds: hourJob, from });
    expect(before.slot?.startsAt).toBe(tomorrowAt(9));
    const customer = principal('customer');
    const vehicle = await createVehicle(w, customer.id);
    const booked = await book(w, customer, {
      branchId: b.id,
      vehicleId: vehicle.id,
      serviceIds: [hourJob],
      startsAt: tomorrowAt(9),
    });
    expect(booked.status).toBe(201);
    const after = await nextOf({ branchId: b.id, serviceIds: hourJob, from });
    expect(after.slot).toMatchObject({ date: tomorrowAt(0, 0, 2).slice(0, 10), startsAt: tomorrowAt(9, 0, 2) });
  });

  it("starts from today in the branch's zone when no date is given, and is null when nothing is free", async () => {
    const b = await branchIn('Pacific/Auckland');
    const next = await nextOf({ branchId: b.id, serviceIds: halfHourJob });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Auckland' }).format(new Date());
    expect(next.from).toBe(today);
    expect(Date.parse(next.slot!.startsAt)).toBeGreaterThan(Date.now());

    const noTechnicians = await createBranch(w);
    expect(await nextOf({ branchId: noTechnicians.id, serviceIds: halfHourJob, from: JANUARY_MONDAY })).toMatchObject({
      slot: null,
      until: plusDays(JANUARY_MONDAY, 13),
    });
    const closed = await branchIn('UTC', { ...CLOSED, sunday: ALWAYS_OPEN.sunday });
    // From a Monday, the fortnight holds two Sundays; the first is the answer. Nothing before a past Sunday is.
    expect((await nextOf({ branchId: closed.id, serviceIds: halfHourJob, from: JANUARY_MONDAY })).slot?.date).toBe(
      plusDays(JANUARY_MONDAY, 6),
    );
    expect((await nextOf({ branchId: closed.id, serviceIds: halfHourJob, from: '2020-01-06' })).slot).toBeNull();
  });

  it('refuses impossible dates and bad ids; unknown branch or service is 404', async () => {
    const b = await branchIn('UTC');
    const ask = (payload: Record<string, unknown>) => call(w, bookings.nextFreeSlot, null, payload);
    expect((await ask({ branchId: b.id, serviceIds: halfHourJob, from: '2027-02-30' })).status).toBe(400);
    expect((await ask({ branchId: b.id, serviceIds: halfHourJob, from: 'tomorrow' })).status).toBe(400);
    expect((await ask({ branchId: b.id, serviceIds: '', from: '2027-02-01' })).status).toBe(400);
    expect((await ask({ branchId: b.id, serviceIds: halfHourJob, days: 400 })).status).toBe(400);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await ask({ branchId: unknown, serviceIds: halfHourJob })).status).toBe(404);
    expect((await ask({ branchId: b.id, serviceIds: unknown })).status).toBe(404);
  });
});
