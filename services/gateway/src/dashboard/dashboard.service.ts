import { Injectable } from '@nestjs/common';
import { auth, bookings, gateway, inventory, isUnavailable, type Dashboard } from '@garage/shared';
import { RpcForwarder } from '../http/rpc-forwarder.js';
import type { GatewayRequest } from '../http/gateway-request.js';

/**
 * The dashboard from its owners, asked at once: bookings (bookings, revenue, technicians, and the
 * customers/vehicles seen in scope) and inventory (low stock). Each scopes by the caller itself
 * (staff: their branches, 403 for another), so the principal travels with every request. Without
 * bookings there is no dashboard (503). Inventory or auth being down costs only their figure: it is
 * null and the service is named in `unavailable`, never a silent zero. Any other failure (a 403, a
 * reply off its contract) fails the whole.
 */
@Injectable()
export class DashboardService {
  constructor(private readonly rpc: RpcForwarder) {}

  async get(req: GatewayRequest): Promise<Dashboard> {
    const scope = this.rpc.payloadOf(gateway.dashboard, req);
    // Chain-wide, "customers" means every account (auth), not only those who booked.
    const chainWide = req.principal?.role === 'admin' && !scope.branchId;
    const unavailable: Dashboard['unavailable'] = [];
    const unlessDown =
      (part: Dashboard['unavailable'][number]) =>
      (err: unknown): null => {
        if (!isUnavailable(err)) throw err;
        unavailable.push(part);
        return null;
      };
    const [figures, stock, accounts] = await Promise.all([
      this.rpc.ask(bookings.dashboard, req, scope),
      this.rpc.ask(inventory.dashboard, req, scope).catch(unlessDown('inventory')),
      chainWide ? this.rpc.ask(auth.countCustomers, req, {}).catch(unlessDown('auth')) : undefined,
    ]);
    return {
      ...figures,
      customers: accounts === undefined ? figures.customers : (accounts?.customers ?? null),
      lowStockParts: stock?.lowStockParts ?? null,
      unavailable: unavailable.sort(),
    };
  }
}
