import { Controller, Req, Res } from '@nestjs/common';
import { catalog } from '@garage/shared';
import { Route } from '../http/route.decorator.js';
import { RpcForwarder } from '../http/rpc-forwarder.js';
import { PublicLists } from './public-lists.js';
import type { GatewayReply, GatewayRequest } from '../http/gateway-request.js';

/** Branches of the chain (API.md "Catalog and branches"). */
@Controller()
export class BranchesController {
  constructor(
    private readonly rpc: RpcForwarder,
    private readonly lists: PublicLists,
  ) {}

  @Route(catalog.listBranches)
  list(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.lists.serve(catalog.listBranches, req, reply);
  }

  @Route(catalog.getBranch)
  get(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(catalog.getBranch, req, reply);
  }

  @Route(catalog.createBranch)
  create(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(catalog.createBranch, req, reply);
  }

  @Route(catalog.updateBranch)
  update(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(catalog.updateBranch, req, reply);
  }
}
