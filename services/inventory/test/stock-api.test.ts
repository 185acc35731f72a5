import { randomUUID } from 'node:crypto';
import type { StockLevel, StockMovement } from '@garage/shared';
import { LEAK, http } from '../../../test/support/http.js';
import { startCatalog } from '../../../test/support/system.js';
import {
  DOWNTOWN,
  HARBOR,
  NORTHSIDE,
  createPart,
  freshSku,
  ledgerMismatches,
  receive,
  startWorld,
  stockRow,
  type InventoryWorld,
} from './inventory-kit.js';

let w: InventoryWorld;
const seen: string[] = [];

const call = async <T = Record<string, unknown>>(...args: Parameters<typeof http>) => {
  const res = await http<T>(...args);
  seen.push(res.text);
  return res;
};
type Page<T> = { items: T[]; nextCursor: string | null };
/** A success body, or the error body when the test expects one. */
type Answer<T> = T & { message?: string };

beforeAll(async () => {
  w = await startWorld();
});

afterAll(async () => {
  await w?.close();
});

afterAll(() => {
  for (const text of seen) expect(text).not.toMatch(LEAK);
});

const adjust = (partId: string, body: Record<string, unknown>, token = w.admin) =>
  call<Answer<StockLevel>>(w.url, 'POST', `/api/parts/${partId}/adjust`, { token, body: { reason: 'Count', ...body } });
const transfer = (partId: string, body: Record<string, unknown>, token = w.admin) =>
  call<Answer<{ from: StockLevel; to: StockLevel }>>(w.url, 'POST', `/api/parts/${partId}/transfer`, {
    token,
    body: { reason: 'Lend', ...body },
  });

describe('POST /api/parts/:id/adjust', () => {
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
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
      message: expect.stringMatching(/3 available/),
    });
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
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', requestId: expect.any(String) });
    expect(await stockRow(w, part.id, DOWNTOWN)).toEqual({ on_hand: 5, reserved: 0 });
  });

  it('answers 404 for an unknown part or branch, 400 for a garbage part id, and creates no row', async () => {
    const part = await createPart(w);
    expect((await adjust(randomUUID(), { branchId: DOWNTOWN, delta: 1 })).status).toBe(404);
    expect((await adjust('12', { branchId: DOWNTOWN, delta: 1 })).status).toBe(400);
    const nowhere = randomUUID();
    const res = await adjust(part.id, { branchId: nowhere, delta: 5, kind: 'receive' });
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('No such branch');
    const rows = await w.db.query('SELECT 1 FROM inventory.stock WHERE branch_id = $1', [nowhere]);
    expect(rows.rowCount).toBe(0);
  });

  it('accepts a branch the catalog has just opened', async () => {
    const branch = await call<{ id: string }>(w.url, 'POST', '/api/branches', {
      token: w.admin,
      body: {
        name: `Inventory branch ${randomUUID().slice(0, 8)}`,
        address: '5 Depot Lane, Springfield, IL 62702',
        timezone: 'America/Chicago',
        openingHours: {
          monday: { open: '08:00', close: '17:00' },
          tuesday: { open: '08:00', close: '17:00' },
          wednesday: { open: '08:00', close: '17:00' },
          thursday: { open: '08:00', close: '17:00' },
          friday: { open: '08:00', close: '17:00' },
          saturday: null,
          sunday: null,
        },
        bays: 2,
        laborRateCents: 10_000,
        taxRatePercent: 7,
      },
    });
    expect(branch.status).toBe(201);
    const part = await createPart(w);
    const res = await adjust(part.id, { branchId: branch.body.id, delta: 8, kind: 'receive' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ branchId: branch.body.id, onHand: 8 });
  });
});

