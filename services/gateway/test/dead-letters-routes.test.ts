import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  DEMO_BRANCH_IDS,
  DeadLetterSchema,
  connectNats,
  ensureEventStream,
  eventSubject,
  pageOf,
  type DeadLetter,
  type EventData,
} from '@garage/shared';
import { startBookings, startSystem, type TestSystem } from '../../../test/support/system.js';
import { LEAK, http, loginCustomer, loginStaff } from '../../../test/support/http.js';
import { untilValue } from '../../../test/support/waits.js';

/**
 * GET /api/admin/dead-letters and POST /api/admin/dead-letters/:id/replay through the whole system:
 * the gateway merges the consuming services' lists and sends a replay to the service that owns the
 * dead letter's durable. The catalog gives up after 2 deliveries here.
 */
const PAGE = pageOf(DeadLetterSchema);
const env = { prefix: process.env.NATS_PREFIX! };
let sys: TestSystem;
let nc: NatsConnection;
let js: JetStreamClient;
let db: pg.Client;
let admin: string;
let staff: string;
let customer: string;
const seen: string[] = [];
jest.setTimeout(90_000);

const call = async <T = Record<string, unknown>>(method: string, path: string, token?: string) => {
  const res = await http<T>(sys.url, method, path, { token });
  seen.push(res.text);
  return res;
};
const list = async (query = '') => {
  const res = await call<{ items: DeadLetter[]; nextCursor: string | null }>(
    'GET',
    `/api/admin/dead-letters${query}`,
    admin,
  );
  expect([query, res.status]).toEqual([query, 200]);
  return PAGE.parse(res.body);
};

beforeAll(async () => {
  sys = await startSystem({ catalog: { EVENT_MAX_DELIVERIES: '2' } });
  nc = await connectNats(process.env.NATS_URL || 'nats://127.0.0.1:4222', 'dead-letters-routes-test');
  await ensureEventStream(nc, env.prefix);
  js = jetstream(nc);
  db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  admin = await loginStaff(sys.url, 'admin', 'admin123');
  const username = `dl-${randomUUID().slice(0, 6)}`;
  await http(sys.url, 'POST', '/api/users', {
    token: admin,
    body: { username, password: 'Dead-Letter-Pass1', role: 'staff', branchIds: [DEMO_BRANCH_IDS.downtown] },
  });
  staff = await loginStaff(sys.url, username, 'Dead-Letter-Pass1');
  customer = await loginCustomer(sys.url, 'john.smith@email.com', 'customer123');
}, 90_000);

afterAll(async () => {
  await nc?.close();
  await db?.end();
  await sys?.close();
});

afterAll(() => {
  for (const text of seen) expect(text).not.toMatch(LEAK);
});

/** Publishes a body that is no event on a type's subject: its consumer gives it up at once. */
async function unreadable(type: string): Promise<string> {
  const body = `garbage ${randomUUID()}`;
  await js.publish(eventSubject(env.prefix, type), body);
  return body;
}

const untilListed = (what: string, query: string, found: (items: DeadLetter[]) => boolean) =>
  untilValue(what, async () => (await list(query)).items, found, { timeoutMs: 60_000 });

describe('who may see and replay dead letters', () => {
  it.each([
    ['GET', '/api/admin/dead-letters'],
    ['POST', '/api/admin/dead-letters/inventory-bookings.1/replay'],
  ])('%s %s: admins only (401 signed out, 403 staff and customers)', async (method, path) => {
    expect((await call(method, path)).status).toBe(401);
    for (const token of [staff, customer]) {
      const refused = await call(method, path, token);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ statusCode: 403, error: 'Forbidden', code: 'FORBIDDEN' });
    }
  });

  it('refuses bad input with 400 and details, and an unknown dead letter with 404', async () => {
    for (const query of [
      '?limit=0',
      '?durable=nobody',
      '?type=booking.%3E',
      '?cursor=not%20one',
      '?cursor=eyJ4IjoxfQ',
      '?role=admin',
    ]) {
      const res = await call<{ details?: unknown[] }>('GET', `/api/admin/dead-letters${query}`, admin);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.body.details?.length).toBeGreaterThan(0);
    }
    const notAnId = await call<{ details?: unknown[] }>('POST', '/api/admin/dead-letters/42/replay', admin);
    expect(notAnId.status).toBe(400);
    for (const id of ['nobody.5', 'inventory-bookings.99999999']) {
      const res = await call('POST', `/api/admin/dead-letters/${id}/replay`, admin);
      expect([id, res.status, res.body.code]).toEqual([id, 404, 'NOT_FOUND']);
    }
  });
});

