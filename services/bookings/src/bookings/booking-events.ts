import { appendEvent, type EventData, type EventType, Tx } from '@garage/shared';
import type { StoredBooking } from './booking-row.js';

/** Writes one event of EVENT_SCHEMAS into the bookings outbox, in the caller's transaction. */
function record<T extends EventType>(tx: Tx, type: T, data: EventData<T>): Promise<string> {
  return appendEvent(tx.runner, 'bookings', type, data);
}

/** booking.created: inventory reserves the frozen parts at the branch. */
export function recordCreated(tx: Tx, b: StoredBooking): Promise<string> {
  return record(tx, 'booking.created', {
    bookingId: b.id,
    branchId: b.branchId,
    startsAt: b.startsAt,
    lines: b.parts,
  });
}

/** booking.cancelled / booking.no_show / booking.completed: inventory releases or consumes the parts. */
export function recordEnded(tx: Tx, b: StoredBooking): Promise<string> | undefined {
  const data = { bookingId: b.id, branchId: b.branchId };
  if (b.status === 'cancelled') return record(tx, 'booking.cancelled', data);
  if (b.status === 'no_show') return record(tx, 'booking.no_show', data);
  if (b.status === 'completed') return record(tx, 'booking.completed', data);
  return undefined;
}
