import { randomUUID } from 'node:crypto';
import { DEMO_PARTS, inventory, type PartPrice } from '@garage/shared';
import type { NatsConnection } from '@nats-io/transport-node';
import { fakeResponder, type FakeResponder } from '../../../test/support/fake-responder.js';

type PricesRequest = { skus?: string[]; afterSku?: string; limit?: number };

/**
 * Inventory as the catalog sees it (`inventory.parts.prices`: the named SKUs, or a page of every price
 * in SKU order), answered from the demo parts at their demo prices and the parts a test adds, for
 * suites that test the catalog alone. The catalog parses the replies by the contract, so they have
 * the real shape.
 */
export class FakeInventory {
  private readonly prices = new Map<string, PartPrice>();
  private responder: FakeResponder | null = null;

  constructor(
    private readonly nc: NatsConnection,
    private readonly prefix: string,
  ) {
    for (const part of DEMO_PARTS) this.set(part.sku, part.unitPriceCents);
    this.start();
  }

  /** A part of the test's own at this price (its first price version); a SKU no other test uses. */
  addPart(unitPriceCents: number): PartPrice {
    return this.set(`CT-${randomUUID().slice(0, 8).toUpperCase()}`, unitPriceCents);
  }

  /** What inventory would answer for a SKU's price (undefined: no such part). */
  priceOf(sku: string): number | undefined {
    return this.prices.get(sku)?.unitPriceCents;
  }

  /** Answers again after stop(). */
  start(): void {
    this.responder ??= fakeResponder(this.nc, this.prefix, inventory.partPrices.pattern, (env) =>
      this.answer(env.payload as PricesRequest),
    );
  }

  /** Stops answering: the catalog finds nobody listening, as when inventory is down. */
  stop(): void {
    this.responder?.stop();
    this.responder = null;
  }

  private set(sku: string, unitPriceCents: number): PartPrice {
    const price = { partId: randomUUID(), sku, unitPriceCents, priceVersion: 1 };
    this.prices.set(sku, price);
    return price;
  }

  private answer({ skus, afterSku, limit = 1000 }: PricesRequest): { items: PartPrice[]; nextAfterSku: string | null } {
    if (skus) {
      const items = [...new Set(skus)].flatMap((sku) => this.prices.get(sku) ?? []);
      return { items: items.sort(bySku), nextAfterSku: null };
    }
    const after = [...this.prices.values()].sort(bySku).filter((p) => !afterSku || p.sku > afterSku);
    const items = after.slice(0, limit);
    return { items, nextAfterSku: after.length > limit ? items[items.length - 1]!.sku : null };
  }
}

const bySku = (a: PartPrice, b: PartPrice) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0);
