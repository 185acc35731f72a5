import { Controller } from '@nestjs/common';
import { Handles, catalog, type Call } from '@garage/shared';
import { BranchesService } from './branches.service.js';

/** NATS handlers for branches: parse, check the caller, call the rule. */
@Controller()
export class BranchesController {
  constructor(private readonly branches: BranchesService) {}

  @Handles(catalog.listBranches)
  list({ principal, payload: { limit, cursor, includeInactive } }: Call<typeof catalog.listBranches>) {
    return this.branches.list(principal, limit, cursor, includeInactive === 'true');
  }

  @Handles(catalog.getBranch)
  get({ principal, payload }: Call<typeof catalog.getBranch>) {
    return this.branches.get(principal, payload.id);
  }

  @Handles(catalog.createBranch)
  create({ payload }: Call<typeof catalog.createBranch>) {
    return this.branches.create(payload);
  }

  @Handles(catalog.updateBranch)
  update({ payload: { id, ...change } }: Call<typeof catalog.updateBranch>) {
    return this.branches.update(id, change);
  }
}
