import 'reflect-metadata';
import { Injectable, Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { EVENT_SUBSCRIPTIONS } from '../contracts/events.contracts.js';
import { ConsumesEvents, declaredEventConsumers } from './consumes-events.js';
import type { DomainEvent } from './event.js';

@Injectable()
class PartsStatus {
  readonly seen: DomainEvent[] = [];

  @ConsumesEvents(EVENT_SUBSCRIPTIONS.bookingsPartsStatus)
  async apply(event: DomainEvent): Promise<void> {
    this.seen.push(event);
  }

  /** Not a consumer: no decorator. */
  async other(): Promise<void> {}
}

@Injectable()
class SecondPartsStatus {
  @ConsumesEvents(EVENT_SUBSCRIPTIONS.bookingsPartsStatus)
  async apply(): Promise<void> {}
}

@Module({})
class TestModule {}

async function consumersOf(service: string, providers: DynamicModule['providers']) {
  const app = await NestFactory.createApplicationContext(
    { module: TestModule, imports: [DiscoveryModule], providers: [{ provide: 'CONFIG', useValue: {} }, ...providers!] },
    { logger: false },
  );
  try {
    return { consumers: declaredEventConsumers(app, service), instance: app.get(PartsStatus, { strict: false }) };
  } finally {
    await app.close();
  }
}

describe('@ConsumesEvents', () => {
  it("finds the decorated method among the providers, with the subscription's durable and type", async () => {
    const { consumers, instance } = await consumersOf('bookings', [PartsStatus]);
    expect(consumers.map(({ durable, type }) => ({ durable, type }))).toEqual([
      { durable: 'bookings-parts-status', type: 'inventory.>' },
    ]);
    const event = { id: 'e-1', type: 'inventory.parts_reserved', occurredAt: '', data: {} };
    await consumers[0]!.handle(event);
    expect(instance.seen).toEqual([event]);
  });

  it("refuses another service's subscription and a durable declared twice", async () => {
    await expect(consumersOf('inventory', [PartsStatus])).rejects.toThrow(/subscription of the bookings service/);
    await expect(consumersOf('bookings', [PartsStatus, SecondPartsStatus])).rejects.toThrow(/declared twice/);
  });
});
