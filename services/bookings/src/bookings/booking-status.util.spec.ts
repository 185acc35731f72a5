import { BOOKING_STATUSES } from '@garage/shared';
import { canMove } from './booking-status.util.js';

describe('booking workflow', () => {
  it('moves forward one step at a time', () => {
    expect(canMove('requested', 'confirmed')).toBe(true);
    expect(canMove('confirmed', 'checked_in')).toBe(true);
    expect(canMove('checked_in', 'in_progress')).toBe(true);
    expect(canMove('in_progress', 'completed')).toBe(true);
  });

  it('refuses jumps, going back and standing still', () => {
    expect(canMove('requested', 'completed')).toBe(false);
    expect(canMove('requested', 'in_progress')).toBe(false);
    expect(canMove('confirmed', 'requested')).toBe(false);
    expect(canMove('in_progress', 'checked_in')).toBe(false);
    for (const s of BOOKING_STATUSES) expect(canMove(s, s)).toBe(false);
  });

  it('cancels until work starts; no-show only before arrival', () => {
    expect(BOOKING_STATUSES.filter((s) => canMove(s, 'cancelled'))).toEqual(['requested', 'confirmed', 'checked_in']);
    expect(canMove('in_progress', 'cancelled')).toBe(false);
    expect(canMove('checked_in', 'no_show')).toBe(false);
    expect(canMove('confirmed', 'no_show')).toBe(true);
  });

  it('treats completed, cancelled and no_show as final', () => {
    for (const end of ['completed', 'cancelled', 'no_show'] as const) {
      for (const s of BOOKING_STATUSES) expect(canMove(end, s)).toBe(false);
    }
  });
});
