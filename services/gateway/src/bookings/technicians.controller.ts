import { Controller, Req, Res } from '@nestjs/common';
import { bookings } from '@garage/shared';
import { Route } from '../http/route.decorator.js';
import { RpcForwarder } from '../http/rpc-forwarder.js';
import type { GatewayReply, GatewayRequest } from '../http/gateway-request.js';

/** Technicians of each branch (API.md "Customers, vehicles, technicians, bookings"). */
@Controller()
export class TechniciansController {
  constructor(private readonly rpc: RpcForwarder) {}

  @Route(bookings.listTechnicians)
  list(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(bookings.listTechnicians, req, reply);
  }

  @Route(bookings.createTechnician)
  create(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(bookings.createTechnician, req, reply);
  }

  @Route(bookings.updateTechnician)
  update(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(bookings.updateTechnician, req, reply);
  }
}
