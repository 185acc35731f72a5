import { Inject, Injectable } from '@nestjs/common';
import {
  ConsumesEvents,
  DomainError,
  EVENT_SUBSCRIPTIONS,
  SERVICE_LOG,
  type DomainEvent,
  type Logger,
  type Reservation,
  Transactions,
  Tx,
} from '@garage/shared';
import { ReservationsService } from '../reservations/reservations.service.js';
import { WaitingBookings } from '../reservations/waiting-bookings.service.js';
import { BOOKINGS_SERVICE } from '../stock/actor.js';
import { parseBookingEvent, type BookingEvent } from './booking-event.js';
import { ProcessedEventsRepository } from './processed-events.repository.js';

/** What applying an event left to do or say once its transaction has committed. */
interface Applied {
  /** Parts given back: bookings waiting at the branch may now fit. */
  freed?: Reservation;
  /** Acked but worth a look: the event could not do what it says. */
  warning?: string;
}

/** Codes of rules that refuse an event for good; anything else (database away, deadlock) is retried. */
const REFUSALS = new Set(['NOT_FOUND', 'CONFLICT', 'VALIDATION_FAILED']);

/**
 * Inventory's side of the bookings' events (durable consumer `inventory-bookings`): created →
 * reserve, cancelled / no_show → release, completed → consume. Each event is applied in one
 * transaction together with its id in processed_events, so a redelivery changes nothing; a second
 * event about the same booking is absorbed by the reservation's booking-id idempotency.
 */
@Injectable()
export class BookingEventsConsumer {
  constructor(
    private readonly reservations: ReservationsService,
    private readonly waiting: WaitingBookings,
    private readonly processed: ProcessedEventsRepository,
    private readonly transactions: Transactions,
    @Inject(SERVICE_LOG) private readonly log: Logger,
  ) {}

  /** Resolves when the event is applied or can never be (then acked); throws to have it redelivered. */
  @ConsumesEvents(EVENT_SUBSCRIPTIONS.inventoryBookings)
  async apply(event: DomainEvent): Promise<void> {
    const parsed = parseBookingEvent(event);
    if ('unusable' in parsed) {
      // Other booking facts are none of inventory's business; a malformed one would fail forever.
      if (parsed.unusable === 'malformed') {
        this.log.error({ eventId: event.id, type: event.type }, 'malformed event skipped');
      }
      return;
    }
    const context = { eventId: parsed.id, type: parsed.type, bookingId: parsed.data.bookingId };
    let applied: Applied | null;
    try {
      applied = await this.transactions.run(async (tx) =>
        (await this.processed.markProcessed(tx, parsed.id)) ? this.applyIn(tx, parsed) : null,
      );
    } catch (err) {
      // A rule refused it (no such booking, already used, other parts): the same event would be
      // refused forever, so it is acked with nothing changed (the transaction rolled back).
      if (!(err instanceof DomainError) || !REFUSALS.has(err.code)) throw err;
      this.log.warn({ ...context, code: err.code, reason: err.message }, 'booking event changed nothing');
      return;
    }
    if (applied?.warning) this.log.warn(context, applied.warning);
    if (applied?.freed) await this.waiting.afterRelease(applied.freed);
  }

  private async applyIn(tx: Tx, event: BookingEvent): Promise<Applied> {
    const { bookingId } = event.data;
    switch (event.type) {
      case 'booking.created': {
        const { branchId, lines } = event.data;
        await this.reservations.reserveIn(tx, BOOKINGS_SERVICE, { bookingId, branchId, lines });
        return {};
      }
      case 'booking.cancelled':
      case 'booking.no_show': {
        const { reservation, freedParts } = await this.reservations.releaseOrForecloseIn(
          tx,
          BOOKINGS_SERVICE,
          event.data,
        );
        return freedParts ? { freed: reservation } : {};
      }
      case 'booking.completed': {
        const { neverHeld } = await this.reservations.completeIn(tx, BOOKINGS_SERVICE, bookingId);
        return neverHeld ? { warning: 'completed booking never got its parts: nothing consumed, marked released' } : {};
      }
    }
  }
}
