import { Injectable } from '@nestjs/common';
import { DomainError, type PartLine, type PartPrice } from '@garage/shared';
import { partsCents } from '../pricing/money.js';
import { InventoryPricesClient } from './inventory-prices.client.js';
import { PartPricesRepository } from './part-prices.repository.js';

/** A service's parts cost as far as the cache could price it, and the SKUs it had no price for. */
export interface CachedPartsCost {
  parts: readonly PartLine[];
  knownPartsCents: number;
  missingSkus: readonly string[];
}

/** Part prices for pricing: from the cache, and from inventory (then cached) for what the cache lacks. */
@Injectable()
export class PartPricesService {
  constructor(
    private readonly cache: PartPricesRepository,
    private readonly inventory: InventoryPricesClient,
  ) {}

  /** Asks inventory for these SKUs in one request and caches the answers; unknown SKUs are absent from the map. */
  async fetchAndCache(skus: readonly string[]): Promise<Map<string, PartPrice>> {
    const prices = await this.inventory.pricesOf(skus);
    await this.cache.upsert(prices);
    return new Map(prices.map((p) => [p.sku, p]));
  }

  /**
   * The parts cost of each service. Normally the cache priced everything; otherwise (the first
   * seconds after a start, say) one request asks inventory for every missing price at once.
   */
  async partsCentsOf(services: readonly CachedPartsCost[]): Promise<number[]> {
    const missing = [...new Set(services.flatMap((s) => s.missingSkus))];
    if (!missing.length) return services.map((s) => s.knownPartsCents);
    const fetched = await this.fetchAndCache(missing);
    const unpriced = missing.filter((sku) => !fetched.has(sku));
    if (unpriced.length) {
      throw new DomainError('SERVICE_UNAVAILABLE', `No price is known yet for part ${unpriced.join(', ')}`);
    }
    return services.map(
      (s) =>
        s.knownPartsCents +
        partsCents(
          s.parts
            .filter((line) => s.missingSkus.includes(line.partSku))
            .map((line) => ({
              quantity: line.quantity,
              unitPriceCents: fetched.get(line.partSku)?.unitPriceCents ?? 0,
            })),
        ),
    );
  }
}
