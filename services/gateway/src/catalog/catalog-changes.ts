import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { eventSubject, gateway } from '@garage/shared';
import { PublicListCache } from './public-list-cache.js';

/**
 * Empties the gateway's public-list cache when the catalog changes: every change the catalog makes
 * (its outbox publishes an `audit.catalog` entry in the same transaction) and inventory's part prices
 * (part of a service's price; the catalog applies them a moment later, which the cache's TTL covers). A plain NATS subscription to the
 * events' subjects (the stream stores them; this only listens): at most once, so a missed one is
 * covered by the cache's TTL, and every gateway replica hears each event.
 */
@Injectable()
export class CatalogChanges implements OnModuleInit, OnModuleDestroy {
  private subscriptions: Subscription[] = [];

  constructor(
    private readonly nc: NatsConnection,
    private readonly prefix: string,
    private readonly cache: PublicListCache,
  ) {}

  onModuleInit(): void {
    this.subscriptions = gateway.GATEWAY_CACHE_EVENTS.map((type) =>
      this.nc.subscribe(eventSubject(this.prefix, type), { callback: () => this.cache.invalidate() }),
    );
  }

  onModuleDestroy(): void {
    for (const sub of this.subscriptions) sub.unsubscribe();
    this.subscriptions = [];
  }
}
