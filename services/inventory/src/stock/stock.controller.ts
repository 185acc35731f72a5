import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { inventory, parseOrThrow, withRole, type RpcEnvelope } from '@garage/shared';
import { StockService } from './stock.service.js';

/** NATS handlers for stock levels, changes and the ledger: parse, check the caller, call the rule. */
@Controller()
export class StockController {
  constructor(private readonly stock: StockService) {}

  @MessagePattern(inventory.listParts.pattern)
  list(@Payload() env: RpcEnvelope) {
    const principal = withRole(env, 'admin', 'staff');
    const query = parseOrThrow(inventory.listParts.request, env.payload);
    return this.stock.list(principal, { ...query, lowStock: query.lowStock === 'true' });
  }

  @MessagePattern(inventory.partStock.pattern)
  byPart(@Payload() env: RpcEnvelope) {
    withRole(env, 'admin', 'staff');
    return this.stock.byPart(parseOrThrow(inventory.partStock.request, env.payload).id);
  }

  @MessagePattern(inventory.partMovements.pattern)
  movements(@Payload() env: RpcEnvelope) {
    withRole(env, 'admin', 'staff');
    const { id, branchId, limit, cursor } = parseOrThrow(inventory.partMovements.request, env.payload);
    return this.stock.movementsOf(id, branchId, limit, cursor);
  }

  @MessagePattern(inventory.adjustStock.pattern)
  adjust(@Payload() env: RpcEnvelope) {
    const principal = withRole(env, 'admin', 'staff');
    return this.stock.adjust(principal, parseOrThrow(inventory.adjustStock.request, env.payload));
  }

  @MessagePattern(inventory.transferStock.pattern)
  transfer(@Payload() env: RpcEnvelope) {
    const principal = withRole(env, 'admin', 'staff');
    return this.stock.transfer(principal, parseOrThrow(inventory.transferStock.request, env.payload));
  }
}
