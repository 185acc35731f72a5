import { randomUUID } from 'node:crypto';
import { catalog, type Branch, type Principal } from '@garage/shared';
import { call, expectNoLeaks, ok } from '../../../test/support/service-tier.js';
import { startCatalogAlone, type CatalogWorld } from './catalog-kit.js';

let w: CatalogWorld;

const hours = {
  monday: { open: '08:00', close: '18:00' },
  tuesday: { open: '08:00', close: '18:00' },
  wednesday: { open: '08:00', close: '18:00' },
  thursday: { open: '08:00', close: '20:00' },
  friday: { open: '08:00', close: '18:00' },
  saturday: { open: '09:00', close: '13:00' },
  sunday: null,
};
const newBranch = (extra: Record<string, unknown> = {}) => ({
  name: `Branch ${randomUUID().slice(0, 8)}`,
  address: '1 Test Road, Leeds LS1 1AA',
  timezone: 'Europe/London',
  openingHours: hours,
  bays: 3,
  laborRateCents: 9500,
  taxRatePercent: 20,
  ...extra,
});

beforeAll(async () => {
  w = await startCatalogAlone();
});

afterAll(async () => {
  await w?.close();
});

// No answer in this file carried a stack trace or SQL.
expectNoLeaks(() => w);

const create = (body: Record<string, unknown>, who: Principal | null = w.admin) =>
  call(w, catalog.createBranch, who, body);
const update = (id: string, body: Record<string, unknown>, who: Principal | null = w.admin) =>
  call(w, catalog.updateBranch, who, { ...body, id });

describe('catalog.branches.list (GET /api/branches)', () => {
  it('lists the demo chain to anyone: three branches in two time zones, with the currency', async () => {
    const res = await call(w, catalog.listBranches, null, {});
    expect(res.status).toBe(200);
    const demo = res.body.items.filter((b) =>
      ['Downtown Garage', 'Northside Auto Care', 'Harbor Service Center'].includes(b.name),
    );
    expect(demo).toHaveLength(3);
    expect(new Set(demo.map((b) => b.timezone)).size).toBe(2);
    for (const b of demo) {
      expect(Object.keys(b).sort()).toEqual(
        [
          'active',
          'address',
          'bays',
          'bookingHorizonDays',
          'currency',
          'id',
          'laborRateCents',
          'name',
          'openingHours',
          'taxRatePercent',
          'timezone',
        ].sort(),
      );
      expect(b.currency).toBe('USD');
    }
    expect(demo.find((b) => b.name === 'Harbor Service Center')).toMatchObject({
      taxRatePercent: 8.875,
      laborRateCents: 14500,
    });
  });

  it('pages with an opaque cursor and rejects bad paging', async () => {
    for (let i = 0; i < 3; i++) await ok(w, catalog.createBranch, w.admin, newBranch());
    const first = await ok(w, catalog.listBranches, null, { limit: '2' });
    expect(first.items).toHaveLength(2);
    const second = await ok(w, catalog.listBranches, null, { limit: '2', cursor: first.nextCursor });
    expect(second.items.map((b) => b.id)).not.toContain(first.items[0].id);
    expect((await call(w, catalog.listBranches, null, { limit: '0' })).status).toBe(400);
    expect((await call(w, catalog.listBranches, null, { cursor: 'garbage!' })).status).toBe(400);
    expect((await call(w, catalog.listBranches, null, { cursor: 'Z2FyYmFnZQ' })).status).toBe(400);
  });
});

