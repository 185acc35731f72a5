import { Injectable } from '@nestjs/common';
import { auth, composed, type Dashboard } from '@garage/shared';
import { RpcForwarder } from '../http/rpc-forwarder.js';
import type { GatewayRequest } from '../http/gateway-request.js';

/**
 * The dashboard from its owners, asked at once: bookings (bookings, revenue, technicians, and the
 * customers/vehicles seen in scope) and inventory (low stock). Each scopes by the caller itself
 * (staff: their branches, 403 for another), so the principal travels with every request. Any part
 * failing fails the whole: a dashboard with a silently missing figure is worse than an error.
 */
@Injectable()
export class DashboardService {
  constructor(private readonly rpc: RpcForwarder) {}

  async get(req: GatewayRequest): Promise<Dashboard> {
    const scope = this.rpc.payloadOf(composed.dashboard, req);
    // Chain-wide, "customers" means every account (auth), not only those who booked.
    const chainWide = req.principal?.role === 'admin' && !scope.branchId;
    const [bookings, inventory, accounts] = await Promise.all([
      this.rpc.ask(composed.bookingsDashboard, req, scope),
      this.rpc.ask(composed.inventoryDashboard, req, scope),
      chainWide ? this.rpc.ask(auth.countCustomers, req, {}) : undefined,
    ]);
    return {
      ...bookings,
      customers: accounts?.customers ?? bookings.customers,
      lowStockParts: inventory.lowStockParts,
    };
  }
}
