import { Injectable } from '@nestjs/common';
import { inventory, type PartPrice, RpcClient } from '@garage/shared';

type PricePage = { items: PartPrice[]; nextAfterSku: string | null };

/** The most SKUs one `inventory.parts.prices` request may name (the contract's limit). */
const SKUS_PER_REQUEST = 200;

/** Asks inventory for part prices over NATS; inventory away → SERVICE_UNAVAILABLE (503), from RpcClient. */
@Injectable()
export class InventoryPricesClient {
  constructor(private readonly rpc: RpcClient) {}

  /** Prices of the named SKUs; SKUs inventory does not know are left out. */
  async pricesOf(skus: readonly string[]): Promise<PartPrice[]> {
    const unique = [...new Set(skus)];
    const batches: string[][] = [];
    for (let i = 0; i < unique.length; i += SKUS_PER_REQUEST) batches.push(unique.slice(i, i + SKUS_PER_REQUEST));
    const pages = await Promise.all(batches.map((batch) => this.ask({ skus: batch })));
    return pages.flatMap((page) => page.items);
  }

  /** A page of every price inventory has, in SKU order, after `afterSku`. */
  page(afterSku: string | undefined, limit: number): Promise<PricePage> {
    return this.ask({ afterSku, limit });
  }

  /** RpcClient parses the reply by the contract: a wrong shape never reaches the price cache. */
  private ask(payload: { skus?: string[]; afterSku?: string; limit?: number }): Promise<PricePage> {
    return this.rpc.request(inventory.partPrices, { principal: null, payload, clientIp: '' });
  }
}
