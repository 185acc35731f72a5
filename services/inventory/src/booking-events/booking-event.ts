import { EVENT_SCHEMAS, Uuid, type DomainEvent, type EventData } from '@garage/shared';

/** A booking event inventory acts on, its data parsed against the published contract. */
export type BookingEvent =
  | { id: string; type: 'booking.created'; data: EventData<'booking.created'> }
  | { id: string; type: 'booking.cancelled' | 'booking.no_show'; data: EventData<'booking.cancelled'> }
  | { id: string; type: 'booking.completed'; data: EventData<'booking.completed'> };

/** Why an event is not a BookingEvent: another booking.* fact inventory ignores, or one it cannot read. */
export type Unusable = { unusable: 'not-for-inventory' | 'malformed' };

/** Parses an event off the `booking.>` subjects; never throws (a bad event would fail the same way forever). */
export function parseBookingEvent(event: DomainEvent): BookingEvent | Unusable {
  const id = Uuid.safeParse(event.id);
  if (!id.success) return { unusable: 'malformed' };
  switch (event.type) {
    case 'booking.created': {
      const data = EVENT_SCHEMAS['booking.created'].safeParse(event.data);
      return data.success ? { id: id.data, type: event.type, data: data.data } : { unusable: 'malformed' };
    }
    case 'booking.cancelled':
    case 'booking.no_show':
    case 'booking.completed': {
      const data = EVENT_SCHEMAS[event.type].safeParse(event.data);
      return data.success ? { id: id.data, type: event.type, data: data.data } : { unusable: 'malformed' };
    }
    default:
      return { unusable: 'not-for-inventory' };
  }
}
