import { DEMO_BRANCH_IDS, DEMO_PARTS } from '@garage/shared';
import type { DataSource } from 'typeorm';
import { createInventoryDataSource } from '../src/data-source.js';
import { loadDemoStock } from '../src/demo/demo-data.js';
import { testEnv } from '../../../test/support/test-env.js';
import { HARBOR, ledgerMismatches, startInventoryAlone, type InventoryWorld } from './inventory-kit.js';

let w: InventoryWorld;
let db: DataSource;

beforeAll(async () => {
  w = await startInventoryAlone(); // loads the demo data as `npm start` does
  db = createInventoryDataSource(testEnv().DATABASE_URL, 4);
  await db.initialize();
});

afterAll(async () => {
  await db?.destroy();
  await w?.close();
});

describe('demo stock', () => {
  // Judged by the demo's own ledger rows, which never change, so tests that move demo stock later do not matter.
  it('has every demo part at every demo branch, each opening quantity received through the ledger', async () => {
    const rows = await w.db.query<{ sku: string; branch_id: string; reorder_level: number; opening: number | null }>(
      `SELECT p.sku, s.branch_id, p.reorder_level, m.delta AS opening
       FROM inventory.stock s JOIN inventory.parts p ON p.id = s.part_id
       LEFT JOIN inventory.stock_movements m
         ON m.part_id = s.part_id AND m.branch_id = s.branch_id AND m.actor_id = 'demo-data' AND m.kind = 'receive'
       WHERE s.branch_id = ANY($1::uuid[]) AND p.sku = ANY($2::text[])`,
      [Object.values(DEMO_BRANCH_IDS), DEMO_PARTS.map((p) => p.sku)],
    );
    expect(rows.rows).toHaveLength(DEMO_PARTS.length * 3);
    const opening = rows.rows.map((r) => ({ ...r, opening: r.opening ?? 0 }));
    expect(opening.filter((r) => r.opening > 0 && r.opening <= r.reorder_level).length).toBeGreaterThan(3);
    const empty = opening.filter((r) => r.opening === 0);
    expect(empty.length).toBeGreaterThanOrEqual(1);
    expect(empty.every((r) => r.branch_id === HARBOR)).toBe(true);
    expect(await ledgerMismatches(w)).toEqual([]);
  });

  it('told the catalog every demo price through the outbox, once', async () => {
    const events = await w.db.query<{ sku: string; n: number; version: number }>(
      `SELECT data->>'sku' AS sku, count(*)::int AS n, min((data->>'priceVersion')::int) AS version
       FROM inventory.outbox WHERE type = 'part.price_changed' AND data->>'sku' = ANY($1::text[])
       GROUP BY 1`,
      [DEMO_PARTS.map((p) => p.sku)],
    );
    expect(events.rows).toHaveLength(DEMO_PARTS.length);
    expect(events.rows.every((e) => e.n === 1 && e.version === 1)).toBe(true);
  });

  it('loading it again, even twice at once, adds nothing', async () => {
    const count = async () =>
      (
        await w.db.query<{ parts: number; stock: number; moves: number; events: number }>(
          `SELECT (SELECT count(*)::int FROM inventory.parts) AS parts, (SELECT count(*)::int FROM inventory.stock) AS stock,
             (SELECT count(*)::int FROM inventory.stock_movements) AS moves,
             (SELECT count(*)::int FROM inventory.outbox) AS events`,
        )
      ).rows[0];
    const before = await count();
    expect(await Promise.all([loadDemoStock(db), loadDemoStock(db)])).toEqual([[], []]);
    expect(await count()).toEqual(before);
  });
});
