import { randomUUID } from 'node:crypto';
import { DEMO_BRANCH_IDS, inventory, type Part, type Principal } from '@garage/shared';
import { startInventory } from '../../../test/support/system.js';
import { ok, principal, startAlone, type AloneWorld } from '../../../test/support/service-tier.js';
import { testEnv } from '../../../test/support/test-env.js';
import { FakeCatalog } from './fake-catalog.js';

export const DOWNTOWN = DEMO_BRANCH_IDS.downtown;
export const NORTHSIDE = DEMO_BRANCH_IDS.northside;
export const HARBOR = DEMO_BRANCH_IDS.harbor;

/**
 * The service tier: the inventory service alone on the real servers (demo stock loaded, as `npm
 * start` does), its branch lookups answered by a FakeCatalog, and everyone a test talks as.
 */
export interface InventoryWorld extends AloneWorld<FakeCatalog> {
  admin: Principal;
  /** Staff of Downtown only. */
  staff: Principal;
  /** Staff of Northside only. */
  otherStaff: Principal;
  customer: Principal;
}

export async function startInventoryAlone(env: Record<string, string> = {}): Promise<InventoryWorld> {
  const world = await startAlone(
    'inventory-test',
    (line) => new FakeCatalog(line.nc, testEnv().NATS_PREFIX),
    () => startInventory(env),
  );
  return Object.assign(world, {
    admin: principal('admin'),
    staff: principal('staff', [DOWNTOWN]),
    otherStaff: principal('staff', [NORTHSIDE]),
    customer: principal('customer'),
  });
}

/** A SKU no other test uses. */
export function freshSku(prefix = 'T'): string {
  return `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;
}

/** Creates a part of this test's own (as admin). */
export function createPart(w: InventoryWorld, extra: Record<string, unknown> = {}): Promise<Part> {
  return ok(w, inventory.createPart, w.admin, {
    sku: freshSku(),
    name: 'Test part',
    unitPriceCents: 1234,
    reorderLevel: 2,
    ...extra,
  });
}

/** Receives stock of a part at a branch (as admin). */
export async function receive(w: InventoryWorld, partId: string, branchId: string, quantity: number): Promise<void> {
  await ok(w, inventory.adjustStock, w.admin, {
    id: partId,
    branchId,
    delta: quantity,
    reason: 'Delivery',
    kind: 'receive',
  });
}

/** on_hand and reserved of a part at a branch, straight from the database (null: no row). */
export async function stockRow(
  w: InventoryWorld,
  partId: string,
  branchId: string,
): Promise<{ on_hand: number; reserved: number } | null> {
  const res = await w.db.query<{ on_hand: number; reserved: number }>(
    'SELECT on_hand, reserved FROM inventory.stock WHERE part_id = $1 AND branch_id = $2',
    [partId, branchId],
  );
  return res.rows[0] ?? null;
}

/** Every stock row whose ledger does not add up to it (should always be none). */
export async function ledgerMismatches(w: InventoryWorld): Promise<unknown[]> {
  const res = await w.db.query(
    `SELECT s.part_id, s.branch_id, s.on_hand, s.reserved, m.on_hand AS ledger_on_hand, m.reserved AS ledger_reserved
     FROM inventory.stock s
     FULL JOIN (SELECT part_id, branch_id, sum(delta)::int AS on_hand, sum(reserved_delta)::int AS reserved
                FROM inventory.stock_movements GROUP BY part_id, branch_id) m
       ON m.part_id = s.part_id AND m.branch_id = s.branch_id
     WHERE s.on_hand IS DISTINCT FROM coalesce(m.on_hand, 0) OR s.reserved IS DISTINCT FROM coalesce(m.reserved, 0)`,
  );
  return res.rows;
}
