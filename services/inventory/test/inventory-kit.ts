import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DEMO_BRANCH_IDS, RpcClient, connectNats, type Part } from '@garage/shared';
import type { NatsConnection } from '@nats-io/transport-node';
import { startSystem, type TestSystem } from '../../../test/support/system.js';
import { http, loginCustomer, loginStaff } from '../../../test/support/http.js';
import { testEnv } from '../../../test/support/test-env.js';

export const DOWNTOWN = DEMO_BRANCH_IDS.downtown;
export const NORTHSIDE = DEMO_BRANCH_IDS.northside;
export const HARBOR = DEMO_BRANCH_IDS.harbor;

/** The whole system plus everyone an inventory test talks as, and a direct line to the test database. */
export interface InventoryWorld {
  sys: TestSystem;
  url: string;
  admin: string;
  /** Staff of Downtown only. */
  staff: string;
  /** Staff of Northside only. */
  otherStaff: string;
  customer: string;
  db: pg.Pool;
  close(): Promise<void>;
}

const STAFF_PASSWORD = 'Parts-Counter-2026';

/** Starts the system with a generous account throttle (the race tests send bursts) and signs everyone in. */
export async function startWorld(): Promise<InventoryWorld> {
  const sys = await startSystem();
  const url = sys.url;
  const admin = await loginStaff(url, 'admin', 'admin123');
  const staffAt = async (branchId: string) => {
    const username = `inv-staff-${randomUUID().slice(0, 8)}`;
    const res = await http(url, 'POST', '/api/users', {
      token: admin,
      body: { username, password: STAFF_PASSWORD, role: 'staff', branchIds: [branchId] },
    });
    if (res.status !== 201) throw new Error(`creating staff failed: ${res.status} ${res.text}`);
    return loginStaff(url, username, STAFF_PASSWORD);
  };
  const db = new pg.Pool({ connectionString: testEnv().DATABASE_URL, max: 4 });
  return {
    sys,
    url,
    admin,
    staff: await staffAt(DOWNTOWN),
    otherStaff: await staffAt(NORTHSIDE),
    customer: await loginCustomer(url, 'john.smith@email.com', 'customer123'),
    db,
    async close() {
      await db.end();
      await sys.close();
    },
  };
}

/** A SKU no other test uses. */
export function freshSku(prefix = 'T'): string {
  return `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;
}

/** Creates a part of this test's own through the API (as admin). */
export async function createPart(w: InventoryWorld, extra: Record<string, unknown> = {}): Promise<Part> {
  const res = await http<Part>(w.url, 'POST', '/api/parts', {
    token: w.admin,
    body: { sku: freshSku(), name: 'Test part', unitPriceCents: 1234, reorderLevel: 2, ...extra },
  });
  if (res.status !== 201) throw new Error(`creating a part failed: ${res.status} ${res.text}`);
  return res.body;
}

/** Receives stock of a part at a branch (as admin). */
export async function receive(w: InventoryWorld, partId: string, branchId: string, quantity: number): Promise<void> {
  const res = await http(w.url, 'POST', `/api/parts/${partId}/adjust`, {
    token: w.admin,
    body: { branchId, delta: quantity, reason: 'Delivery', kind: 'receive' },
  });
  if (res.status !== 200) throw new Error(`receiving failed: ${res.status} ${res.text}`);
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

/** A NATS client of the test's own, talking to the services the way another service would. */
export async function natsClient(): Promise<{ rpc: RpcClient; close(): Promise<void> }> {
  const env = testEnv();
  const nc: NatsConnection = await connectNats(env.NATS_URL, 'inventory-test');
  const rpc = new RpcClient(nc, env.NATS_PREFIX, 5000);
  return {
    rpc,
    async close() {
      rpc.close();
      await nc.close();
    },
  };
}
