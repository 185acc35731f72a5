import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import {
  CustomerSummarySchema,
  BOOKING_STATUSES,
  DEMO_BRANCH_IDS,
  DEMO_CUSTOMER_ID,
  DashboardSchema,
  DomainError,
  pageOf,
  type CustomerSummary,
  type Dashboard,
  type RpcEnvelope,
} from '@garage/shared';
import { startBookings, startInventory, startSystem, type TestSystem } from '../../../test/support/system.js';
import { LEAK, http, loginCustomer, loginStaff } from '../../../test/support/http.js';
import { fakeResponder, type FakeResponder } from '../../../test/support/fake-responder.js';

let sys: TestSystem;
let nc: NatsConnection;
let db: pg.Client;
let admin: string;
let staff: string;
let staffId: string;
let customer: string;
const prefix = () => process.env.NATS_PREFIX!;
const { downtown, northside } = DEMO_BRANCH_IDS;
const CustomerPage = pageOf(CustomerSummarySchema);
const DEMO_EMAIL = 'john.smith@email.com';
// Every status is a key (the schema's record is exhaustive).
const BY_STATUS = Object.fromEntries(BOOKING_STATUSES.map((s, i) => [s, i]));

const get = <T = Record<string, unknown>>(path: string, token?: string) => http<T>(sys.url, 'GET', path, { token });
const chainCustomers = async () =>
  (await db.query('SELECT count(*)::int AS n FROM auth.customers')).rows[0].n as number;

beforeAll(async () => {
  sys = await startSystem();
  nc = await connect({ servers: process.env.NATS_URL || 'nats://127.0.0.1:4222' });
  db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  admin = await loginStaff(sys.url, 'admin', 'admin123');
  const username = `desk-${randomUUID().slice(0, 6)}`;
  const created = await http<{ id: string }>(sys.url, 'POST', '/api/users', {
    token: admin,
    body: { username, password: 'Front-Desk-Pass1', role: 'staff', branchIds: [downtown] },
  });
  staffId = created.body.id;
  staff = await loginStaff(sys.url, username, 'Front-Desk-Pass1');
  customer = await loginCustomer(sys.url, DEMO_EMAIL, 'customer123');
});

afterAll(async () => {
  await sys.close();
  await nc.close();
  await db.end();
});

describe('who may use the composed routes', () => {
  it.each(['/api/customers', `/api/customers/${DEMO_CUSTOMER_ID}`, '/api/dashboard'])(
    '%s: nobody 401, a customer 403 (before any service is asked)',
    async (path) => {
      expect((await get(path)).status).toBe(401);
      const refused = await get(path, customer);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    },
  );

  it('validates the HTTP input with the contracts (400 with details)', async () => {
    for (const path of [
      '/api/customers?limit=0',
      '/api/customers?q=',
      '/api/customers?role=admin',
      '/api/customers/not-a-uuid',
      '/api/dashboard?branchId=downtown',
    ]) {
      const res = await get<{ details: unknown[] }>(path, admin);
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.body.details.length).toBeGreaterThan(0);
    }
  });
});

