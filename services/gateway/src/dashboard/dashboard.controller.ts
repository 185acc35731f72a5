import { Controller, Req } from '@nestjs/common';
import { gateway } from '@garage/shared';
import { Route } from '../http/route.decorator.js';
import type { GatewayRequest } from '../http/gateway-request.js';
import { DashboardService } from './dashboard.service.js';

/** GET /api/dashboard: composed by the gateway from bookings, inventory and (chain-wide) auth. */
@Controller()
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Route(gateway.dashboard)
  get(@Req() req: GatewayRequest) {
    return this.dashboard.get(req);
  }
}