describe('catalog.branches.create and .update (POST /api/branches, PATCH /api/branches/:id)', () => {
  it('only admins open and change branches', async () => {
    for (const who of [null, w.customer, w.staff]) {
      expect((await create(newBranch(), who)).status).toBe(who ? 403 : 401);
    }
    const created = await create(newBranch());
    expect(created.status).toBe(201);
    // Bookings are taken 90 days ahead unless the admin says otherwise.
    expect(created.body).toMatchObject({ bookingHorizonDays: 90 });
    for (const who of [null, w.customer, w.staff]) {
      expect((await update(created.body.id, { bays: 9 }, who)).status).toBe(who ? 403 : 401);
    }
    const changed = await update(created.body.id, {
      bays: 9,
      laborRateCents: 10_250,
      taxRatePercent: 17.5,
      bookingHorizonDays: 30,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      bookingHorizonDays: 30,
      bays: 9,
      laborRateCents: 10_250,
      taxRatePercent: 17.5,
      timezone: 'Europe/London',
    });
  });

  it('refuses a duplicate name (case-insensitive) with 409', async () => {
    const body = newBranch();
    expect((await create(body)).status).toBe(201);
    expect((await create({ ...body, name: body.name.toUpperCase() })).status).toBe(409);
  });

  it.each([
    ['an unknown time zone', { timezone: 'Mars/Olympus_Mons' }],
    ['a time zone abbreviation', { timezone: 'EST' }],
    ['negative labour rate', { laborRateCents: -1 }],
    ['10^12 cents', { laborRateCents: 1e12 }],
    ['fractional cents', { laborRateCents: 10.5 }],
    ['tax over 100 %', { taxRatePercent: 101 }],
    ['tax with 4 decimals', { taxRatePercent: 8.1234 }],
    ['no bays', { bays: 0 }],
    ['a string for bays', { bays: '3' }],
    ['a booking horizon of 0 days', { bookingHorizonDays: 0 }],
    ['a booking horizon over a year', { bookingHorizonDays: 366 }],
    ['a booking horizon of 1.5 days', { bookingHorizonDays: 1.5 }],
    ['closing before opening', { openingHours: { ...hours, monday: { open: '18:00', close: '08:00' } } }],
    ["25 o'clock", { openingHours: { ...hours, monday: { open: '08:00', close: '25:00' } } }],
    ['a missing weekday', { openingHours: { ...hours, sunday: undefined } }],
    ['an eighth weekday', { openingHours: { ...hours, funday: null } }],
    ['an empty name', { name: '   ' }],
    ['an unknown field', { owner: 'me' }],
    ['a NUL byte', { address: 'A\u0000B' }],
  ])('answers 400 for %s and stores nothing', async (_label, bad) => {
    const body = newBranch(bad);
    const res = await create(body);
    expect(res.status).toBe(400);
    const list = await ok(w, catalog.listBranches, w.admin, { limit: '100', includeInactive: 'true' });
    expect(list.items.map((b) => b.name)).not.toContain(body.name);
  });

  it('update: 404 for an unknown id, 400 for a garbage id or bad values, and nothing changes', async () => {
    const created = await ok(w, catalog.createBranch, w.admin, newBranch());
    expect((await update(randomUUID(), { bays: 2 })).status).toBe(404);
    expect((await update('42', { bays: 2 })).status).toBe(400);
    expect((await update(created.id, { timezone: 'Nowhere/City' })).status).toBe(400);
    expect((await update(created.id, { bays: 5, currency: 'EUR' })).status).toBe(400);
    const now = await ok(w, catalog.getBranch, null, { id: created.id });
    expect(now).toMatchObject({ bays: 3, timezone: 'Europe/London' });
  });

  it('a closed (inactive) branch disappears for the public but not for staff and admins', async () => {
    const created = await ok(w, catalog.createBranch, w.admin, newBranch());
    await ok(w, catalog.updateBranch, w.admin, { id: created.id, active: false });
    expect((await call(w, catalog.getBranch, null, { id: created.id })).status).toBe(404);
    expect((await call(w, catalog.getBranch, w.customer, { id: created.id })).status).toBe(404);
    expect((await call(w, catalog.getBranch, w.staff, { id: created.id })).status).toBe(200);
    const ids = async (who: Principal | null) =>
      (await ok(w, catalog.listBranches, who, { limit: '100', includeInactive: 'true' })).items.map(
        (b: Branch) => b.id,
      );
    expect(await ids(null)).not.toContain(created.id);
    expect(await ids(w.admin)).toContain(created.id);
  });
});
