import { Controller } from '@nestjs/common';
import { Handles, inventory, type Call } from '@garage/shared';
import { PartsService } from './parts.service.js';

/** NATS handlers for parts: parse, check the caller, call the rule. */
@Controller()
export class PartsController {
  constructor(private readonly parts: PartsService) {}

  @Handles(inventory.getPart)
  get({ payload }: Call<typeof inventory.getPart>) {
    return this.parts.get(payload.id);
  }

  @Handles(inventory.createPart)
  create({ payload }: Call<typeof inventory.createPart>) {
    return this.parts.create(payload);
  }

  @Handles(inventory.updatePart)
  update({ payload: { id, ...change } }: Call<typeof inventory.updatePart>) {
    return this.parts.update(id, change);
  }

  /** Internal (catalog): prices are no secret, so no principal is needed. */
  @Handles(inventory.partPrices)
  prices({ payload }: Call<typeof inventory.partPrices>) {
    return this.parts.prices(payload);
  }
}
