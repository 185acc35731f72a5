import type { EventData } from '@garage/shared';
import type { StoredBooking } from './booking-row.js';

type EndedType = 'booking.cancelled' | 'booking.no_show' | 'booking.completed';

/** booking.created's data: inventory reserves the frozen parts at the branch. */
export function createdEventOf(b: StoredBooking): EventData<'booking.created'> {
  return { bookingId: b.id, branchId: b.branchId, startsAt: b.startsAt, lines: b.parts };
}

/**
 * The event of a booking that has just ended: cancelled / no_show (inventory releases the parts)
 * or completed (inventory consumes them); null while it has not ended.
 */
export function endedEventOf(b: StoredBooking): { type: EndedType; data: EventData<EndedType> } | null {
  const data = { bookingId: b.id, branchId: b.branchId };
  if (b.status === 'cancelled') return { type: 'booking.cancelled', data };
  if (b.status === 'no_show') return { type: 'booking.no_show', data };
  if (b.status === 'completed') return { type: 'booking.completed', data };
  return null;
}
