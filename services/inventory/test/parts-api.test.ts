import { randomBytes, randomUUID } from 'node:crypto';
import { DomainError, inventory, type MessageContract, type Part, type Principal } from '@garage/shared';
import { LEAK, http } from '../../../test/support/http.js';
import {
  DOWNTOWN,
  NORTHSIDE,
  createPart,
  freshSku,
  natsClient,
  receive,
  startWorld,
  type InventoryWorld,
} from './inventory-kit.js';

let w: InventoryWorld;
let nats: Awaited<ReturnType<typeof natsClient>>;
const seen: string[] = [];

const call = async <T = Record<string, unknown>>(...args: Parameters<typeof http>) => {
  const res = await http<T>(...args);
  seen.push(res.text);
  return res;
};

beforeAll(async () => {
  w = await startWorld();
  nats = await natsClient();
});

afterAll(async () => {
  await nats?.close();
  await w?.close();
});

afterAll(() => {
  // No response in this file carried a stack trace or SQL.
  for (const text of seen) expect(text).not.toMatch(LEAK);
});

const priceEvents = async (partId: string) =>
  (
    await w.db.query<{ data: { partId: string; sku: string; unitPriceCents: number; priceVersion: number } }>(
      `SELECT data FROM inventory.outbox WHERE type = 'part.price_changed' AND data->>'partId' = $1
       ORDER BY (data->>'priceVersion')::int`,
      [partId],
    )
  ).rows.map((r) => r.data);

