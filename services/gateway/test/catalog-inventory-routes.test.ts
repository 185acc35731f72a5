import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DEMO_BRANCH_IDS, type Branch, type Part, type ServiceOffering } from '@garage/shared';
import { startSystem, type TestSystem } from '../../../test/support/system.js';
import { LEAK, http, loginCustomer, loginStaff } from '../../../test/support/http.js';

// What the gateway itself does on the catalog's and inventory's routes (their rules are tested on the
// services alone: services/catalog/test, services/inventory/test): the session and role checks before
// forwarding, the body parser, the URL naming the resource, the HTTP error shape; and one flow between
// the two services over HTTP.
let sys: TestSystem;
let db: pg.Pool;
let admin: string;
let staff: string;
let customer: string;
const seen: string[] = [];
const { downtown, northside } = DEMO_BRANCH_IDS;

const call = async <T = Record<string, unknown>>(
  method: string,
  path: string,
  token?: string,
  options: { body?: unknown; raw?: string } = {},
) => {
  const res = await http<T>(sys.url, method, path, { token, ...options });
  seen.push(res.text);
  return res;
};

const hours = { open: '08:00', close: '17:00' };
const newBranch = () => ({
  name: `Gateway branch ${randomUUID().slice(0, 8)}`,
  address: '5 Depot Lane, Springfield, IL 62702',
  timezone: 'America/Chicago',
  openingHours: {
    monday: hours,
    tuesday: hours,
    wednesday: hours,
    thursday: hours,
    friday: hours,
    saturday: null,
    sunday: null,
  },
  bays: 2,
  laborRateCents: 10_000,
  taxRatePercent: 7,
});
const fresh = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;
const newService = (extra: Record<string, unknown> = {}) => ({
  code: fresh('GW'),
  name: fresh('Gateway service'),
  category: 'Testing',
  durationMinutes: 30,
  laborHours: 0.5,
  ...extra,
});

async function created<T>(path: string, body: unknown): Promise<T> {
  const res = await call<T>('POST', path, admin, { body });
  if (res.status !== 201) throw new Error(`POST ${path} failed: ${res.status} ${res.text}`);
  return res.body;
}

beforeAll(async () => {
  sys = await startSystem();
  db = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  admin = await loginStaff(sys.url, 'admin', 'admin123');
  const username = `counter-${randomUUID().slice(0, 6)}`;
  await created('/api/users', { username, password: 'Parts-Counter-2026', role: 'staff', branchIds: [downtown] });
  staff = await loginStaff(sys.url, username, 'Parts-Counter-2026');
  customer = await loginCustomer(sys.url, 'john.smith@email.com', 'customer123');
});

afterAll(async () => {
  await db?.end();
  await sys?.close();
});

afterAll(() => {
  // No response in this file carried a stack trace or SQL.
  for (const text of seen) expect(text).not.toMatch(LEAK);
});

