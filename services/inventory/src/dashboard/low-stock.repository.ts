import { Injectable } from '@nestjs/common';
import { queryRows } from '@garage/shared';
import { DataSource } from 'typeorm';
import type { DashboardScope } from './dashboard-scope.js';

/** Counts for the dashboard, one statement each. */
@Injectable()
export class LowStockRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Stock rows in scope at or below their part's reorder level (available ≤ reorder level). Two
   * statements rather than one with `$1 IS NULL OR …`, so the branch filter can use its index.
   */
  async count(scope: DashboardScope): Promise<number> {
    const low = `FROM inventory.stock s JOIN inventory.parts p ON p.id = s.part_id
                 WHERE s.on_hand - s.reserved <= p.reorder_level`;
    const rows =
      scope === 'whole-chain'
        ? await queryRows<{ n: number }>(this.db, `SELECT count(*)::int AS n ${low}`)
        : await queryRows<{ n: number }>(
            this.db,
            `SELECT count(*)::int AS n ${low} AND s.branch_id = ANY($1::uuid[])`,
            [scope.branchIds],
          );
    return rows[0]?.n ?? 0;
  }
}
