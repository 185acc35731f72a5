import { Inject, Injectable } from '@nestjs/common';
import {
  ConsumesEvents,
  EVENT_SCHEMAS,
  EVENT_SUBSCRIPTIONS,
  SERVICE_LOG,
  type DomainEvent,
  type Logger,
} from '@garage/shared';
import { BookingsRepository } from '../bookings/bookings.repository.js';
import type { PartsStatus } from '../bookings/booking-row.js';

/**
 * Where inventory's answer may move a booking's partsStatus from. Only forward: a shortage
 * arriving after the reservation (late or duplicate) changes nothing, and released/consumed
 * (set by bookings itself) are never overwritten.
 */
const MOVES: Record<string, { to: PartsStatus; from: PartsStatus[] }> = {
  'inventory.parts_reserved': { to: 'reserved', from: ['pending', 'awaiting_parts'] },
  'inventory.shortage': { to: 'awaiting_parts', from: ['pending'] },
};

/** Applies inventory's reservation outcomes to bookings (durable consumer; at least once, so idempotent). */
@Injectable()
export class PartsStatusConsumer {
  constructor(
    private readonly bookings: BookingsRepository,
    @Inject(SERVICE_LOG) private readonly log: Logger,
  ) {}

  @ConsumesEvents(EVENT_SUBSCRIPTIONS.bookingsPartsStatus)
  async apply(event: DomainEvent): Promise<void> {
    const move = MOVES[event.type];
    if (!move) return;
    const schema = EVENT_SCHEMAS[event.type as 'inventory.parts_reserved' | 'inventory.shortage'];
    const data = schema.safeParse(event.data);
    if (!data.success) {
      // Redelivering it would fail the same way forever: record it and move on.
      this.log.error({ eventId: event.id, type: event.type }, 'malformed inventory event skipped');
      return;
    }
    await this.bookings.advanceParts(data.data.bookingId, move.to, move.from);
  }
}
