import type { DataSource } from 'typeorm';
import { DEMO_BRANCH_IDS, DEMO_PARTS, type DemoPart, Sql, Transactions } from '@garage/shared';
import { PartsRepository } from '../parts/parts.repository.js';
import { addPart } from '../parts/parts.service.js';

/** SKUs the harbor branch has run out of, so the demo shows an empty shelf. */
const OUT_AT_HARBOR = new Set(['TB-KIT', 'SHOCK-FRONT']);

/**
 * Opening stock of a demo part at a demo branch: comfortably above the reorder level, except
 * every fourth part at Northside (at its reorder level: low) and two parts at Harbor (none).
 */
export function demoQuantity(part: DemoPart, index: number, branchId: string): number {
  if (branchId === DEMO_BRANCH_IDS.harbor && OUT_AT_HARBOR.has(part.sku)) return 0;
  if (branchId === DEMO_BRANCH_IDS.northside && index % 4 === 1) return part.reorderLevel;
  const spread = branchId === DEMO_BRANCH_IDS.downtown ? 3 : 2;
  return part.reorderLevel * spread + 5 + (index % 7);
}

/**
 * Loads the demo parts (each with its first part.price_changed event) and their opening stock at
 * every demo branch, each quantity with its 'receive' ledger row, so the ledger sums hold from the
 * start. Idempotent: only missing parts and missing stock rows are added. Returns what it added.
 */
export async function loadDemoStock(db: DataSource): Promise<string[]> {
  const parts = new PartsRepository(new Sql(db));
  return new Transactions(db).run(async (tx) => {
    let newParts = 0;
    for (const p of DEMO_PARTS) if (await addPart(parts, tx, p)) newParts++;
    const wanted = DEMO_PARTS.flatMap((p, i) =>
      Object.values(DEMO_BRANCH_IDS).map((branchId) => ({
        sku: p.sku,
        branchId,
        quantity: demoQuantity(p, i, branchId),
      })),
    );
    const added = await tx.rows<{ part_id: string }>(
      `WITH wanted AS (SELECT * FROM unnest($1::text[], $2::uuid[], $3::int[]) AS w(sku, branch_id, quantity)),
       opened AS (
         INSERT INTO inventory.stock (part_id, branch_id, on_hand)
         SELECT p.id, w.branch_id, w.quantity FROM wanted w JOIN inventory.parts p ON p.sku = w.sku
         ON CONFLICT (part_id, branch_id) DO NOTHING
         RETURNING part_id, branch_id, on_hand
       ),
       received AS (
         INSERT INTO inventory.stock_movements (part_id, branch_id, kind, delta, reserved_delta, reason, actor_kind, actor_id)
         SELECT part_id, branch_id, 'receive', on_hand, 0, 'Demo opening stock', 'system', 'demo-data'
         FROM opened WHERE on_hand > 0
       )
       SELECT part_id FROM opened`,
      [wanted.map((w) => w.sku), wanted.map((w) => w.branchId), wanted.map((w) => w.quantity)],
    );
    const loaded: string[] = [];
    if (newParts) loaded.push(`${newParts} parts`);
    if (added.length) loaded.push(`${added.length} stock rows at the demo branches`);
    return loaded;
  });
}
