import { Controller, Req, Res } from '@nestjs/common';
import { catalog } from '@garage/shared';
import { Route } from '../http/route.decorator.js';
import { RpcForwarder } from '../http/rpc-forwarder.js';
import { PublicLists } from './public-lists.js';
import type { GatewayReply, GatewayRequest } from '../http/gateway-request.js';

/** The service catalog and the cost calculator (API.md "Catalog and branches"). */
@Controller()
export class ServiceCatalogController {
  constructor(
    private readonly rpc: RpcForwarder,
    private readonly lists: PublicLists,
  ) {}

  @Route(catalog.listServices)
  list(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.lists.serve(catalog.listServices, req, reply);
  }

  @Route(catalog.getService)
  get(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(catalog.getService, req, reply);
  }

  @Route(catalog.createService)
  create(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(catalog.createService, req, reply);
  }

  @Route(catalog.updateService)
  update(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(catalog.updateService, req, reply);
  }

  @Route(catalog.calculateCost)
  calculate(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(catalog.calculateCost, req, reply);
  }
}
