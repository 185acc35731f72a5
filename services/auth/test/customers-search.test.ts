import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import { DomainError, RpcClient, SqlParams, auth, type Customer, type Principal } from '@garage/shared';
import { startAuth } from '../../../test/support/system.js';
import type { RunningAuthService } from '../src/auth.app.js';
import { customerSearchCondition } from '../src/customers/customer-search.js';

let service: RunningAuthService;
let nc: NatsConnection;
let rpc: RpcClient;
let db: pg.Client;

const principal = (role: Principal['role']): Principal => ({
  kind: role === 'customer' ? 'customer' : 'user',
  id: randomUUID(),
  role,
  branchIds: [],
  sessionId: 'b'.repeat(64),
});
const staff = principal('staff');
const admin = principal('admin');

/** A word no other test's customer has, so searches see only this file's rows. */
const marker = () => `zq${randomUUID().replace(/-/g, '').slice(0, 10)}`;

async function addCustomer(first: string, last: string, email: string, phone: string | null = null): Promise<string> {
  const { rows } = await db.query(
    `INSERT INTO auth.customers (email, first_name, last_name, phone, password_hash)
     VALUES ($1, $2, $3, $4, 'x') RETURNING id`,
    [email, first, last, phone],
  );
  return rows[0].id as string;
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

const search = (payload: { q?: string; limit?: number; cursor?: string }, who: Principal | null = staff) =>
  rpc.request(auth.searchCustomers, { principal: who, payload });

beforeAll(async () => {
  service = await startAuth();
  nc = await connect({ servers: process.env.NATS_URL || 'nats://127.0.0.1:4222' });
  rpc = new RpcClient(nc, process.env.NATS_PREFIX!, 3000);
  db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
});

afterAll(async () => {
  await service.close();
  await nc.close();
  await db.end();
});

describe('who may read customers', () => {
  it('lets staff and admin search, get and count; refuses customers (403) and nobody (401)', async () => {
    for (const who of [staff, admin]) {
      expect((await search({}, who)).items.length).toBeGreaterThan(0);
      const count = await rpc.request(auth.countCustomers, { principal: who, payload: {} });
      expect(count.customers).toBeGreaterThan(0);
    }
    for (const [who, code] of [
      [principal('customer'), 'FORBIDDEN'],
      [null, 'UNAUTHENTICATED'],
    ] as const) {
      expect((await rejection(search({}, who))).code).toBe(code);
      expect(
        (await rejection(rpc.request(auth.getCustomer, { principal: who, payload: { id: randomUUID() } }))).code,
      ).toBe(code);
      expect((await rejection(rpc.request(auth.countCustomers, { principal: who, payload: {} }))).code).toBe(code);
    }
  });
});

describe('auth.customers.search', () => {
  it('finds a customer by any part of the name (either order), the email or the phone, ignoring case', async () => {
    const tag = marker();
    const id = await addCustomer('Marguerite', `Okafor${tag}`, `m.okafor.${tag}@example.com`, '+44 (0)20 7946-0958');
    await addCustomer('Someone', `Else${tag}`, `else.${tag}@example.com`, '+1 555 0199');
    const found = async (q: string) => (await search({ q })).items.map((c) => c.id);
    expect(await found(`marguerite okafor${tag}`)).toEqual([id]);
    expect(await found(`OKAFOR${tag} margu`)).toEqual([id]);
    expect(await found(`M.OKAFOR.${tag}@EXAMPLE`)).toEqual([id]);
    expect(await found('20 7946 0958')).toContain(id);
    expect(await found('2079460958')).toContain(id);
    expect(await found(`nobody-${tag}`)).toEqual([]);
  });

  it('takes % and _ in q literally', async () => {
    const tag = marker();
    await addCustomer('Percy', `Plain${tag}`, `plain.${tag}@example.com`);
    expect((await search({ q: `%${tag}` })).items).toEqual([]);
    expect((await search({ q: `p_ain${tag}` })).items).toEqual([]);
  });

  it('pages by last name, first name and id with an opaque cursor, each customer once', async () => {
    const tag = marker();
    // Same last name twice and the same full name twice: the order still decides every pair.
    for (const [first, last] of [
      ['Zoe', `Adams${tag}`],
      ['Anna', `adams${tag}`],
      ['Carl', `Brown${tag}`],
      ['Carl', `Brown${tag}`],
      ['Bea', `Cole${tag}`],
    ]) {
      await addCustomer(first, last, `${first}.${randomUUID().slice(0, 8)}.${tag}@example.com`);
    }
    const seen: Customer[] = [];
    let cursor: string | undefined;
    do {
      const page = await search({ q: tag, limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.map((c) => `${c.firstName} ${c.lastName.replace(tag, '')}`)).toEqual([
      'Anna adams',
      'Zoe Adams',
      'Carl Brown',
      'Carl Brown',
      'Bea Cole',
    ]);
    expect(new Set(seen.map((c) => c.id)).size).toBe(5);
    const browns = seen.filter((c) => c.firstName === 'Carl').map((c) => c.id);
    expect(browns).toEqual([...browns].sort());
  });

  it('never leaks the password hash and refuses a cursor it did not give out', async () => {
    const page = await search({ limit: 100 });
    expect(JSON.stringify(page)).not.toMatch(/password|hash/i);
    expect(Object.keys(page.items[0]).sort()).toEqual([
      'createdAt',
      'email',
      'firstName',
      'id',
      'lastName',
      'phone',
      'status',
    ]);
    expect((await rejection(search({ cursor: 'bm90LWEtY3Vyc29y' }))).code).toBe('VALIDATION_FAILED');
    expect((await rejection(search({ q: 'x'.repeat(101) }))).code).toBe('VALIDATION_FAILED');
  });

  it('answers q from the trigram indexes, not a scan of the table', async () => {
    const plan = async (q: string) => {
      const params = new SqlParams();
      params.add(51);
      const condition = customerSearchCondition(q, params);
      await db.query('BEGIN');
      try {
        // With scans of the whole table or of the by-name index ruled out, only the trigram indexes remain:
        // if an index's expression drifted from the query's, planning falls back to a (disabled) scan.
        await db.query('SET LOCAL enable_seqscan = off');
        await db.query('SET LOCAL enable_indexscan = off');
        const { rows } = await db.query(
          `EXPLAIN SELECT id FROM auth.customers WHERE ${condition} ORDER BY lower(last_name), lower(first_name), id LIMIT $1`,
          [...params.values],
        );
        return rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
      } finally {
        await db.query('ROLLBACK');
      }
    };
    const byName = await plan('okafor');
    expect(byName).toMatch(/customers_full_name_trgm_idx/);
    expect(byName).toMatch(/customers_email_trgm_idx/);
    expect(await plan('555 0100')).toMatch(/customers_phone_digits_trgm_idx/);
  });
});

describe('auth.customers.get and count', () => {
  it('returns one customer, 404 for an unknown id, 400 for a malformed one', async () => {
    const tag = marker();
    const id = await addCustomer('Gina', `Get${tag}`, `gina.${tag}@example.com`, '+1 555 0123');
    const customer = await rpc.request(auth.getCustomer, { principal: staff, payload: { id: id.toUpperCase() } });
    expect(customer).toMatchObject({ id, firstName: 'Gina', phone: '+1 555 0123', status: 'active' });
    const unknown = rpc.request(auth.getCustomer, { principal: admin, payload: { id: randomUUID() } });
    expect((await rejection(unknown)).code).toBe('NOT_FOUND');
    const malformed = rpc.request(auth.getCustomer, { principal: admin, payload: { id: 'nope' } });
    expect((await rejection(malformed)).code).toBe('VALIDATION_FAILED');
  });

  it('counts every customer account', async () => {
    const before = (await rpc.request(auth.countCustomers, { principal: admin, payload: {} })).customers;
    await addCustomer('Cora', `Count${marker()}`, `cora.${marker()}@example.com`);
    const after = (await rpc.request(auth.countCustomers, { principal: admin, payload: {} })).customers;
    expect(after).toBe(before + 1);
    const { rows } = await db.query('SELECT count(*)::int AS n FROM auth.customers');
    expect(after).toBe(rows[0].n);
  });
});
