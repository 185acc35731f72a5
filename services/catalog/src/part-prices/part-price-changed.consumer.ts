import { Inject, Injectable } from '@nestjs/common';
import {
  ConsumesEvents,
  EVENT_SUBSCRIPTIONS,
  SERVICE_LOG,
  inventory,
  type DomainEvent,
  type Logger,
} from '@garage/shared';
import { PartPricesRepository } from './part-prices.repository.js';

/** Keeps the price cache fresh from inventory's `part.price_changed` events (durable, at least once). */
@Injectable()
export class PartPriceChangedConsumer {
  constructor(
    private readonly cache: PartPricesRepository,
    @Inject(SERVICE_LOG) private readonly log: Logger,
  ) {}

  /** Applies one event: the newest price wins, so a redelivery or a late older price changes nothing. */
  @ConsumesEvents(EVENT_SUBSCRIPTIONS.catalogPartPrices)
  async apply(event: DomainEvent): Promise<void> {
    const price = inventory.PartPriceChangedSchema.safeParse(event.data);
    if (!price.success) {
      // Redelivering a malformed event would fail the same way forever: record it and move on.
      this.log.error({ eventId: event.id, type: event.type }, 'malformed part.price_changed event skipped');
      return;
    }
    await this.cache.upsert([price.data]);
  }
}
