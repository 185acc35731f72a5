import { randomUUID } from 'node:crypto';
import { startSystem, type TestSystem } from '../../../test/support/system.js';
import { LEAK, freshIp, http, loginCustomer, loginStaff } from '../../../test/support/http.js';

let sys: TestSystem;
let url: string;
let admin: string;
let staff: string;
let customer: string;

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
  sys = await startSystem();
  url = sys.url;
  admin = await loginStaff(url, 'admin', 'admin123');
  const staffName = `branch-staff-${randomUUID().slice(0, 6)}`;
  await http(url, 'POST', '/api/users', {
    token: admin,
    body: { username: staffName, password: 'Branch-Staff-Pass1', role: 'staff', branchIds: [randomUUID()] },
  });
  staff = await loginStaff(url, staffName, 'Branch-Staff-Pass1');
  customer = await loginCustomer(url, 'john.smith@email.com', 'customer123');
});

afterAll(async () => {
  await sys.close();
});

describe('GET /api/branches', () => {
  it('lists the demo chain to anyone: three branches in two time zones, with the currency', async () => {
    const res = await http<{ items: Array<Record<string, unknown>>; nextCursor: string | null }>(
      url,
      'GET',
      '/api/branches',
      {
        ip: freshIp(),
      },
    );
    expect(res.status).toBe(200);
    const demo = res.body.items.filter((b) =>
      ['Downtown Garage', 'Northside Auto Care', 'Harbor Service Center'].includes(b.name as string),
    );
    expect(demo).toHaveLength(3);
    expect(new Set(demo.map((b) => b.timezone)).size).toBe(2);
    for (const b of demo) {
      expect(Object.keys(b).sort()).toEqual(
        [
          'active',
          'address',
          'bays',
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
    for (let i = 0; i < 3; i++) await http(url, 'POST', '/api/branches', { token: admin, body: newBranch() });
    const first = await http<{ items: Array<{ id: string }>; nextCursor: string }>(url, 'GET', '/api/branches?limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await http<{ items: Array<{ id: string }> }>(
      url,
      'GET',
      `/api/branches?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((b) => b.id)).not.toContain(first.body.items[0].id);
    expect((await http(url, 'GET', '/api/branches?limit=0')).status).toBe(400);
    expect((await http(url, 'GET', '/api/branches?cursor=garbage!')).status).toBe(400);
    expect((await http(url, 'GET', '/api/branches?cursor=Z2FyYmFnZQ')).status).toBe(400);
  });
});

describe('POST /api/branches and PATCH /api/branches/:id', () => {
  it('only admins open and change branches', async () => {
    for (const token of [undefined, customer, staff]) {
      const res = await http(url, 'POST', '/api/branches', { token, body: newBranch() });
      expect(res.status).toBe(token ? 403 : 401);
    }
    const created = await http<{ id: string }>(url, 'POST', '/api/branches', { token: admin, body: newBranch() });
    expect(created.status).toBe(201);
    for (const token of [undefined, customer, staff]) {
      const res = await http(url, 'PATCH', `/api/branches/${created.body.id}`, { token, body: { bays: 9 } });
      expect(res.status).toBe(token ? 403 : 401);
    }
    const changed = await http(url, 'PATCH', `/api/branches/${created.body.id}`, {
      token: admin,
      body: { bays: 9, laborRateCents: 10_250, taxRatePercent: 17.5 },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      bays: 9,
      laborRateCents: 10_250,
      taxRatePercent: 17.5,
      timezone: 'Europe/London',
    });
  });

  it('refuses a duplicate name (case-insensitive) with 409', async () => {
    const body = newBranch();
    expect((await http(url, 'POST', '/api/branches', { token: admin, body })).status).toBe(201);
    expect(
      (await http(url, 'POST', '/api/branches', { token: admin, body: { ...body, name: body.name.toUpperCase() } }))
        .status,
    ).toBe(409);
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
    ['closing before opening', { openingHours: { ...hours, monday: { open: '18:00', close: '08:00' } } }],
    ["25 o'clock", { openingHours: { ...hours, monday: { open: '08:00', close: '25:00' } } }],
    ['a missing weekday', { openingHours: { ...hours, sunday: undefined } }],
    ['an eighth weekday', { openingHours: { ...hours, funday: null } }],
    ['an empty name', { name: '   ' }],
    ['an unknown field', { owner: 'me' }],
    ['a NUL byte', { address: 'A\u0000B' }],
  ])('answers 400 for %s and stores nothing', async (_label, bad) => {
    const body = newBranch(bad);
    const res = await http(url, 'POST', '/api/branches', { token: admin, body });
    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(LEAK);
    const list = await http<{ items: Array<{ name: string }> }>(
      url,
      'GET',
      '/api/branches?limit=100&includeInactive=true',
      { token: admin },
    );
    expect(list.body.items.map((b) => b.name)).not.toContain(body.name);
  });

  it('PATCH: 404 for an unknown id, 400 for a garbage id or bad values, and nothing changes', async () => {
    const created = await http<{ id: string }>(url, 'POST', '/api/branches', { token: admin, body: newBranch() });
    expect(
      (await http(url, 'PATCH', `/api/branches/${randomUUID()}`, { token: admin, body: { bays: 2 } })).status,
    ).toBe(404);
    expect((await http(url, 'PATCH', '/api/branches/42', { token: admin, body: { bays: 2 } })).status).toBe(400);
    expect(
      (
        await http(url, 'PATCH', `/api/branches/${created.body.id}`, {
          token: admin,
          body: { timezone: 'Nowhere/City' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await http(url, 'PATCH', `/api/branches/${created.body.id}`, {
          token: admin,
          body: { id: randomUUID(), bays: 5 },
        })
      ).status,
    ).toBe(400);
    const now = await http(url, 'GET', `/api/branches/${created.body.id}`);
    expect(now.body).toMatchObject({ bays: 3, timezone: 'Europe/London' });
  });

  it('a closed (inactive) branch disappears for the public but not for staff and admins', async () => {
    const created = await http<{ id: string; name: string }>(url, 'POST', '/api/branches', {
      token: admin,
      body: newBranch(),
    });
    await http(url, 'PATCH', `/api/branches/${created.body.id}`, { token: admin, body: { active: false } });
    expect((await http(url, 'GET', `/api/branches/${created.body.id}`)).status).toBe(404);
    expect((await http(url, 'GET', `/api/branches/${created.body.id}`, { token: customer })).status).toBe(404);
    expect((await http(url, 'GET', `/api/branches/${created.body.id}`, { token: staff })).status).toBe(200);
    const publicList = await http<{ items: Array<{ id: string }> }>(
      url,
      'GET',
      '/api/branches?limit=100&includeInactive=true',
    );
    expect(publicList.body.items.map((b) => b.id)).not.toContain(created.body.id);
    const adminList = await http<{ items: Array<{ id: string }> }>(
      url,
      'GET',
      '/api/branches?limit=100&includeInactive=true',
      { token: admin },
    );
    expect(adminList.body.items.map((b) => b.id)).toContain(created.body.id);
  });
});
