import { inventory } from '@garage/shared';
import { call } from '../../../test/support/service-tier.js';
import {
  DOWNTOWN,
  HARBOR,
  NORTHSIDE,
  createPart,
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

const statuses = (results: Array<{ status: number }>) =>
  results.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});

describe('concurrent stock changes', () => {
  it('20 simultaneous takes of 1 from a stock of 10: exactly 10 succeed, the rest 409, stock 0', async () => {
    const part = await createPart(w);
    await receive(w, part.id, DOWNTOWN, 10);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(w, inventory.adjustStock, i % 2 ? w.staff : w.admin, {
          id: part.id,
          branchId: DOWNTOWN,
          delta: -1,
          reason: `Fitted to car ${i}`,
        }),
      ),
    );
    expect(statuses(results)).toEqual({ 200: 10, 409: 10 });
    // Every success saw a different stock level on its way down: no two took the same unit.
    expect(
      results
        .filter((r) => r.status === 200)
        .map((r) => r.body.onHand)
        .sort((a, b) => a - b),
    ).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await stockRow(w, part.id, DOWNTOWN)).toEqual({ on_hand: 0, reserved: 0 });
    const ledger = await w.db.query<{ n: number; total: number }>(
      `SELECT count(*)::int AS n, sum(delta)::int AS total FROM inventory.stock_movements
       WHERE part_id = $1 AND kind = 'adjust'`,
      [part.id],
    );
    expect(ledger.rows[0]).toEqual({ n: 10, total: -10 });
    expect(await ledgerMismatches(w)).toEqual([]);
  });

  it('20 transfers A→B racing 20 transfers B→A neither lose nor create parts, and never fail with an internal error', async () => {
    const part = await createPart(w);
    await receive(w, part.id, NORTHSIDE, 15);
    await receive(w, part.id, HARBOR, 15);
    const move = (fromBranchId: string, toBranchId: string, quantity: number) =>
      call(w, inventory.transferStock, w.admin, {
        id: part.id,
        fromBranchId,
        toBranchId,
        quantity,
        reason: 'Rebalance',
      });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => [
        move(NORTHSIDE, HARBOR, 1 + (i % 3)),
        move(HARBOR, NORTHSIDE, 1 + (i % 3)),
      ]).flat(),
    );
    const counts = statuses(results);
    expect(Object.keys(counts).filter((s) => s !== '200' && s !== '409')).toEqual([]);
    const north = await stockRow(w, part.id, NORTHSIDE);
    const harbor = await stockRow(w, part.id, HARBOR);
    expect((north?.on_hand ?? 0) + (harbor?.on_hand ?? 0)).toBe(30);
    const transfers = await w.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM inventory.stock_movements WHERE part_id = $1 AND kind = 'transfer-out'`,
      [part.id],
    );
    expect(transfers.rows[0].n).toBe(counts[200]);
    expect(await ledgerMismatches(w)).toEqual([]);
  });

  it('receipts at a branch that has no row yet, all at once, create one row holding all of them', async () => {
    const part = await createPart(w);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        call(w, inventory.adjustStock, w.staff, {
          id: part.id,
          branchId: DOWNTOWN,
          delta: 3,
          kind: 'receive',
          reason: 'Pallet',
        }),
      ),
    );
    expect(statuses(results)).toEqual({ 200: 10 });
    expect(await stockRow(w, part.id, DOWNTOWN)).toEqual({ on_hand: 30, reserved: 0 });
  });
});

describe('what the database itself refuses', () => {
  it('keeps the ledger append-only: UPDATE, DELETE and TRUNCATE fail', async () => {
    const part = await createPart(w);
    await receive(w, part.id, DOWNTOWN, 4);
    await expect(
      w.db.query('UPDATE inventory.stock_movements SET delta = 400 WHERE part_id = $1', [part.id]),
    ).rejects.toThrow(/append-only/);
    await expect(w.db.query('DELETE FROM inventory.stock_movements WHERE part_id = $1', [part.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(w.db.query('TRUNCATE inventory.stock_movements CASCADE')).rejects.toThrow(/append-only/);
    const rows = await w.db.query('SELECT delta FROM inventory.stock_movements WHERE part_id = $1', [part.id]);
    expect(rows.rows).toEqual([{ delta: 4 }]);
  });

  it('never lets stock go negative or reserve more than is on hand', async () => {
    const part = await createPart(w);
    await receive(w, part.id, DOWNTOWN, 2);
    const where = [part.id, DOWNTOWN];
    const sql = (set: string) =>
      w.db.query(`UPDATE inventory.stock SET ${set} WHERE part_id = $1 AND branch_id = $2`, where);
    await expect(sql('on_hand = -1')).rejects.toThrow(/check constraint/);
    await expect(sql('reserved = 3')).rejects.toThrow(/check constraint/);
    await expect(sql('reserved = -1')).rejects.toThrow(/check constraint/);
    expect(await stockRow(w, part.id, DOWNTOWN)).toEqual({ on_hand: 2, reserved: 0 });
  });
});
