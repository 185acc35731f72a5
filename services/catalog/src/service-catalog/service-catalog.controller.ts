import { Controller } from '@nestjs/common';
import { Handles, catalog, type Call } from '@garage/shared';
import { ServiceCatalogService } from './service-catalog.service.js';

/** NATS handlers for the service catalog: parse, check the caller, call the rule. */
@Controller()
export class ServiceCatalogController {
  constructor(private readonly services: ServiceCatalogService) {}

  @Handles(catalog.listServices)
  list({ principal, payload: { includeInactive, ...query } }: Call<typeof catalog.listServices>) {
    return this.services.list(principal, { ...query, includeInactive: includeInactive === 'true' });
  }

  @Handles(catalog.getService)
  get({ principal, payload: { id, branchId } }: Call<typeof catalog.getService>) {
    return this.services.get(principal, id, branchId);
  }

  @Handles(catalog.createService)
  create({ payload }: Call<typeof catalog.createService>) {
    return this.services.create(payload);
  }

  @Handles(catalog.updateService)
  update({ payload: { id, ...change } }: Call<typeof catalog.updateService>) {
    return this.services.update(id, change);
  }
}
