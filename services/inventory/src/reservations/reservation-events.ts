import { appendEvent, EVENT_SCHEMAS, type EventData, Tx } from '@garage/shared';

type ReservationEventType = 'inventory.parts_reserved' | 'inventory.shortage';

/**
 * Tells the bookings service what became of a booking's parts, through inventory's outbox, in the
 * transaction that changed the reservation: the event exists if and only if the change committed.
 */
export async function recordReservationEvent<T extends ReservationEventType>(
  tx: Tx,
  type: T,
  data: EventData<T>,
): Promise<void> {
  // Parsed against the published contract, so a mistake here fails the change, not the consumer.
  await appendEvent(tx.runner, 'inventory', type, EVENT_SCHEMAS[type].parse(data));
}
