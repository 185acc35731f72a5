import { Controller, Req, Res } from '@nestjs/common';
import { bookings } from '@garage/shared';
import { Route } from '../http/route.decorator.js';
import { RpcForwarder } from '../http/rpc-forwarder.js';
import type { GatewayReply, GatewayRequest } from '../http/gateway-request.js';

/** Service records: the work done on completed bookings. */
@Controller()
export class ServiceRecordsController {
  constructor(private readonly rpc: RpcForwarder) {}

  @Route(bookings.listServiceRecords)
  list(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(bookings.listServiceRecords, req, reply);
  }

  @Route(bookings.myServiceRecords)
  mine(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(bookings.myServiceRecords, req, reply);
  }
}
