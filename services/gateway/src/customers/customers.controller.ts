import { Controller, Req } from '@nestjs/common';
import { gateway } from '@garage/shared';
import { Route } from '../http/route.decorator.js';
import type { GatewayRequest } from '../http/gateway-request.js';
import { CustomerDirectoryService } from './customer-directory.service.js';

/** GET /api/customers and /api/customers/:id: composed by the gateway from auth and bookings. */
@Controller()
export class CustomersController {
  constructor(private readonly directory: CustomerDirectoryService) {}

  @Route(gateway.listCustomers)
  list(@Req() req: GatewayRequest) {
    return this.directory.list(req);
  }

  @Route(gateway.getCustomerSummary)
  get(@Req() req: GatewayRequest) {
    return this.directory.get(req);
  }
}
