import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { composed, parseOrThrow, withRole, type RpcEnvelope } from '@garage/shared';
import { dashboardScope } from './dashboard-scope.js';
import { LowStockRepository } from './low-stock.repository.js';

/** Internal (the gateway composes GET /api/dashboard): inventory's share of the dashboard. */
@Controller()
export class DashboardController {
  constructor(private readonly lowStock: LowStockRepository) {}

  @MessagePattern(composed.inventoryDashboard.pattern)
  async dashboard(@Payload() env: RpcEnvelope) {
    const principal = withRole(env, 'admin', 'staff');
    const { branchId } = parseOrThrow(composed.inventoryDashboard.request, env.payload);
    return { lowStockParts: await this.lowStock.count(dashboardScope(principal, branchId)) };
  }
}
