import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { catalog, parseOrThrow, withRole, type RpcEnvelope } from '@garage/shared';
import { ServiceCatalogService } from './service-catalog.service.js';

/** NATS handlers for the service catalog: parse, check the caller, call the rule. */
@Controller()
export class ServiceCatalogController {
  constructor(private readonly services: ServiceCatalogService) {}

  @MessagePattern(catalog.listServices.pattern)
  list(@Payload() env: RpcEnvelope) {
    const { includeInactive, ...query } = parseOrThrow(catalog.listServices.request, env.payload);
    return this.services.list(env.principal, { ...query, includeInactive: includeInactive === 'true' });
  }

  @MessagePattern(catalog.getService.pattern)
  get(@Payload() env: RpcEnvelope) {
    const { id, branchId } = parseOrThrow(catalog.getService.request, env.payload);
    return this.services.get(env.principal, id, branchId);
  }

  @MessagePattern(catalog.createService.pattern)
  create(@Payload() env: RpcEnvelope) {
    withRole(env, 'admin');
    return this.services.create(parseOrThrow(catalog.createService.request, env.payload));
  }

  @MessagePattern(catalog.updateService.pattern)
  update(@Payload() env: RpcEnvelope) {
    withRole(env, 'admin');
    const { id, ...change } = parseOrThrow(catalog.updateService.request, env.payload);
    return this.services.update(id, change);
  }
}
