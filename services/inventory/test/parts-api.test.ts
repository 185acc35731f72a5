import { randomUUID } from 'node:crypto';
import { inventory, type MessageContract, type Principal } from '@garage/shared';
import { call, expectNoLeaks, ok, principal as as } from '../../../test/support/service-tier.js';
import {
  DOWNTOWN,
  NORTHSIDE,
  createPart,
  freshSku,
  receive,
  startInventoryAlone,
  type InventoryWorld,
} from './inventory-kit.js';

let w: InventoryWorld;

beforeAll(async () => {
  w = await startInventoryAlone();
});

afterAll(async () => {
  await w?.close();
});

// No answer in this file carried a stack trace or SQL.
expectNoLeaks(() => w);

const priceEvents = async (partId: string) =>
  (
    await w.db.query<{ data: { partId: string; sku: string; unitPriceCents: number; priceVersion: number } }>(
      `SELECT data FROM inventory.outbox WHERE type = 'part.price_changed' AND data->>'partId' = $1
       ORDER BY (data->>'priceVersion')::int`,
      [partId],
    )
  ).rows.map((r) => r.data);

describe('who may do what (the service checks the caller itself, not only the gateway)', () => {
  it('refuses every message of the parts API without a principal (401) or from a customer (403), and changes nothing', async () => {
    const part = await createPart(w);
    const messages: Array<[MessageContract, unknown]> = [
      [inventory.listParts, {}],
      [inventory.getPart, { id: part.id }],
      [inventory.createPart, { sku: freshSku(), name: 'N', unitPriceCents: 1 }],
      [inventory.updatePart, { id: part.id, unitPriceCents: 1 }],
      [inventory.adjustStock, { id: part.id, branchId: DOWNTOWN, delta: 5, reason: 'r' }],
      [
        inventory.transferStock,
        { id: part.id, fromBranchId: DOWNTOWN, toBranchId: NORTHSIDE, quantity: 1, reason: 'r' },
      ],
      [inventory.partMovements, { id: part.id }],
      [inventory.partStock, { id: part.id }],
    ];
    for (const [contract, payload] of messages) {
      const anonymous = await call(w, contract, null, payload);
      expect([contract.pattern, anonymous.status, anonymous.code]).toEqual([contract.pattern, 401, 'UNAUTHENTICATED']);
      const customer = await call(w, contract, w.customer, payload);
      expect([contract.pattern, customer.status, customer.code]).toEqual([contract.pattern, 403, 'FORBIDDEN']);
    }
    expect(await ok(w, inventory.getPart, as('staff'), { id: part.id })).toEqual(part);
    const rows = await w.db.query('SELECT 1 FROM inventory.stock WHERE part_id = $1', [part.id]);
    expect(rows.rowCount).toBe(0);
  });

  it('lets staff read everything, change stock only at their own branch, and never edit parts', async () => {
    const part = await createPart(w);
    await receive(w, part.id, NORTHSIDE, 5);
    const reads: Array<[MessageContract, Record<string, string>]> = [
      [inventory.listParts, {}],
      [inventory.listParts, { branchId: NORTHSIDE }],
      [inventory.listParts, { branchId: DOWNTOWN, lowStock: 'true' }],
      [inventory.getPart, { id: part.id }],
      [inventory.partStock, { id: part.id }],
      [inventory.partMovements, { id: part.id, branchId: NORTHSIDE }],
    ];
    for (const [contract, payload] of reads) {
      // Staff read every branch's stock, their own or not.
      for (const who of [w.staff, w.otherStaff, w.admin]) {
        const res = await call(w, contract, who, payload);
        expect([contract.pattern, payload, res.status]).toEqual([contract.pattern, payload, 200]);
      }
    }
    const create = await call(w, inventory.createPart, w.staff, {
      sku: freshSku(),
      name: 'Staff part',
      unitPriceCents: 100,
    });
    expect(create.status).toBe(403);
    expect((await call(w, inventory.updatePart, w.staff, { id: part.id, unitPriceCents: 1 })).status).toBe(403);

    const adjust = (who: Principal, branchId: string) =>
      call(w, inventory.adjustStock, who, { id: part.id, branchId, delta: 2, reason: 'Count' });
    expect((await adjust(w.staff, DOWNTOWN)).status).toBe(200);
    expect((await adjust(w.staff, DOWNTOWN.toUpperCase())).status).toBe(200); // the same branch, spelt in capitals
    expect((await adjust(w.otherStaff, DOWNTOWN)).status).toBe(403);
    expect((await adjust(w.admin, DOWNTOWN)).status).toBe(200);

    // Transfer: staff of the source branch, whoever owns the destination.
    const transfer = (who: Principal, fromBranchId: string, toBranchId: string) =>
      call(w, inventory.transferStock, who, { id: part.id, fromBranchId, toBranchId, quantity: 1, reason: 'Lend' });
    expect((await transfer(w.staff, NORTHSIDE, DOWNTOWN)).status).toBe(403);
    expect((await transfer(w.otherStaff, NORTHSIDE, DOWNTOWN)).status).toBe(200);
    expect((await transfer(w.staff, DOWNTOWN, NORTHSIDE)).status).toBe(200);
    expect((await transfer(w.admin, NORTHSIDE, DOWNTOWN)).status).toBe(200);

    const stock = await ok(w, inventory.partStock, w.otherStaff, { id: part.id });
    expect(Object.fromEntries(stock.items.map((s) => [s.branchId, s.onHand]))).toEqual({
      [DOWNTOWN]: 6 + 1 - 1 + 1,
      [NORTHSIDE]: 5 - 1 + 1 - 1,
    });
  });

  it('lets staff change stock only at the branches in their own principal', async () => {
    const part = await createPart(w);
    const adjust = { id: part.id, branchId: DOWNTOWN, delta: 2, reason: 'Delivery', kind: 'receive' };
    expect((await call(w, inventory.adjustStock, as('staff', [NORTHSIDE]), adjust)).code).toBe('FORBIDDEN');
    expect(await ok(w, inventory.adjustStock, as('staff', [NORTHSIDE, DOWNTOWN]), adjust)).toMatchObject({
      onHand: 2,
    });
    const move = { id: part.id, fromBranchId: DOWNTOWN, toBranchId: NORTHSIDE, quantity: 1, reason: 'Lend' };
    expect((await call(w, inventory.transferStock, as('staff', [NORTHSIDE]), move)).code).toBe('FORBIDDEN');
    const made = await call(w, inventory.createPart, as('staff', [DOWNTOWN]), {
      sku: freshSku(),
      name: 'N',
      unitPriceCents: 1,
    });
    expect(made.code).toBe('FORBIDDEN');
  });
});