describe('POST /api/parts/:id/transfer', () => {
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
    expect(res.body.message).toMatch(/3 available/);
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

describe('GET /api/parts', () => {
  it('lists every part at one branch with 0s where it has no stock, by SKU', async () => {
    const prefix = freshSku('LST');
    const parts = [];
    for (const suffix of ['C', 'A', 'B'])
      parts.push(await createPart(w, { sku: `${prefix}-${suffix}`, reorderLevel: 3 }));
    await receive(w, parts[1].id, HARBOR, 9);
    const res = await call<Page<StockLevel>>(w.url, 'GET', `/api/parts?branchId=${HARBOR}&q=${prefix}`, {
      token: w.otherStaff,
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((s) => [s.sku, s.branchId, s.onHand, s.lowStock])).toEqual([
      [`${prefix}-A`, HARBOR, 9, false],
      [`${prefix}-B`, HARBOR, 0, true],
      [`${prefix}-C`, HARBOR, 0, true],
    ]);
    const low = await call<Page<StockLevel>>(w.url, 'GET', `/api/parts?branchId=${HARBOR}&q=${prefix}&lowStock=true`, {
      token: w.admin,
    });
    expect(low.body.items.map((s) => s.sku)).toEqual([`${prefix}-B`, `${prefix}-C`]);
  });

  it('defaults to the staff member’s own branches, and to every stocked branch for admins', async () => {
    const demo = 'OIL-5W30-1L';
    const staff = await call<Page<StockLevel>>(w.url, 'GET', `/api/parts?q=${demo}`, { token: w.staff });
    expect(staff.body.items.map((s) => s.branchId)).toEqual([DOWNTOWN]);
    const admin = await call<Page<StockLevel>>(w.url, 'GET', `/api/parts?q=${demo}&limit=100`, { token: w.admin });
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
      (
        await call<Page<StockLevel>>(
          w.url,
          'GET',
          `/api/parts?branchId=${DOWNTOWN}&limit=100&q=${encodeURIComponent(q)}`,
          {
            token: w.admin,
          },
        )
      ).body.items.map((s) => s.sku);
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
      const res: { body: Page<StockLevel> } = await call<Page<StockLevel>>(
        w.url,
        'GET',
        `/api/parts?q=${prefix}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { token: w.admin },
      );
      all.push(...res.body.items.map((s): [string, string] => [s.sku, s.branchId]));
      cursor = res.body.nextCursor;
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
    for (const query of [
      'limit=0',
      'limit=101',
      'cursor=garbage!',
      'cursor=Z2FyYmFnZQ',
      'branchId=1',
      'lowStock=yes',
      'q=',
      `q=${'x'.repeat(101)}`,
      'sort=sku',
    ]) {
      const res = await call(w.url, 'GET', `/api/parts?${query}`, { token: w.admin });
      expect([query, res.status]).toEqual([query, 400]);
    }
  });
});

describe('GET /api/parts/:id/stock and /movements', () => {
  it('shows the part at every branch that has a row', async () => {
    const part = await createPart(w);
    await receive(w, part.id, NORTHSIDE, 2);
    await receive(w, part.id, DOWNTOWN, 7);
    const res = await call<{ part: unknown; items: StockLevel[] }>(w.url, 'GET', `/api/parts/${part.id}/stock`, {
      token: w.staff,
    });
    expect(res.body.part).toEqual(part);
    expect(res.body.items.map((s) => [s.branchId, s.onHand])).toEqual(
      [
        [DOWNTOWN, 7],
        [NORTHSIDE, 2],
      ].sort(),
    );
    expect((await call(w.url, 'GET', `/api/parts/${randomUUID()}/stock`, { token: w.admin })).status).toBe(404);
  });

  it('lists the ledger newest first, with who and why, paged and per branch', async () => {
    const part = await createPart(w);
    await receive(w, part.id, DOWNTOWN, 5);
    await adjust(part.id, { branchId: DOWNTOWN, delta: -1, reason: 'Broken seal' }, w.staff);
    await transfer(part.id, { fromBranchId: DOWNTOWN, toBranchId: NORTHSIDE, quantity: 2, reason: 'Lend' });
    const first = await call<Page<StockMovement>>(w.url, 'GET', `/api/parts/${part.id}/movements?limit=2`, {
      token: w.otherStaff,
    });
    expect(first.body.items.map((m) => m.kind).sort()).toEqual(['transfer-in', 'transfer-out']);
    const rest = await call<Page<StockMovement>>(
      w.url,
      'GET',
      `/api/parts/${part.id}/movements?limit=2&cursor=${first.body.nextCursor}`,
      { token: w.otherStaff },
    );
    expect(rest.body.items.map((m) => [m.kind, m.delta, m.reason])).toEqual([
      ['adjust', -1, 'Broken seal'],
      ['receive', 5, 'Delivery'],
    ]);
    expect(rest.body.nextCursor).toBeNull();
    const me = await call<{ user: { id: string } }>(w.url, 'GET', '/api/me', { token: w.staff });
    expect(rest.body.items[0]).toMatchObject({
      partId: part.id,
      branchId: DOWNTOWN,
      reservedDelta: 0,
      bookingId: null,
      actor: { kind: 'user', id: me.body.user.id },
    });
    expect(new Date(rest.body.items[0].at).toISOString()).toBe(rest.body.items[0].at);
    const northside = await call<Page<StockMovement>>(
      w.url,
      'GET',
      `/api/parts/${part.id}/movements?branchId=${NORTHSIDE}`,
      { token: w.admin },
    );
    expect(northside.body.items.map((m) => [m.kind, m.delta])).toEqual([['transfer-in', 2]]);
    expect((await call(w.url, 'GET', `/api/parts/${randomUUID()}/movements`, { token: w.admin })).status).toBe(404);
    expect(
      (await call(w.url, 'GET', `/api/parts/${part.id}/movements?cursor=eyJxIjoiYSJ9`, { token: w.admin })).status,
    ).toBe(400);
  });
});

describe('when the catalog is down', () => {
  it('a branch inventory has never seen answers 503 at once; known branches keep working', async () => {
    const part = await createPart(w);
    await w.sys.catalog.close();
    try {
      const started = Date.now();
      const unseen = await adjust(part.id, { branchId: randomUUID(), delta: 1, kind: 'receive' });
      expect(unseen.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(3000);
      expect((await adjust(part.id, { branchId: DOWNTOWN, delta: 1, kind: 'receive' })).status).toBe(200);
    } finally {
      w.sys.catalog = await startCatalog();
    }
  });
});

describe('after everything above', () => {
  it('every stock row still equals the sum of its ledger rows', async () => {
    expect(await ledgerMismatches(w)).toEqual([]);
  });
});
