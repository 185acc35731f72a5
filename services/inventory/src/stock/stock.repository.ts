import { Injectable } from '@nestjs/common';
import { type Part, type StockLevel, Tx, Sql } from '@garage/shared';
import { LEVEL_COLUMNS, toStockLevel, type StockLevelRow } from './stock-level.js';

/** A part's stock row at one branch, locked for a change the caller is about to make. */
export interface LockedStock {
  partId: string;
  sku: string;
  onHand: number;
  reserved: number;
}

/** A change to an already locked stock row. */
export interface StockChange {
  partId: string;
  onHand: number;
  reserved: number;
}

type PartStockRow = Omit<StockLevelRow, 'branch_id' | 'on_hand' | 'reserved'> & {
  branch_id: string | null;
  on_hand: number | null;
  reserved: number | null;
};

/**
 * Stock per part per branch. Every write is one conditional statement, so the check and the change
 * cannot be separated by another transaction; the database's CHECKs are the last line of defence.
 */
@Injectable()
export class StockRepository {
  constructor(private readonly sql: Sql) {}

  /** Adds to a part's stock at a branch, creating the row if it has none; null if there is no such part. */
  async add(tx: Tx, partId: string, branchId: string, quantity: number): Promise<StockLevel | null> {
    const rows = await tx.rows<StockLevelRow>(
      `WITH s AS (
         INSERT INTO inventory.stock AS s (part_id, branch_id, on_hand)
         SELECT id, $2::uuid, $3::int FROM inventory.parts WHERE id = $1::uuid
         ON CONFLICT (part_id, branch_id) DO UPDATE SET on_hand = s.on_hand + EXCLUDED.on_hand, updated_at = now()
         RETURNING s.part_id, s.branch_id, s.on_hand, s.reserved
       )
       SELECT ${LEVEL_COLUMNS} FROM s JOIN inventory.parts p ON p.id = s.part_id`,
      [partId, branchId, quantity],
    );
    return rows[0] ? toStockLevel(rows[0]) : null;
  }

  /** Takes stock away only if what stays still covers what is reserved; null if it would not (or no row). */
  async take(tx: Tx, partId: string, branchId: string, quantity: number): Promise<StockLevel | null> {
    const rows = await tx.rows<StockLevelRow>(
      `UPDATE inventory.stock s SET on_hand = s.on_hand - $3::int, updated_at = now()
       FROM inventory.parts p
       WHERE s.part_id = $1::uuid AND s.branch_id = $2::uuid AND p.id = s.part_id AND s.on_hand - $3::int >= s.reserved
       RETURNING ${LEVEL_COLUMNS}`,
      [partId, branchId, quantity],
    );
    return rows[0] ? toStockLevel(rows[0]) : null;
  }

  /** What is available of a part at a branch (0 without a row); null if there is no such part. */
  async availableAt(tx: Tx, partId: string, branchId: string): Promise<number | null> {
    const rows = await tx.rows<{ available: number }>(
      `SELECT coalesce(s.on_hand - s.reserved, 0) AS available
       FROM inventory.parts p LEFT JOIN inventory.stock s ON s.part_id = p.id AND s.branch_id = $2
       WHERE p.id = $1`,
      [partId, branchId],
    );
    return rows[0] ? rows[0].available : null;
  }

  /** The part with its stock at every branch that has a row, by branch id; null if there is no such part. */
  async byPart(partId: string): Promise<{ part: Part; items: StockLevel[] } | null> {
    const rows = await this.sql.rows<PartStockRow>(
      `SELECT ${LEVEL_COLUMNS} FROM inventory.parts p LEFT JOIN inventory.stock s ON s.part_id = p.id
       WHERE p.id = $1 ORDER BY s.branch_id`,
      [partId],
      { name: 'inventory.stock.by-part' },
    );
    const first = rows[0];
    if (!first) return null;
    return {
      part: {
        id: first.id,
        sku: first.sku,
        name: first.name,
        unitPriceCents: first.unit_price_cents,
        reorderLevel: first.reorder_level,
      },
      items: rows.filter(hasStockRow).map(toStockLevel),
    };
  }

  /**
   * Locks the stock rows of the named SKUs at one branch, in part id order: every transaction that
   * locks several stock rows takes them in ascending (branch id, part id) order, so none can wait in a circle.
   */
  async lockAtBranch(tx: Tx, branchId: string, skus: string[]): Promise<LockedStock[]> {
    const rows = await tx.rows<{ part_id: string; sku: string; on_hand: number; reserved: number }>(
      `SELECT s.part_id, p.sku, s.on_hand, s.reserved
       FROM inventory.stock s JOIN inventory.parts p ON p.id = s.part_id
       WHERE s.branch_id = $1 AND p.sku = ANY($2::text[])
       ORDER BY s.part_id FOR UPDATE OF s`,
      [branchId, skus],
    );
    return rows.map((r) => ({ partId: r.part_id, sku: r.sku, onHand: r.on_hand, reserved: r.reserved }));
  }

  /** Applies changes to rows this transaction has locked (lockAtBranch), in one statement. */
  async applyLocked(tx: Tx, branchId: string, changes: StockChange[]): Promise<void> {
    if (!changes.length) return;
    await tx.rows(
      `UPDATE inventory.stock s SET on_hand = s.on_hand + c.on_hand, reserved = s.reserved + c.reserved,
         updated_at = now()
       FROM unnest($2::uuid[], $3::int[], $4::int[]) AS c(part_id, on_hand, reserved)
       WHERE s.branch_id = $1 AND s.part_id = c.part_id`,
      [branchId, changes.map((c) => c.partId), changes.map((c) => c.onHand), changes.map((c) => c.reserved)],
    );
  }
}

function hasStockRow(r: PartStockRow): r is StockLevelRow {
  return r.branch_id !== null;
}
