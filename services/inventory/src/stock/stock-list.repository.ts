import { Injectable } from '@nestjs/common';
import {
  decodeCursorOrThrow,
  escapeLike,
  pageFrom,
  Sku,
  Sql,
  SqlParams,
  whereAll,
  type StockLevel,
} from '@garage/shared';
import { z } from 'zod';
import { toStockLevel, type StockLevelRow } from './stock-level.js';

/** Which branches a list covers: the named ones, or every branch that has stock rows. */
export type BranchScope = { branchIds: string[] } | 'every-stocked-branch';

export interface StockListQuery {
  scope: BranchScope;
  lowStock: boolean;
  q?: string;
  limit: number;
  cursor?: string;
}

const LIST_COLUMNS = `p.id, p.sku, p.name, p.unit_price_cents, p.reorder_level, b.branch_id,
  coalesce(s.on_hand, 0) AS on_hand, coalesce(s.reserved, 0) AS reserved`;
const Cursor = z.object({ s: Sku, b: z.uuid() });

/**
 * The distinct branch ids of the stock table as a loose index scan (one index probe per branch,
 * not a scan of every stock row): Postgres 15 has no skip scan of its own.
 */
const STOCKED_BRANCHES = `stocked(branch_id) AS (
    (SELECT branch_id FROM inventory.stock ORDER BY branch_id LIMIT 1)
    UNION ALL
    SELECT (SELECT s.branch_id FROM inventory.stock s WHERE s.branch_id > stocked.branch_id ORDER BY s.branch_id LIMIT 1)
    FROM stocked WHERE stocked.branch_id IS NOT NULL
  ), b AS (SELECT branch_id FROM stocked WHERE branch_id IS NOT NULL)`;

/**
 * The parts list: one row per (part, branch) in (SKU, branch id) order, keyset paged, in one
 * statement. Branches without a stock row for a part show it with 0s (LEFT JOIN). The walk follows
 * parts_sku_uq; each (part, branch) is one primary-key probe; ?q= is served by parts_sku_uq (SKU
 * prefix, C collation) and parts_name_trgm_idx (name substring). lowStock compares the stock row with
 * the part's reorder level (two tables, and a missing row counts as 0 available), so no single index can
 * answer it: it filters the walk instead.
 */
@Injectable()
export class StockListRepository {
  constructor(private readonly sql: Sql) {}

  async list(query: StockListQuery): Promise<{ items: StockLevel[]; nextCursor: string | null }> {
    const after = decodeCursorOrThrow(query.cursor, Cursor);
    const p = new SqlParams();
    const limit = p.add(query.limit + 1);
    const branches =
      query.scope === 'every-stocked-branch'
        ? `WITH RECURSIVE ${STOCKED_BRANCHES}`
        : `WITH b(branch_id) AS (SELECT DISTINCT unnest(${p.add(query.scope.branchIds)}::uuid[]))`;
    const sku = after ? p.add(after.s) : null;
    const where = whereAll([
      // The plain sku bound lets the index range start at the cursor; the row comparison breaks ties.
      after && `p.sku >= ${sku}::text AND (p.sku, b.branch_id) > (${sku}::text, ${p.add(after.b)}::uuid)`,
      query.q &&
        `(p.sku LIKE ${p.add(`${escapeLike(query.q.toUpperCase())}%`)} OR p.name ILIKE ${p.add(`%${escapeLike(query.q)}%`)})`,
      query.lowStock && 'coalesce(s.on_hand - s.reserved, 0) <= p.reorder_level',
    ]);
    const rows = await this.sql.rows<StockLevelRow>(
      `${branches}
       SELECT ${LIST_COLUMNS}
       FROM inventory.parts p CROSS JOIN b
       LEFT JOIN inventory.stock s ON s.part_id = p.id AND s.branch_id = b.branch_id
       ${where}
       ORDER BY p.sku, b.branch_id LIMIT ${limit}`,
      p.values,
    );
    return pageFrom(rows, query.limit, toStockLevel, (r) => ({ s: r.sku, b: r.branch_id }));
  }
}
