import { Controller } from '@nestjs/common';
import { Handles, inventory, type Call } from '@garage/shared';
import { dashboardScope } from './dashboard-scope.js';
import { LowStockRepository } from './low-stock.repository.js';

/** Internal (the gateway composes GET /api/dashboard): inventory's share of the dashboard. */
@Controller()
export class DashboardController {
  constructor(private readonly lowStock: LowStockRepository) {}

  @Handles(inventory.dashboard)
  async dashboard({ principal, payload: { branchId } }: Call<typeof inventory.dashboard>) {
    return { lowStockParts: await this.lowStock.count(dashboardScope(principal, branchId)) };
  }
}
