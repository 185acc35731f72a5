import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTableSql } from '@garage/shared';

/**
 * The inventory schema: parts, stock per part per branch, the append-only stock ledger,
 * reservations keyed by booking, and the outbox of `part.price_changed` events.
 */
export class CreateInventorySchema1764748800000 implements MigrationInterface {
  name = 'CreateInventorySchema1764748800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS inventory`);
    // Trusted extension since PG 13: a database owner may create it. Database-wide, so it lives in
    // public like any other service's copy would; IF NOT EXISTS because another schema may need it too.
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await this.createParts(q);
    await this.createStock(q);
    await this.createLedger(q);
    await this.createReservations(q);
    for (const sql of outboxTableSql('inventory')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA inventory CASCADE`);
  }

  private async createParts(q: QueryRunner): Promise<void> {
    // COLLATE "C": SKU order is byte order on every server, and the unique btree also serves `sku LIKE 'ABC%'`.
    await q.query(`
      CREATE TABLE inventory.parts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sku text COLLATE "C" NOT NULL CHECK (sku ~ '^[A-Z0-9][A-Z0-9-]{0,39}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        unit_price_cents integer NOT NULL CHECK (unit_price_cents BETWEEN 0 AND 100000000),
        reorder_level integer NOT NULL CHECK (reorder_level BETWEEN 0 AND 1000000),
        price_version bigint NOT NULL DEFAULT 1 CHECK (price_version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX parts_sku_uq ON inventory.parts (sku)`);
    // ?q= name substring, case-insensitive (ILIKE '%…%').
    await q.query(`CREATE INDEX parts_name_trgm_idx ON inventory.parts USING gin (name gin_trgm_ops)`);
  }

  private async createStock(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inventory.stock (
        part_id uuid NOT NULL REFERENCES inventory.parts (id),
        branch_id uuid NOT NULL,
        on_hand integer NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
        reserved integer NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= on_hand),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (part_id, branch_id)
      )`);
    // One branch's stock (?branchId=), "does this branch have stock yet", and the distinct-branches scan.
    await q.query(`CREATE INDEX stock_branch_part_idx ON inventory.stock (branch_id, part_id)`);
  }

  private async createLedger(q: QueryRunner): Promise<void> {
    // seq orders the ledger (newest first) without exposing it as an id; ids stay UUIDs.
    await q.query(`
      CREATE TABLE inventory.stock_movements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        part_id uuid NOT NULL,
        branch_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('receive', 'adjust', 'transfer-in', 'transfer-out', 'reserve', 'release', 'consume')),
        delta integer NOT NULL,
        reserved_delta integer NOT NULL,
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 300),
        booking_id uuid,
        actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'customer', 'system')),
        actor_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (delta <> 0 OR reserved_delta <> 0),
        FOREIGN KEY (part_id, branch_id) REFERENCES inventory.stock (part_id, branch_id)
      )`);
    await q.query(`CREATE INDEX stock_movements_part_idx ON inventory.stock_movements (part_id, seq DESC)`);
    await q.query(
      `CREATE INDEX stock_movements_part_branch_idx ON inventory.stock_movements (part_id, branch_id, seq DESC)`,
    );
    // The ledger is history: the database itself refuses to rewrite or erase it.
    await q.query(`
      CREATE FUNCTION inventory.refuse_ledger_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'inventory.stock_movements is append-only (% refused)', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER stock_movements_append_only BEFORE UPDATE OR DELETE ON inventory.stock_movements
      FOR EACH ROW EXECUTE FUNCTION inventory.refuse_ledger_rewrite()`);
    await q.query(`
      CREATE TRIGGER stock_movements_no_truncate BEFORE TRUNCATE ON inventory.stock_movements
      FOR EACH STATEMENT EXECUTE FUNCTION inventory.refuse_ledger_rewrite()`);
  }

  private async createReservations(q: QueryRunner): Promise<void> {
    // One row per booking: the primary key is what makes reserve idempotent.
    await q.query(`
      CREATE TABLE inventory.reservations (
        booking_id uuid PRIMARY KEY,
        branch_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('reserved', 'short', 'released', 'consumed')),
        lines jsonb NOT NULL,
        shortages jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }
}
