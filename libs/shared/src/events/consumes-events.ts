import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { EventSubscription } from '../contracts/events.contracts.js';
import type { DomainEvent } from './event.js';
import type { EventConsumer } from './event-consumer.js';

const CONSUMES_EVENTS = 'garage:consumes-events';

/**
 * Declares a provider's method as the handler of a durable consumer of EVENT_SUBSCRIPTIONS:
 * startService finds it among the service's providers and runs the consumer (acked when the
 * method resolves, redelivered when it throws). The method must be idempotent: the same event
 * may arrive twice.
 *
 *   @ConsumesEvents(EVENT_SUBSCRIPTIONS.inventoryBookings)
 *   async apply(event: DomainEvent): Promise<void> { … }
 */
export function ConsumesEvents(subscription: EventSubscription) {
  return <M extends (event: DomainEvent) => Promise<void>>(
    _target: object,
    _key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    Reflect.defineMetadata(CONSUMES_EVENTS, subscription, descriptor.value!);
  };
}

/**
 * Every `@ConsumesEvents` method of the app's providers, as consumers for startService to run.
 * A subscription of another service, or one durable declared twice, is a wiring mistake and stops the start.
 */
export function declaredEventConsumers(app: INestApplicationContext, service: string): EventConsumer[] {
  const scanner = app.get(MetadataScanner);
  const consumers: EventConsumer[] = [];
  for (const wrapper of app.get(DiscoveryService).getProviders()) {
    const instance: unknown = wrapper.instance;
    // Only class providers carry the decorator (not values or factories: config, connections…).
    if (wrapper.isNotMetatype || !instance || typeof instance !== 'object') continue;
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const method = prototype[name] as (event: DomainEvent) => Promise<void>;
      const subscription = Reflect.getMetadata(CONSUMES_EVENTS, method) as EventSubscription | undefined;
      if (!subscription) continue;
      const where = `${wrapper.name as string}.${name}`;
      if (subscription.service !== service) {
        throw new Error(
          `${where} consumes ${subscription.durable}, a subscription of the ${subscription.service} service`,
        );
      }
      if (consumers.some((c) => c.durable === subscription.durable)) {
        throw new Error(`${where}: the durable consumer ${subscription.durable} is declared twice`);
      }
      consumers.push({
        durable: subscription.durable,
        type: subscription.type,
        handle: (event) => method.call(instance, event),
      });
    }
  }
  return consumers;
}