/** Bookings and inventory replaced by fakes: what the gateway asks, how often, and how it merges. */
describe('composition (bookings and inventory stood in for by fakes)', () => {
  const fakes: FakeResponder[] = [];
  let counts: FakeResponder;
  let bookingsDashboard: FakeResponder;
  let inventoryDashboard: FakeResponder;
  const fake = (pattern: string, answer: (env: RpcEnvelope) => unknown) => {
    const f = fakeResponder(nc, prefix(), pattern, answer);
    fakes.push(f);
    return f;
  };
  const scopeOf = (env: RpcEnvelope) => (env.payload as { branchId?: string }).branchId;

  beforeAll(async () => {
    await Promise.all([sys.bookings.close(), sys.inventory.close()]);
    counts = fake('bookings.customers.counts', (env) => ({
      items: (env.payload as { customerIds: string[] }).customerIds
        .filter((id) => id === DEMO_CUSTOMER_ID)
        .map((customerId) => ({ customerId, vehicles: 2, bookings: 5 })),
    }));
    bookingsDashboard = fake('bookings.dashboard', (env) => {
      const branchId = scopeOf(env);
      if (env.principal?.role === 'staff' && branchId && !env.principal.branchIds.includes(branchId)) {
        throw new DomainError('FORBIDDEN', 'Not your branch');
      }
      return {
        customers: 7,
        vehicles: 9,
        bookingsToday: 3,
        bookingsByStatus: BY_STATUS,
        revenueCentsThisMonth: 123_45,
        activeTechnicians: 4,
      };
    });
    inventoryDashboard = fake('inventory.dashboard', () => ({ lowStockParts: 6 }));
  });

  afterAll(async () => {
    for (const f of fakes) f.stop();
    sys.inventory = await startInventory();
    sys.bookings = await startBookings();
  });

  beforeEach(() => {
    for (const f of fakes) f.seen.length = 0;
  });

  it('lists customers with their counts: one counts request per page, never one per customer', async () => {
    const tag = `Pagetest${randomUUID().slice(0, 6)}`;
    for (const first of ['Ann', 'Ben', 'Cat']) {
      const res = await http(sys.url, 'POST', '/api/customer-register', {
        body: { email: `${first}.${tag}@example.com`, password: 'Brake-Disc-2026', firstName: first, lastName: tag },
      });
      expect(res.status).toBe(201);
    }
    const first = await get(`/api/customers?q=${tag}&limit=2`, staff);
    expect(first.status).toBe(200);
    const page = CustomerPage.parse(first.body);
    expect(page.items.map((c) => [c.firstName, c.vehicles, c.bookings])).toEqual([
      ['Ann', 0, 0],
      ['Ben', 0, 0],
    ]);
    expect(counts.seen).toHaveLength(1);
    expect(counts.seen[0].payload).toEqual({ customerIds: page.items.map((c) => c.id) });
    // The caller's principal travels with the request: bookings scopes by it.
    expect(counts.seen[0].principal).toMatchObject({ id: staffId, role: 'staff', branchIds: [downtown] });
    const next = await get(`/api/customers?q=${tag}&limit=2&cursor=${page.nextCursor}`, staff);
    expect(CustomerPage.parse(next.body).items.map((c) => c.firstName)).toEqual(['Cat']);
    expect(counts.seen).toHaveLength(2);
  });

  it.each([
    ['email', DEMO_EMAIL],
    ['email, any case, a part', 'JOHN.SMITH@'],
    ['phone', '555 0100'],
    ['phone, other spelling', '5550100'],
    ['name', 'john smith'],
    ['name, other order', 'Smith John'],
  ])('finds the demo customer by %s (%s), with counts as numbers', async (_how, q) => {
    const res = await get(`/api/customers?q=${encodeURIComponent(q)}`, admin);
    expect(res.status).toBe(200);
    const demo = CustomerPage.parse(res.body).items.find((c) => c.id === DEMO_CUSTOMER_ID);
    expect(demo).toMatchObject({ email: DEMO_EMAIL, firstName: 'John', lastName: 'Smith', vehicles: 2, bookings: 5 });
    expect(res.text).not.toMatch(LEAK);
  });

  it('asks no counts for an empty page', async () => {
    const res = await get<{ items: unknown[] }>(`/api/customers?q=nobody-${randomUUID()}`, staff);
    expect(res.body).toEqual({ items: [], nextCursor: null });
    expect(counts.seen).toHaveLength(0);
  });

  it('shows one customer with counts; an unknown one is 404', async () => {
    const res = await get<CustomerSummary>(`/api/customers/${DEMO_CUSTOMER_ID}`, staff);
    expect(res.status).toBe(200);
    expect(CustomerSummarySchema.parse(res.body)).toMatchObject({ id: DEMO_CUSTOMER_ID, vehicles: 2, bookings: 5 });
    expect(counts.seen.map((e) => e.payload)).toEqual([{ customerIds: [DEMO_CUSTOMER_ID] }]);
    expect((await get(`/api/customers/${randomUUID()}`, staff)).status).toBe(404);
  });

  it('merges the dashboard; chain-wide (admin, no branch) customers are every account', async () => {
    const chain = await get<Dashboard>('/api/dashboard', admin);
    expect(chain.status).toBe(200);
    expect(DashboardSchema.strict().parse(chain.body)).toEqual({
      customers: await chainCustomers(),
      vehicles: 9,
      bookingsToday: 3,
      bookingsByStatus: BY_STATUS,
      revenueCentsThisMonth: 123_45,
      lowStockParts: 6,
      activeTechnicians: 4,
      unavailable: [],
    });
    expect(bookingsDashboard.seen).toHaveLength(1);
    expect(inventoryDashboard.seen).toHaveLength(1);
    const branch = await get<Dashboard>(`/api/dashboard?branchId=${northside}`, admin);
    expect(branch.body.customers).toBe(7);
    expect(bookingsDashboard.seen[1].payload).toEqual({ branchId: northside });
    expect(inventoryDashboard.seen[1].payload).toEqual({ branchId: northside });
  });

  it("scopes staff by the service's answer: own branch 200, another branch that service's 403", async () => {
    const own = await get<Dashboard>(`/api/dashboard?branchId=${downtown}`, staff);
    expect(own.status).toBe(200);
    expect(own.body.customers).toBe(7);
    const all = await get<Dashboard>('/api/dashboard', staff);
    expect(all.status).toBe(200);
    expect(all.body.customers).toBe(7);
    expect(bookingsDashboard.seen.map((e) => e.principal?.id)).toEqual([staffId, staffId]);
    expect(inventoryDashboard.seen.map((e) => e.principal?.id)).toEqual([staffId, staffId]);
    const other = await get(`/api/dashboard?branchId=${northside}`, staff);
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ message: 'Not your branch' });
  });

  it('answers 500 (logged) when a service replies off-contract, never a half-merged body', async () => {
    const broken = fakeResponder(nc, prefix(), 'inventory.dashboard', () => ({ lowStockParts: 'many' }));
    inventoryDashboard.stop();
    try {
      const res = await get('/api/dashboard', admin);
      expect(res.status).toBe(500);
      expect(res.text).not.toMatch(/many|lowStockParts/);
    } finally {
      broken.stop();
      inventoryDashboard = fake('inventory.dashboard', () => ({ lowStockParts: 6 }));
    }
  });

  it('inventory away: the rest of the dashboard, low stock null and named, never a zero; bookings away: 503', async () => {
    inventoryDashboard.stop();
    for (const path of ['/api/dashboard', `/api/dashboard?branchId=${downtown}`]) {
      const res = await get<Dashboard>(path, path.includes('branchId') ? staff : admin);
      expect(res.status).toBe(200);
      expect(DashboardSchema.strict().parse(res.body)).toMatchObject({
        bookingsToday: 3,
        lowStockParts: null,
        unavailable: ['inventory'],
      });
    }
    // Scoping still holds while inventory is away: bookings says 403 for another branch.
    expect((await get(`/api/dashboard?branchId=${northside}`, staff)).status).toBe(403);
    bookingsDashboard.stop();
    const none = await get('/api/dashboard', admin);
    expect(none.status).toBe(503);
    expect(none.body).toMatchObject({ error: 'Service Unavailable' });
    counts.stop();
    const list = await get('/api/customers', staff);
    expect(list.status).toBe(503);
    expect(list.body).toMatchObject({ error: 'Service Unavailable' });
    expect((await get(`/api/customers/${DEMO_CUSTOMER_ID}`, staff)).status).toBe(503);
  });
});