describe('who may do what', () => {
  it('answers every route 401 without a session and 403 to a customer, and changes nothing', async () => {
    const part = await createPart(w);
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/api/parts'],
      ['GET', `/api/parts/${part.id}`],
      ['POST', '/api/parts', { sku: freshSku(), name: 'X', unitPriceCents: 1 }],
      ['PATCH', `/api/parts/${part.id}`, { unitPriceCents: 1 }],
      ['POST', `/api/parts/${part.id}/adjust`, { branchId: DOWNTOWN, delta: 5, reason: 'r' }],
      [
        'POST',
        `/api/parts/${part.id}/transfer`,
        { fromBranchId: DOWNTOWN, toBranchId: NORTHSIDE, quantity: 1, reason: 'r' },
      ],
      ['GET', `/api/parts/${part.id}/movements`],
      ['GET', `/api/parts/${part.id}/stock`],
    ];
    for (const [method, path, body] of routes) {
      const anonymous = await call(w.url, method, path, { body });
      expect([method, path, anonymous.status]).toEqual([method, path, 401]);
      expect(anonymous.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
      const customer = await call(w.url, method, path, { body, token: w.customer });
      expect([method, path, customer.status]).toEqual([method, path, 403]);
      expect(customer.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
      expect(typeof customer.body.requestId).toBe('string');
    }
    const now = await call<Part>(w.url, 'GET', `/api/parts/${part.id}`, { token: w.admin });
    expect(now.body.unitPriceCents).toBe(1234);
    const rows = await w.db.query('SELECT 1 FROM inventory.stock WHERE part_id = $1', [part.id]);
    expect(rows.rowCount).toBe(0);
  });

  it('lets staff read everything, change stock only at their own branch, and never edit parts', async () => {
    const part = await createPart(w);
    await receive(w, part.id, NORTHSIDE, 5);
    for (const path of [
      '/api/parts',
      `/api/parts?branchId=${NORTHSIDE}`,
      `/api/parts?branchId=${DOWNTOWN}&lowStock=true`,
      `/api/parts/${part.id}`,
      `/api/parts/${part.id}/stock`,
      `/api/parts/${part.id}/movements?branchId=${NORTHSIDE}`,
    ]) {
      // Staff read every branch's stock, their own or not.
      for (const token of [w.staff, w.otherStaff, w.admin]) {
        expect([path, (await call(w.url, 'GET', path, { token })).status]).toEqual([path, 200]);
      }
    }
    const create = await call(w.url, 'POST', '/api/parts', {
      token: w.staff,
      body: { sku: freshSku(), name: 'Staff part', unitPriceCents: 100 },
    });
    expect(create.status).toBe(403);
    expect(
      (await call(w.url, 'PATCH', `/api/parts/${part.id}`, { token: w.staff, body: { unitPriceCents: 1 } })).status,
    ).toBe(403);

    const adjust = (token: string, branchId: string) =>
      call(w.url, 'POST', `/api/parts/${part.id}/adjust`, { token, body: { branchId, delta: 2, reason: 'Count' } });
    expect((await adjust(w.staff, DOWNTOWN)).status).toBe(200);
    expect((await adjust(w.staff, DOWNTOWN.toUpperCase())).status).toBe(200); // the same branch, spelt in capitals
    expect((await adjust(w.otherStaff, DOWNTOWN)).status).toBe(403);
    expect((await adjust(w.admin, DOWNTOWN)).status).toBe(200);

    // Transfer: staff of the source branch, whoever owns the destination.
    const transfer = (token: string, fromBranchId: string, toBranchId: string) =>
      call(w.url, 'POST', `/api/parts/${part.id}/transfer`, {
        token,
        body: { fromBranchId, toBranchId, quantity: 1, reason: 'Lend' },
      });
    expect((await transfer(w.staff, NORTHSIDE, DOWNTOWN)).status).toBe(403);
    expect((await transfer(w.otherStaff, NORTHSIDE, DOWNTOWN)).status).toBe(200);
    expect((await transfer(w.staff, DOWNTOWN, NORTHSIDE)).status).toBe(200);
    expect((await transfer(w.admin, NORTHSIDE, DOWNTOWN)).status).toBe(200);

    const stock = await call<{ items: Array<{ branchId: string; onHand: number }> }>(
      w.url,
      'GET',
      `/api/parts/${part.id}/stock`,
      { token: w.otherStaff },
    );
    expect(Object.fromEntries(stock.body.items.map((s) => [s.branchId, s.onHand]))).toEqual({
      [DOWNTOWN]: 6 + 1 - 1 + 1,
      [NORTHSIDE]: 5 - 1 + 1 - 1,
    });
  });
});

describe('the service checks the caller itself, not only the gateway', () => {
  const as = (role: Principal['role'], branchIds: string[] = []): Principal => ({
    kind: role === 'customer' ? 'customer' : 'user',
    id: randomUUID(),
    role,
    branchIds,
    sessionId: randomBytes(32).toString('hex'),
  });
  const send = (contract: MessageContract, principal: Principal | null, payload: unknown) =>
    nats.rpc.request(contract, { principal, payload: payload as never });

  it('refuses every HTTP message without a principal (401) or from a customer (403)', async () => {
    const part = await createPart(w);
    const messages: Array<[MessageContract, unknown]> = [
      [inventory.listParts, {}],
      [inventory.getPart, { id: part.id }],
      [inventory.createPart, { sku: freshSku(), name: 'N', unitPriceCents: 1 }],
      [inventory.updatePart, { id: part.id, unitPriceCents: 1 }],
      [inventory.adjustStock, { id: part.id, branchId: DOWNTOWN, delta: 1, reason: 'r' }],
      [
        inventory.transferStock,
        { id: part.id, fromBranchId: DOWNTOWN, toBranchId: NORTHSIDE, quantity: 1, reason: 'r' },
      ],
      [inventory.partMovements, { id: part.id }],
      [inventory.partStock, { id: part.id }],
    ];
    for (const [contract, payload] of messages) {
      await expect(send(contract, null, payload)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      await expect(send(contract, as('customer'), payload)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await send(inventory.getPart, as('staff'), { id: part.id })).toEqual(part);
  });

  it('lets staff change stock only at the branches in their own principal', async () => {
    const part = await createPart(w);
    const adjust = { id: part.id, branchId: DOWNTOWN, delta: 2, reason: 'Delivery', kind: 'receive' };
    await expect(send(inventory.adjustStock, as('staff', [NORTHSIDE]), adjust)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await send(inventory.adjustStock, as('staff', [NORTHSIDE, DOWNTOWN]), adjust)).toMatchObject({ onHand: 2 });
    const move = { id: part.id, fromBranchId: DOWNTOWN, toBranchId: NORTHSIDE, quantity: 1, reason: 'Lend' };
    await expect(send(inventory.transferStock, as('staff', [NORTHSIDE]), move)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      send(inventory.createPart, as('staff', [DOWNTOWN]), { sku: freshSku(), name: 'N', unitPriceCents: 1 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('POST /api/parts and PATCH /api/parts/:id', () => {
  it('creates a part (201) and records its first price for the catalog in the outbox', async () => {
    const sku = freshSku('OIL');
    const res = await call<Part>(w.url, 'POST', '/api/parts', {
      token: w.admin,
      body: { sku, name: 'Engine oil 5W-40, 1 l', unitPriceCents: 1_199 },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      sku,
      name: 'Engine oil 5W-40, 1 l',
      unitPriceCents: 1_199,
      reorderLevel: 0,
    });
    expect(await priceEvents(res.body.id)).toEqual([
      { partId: res.body.id, sku, unitPriceCents: 1_199, priceVersion: 1 },
    ]);
    const got = await call(w.url, 'GET', `/api/parts/${res.body.id}`, { token: w.staff });
    expect(got.body).toEqual(res.body);
  });

  it('refuses a duplicate SKU with 409, even when two admins race for it', async () => {
    const sku = freshSku();
    const body = { sku, name: 'Racing part', unitPriceCents: 500 };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => call(w.url, 'POST', '/api/parts', { token: w.admin, body })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(results.find((r) => r.status === 409)?.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    const count = await w.db.query('SELECT 1 FROM inventory.parts WHERE sku = $1', [sku]);
    expect(count.rowCount).toBe(1);
  });

  it('changes name, price and reorder level; only a new price bumps the version and tells the catalog', async () => {
    const part = await createPart(w, { unitPriceCents: 1_000 });
    const patch = (body: Record<string, unknown>) =>
      call<Part>(w.url, 'PATCH', `/api/parts/${part.id}`, { token: w.admin, body });
    expect((await patch({ name: 'Renamed part', reorderLevel: 7 })).body).toMatchObject({
      name: 'Renamed part',
      reorderLevel: 7,
      unitPriceCents: 1_000,
      sku: part.sku,
    });
    expect((await patch({ unitPriceCents: 1_000 })).status).toBe(200);
    expect((await patch({ unitPriceCents: 1_250 })).body.unitPriceCents).toBe(1_250);
    expect((await patch({ unitPriceCents: 1_300 })).status).toBe(200);
    expect((await priceEvents(part.id)).map((e) => [e.unitPriceCents, e.priceVersion])).toEqual([
      [1_000, 1],
      [1_250, 2],
      [1_300, 3],
    ]);
    const version = await w.db.query('SELECT price_version FROM inventory.parts WHERE id = $1', [part.id]);
    expect(Number(version.rows[0].price_version)).toBe(3);
  });

  it('PATCH: 404 for an unknown part, 400 for a garbage id, a SKU change or an unknown field', async () => {
    const part = await createPart(w);
    expect(
      (await call(w.url, 'PATCH', `/api/parts/${randomUUID()}`, { token: w.admin, body: { name: 'N' } })).status,
    ).toBe(404);
    expect((await call(w.url, 'GET', `/api/parts/${randomUUID()}`, { token: w.admin })).status).toBe(404);
    expect((await call(w.url, 'PATCH', '/api/parts/1', { token: w.admin, body: { name: 'N' } })).status).toBe(400);
    expect((await call(w.url, 'GET', '/api/parts/not-a-uuid', { token: w.admin })).status).toBe(400);
    for (const body of [{ sku: 'NEW-SKU' }, { priceVersion: 9 }, { unitPriceCents: -5 }, { name: '' }]) {
      const res = await call(w.url, 'PATCH', `/api/parts/${part.id}`, { token: w.admin, body });
      expect([body, res.status]).toEqual([body, 400]);
    }
    const now = await call<Part>(w.url, 'GET', `/api/parts/${part.id}`, { token: w.admin });
    expect(now.body).toEqual(part);
  });

  it.each([
    ['a negative price', { unitPriceCents: -1 }],
    ['10^12 cents', { unitPriceCents: 1e12 }],
    ['fractional cents', { unitPriceCents: 10.5 }],
    ['a price as a string', { unitPriceCents: '100' }],
    ['a lower-case SKU', { sku: 'oil-5w30' }],
    ['a SKU with a space', { sku: 'OIL 5W30' }],
    ['a SKU of 41 characters', { sku: 'A'.repeat(41) }],
    ['a SKU starting with a dash', { sku: '-OIL' }],
    ['an SQL-ish SKU', { sku: "X'; DROP TABLE inventory.parts; --" }],
    ['an empty name', { name: '   ' }],
    ['a name of 121 characters', { name: 'n'.repeat(121) }],
    ['a NUL byte in the name', { name: 'Oil\u0000filter' }],
    ['a negative reorder level', { reorderLevel: -1 }],
    ['an unknown field', { owner: 'me' }],
  ])('POST answers 400 for %s, and stores nothing', async (label, bad) => {
    const body = { sku: freshSku('BAD'), name: 'Hostile part', unitPriceCents: 100, ...bad };
    const res = await call(w.url, 'POST', '/api/parts', { token: w.admin, body });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
    // Postgres itself refuses a NUL byte (400, no field named); the schema names the field for the rest.
    if (!label.includes('NUL')) expect(Array.isArray(res.body.details)).toBe(true);
    const stored = await w.db.query("SELECT 1 FROM inventory.parts WHERE name LIKE 'Hostile part%' OR sku = $1", [
      String(body.sku),
    ]);
    expect(stored.rowCount).toBe(0);
  });

  it('answers a 300 KB body with 413 and malformed JSON with 400, in the API error shape', async () => {
    const big = await call(w.url, 'POST', '/api/parts', {
      token: w.admin,
      body: { sku: freshSku(), name: 'Big', unitPriceCents: 1, padding: 'x'.repeat(300 * 1024) },
    });
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ statusCode: 413, message: expect.any(String) });
    const malformed = await call(w.url, 'POST', '/api/parts', { token: w.admin, raw: '{"sku": "ABC", ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });
});

describe('inventory.parts.prices (NATS, for the catalog)', () => {
  it('answers the named SKUs with their price version, leaving unknown ones out', async () => {
    const a = await createPart(w, { unitPriceCents: 700 });
    const b = await createPart(w, { unitPriceCents: 900 });
    await call(w.url, 'PATCH', `/api/parts/${b.id}`, { token: w.admin, body: { unitPriceCents: 950 } });
    const res = await nats.rpc.request(inventory.partPrices, {
      principal: null,
      payload: { skus: [b.sku, 'NO-SUCH-SKU', a.sku, a.sku] },
    });
    expect(res.nextAfterSku).toBeNull();
    expect(res.items).toEqual(
      [
        { partId: a.id, sku: a.sku, unitPriceCents: 700, priceVersion: 1 },
        { partId: b.id, sku: b.sku, unitPriceCents: 950, priceVersion: 2 },
      ].sort((x, y) => (x.sku < y.sku ? -1 : 1)),
    );
  });

  it('pages through every price in SKU order without gaps or repeats', async () => {
    const seenSkus: string[] = [];
    let afterSku: string | undefined;
    for (let page = 0; page < 100; page++) {
      const res = await nats.rpc.request(inventory.partPrices, { principal: null, payload: { afterSku, limit: 7 } });
      seenSkus.push(...res.items.map((i) => i.sku));
      if (!res.nextAfterSku) break;
      expect(res.items).toHaveLength(7);
      afterSku = res.nextAfterSku;
    }
    const all = await w.db.query<{ sku: string }>('SELECT sku FROM inventory.parts ORDER BY sku');
    expect(seenSkus).toEqual(all.rows.map((r) => r.sku));
    expect(new Set(seenSkus).size).toBe(seenSkus.length);
  });

  it('refuses bad requests with VALIDATION_FAILED', async () => {
    for (const payload of [{ skus: ['lower'] }, { skus: [] }, { skus: ['A'], afterSku: 'A' }, { limit: 0 }, { x: 1 }]) {
      await expect(nats.rpc.request(inventory.partPrices, { principal: null, payload })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    }
    await expect(
      nats.rpc.request(inventory.partPrices, { principal: null, payload: { skus: ['lower'] } }),
    ).rejects.toBeInstanceOf(DomainError);
  });
});
