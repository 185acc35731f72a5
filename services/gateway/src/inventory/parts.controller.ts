import { Controller, Req, Res } from '@nestjs/common';
import { inventory } from '@garage/shared';
import { Route } from '../http/route.decorator.js';
import { RpcForwarder } from '../http/rpc-forwarder.js';
import type { GatewayReply, GatewayRequest } from '../http/gateway-request.js';

/** Parts and their stock per branch (API.md "Inventory"). */
@Controller()
export class PartsController {
  constructor(private readonly rpc: RpcForwarder) {}

  @Route(inventory.listParts)
  list(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(inventory.listParts, req, reply);
  }

  @Route(inventory.getPart)
  get(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(inventory.getPart, req, reply);
  }

  @Route(inventory.createPart)
  create(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(inventory.createPart, req, reply);
  }

  @Route(inventory.updatePart)
  update(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(inventory.updatePart, req, reply);
  }

  @Route(inventory.adjustStock)
  adjust(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(inventory.adjustStock, req, reply);
  }

  @Route(inventory.transferStock)
  transfer(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(inventory.transferStock, req, reply);
  }

  @Route(inventory.partMovements)
  movements(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(inventory.partMovements, req, reply);
  }

  @Route(inventory.partStock)
  stock(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(inventory.partStock, req, reply);
  }
}
