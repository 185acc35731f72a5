import { Inject, Injectable, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SERVICE_LOG, type Logger } from '@garage/shared';
import { InventoryPricesClient } from './inventory-prices.client.js';
import { PartPricesRepository } from './part-prices.repository.js';

export interface RefreshOptions {
  /** Prices asked for per request (inventory answers at most 1000). */
  pageSize?: number;
  /** Pause before another try while inventory is away. */
  retryMs?: number;
}

/**
 * Fills the price cache with every price inventory has when the service starts. Inventory may be
 * down then: the catalog starts anyway, on what the cache already holds, and retries in the
 * background until one refresh has gone through (events keep the cache fresh after that).
 */
@Injectable()
export class PartPriceRefresher implements OnApplicationBootstrap, OnApplicationShutdown {
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;
  private warned = false;
  private readonly pageSize: number;
  private readonly retryMs: number;

  constructor(
    private readonly inventory: InventoryPricesClient,
    private readonly cache: PartPricesRepository,
    @Inject(SERVICE_LOG) private readonly log: Logger,
    @Optional() options: RefreshOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 1000;
    this.retryMs = options.retryMs ?? 3000;
  }

  /** The first attempt runs before the service takes work, so it starts warm when inventory is up. */
  async onApplicationBootstrap(): Promise<void> {
    await this.attempt();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.retry);
  }

  /** Pages through every price inventory has, in SKU order; returns how many it read. */
  async refreshAll(): Promise<number> {
    let afterSku: string | undefined;
    let read = 0;
    do {
      const page = await this.inventory.page(afterSku, this.pageSize);
      if (this.stopped) return read;
      await this.cache.upsert(page.items);
      read += page.items.length;
      afterSku = page.nextAfterSku ?? undefined;
    } while (afterSku);
    return read;
  }

  private async attempt(): Promise<void> {
    try {
      const read = await this.refreshAll();
      if (!this.stopped) this.log.info({ prices: read }, 'part prices refreshed from inventory');
    } catch (err) {
      if (this.stopped) return;
      // Once: while inventory is away this would otherwise fill the log every few seconds.
      if (!this.warned) {
        this.log.warn({ err }, 'could not refresh part prices from inventory; pricing from the cache, retrying');
        this.warned = true;
      }
      this.retry = setTimeout(() => void this.attempt(), this.retryMs);
      this.retry.unref();
    }
  }
}
