import { Controller } from '@nestjs/common';
import { Handles, composed, type Call } from '@garage/shared';
import { dashboardScope } from './dashboard-scope.js';
import { LowStockRepository } from './low-stock.repository.js';

/** Internal (the gateway composes GET /api/dashboard): inventory's share of the dashboard. */
@Controller()
export class DashboardController {
  constructor(private readonly lowStock: LowStockRepository) {}

  @Handles(composed.inventoryDashboard)
  async dashboard({ principal, payload: { branchId } }: Call<typeof composed.inventoryDashboard>) {
    return { lowStockParts: await this.lowStock.count(dashboardScope(principal, branchId)) };
  }
}
