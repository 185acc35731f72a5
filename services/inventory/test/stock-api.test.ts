import { randomUUID } from 'node:crypto';
import { inventory, type Principal, type StockLevel } from '@garage/shared';
import { call, expectNoLeaks, ok } from '../../../test/support/service-tier.js';
import {
  DOWNTOWN,
  HARBOR,
  NORTHSIDE,
  createPart,
  freshSku,
  ledgerMismatches,
  receive,
  startInventoryAlone,
  stockRow,
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

const adjust = (id: string, body: Record<string, unknown>, who: Principal = w.admin) =>
  call(w, inventory.adjustStock, who, { reason: 'Count', ...body, id });
const transfer = (id: string, body: Record<string, unknown>, who: Principal = w.admin) =>
  call(w, inventory.transferStock, who, { reason: 'Lend', ...body, id });
/** GET /api/parts as the gateway passes its query on: every value a string. */
const listParts = (who: Principal, query: Record<string, string>) => call(w, inventory.listParts, who, query);

describe('inventory.stock.adjust (POST /api/parts/:id/adjust)', () => {
  it('receives a delivery, then counts some away, answering the stock level after each', async () => {
    const part = await createPart(w, { reorderLevel: 4 });
    const received = await adjust(part.id, { branchId: DOWNTOWN, delta: 10, kind: 'receive', reason: 'Delivery 77' });
    expect(received.status).toBe(200);
    expect(received.body).toEqual({
      id: part.id,
      sku: part.sku,
      name: part.name,
      unitPriceCents: part.unitPriceCents,
      branchId: DOWNTOWN,
      onHand: 10,
      reserved: 0,
      available: 10,
      reorderLevel: 4,
      lowStock: false,
    });
    const counted = await adjust(part.id, { branchId: DOWNTOWN, delta: -6, reason: 'Damaged in storage' }, w.staff);
    expect(counted.body).toMatchObject({ onHand: 4, available: 4, lowStock: true });
    expect(await stockRow(w, part.id, DOWNTOWN)).toEqual({ on_hand: 4, reserved: 0 });
  });

  it('never goes below zero (409) and changes nothing when refused', async () => {
    const part = await createPart(w);
    await receive(w, part.id, DOWNTOWN, 3);
    const res = await adjust(part.id, { branchId: DOWNTOWN, delta: -4 });
    expect([res.status, res.code]).toEqual([409, 'CONFLICT']);
    expect(res.message).toMatch(/3 available/);
    // A branch without a row has nothing to take either.
    expect((await adjust(part.id, { branchId: NORTHSIDE, delta: -1 })).status).toBe(409);
    expect(await stockRow(w, part.id, DOWNTOWN)).toEqual({ on_hand: 3, reserved: 0 });
    expect(await stockRow(w, part.id, NORTHSIDE)).toBeNull();
    const ledger = await w.db.query('SELECT kind, delta FROM inventory.stock_movements WHERE part_id = $1', [part.id]);
    expect(ledger.rows).toEqual([{ kind: 'receive', delta: 3 }]);
  });

  it.each([
    ['delta 0', { delta: 0 }],
    ['a receive with a negative delta', { delta: -2, kind: 'receive' }],
    ['a fractional delta', { delta: 1.5 }],
    ['a delta of 10^12', { delta: 1e12 }],
    ['a delta as a string', { delta: '5' }],
    ['an unknown kind', { delta: 1, kind: 'consume' }],
    ['no reason', { delta: 1, reason: '' }],
    ['a reason of 301 characters', { delta: 1, reason: 'r'.repeat(301) }],
    ['a garbage branch id', { delta: 1, branchId: 'downtown' }],
    ['no branch', { delta: 1, branchId: undefined }],
    ['an unknown field', { delta: 1, onHand: 99 }],
  ])('answers 400 for %s and changes nothing', async (_label, bad) => {
    const part = await createPart(w);
    await receive(w, part.id, DOWNTOWN, 5);
    const res = await adjust(part.id, { branchId: DOWNTOWN, ...bad });
    expect([res.status, res.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await stockRow(w, part.id, DOWNTOWN)).toEqual({ on_hand: 5, reserved: 0 });
  });

  it('answers 404 for an unknown part or branch, 400 for a garbage part id, and creates no row', async () => {
    const part = await createPart(w);
    expect((await adjust(randomUUID(), { branchId: DOWNTOWN, delta: 1 })).status).toBe(404);
    expect((await adjust('12', { branchId: DOWNTOWN, delta: 1 })).status).toBe(400);
    const nowhere = randomUUID();
    const res = await adjust(part.id, { branchId: nowhere, delta: 5, kind: 'receive' });
    expect(res.status).toBe(404);
    expect(res.message).toBe('No such branch');
    const rows = await w.db.query('SELECT 1 FROM inventory.stock WHERE branch_id = $1', [nowhere]);
    expect(rows.rowCount).toBe(0);
  });

  it('accepts a branch the catalog has just opened', async () => {
    const branchId = w.fakes.openBranch();
    const part = await createPart(w);
    const res = await adjust(part.id, { branchId, delta: 8, kind: 'receive' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ branchId, onHand: 8 });
  });
});

describe('inventory.stock.transfer (POST /api/parts/:id/transfer)', () => {
  it('moves stock between branches in one go, with a ledger row on each side', async () => {
    const part = await createPart(w);
    await receive(w, part.id, DOWNTOWN, 10);
    const res = await transfer(part.id, {
      fromBranchId: DOWNTOWN,
      toBranchId: HARBOR,
      quantity: 4,
      reason: 'Harbor ran out',
    });
    expect(res.status).toBe(200);
    expect(res.body.from).toMatchObject({ branchId: DOWNTOWN, onHand: 6, available: 6 });
    expect(res.body.to).toMatchObject({ branchId: HARBOR, onHand: 4, available: 4 });
    const ledger = await w.db.query(
      `SELECT branch_id, kind, delta, reason, actor_kind FROM inventory.stock_movements
       WHERE part_id = $1 AND kind LIKE 'transfer%' ORDER BY kind`,
      [part.id],
    );
    expect(ledger.rows).toEqual([
      { branch_id: HARBOR, kind: 'transfer-in', delta: 4, reason: 'Harbor ran out', actor_kind: 'user' },
      { branch_id: DOWNTOWN, kind: 'transfer-out', delta: -4, reason: 'Harbor ran out', actor_kind: 'user' },
    ]);
  });

  it('never moves more than is available at the source (409), and changes neither side', async () => {
    const part = await createPart(w);
    await receive(w, part.id, DOWNTOWN, 3);
    await receive(w, part.id, NORTHSIDE, 1);
    const res = await transfer(part.id, { fromBranchId: DOWNTOWN, toBranchId: NORTHSIDE, quantity: 4 });
    expect(res.status).toBe(409);
    expect(res.message).toMatch(/3 available/);
    // Source after destination in lock order: the destination's increment is rolled back too.
    const back = await transfer(part.id, { fromBranchId: NORTHSIDE, toBranchId: DOWNTOWN, quantity: 2 });
    expect(back.status).toBe(409);
    expect(await stockRow(w, part.id, DOWNTOWN)).toEqual({ on_hand: 3, reserved: 0 });
    expect(await stockRow(w, part.id, NORTHSIDE)).toEqual({ on_hand: 1, reserved: 0 });
  });

  it('refuses the same branch, a zero or negative quantity, unknown parts and branches', async () => {
    const part = await createPart(w);
    await receive(w, part.id, DOWNTOWN, 5);
    const cases: Array<[Record<string, unknown>, number]> = [
      [{ fromBranchId: DOWNTOWN, toBranchId: DOWNTOWN, quantity: 1 }, 400],
      [{ fromBranchId: DOWNTOWN, toBranchId: DOWNTOWN.toUpperCase(), quantity: 1 }, 400],
      [{ fromBranchId: DOWNTOWN, toBranchId: NORTHSIDE, quantity: 0 }, 400],
      [{ fromBranchId: DOWNTOWN, toBranchId: NORTHSIDE, quantity: -3 }, 400],
      [{ fromBranchId: DOWNTOWN, toBranchId: NORTHSIDE, quantity: 1, reason: ' ' }, 400],
      [{ fromBranchId: DOWNTOWN, toBranchId: 'harbor', quantity: 1 }, 400],
      [{ fromBranchId: DOWNTOWN, toBranchId: randomUUID(), quantity: 1 }, 404],
    ];
    for (const [body, status] of cases) {
      const res = await transfer(part.id, body);
      expect([body, res.status]).toEqual([body, status]);
    }
    expect((await transfer(randomUUID(), { fromBranchId: DOWNTOWN, toBranchId: NORTHSIDE, quantity: 1 })).status).toBe(
      404,
    );
    expect(await stockRow(w, part.id, DOWNTOWN)).toEqual({ on_hand: 5, reserved: 0 });
    expect(await stockRow(w, part.id, NORTHSIDE)).toBeNull();
  });
});

describe('inventory.parts.list (GET /api/parts)', () => {
  it('lists every part at one branch with 0s where it has no stock, by SKU', async () => {
    const prefix = freshSku('LST');
    const parts = [];
    for (const suffix of ['C', 'A', 'B'])
      parts.push(await createPart(w, { sku: `${prefix}-${suffix}`, reorderLevel: 3 }));
    await receive(w, parts[1].id, HARBOR, 9);
    const res = await listParts(w.otherStaff, { branchId: HARBOR, q: prefix });
    expect(res.status).toBe(200);
    expect(res.body.items.map((s) => [s.sku, s.branchId, s.onHand, s.lowStock])).toEqual([
      [`${prefix}-A`, HARBOR, 9, false],
      [`${prefix}-B`, HARBOR, 0, true],
      [`${prefix}-C`, HARBOR, 0, true],
    ]);
    const low = await listParts(w.admin, { branchId: HARBOR, q: prefix, lowStock: 'true' });
    expect(low.body.items.map((s) => s.sku)).toEqual([`${prefix}-B`, `${prefix}-C`]);
  });

  it('defaults to the staff member’s own branches, and to every stocked branch for admins', async () => {
    const demo = 'OIL-5W30-1L';
    const staff = await listParts(w.staff, { q: demo });
    expect(staff.body.items.map((s) => s.branchId)).toEqual([DOWNTOWN]);
    const admin = await listParts(w.admin, { q: demo, limit: '100' });
    const branches = admin.body.items.map((s) => s.branchId);
    expect(branches).toEqual([...branches].sort());
    expect(branches).toEqual(expect.arrayContaining([DOWNTOWN, NORTHSIDE, HARBOR]));
    const stocked = await w.db.query('SELECT DISTINCT branch_id FROM inventory.stock');
    expect(branches).toHaveLength(stocked.rowCount ?? 0);
  });

  it('finds by SKU prefix or name substring, case-insensitively, with LIKE wildcards taken literally', async () => {
    const sku = freshSku('FND');
    await createPart(w, { sku, name: 'Glow plug 100% ceramic' });
    const find = async (q: string) =>
      (await ok(w, inventory.listParts, w.admin, { branchId: DOWNTOWN, limit: '100', q })).items.map((s) => s.sku);
    expect(await find(sku.toLowerCase())).toEqual([sku]);
    expect(await find(sku.slice(0, 8))).toContain(sku);
    expect(await find('GLOW PLUG')).toEqual([sku]);
    expect(await find('100% cer')).toEqual([sku]);
    expect(await find(sku.slice(2))).toEqual([]); // the SKU matches by prefix only
    expect(await find('%')).toEqual([sku]);
    expect(await find('_')).toEqual([]);
  });

  it('pages with an opaque cursor in (SKU, branch) order, without gaps or repeats', async () => {
    const prefix = freshSku('PG');
    for (const suffix of ['1', '2', '3']) {
      const p = await createPart(w, { sku: `${prefix}-${suffix}` });
      await receive(w, p.id, HARBOR, 1);
      await receive(w, p.id, DOWNTOWN, 1);
    }
    const all: Array<[string, string]> = [];
    let cursor: string | null = null;
    do {
      const page: { items: StockLevel[]; nextCursor: string | null } = await ok(w, inventory.listParts, w.admin, {
        q: prefix,
        limit: '2',
        ...(cursor ? { cursor } : {}),
      });
      all.push(...page.items.map((s): [string, string] => [s.sku, s.branchId]));
      cursor = page.nextCursor;
    } while (cursor);
    const stocked = (
      await w.db.query<{ branch_id: string }>('SELECT DISTINCT branch_id FROM inventory.stock ORDER BY 1')
    ).rows;
    const expected = ['1', '2', '3'].flatMap((s) =>
      stocked.map((b): [string, string] => [`${prefix}-${s}`, b.branch_id]),
    );
    expect(all).toEqual(expected);
  });

  it('rejects bad paging and filters with 400', async () => {
    const bads: Array<Record<string, string>> = [
      { limit: '0' },
      { limit: '101' },
      { cursor: 'garbage!' },
      { cursor: 'Z2FyYmFnZQ' },
      { branchId: '1' },
      { lowStock: 'yes' },
      { q: '' },
      { q: 'x'.repeat(101) },
      { sort: 'sku' },
    ];
    for (const query of bads) {
      const res = await listParts(w.admin, query);
      expect([query, res.status]).toEqual([query, 400]);
    }
  });
});

describe('inventory.stock.by-part and .movements (GET /api/parts/:id/stock and /movements)', () => {
  it('shows the part at every branch that has a row', async () => {
    const part = await createPart(w);
    await receive(w, part.id, NORTHSIDE, 2);
    await receive(w, part.id, DOWNTOWN, 7);
    const res = await ok(w, inventory.partStock, w.staff, { id: part.id });
    expect(res.part).toEqual(part);
    expect(res.items.map((s) => [s.branchId, s.onHand])).toEqual(
      [
        [DOWNTOWN, 7],
        [NORTHSIDE, 2],
      ].sort(),
    );
    expect((await call(w, inventory.partStock, w.admin, { id: randomUUID() })).status).toBe(404);
  });

  it('lists the ledger newest first, with who and why, paged and per branch', async () => {
    const part = await createPart(w);
    await receive(w, part.id, DOWNTOWN, 5);
    await adjust(part.id, { branchId: DOWNTOWN, delta: -1, reason: 'Broken seal' }, w.staff);
    await transfer(part.id, { fromBranchId: DOWNTOWN, toBranchId: NORTHSIDE, quantity: 2, reason: 'Lend' });
    const movements = (who: Principal, query: Record<string, string>) =>
      call(w, inventory.partMovements, who, { ...query, id: part.id });
    const first = await movements(w.otherStaff, { limit: '2' });
    expect(first.body.items.map((m) => m.kind).sort()).toEqual(['transfer-in', 'transfer-out']);
    const rest = await movements(w.otherStaff, { limit: '2', cursor: first.body.nextCursor! });
    expect(rest.body.items.map((m) => [m.kind, m.delta, m.reason])).toEqual([
      ['adjust', -1, 'Broken seal'],
      ['receive', 5, 'Delivery'],
    ]);
    expect(rest.body.nextCursor).toBeNull();
    expect(rest.body.items[0]).toMatchObject({
      partId: part.id,
      branchId: DOWNTOWN,
      reservedDelta: 0,
      bookingId: null,
      actor: { kind: 'user', id: w.staff.id },
    });
    expect(new Date(rest.body.items[0].at).toISOString()).toBe(rest.body.items[0].at);
    const northside = await movements(w.admin, { branchId: NORTHSIDE });
    expect(northside.body.items.map((m) => [m.kind, m.delta])).toEqual([['transfer-in', 2]]);
    expect((await call(w, inventory.partMovements, w.admin, { id: randomUUID() })).status).toBe(404);
    expect((await movements(w.admin, { cursor: 'eyJxIjoiYSJ9' })).status).toBe(400);
  });
});

describe('when the catalog is down', () => {
  it('a branch inventory has never seen answers 503 at once; known branches keep working', async () => {
    const part = await createPart(w);
    w.fakes.stop();
    try {
      const started = Date.now();
      const unseen = await adjust(part.id, { branchId: randomUUID(), delta: 1, kind: 'receive' });
      expect([unseen.status, unseen.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
      expect(Date.now() - started).toBeLessThan(3000);
      expect((await adjust(part.id, { branchId: DOWNTOWN, delta: 1, kind: 'receive' })).status).toBe(200);
    } finally {
      w.fakes.start();
    }
  });
});

describe('after everything above', () => {
  it('every stock row still equals the sum of its ledger rows', async () => {
    expect(await ledgerMismatches(w)).toEqual([]);
  });
});
