import { randomUUID } from 'node:crypto';
import { parseBookingEvent } from './booking-event.js';

const BOOKING = randomUUID();
const BRANCH = randomUUID();
const event = (type: string, data: unknown, id: string = randomUUID()) => ({
  id,
  type,
  occurredAt: new Date().toISOString(),
  data,
});

describe('parseBookingEvent', () => {
  it('reads the four booking events inventory acts on', () => {
    const lines = [{ partSku: 'OIL-5W30', quantity: 2 }];
    expect(
      parseBookingEvent(event('booking.created', { bookingId: BOOKING, branchId: BRANCH, startsAt: 'x', lines })),
    ).toMatchObject({ type: 'booking.created', data: { bookingId: BOOKING, lines } });
    for (const type of ['booking.cancelled', 'booking.no_show', 'booking.completed']) {
      expect(parseBookingEvent(event(type, { bookingId: BOOKING, branchId: BRANCH }))).toMatchObject({ type });
    }
  });

  it('ignores other booking facts and refuses what it cannot read (never throws)', () => {
    expect(parseBookingEvent(event('booking.confirmed', {}))).toEqual({ unusable: 'not-for-inventory' });
    expect(parseBookingEvent(event('booking.cancelled', { bookingId: 'b-1', branchId: BRANCH }))).toEqual({
      unusable: 'malformed',
    });
    expect(
      parseBookingEvent(event('booking.created', { bookingId: BOOKING, branchId: BRANCH, startsAt: 'x', lines: [{}] })),
    ).toEqual({ unusable: 'malformed' });
    expect(
      parseBookingEvent(event('booking.cancelled', { bookingId: BOOKING, branchId: BRANCH }, 'not-a-uuid')),
    ).toEqual({ unusable: 'malformed' });
  });
});