describe('inventory.parts.create and .update (POST /api/parts, PATCH /api/parts/:id)', () => {
  it('creates a part (201) and records its first price for the catalog in the outbox', async () => {
    const sku = freshSku('OIL');
    const res = await call(w, inventory.createPart, w.admin, {
      sku,
      name: 'Engine oil 5W-40, 1 l',
      unitPriceCents: 1_199,
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
    expect(await ok(w, inventory.getPart, w.staff, { id: res.body.id })).toEqual(res.body);
  });

  it('refuses a duplicate SKU with 409, even when two admins race for it', async () => {
    const sku = freshSku();
    const body = { sku, name: 'Racing part', unitPriceCents: 500 };
    const results = await Promise.all(Array.from({ length: 5 }, () => call(w, inventory.createPart, w.admin, body)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(results.find((r) => r.status === 409)?.code).toBe('CONFLICT');
    const count = await w.db.query('SELECT 1 FROM inventory.parts WHERE sku = $1', [sku]);
    expect(count.rowCount).toBe(1);
  });

  it('changes name, price and reorder level; only a new price bumps the version and tells the catalog', async () => {
    const part = await createPart(w, { unitPriceCents: 1_000 });
    const patch = (body: Record<string, unknown>) => call(w, inventory.updatePart, w.admin, { ...body, id: part.id });
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

  it('update: 404 for an unknown part, 400 for a garbage id, a SKU change or an unknown field', async () => {
    const part = await createPart(w);
    expect((await call(w, inventory.updatePart, w.admin, { id: randomUUID(), name: 'N' })).status).toBe(404);
    expect((await call(w, inventory.getPart, w.admin, { id: randomUUID() })).status).toBe(404);
    expect((await call(w, inventory.updatePart, w.admin, { id: '1', name: 'N' })).status).toBe(400);
    expect((await call(w, inventory.getPart, w.admin, { id: 'not-a-uuid' })).status).toBe(400);
    for (const body of [{ sku: 'NEW-SKU' }, { priceVersion: 9 }, { unitPriceCents: -5 }, { name: '' }]) {
      const res = await call(w, inventory.updatePart, w.admin, { ...body, id: part.id });
      expect([body, res.status]).toEqual([body, 400]);
    }
    expect(await ok(w, inventory.getPart, w.admin, { id: part.id })).toEqual(part);
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
  ])('create answers 400 for %s, and stores nothing', async (label, bad) => {
    const body = { sku: freshSku('BAD'), name: 'Hostile part', unitPriceCents: 100, ...bad };
    const res = await call(w, inventory.createPart, w.admin, body);
    expect([res.status, res.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(res.message).toEqual(expect.any(String));
    // Postgres itself refuses a NUL byte (400, no field named); the schema names the field for the rest.
    if (!label.includes('NUL')) expect(Array.isArray(res.details)).toBe(true);
    const stored = await w.db.query("SELECT 1 FROM inventory.parts WHERE name LIKE 'Hostile part%' OR sku = $1", [
      String(body.sku),
    ]);
    expect(stored.rowCount).toBe(0);
  });
});

describe('inventory.parts.prices (for the catalog)', () => {
  const prices = (payload: unknown) => call(w, inventory.partPrices, null, payload);

  it('answers the named SKUs with their price version, leaving unknown ones out', async () => {
    const a = await createPart(w, { unitPriceCents: 700 });
    const b = await createPart(w, { unitPriceCents: 900 });
    await ok(w, inventory.updatePart, w.admin, { id: b.id, unitPriceCents: 950 });
    const res = await ok(w, inventory.partPrices, null, { skus: [b.sku, 'NO-SUCH-SKU', a.sku, a.sku] });
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
      const res = await ok(w, inventory.partPrices, null, { afterSku, limit: 7 });
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
      expect([payload, (await prices(payload)).code]).toEqual([payload, 'VALIDATION_FAILED']);
    }
  });
});
