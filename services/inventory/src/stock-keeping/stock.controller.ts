import { Controller } from '@nestjs/common';
import { Handles, inventory, type Call } from '@garage/shared';
import { StockService } from './stock.service.js';

/** NATS handlers for stock levels, changes and the ledger: parse, check the caller, call the rule. */
@Controller()
export class StockController {
  constructor(private readonly stock: StockService) {}

  @Handles(inventory.listParts)
  list({ principal, payload }: Call<typeof inventory.listParts>) {
    const query = payload;
    return this.stock.list(principal, { ...query, lowStock: query.lowStock === 'true' });
  }

  @Handles(inventory.partStock)
  byPart({ payload }: Call<typeof inventory.partStock>) {
    return this.stock.byPart(payload.id);
  }

  @Handles(inventory.partMovements)
  movements({ payload: { id, branchId, limit, cursor } }: Call<typeof inventory.partMovements>) {
    return this.stock.movementsOf(id, branchId, limit, cursor);
  }

  @Handles(inventory.adjustStock)
  adjust({ principal, payload }: Call<typeof inventory.adjustStock>) {
    return this.stock.adjust(principal, payload);
  }

  @Handles(inventory.transferStock)
  transfer({ principal, payload }: Call<typeof inventory.transferStock>) {
    return this.stock.transfer(principal, payload);
  }
}