describe('the list, from every consuming service', () => {
  it('merges them newest first, filters by durable and type, and pages under one cursor', async () => {
    const bodies = [
      await unreadable('booking.cancelled'), // inventory-bookings
      await unreadable('inventory.shortage'), // bookings-parts-status
      await unreadable('part.price_changed'), // catalog-part-prices
    ];
    const all = await untilListed('the three unreadable events', '?limit=100', (items) =>
      bodies.every((b) => items.some((l) => l.unreadable === b)),
    );
    const ours = bodies.map((b) => all.find((l) => l.unreadable === b)!);
    expect(ours.map((l) => [l.durable, l.type])).toEqual([
      ['inventory-bookings', 'booking.cancelled'],
      ['bookings-parts-status', 'inventory.shortage'],
      ['catalog-part-prices', 'part.price_changed'],
    ]);
    // Newest first: in the order the services gave them up (the dead-letter stream's order).
    const seqs = all.map((l) => Number(l.id.split('.').pop()));
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(
      (await list('?durable=bookings-parts-status')).items.every((l) => l.durable === 'bookings-parts-status'),
    ).toBe(true);
    expect((await list('?type=booking.cancelled')).items.map((l) => l.unreadable)).toContain(bodies[0]);
    expect((await list('?type=booking.cancelled')).items.every((l) => l.type === 'booking.cancelled')).toBe(true);

    // One at a time: the same dead letters in the same order, and the last page says so.
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      walked.push(...page.items.map((l) => l.id));
      cursor = page.nextCursor;
    } while (cursor && walked.length < 200);
    expect(walked).toEqual(all.map((l) => l.id));

    const refused = await call('POST', `/api/admin/dead-letters/${ours[1]!.id}/replay`, admin);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'CONFLICT', message: 'An unreadable event cannot be replayed' });
  });

  it('answers 503 while a service it must ask is down, and still lists the others by durable', async () => {
    await sys.bookings.close();
    try {
      expect((await call('GET', '/api/admin/dead-letters', admin)).status).toBe(503);
      expect((await call('GET', '/api/admin/dead-letters?durable=inventory-bookings', admin)).status).toBe(200);
    } finally {
      sys.bookings = await startBookings();
    }
  });
});

describe('a replay through the gateway', () => {
  it("reaches the owning service's consumer: the catalog's price copy, refused by a fault until it is fixed", async () => {
    const sku = `DL-${randomBytes(3).toString('hex').toUpperCase()}`;
    const constraint = `dead_letter_test_${randomBytes(4).toString('hex')}`;
    await db.query(`ALTER TABLE catalog.part_prices ADD CONSTRAINT ${constraint} CHECK (sku <> '${sku}') NOT VALID`);
    const data: EventData<'part.price_changed'> = { partId: randomUUID(), sku, unitPriceCents: 4200, priceVersion: 1 };
    const event = { id: randomUUID(), type: 'part.price_changed', occurredAt: new Date().toISOString(), data };
    await js.publish(eventSubject(env.prefix, event.type), JSON.stringify(event), { msgID: event.id });

    const letter = (
      await untilListed('the price event on the dead letters', '?durable=catalog-part-prices', (items) =>
        items.some((l) => l.event?.id === event.id),
      )
    ).find((l) => l.event?.id === event.id);
    expect(letter).toMatchObject({ type: 'part.price_changed', event, deliveries: 2 });
    expect(letter!.error).toBe(`Database error (SQLSTATE 23514, constraint ${constraint})`);

    await db.query(`ALTER TABLE catalog.part_prices DROP CONSTRAINT ${constraint}`);
    const replayed = await call('POST', `/api/admin/dead-letters/${letter!.id}/replay`, admin);
    expect(replayed.status).toBe(200);
    expect(replayed.body).toMatchObject({ id: letter!.id, durable: 'catalog-part-prices', eventId: event.id });
    const cached = await db.query('SELECT unit_price_cents::int FROM catalog.part_prices WHERE sku = $1', [sku]);
    expect(cached.rows).toEqual([{ unit_price_cents: 4200 }]);
    expect((await call('POST', `/api/admin/dead-letters/${letter!.id}/replay`, admin)).status).toBe(404);
    expect((await list('?durable=catalog-part-prices')).items.map((l) => l.id)).not.toContain(letter!.id);
  });
});