describe('the gateway guards every catalog and inventory route before forwarding', () => {
  it('answers 401 without a session and 403 to the wrong role, in the API error shape, and changes nothing', async () => {
    const branch = await created<Branch>('/api/branches', newBranch());
    const service = await created<ServiceOffering>('/api/service-catalog', newService());
    const part = await created<Part>('/api/parts', { sku: fresh('GW'), name: 'Gateway part', unitPriceCents: 1234 });
    const adjust = { branchId: downtown, delta: 5, reason: 'r' };
    const transfer = { fromBranchId: downtown, toBranchId: northside, quantity: 1, reason: 'r' };
    // [method, path, body, the roles refused]
    const routes: Array<[string, string, unknown, Array<'customer' | 'staff'>]> = [
      ['POST', '/api/branches', newBranch(), ['customer', 'staff']],
      ['PATCH', `/api/branches/${branch.id}`, { bays: 9 }, ['customer', 'staff']],
      ['POST', '/api/service-catalog', newService(), ['customer', 'staff']],
      ['PATCH', `/api/service-catalog/${service.id}`, { name: 'Hacked' }, ['customer', 'staff']],
      ['GET', '/api/parts', undefined, ['customer']],
      ['GET', `/api/parts/${part.id}`, undefined, ['customer']],
      ['POST', '/api/parts', { sku: fresh('GW'), name: 'X', unitPriceCents: 1 }, ['customer', 'staff']],
      ['PATCH', `/api/parts/${part.id}`, { unitPriceCents: 1 }, ['customer', 'staff']],
      ['POST', `/api/parts/${part.id}/adjust`, adjust, ['customer']],
      ['POST', `/api/parts/${part.id}/transfer`, transfer, ['customer']],
      ['GET', `/api/parts/${part.id}/movements`, undefined, ['customer']],
      ['GET', `/api/parts/${part.id}/stock`, undefined, ['customer']],
    ];
    for (const [method, path, body, refused] of routes) {
      const anonymous = await call(method, path, undefined, { body });
      expect([method, path, anonymous.status]).toEqual([method, path, 401]);
      expect(anonymous.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', code: 'UNAUTHENTICATED' });
      for (const who of refused) {
        const res = await call(method, path, { customer, staff }[who], { body });
        expect([who, method, path, res.status]).toEqual([who, method, path, 403]);
        expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden', code: 'FORBIDDEN' });
        expect(typeof res.body.requestId).toBe('string');
      }
    }
    expect((await call('GET', `/api/branches/${branch.id}`)).body).toEqual(branch);
    expect((await call('GET', `/api/service-catalog/${service.id}`)).body).toEqual(service);
    expect((await call('GET', `/api/parts/${part.id}`, admin)).body).toEqual(part);
    expect((await db.query('SELECT 1 FROM inventory.stock WHERE part_id = $1', [part.id])).rowCount).toBe(0);
  });
});

describe('requests the gateway refuses before any service sees them', () => {
  const rows = async (sql: string, key: string) => (await db.query(sql, [key])).rowCount ?? 0;
  // [path, a valid body, how many rows it stored]
  const bodies: Array<[string, () => Record<string, unknown>, () => Promise<number>]> = [
    ['/api/cost-calculator', () => ({ branchId: downtown, serviceIds: [randomUUID()] }), () => Promise.resolve(0)],
    [
      '/api/service-catalog',
      () => newService({ code: 'GW-TOO-BIG' }),
      () => rows('SELECT 1 FROM catalog.services WHERE code = $1', 'GW-TOO-BIG'),
    ],
    [
      '/api/parts',
      () => ({ sku: 'GW-TOO-BIG', name: 'Big', unitPriceCents: 1 }),
      () => rows('SELECT 1 FROM inventory.parts WHERE sku = $1', 'GW-TOO-BIG'),
    ],
  ];
  it.each(bodies)(
    'POST %s: malformed JSON is 400 and a 300 KB body 413, in the API error shape; nothing is stored',
    async (path, body, stored) => {
      const broken = await call('POST', path, admin, { raw: '{"code": "X-1", ' });
      expect(broken.status).toBe(400);
      expect(broken.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
      const big = await call('POST', path, admin, {
        raw: JSON.stringify({ ...body(), padding: 'x'.repeat(300 * 1024) }),
      });
      expect(big.status).toBe(413);
      expect(big.body).toMatchObject({ statusCode: 413, message: expect.any(String) });
      expect(await stored()).toBe(0);
    },
  );

  it('refuses a body naming another resource than the URL (400), and nothing changes', async () => {
    const branch = await created<Branch>('/api/branches', newBranch());
    const service = await created<ServiceOffering>('/api/service-catalog', newService());
    const moved = await call('PATCH', `/api/branches/${branch.id}`, admin, { body: { id: randomUUID(), bays: 5 } });
    expect(moved.status).toBe(400);
    const renamed = await call('PATCH', `/api/service-catalog/${service.id}`, admin, {
      body: { id: randomUUID(), name: 'Moved' },
    });
    expect(renamed.status).toBe(400);
    expect(renamed.body).toMatchObject({ statusCode: 400, details: [{ field: 'id' }] });
    expect((await call('GET', `/api/branches/${branch.id}`)).body).toEqual(branch);
    expect((await call('GET', `/api/service-catalog/${service.id}`)).body).toEqual(service);
  });

  it('checks the contract first: 400 with the request id and the fields named', async () => {
    const part = await created<Part>('/api/parts', { sku: fresh('GW'), name: 'Gateway part', unitPriceCents: 1 });
    const zero = await call('POST', `/api/parts/${part.id}/adjust`, admin, {
      body: { branchId: downtown, delta: 0, reason: 'Count' },
    });
    expect(zero.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      code: 'VALIDATION_FAILED',
      requestId: expect.any(String),
      details: [{ field: 'delta' }],
    });
    const paging = await call('GET', '/api/service-catalog?limit=abc');
    expect(paging.body).toMatchObject({ statusCode: 400, details: [{ field: 'limit' }] });
  });
});

describe('answers of the services, in the HTTP error shape', () => {
  it('a 404 from the catalog keeps its details; a 409 from inventory its message', async () => {
    const unknown = await call('POST', '/api/cost-calculator', undefined, {
      body: { branchId: randomUUID(), serviceIds: [randomUUID()] },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({
      statusCode: 404,
      error: 'Not Found',
      code: 'NOT_FOUND',
      details: [{ field: 'branchId', message: 'no such branch' }],
    });
    const part = await created<Part>('/api/parts', { sku: fresh('GW'), name: 'Gateway part', unitPriceCents: 1 });
    const short = await call('POST', `/api/parts/${part.id}/adjust`, staff, {
      body: { branchId: downtown, delta: -1, reason: 'Count' },
    });
    expect(short.status).toBe(409);
    expect(short.body).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
      message: expect.stringMatching(/available/),
    });
  });
});

describe('between the catalog and inventory', () => {
  it('inventory takes stock at a branch the catalog has just opened', async () => {
    const branch = await created<Branch>('/api/branches', newBranch());
    const part = await created<Part>('/api/parts', { sku: fresh('GW'), name: 'Gateway part', unitPriceCents: 1 });
    const res = await call('POST', `/api/parts/${part.id}/adjust`, admin, {
      body: { branchId: branch.id, delta: 8, kind: 'receive', reason: 'Opening stock' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ branchId: branch.id, onHand: 8 });
  });
});
