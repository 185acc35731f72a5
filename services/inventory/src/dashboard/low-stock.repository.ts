import { Injectable } from '@nestjs/common';
import { Sql } from '@garage/shared';
import type { DashboardScope } from './dashboard-scope.js';

/** Counts for the dashboard, one statement each. */
@Injectable()
export class LowStockRepository {
  constructor(private readonly sql: Sql) {}

  /**
   * Stock rows in scope at or below their part's reorder level (available ≤ reorder level). Two
   * statements rather than one with `$1 IS NULL OR …`, so the branch filter can use its index.
   */
  async count(scope: DashboardScope): Promise<number> {
    const low = `FROM inventory.stock s JOIN inventory.parts p ON p.id = s.part_id
                 WHERE s.on_hand - s.reserved <= p.reorder_level`;
    const rows =
      scope === 'whole-chain'
        ? await this.sql.rows<{ n: number }>(`SELECT count(*)::int AS n ${low}`)
        : await this.sql.rows<{ n: number }>(`SELECT count(*)::int AS n ${low} AND s.branch_id = ANY($1::uuid[])`, [
            scope.branchIds,
          ]);
    return rows[0]?.n ?? 0;
  }
}
