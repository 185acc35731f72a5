import { Controller, Req, Res } from '@nestjs/common';
import { auth } from '@garage/shared';
import { Route } from '../http/route.decorator.js';
import { RpcForwarder } from '../http/rpc-forwarder.js';
import type { GatewayReply, GatewayRequest } from '../http/gateway-request.js';

/** Staff/admin accounts and customer status (API.md "Auth", admin rows). */
@Controller()
export class UsersController {
  constructor(private readonly rpc: RpcForwarder) {}

  @Route(auth.listUsers)
  list(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(auth.listUsers, req, reply);
  }

  @Route(auth.createUser)
  create(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(auth.createUser, req, reply);
  }

  @Route(auth.updateUser)
  update(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(auth.updateUser, req, reply);
  }

  @Route(auth.setCustomerStatus)
  setCustomerStatus(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(auth.setCustomerStatus, req, reply);
  }
}
