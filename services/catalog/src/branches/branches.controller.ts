import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { catalog, parseOrThrow, withRole, type RpcEnvelope } from '@garage/shared';
import { BranchesService } from './branches.service.js';

/** NATS handlers for branches: parse, check the caller, call the rule. */
@Controller()
export class BranchesController {
  constructor(private readonly branches: BranchesService) {}

  @MessagePattern(catalog.listBranches.pattern)
  list(@Payload() env: RpcEnvelope) {
    const { limit, cursor, includeInactive } = parseOrThrow(catalog.listBranches.request, env.payload);
    return this.branches.list(env.principal, limit, cursor, includeInactive === 'true');
  }

  @MessagePattern(catalog.getBranch.pattern)
  get(@Payload() env: RpcEnvelope) {
    return this.branches.get(env.principal, parseOrThrow(catalog.getBranch.request, env.payload).id);
  }

  @MessagePattern(catalog.createBranch.pattern)
  create(@Payload() env: RpcEnvelope) {
    withRole(env, 'admin');
    return this.branches.create(parseOrThrow(catalog.createBranch.request, env.payload));
  }

  @MessagePattern(catalog.updateBranch.pattern)
  update(@Payload() env: RpcEnvelope) {
    withRole(env, 'admin');
    const { id, ...change } = parseOrThrow(catalog.updateBranch.request, env.payload);
    return this.branches.update(id, change);
  }
}
