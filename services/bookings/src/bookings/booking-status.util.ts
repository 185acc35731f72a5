import type { BookingStatus } from '@garage/shared';

/**
 * The booking workflow in one place. The job moves forward one step at a time; it may be cancelled
 * until work starts (a car checked in can still be collected untouched), and marked a no-show only
 * before the customer has arrived. completed, cancelled and no_show are final.
 */
const NEXT: Record<BookingStatus, readonly BookingStatus[]> = {
  requested: ['confirmed', 'cancelled', 'no_show'],
  confirmed: ['checked_in', 'cancelled', 'no_show'],
  checked_in: ['in_progress', 'cancelled'],
  in_progress: ['completed'],
  completed: [],
  cancelled: [],
  no_show: [],
};

/** True when a booking may move from one status to the other. */
export function canMove(from: BookingStatus, to: BookingStatus): boolean {
  return NEXT[from].includes(to);
}
