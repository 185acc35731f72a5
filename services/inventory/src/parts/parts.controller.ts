import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { inventory, parseOrThrow, withRole, type RpcEnvelope } from '@garage/shared';
import { PartsService } from './parts.service.js';

/** NATS handlers for parts: parse, check the caller, call the rule. */
@Controller()
export class PartsController {
  constructor(private readonly parts: PartsService) {}

  @MessagePattern(inventory.getPart.pattern)
  get(@Payload() env: RpcEnvelope) {
    withRole(env, 'admin', 'staff');
    return this.parts.get(parseOrThrow(inventory.getPart.request, env.payload).id);
  }

  @MessagePattern(inventory.createPart.pattern)
  create(@Payload() env: RpcEnvelope) {
    withRole(env, 'admin');
    return this.parts.create(parseOrThrow(inventory.createPart.request, env.payload));
  }

  @MessagePattern(inventory.updatePart.pattern)
  update(@Payload() env: RpcEnvelope) {
    withRole(env, 'admin');
    const { id, ...change } = parseOrThrow(inventory.updatePart.request, env.payload);
    return this.parts.update(id, change);
  }

  /** Internal (catalog): prices are no secret, so no principal is needed. */
  @MessagePattern(inventory.partPrices.pattern)
  prices(@Payload() env: RpcEnvelope) {
    return this.parts.prices(parseOrThrow(inventory.partPrices.request, env.payload));
  }
}
