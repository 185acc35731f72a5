import type { Reservation } from '@garage/shared';
import { fitInOrder, reservationMoves, sumByPart } from './reservation-moves.util.js';

const waiting = (bookingId: string, lines: Reservation['lines']): Reservation => ({
  bookingId,
  branchId: 'b1',
  status: 'short',
  lines,
  shortages: [],
});
const stock = [
  { partId: 'p1', sku: 'OIL', onHand: 5, reserved: 2 },
  { partId: 'p2', sku: 'BELT', onHand: 1, reserved: 0 },
];

describe('reservation moves', () => {
  it('serves waiting bookings oldest first, each all or nothing, from what is available', () => {
    const served = fitInOrder(
      [
        waiting('older', [{ partSku: 'OIL', quantity: 2 }]),
        waiting('needs-missing', [
          { partSku: 'OIL', quantity: 1 },
          { partSku: 'PLUG', quantity: 1 },
        ]),
        waiting('too-big', [{ partSku: 'OIL', quantity: 2 }]),
        waiting('fits-last', [
          { partSku: 'OIL', quantity: 1 },
          { partSku: 'BELT', quantity: 1 },
        ]),
      ],
      stock,
    );
    // 3 OIL available: older takes 2; too-big would need 2 of the 1 left; fits-last takes it.
    expect(served.map((r) => r.bookingId)).toEqual(['older', 'fits-last']);
  });

  it('adds up several bookings changes to one part, so one UPDATE row per part carries them all', () => {
    expect(
      sumByPart([
        { partId: 'p1', onHand: 0, reserved: 2 },
        { partId: 'p2', onHand: 0, reserved: 1 },
        { partId: 'p1', onHand: 0, reserved: 3 },
      ]),
    ).toEqual([
      { partId: 'p1', onHand: 0, reserved: 5 },
      { partId: 'p2', onHand: 0, reserved: 1 },
    ]);
  });

  it('consuming takes on hand and reserved down together, with a ledger row per line', () => {
    const actor = { kind: 'system' as const, id: 'bookings' };
    const { changes, movements } = reservationMoves(
      { bookingId: 'k', branchId: 'b1' },
      'consume',
      [{ partId: 'p1', quantity: 3 }],
      actor,
    );
    expect(changes).toEqual([{ partId: 'p1', onHand: -3, reserved: -3 }]);
    expect(movements).toEqual([
      expect.objectContaining({ partId: 'p1', kind: 'consume', delta: -3, reservedDelta: -3, bookingId: 'k', actor }),
    ]);
  });
});