/** Against the real services: waits on bookings' `bookings.customers.counts`/`bookings.dashboard` and inventory's `inventory.dashboard`. */
describe('end to end with the real services', () => {
  it('finds the demo customer by email, phone and name, with numeric counts', async () => {
    for (const q of [DEMO_EMAIL, '+1 555 0100', 'John Smith']) {
      const res = await get(`/api/customers?q=${encodeURIComponent(q)}`, staff);
      expect([q, res.status]).toEqual([q, 200]);
      const demo = CustomerPage.parse(res.body).items.find((c) => c.id === DEMO_CUSTOMER_ID);
      expect(demo?.vehicles).toBeGreaterThanOrEqual(1);
      expect(demo?.bookings).toBeGreaterThanOrEqual(0);
    }
    const one = await get(`/api/customers/${DEMO_CUSTOMER_ID}`, admin);
    expect(one.status).toBe(200);
    expect(CustomerSummarySchema.parse(one.body).vehicles).toBeGreaterThanOrEqual(1);
  });

  it('serves the dashboard: admin chain-wide and per branch, staff their branch only', async () => {
    const chain = await get('/api/dashboard', admin);
    expect(chain.status).toBe(200);
    expect(DashboardSchema.parse(chain.body).customers).toBe(await chainCustomers());
    expect((await get(`/api/dashboard?branchId=${northside}`, admin)).status).toBe(200);
    expect((await get(`/api/dashboard?branchId=${downtown}`, staff)).status).toBe(200);
    expect((await get('/api/dashboard', staff)).status).toBe(200);
    expect((await get(`/api/dashboard?branchId=${northside}`, staff)).status).toBe(403);
  });
});
