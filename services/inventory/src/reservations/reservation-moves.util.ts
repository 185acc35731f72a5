import type { Reservation } from '@garage/shared';
import type { Actor } from '../stock/actor.js';
import type { NewMovement } from '../stock/movements.repository.js';
import type { LockedStock, StockChange } from '../stock/stock.repository.js';

export type ReservationMoveKind = 'reserve' | 'release' | 'consume';

const MOVES = {
  reserve: { onHand: 0, reserved: 1, reason: 'Held for a booking' },
  release: { onHand: 0, reserved: -1, reason: 'Booking no longer needs the parts' },
  consume: { onHand: -1, reserved: -1, reason: 'Used for a booking' },
} as const;

/** The stock changes and ledger rows that move a reservation's held lines (part ids resolved). */
export function reservationMoves(
  r: Pick<Reservation, 'bookingId' | 'branchId'>,
  kind: ReservationMoveKind,
  lines: Array<{ partId: string; quantity: number }>,
  actor: Actor,
): { changes: StockChange[]; movements: NewMovement[] } {
  const move = MOVES[kind];
  const changes = lines.map((l) => ({
    partId: l.partId,
    onHand: move.onHand * l.quantity,
    reserved: move.reserved * l.quantity,
  }));
  const movements = changes.map((c) => ({
    partId: c.partId,
    branchId: r.branchId,
    kind,
    delta: c.onHand,
    reservedDelta: c.reserved,
    reason: move.reason,
    bookingId: r.bookingId,
    actor,
  }));
  return { changes, movements };
}

/**
 * One change per part: an UPDATE … FROM unnest() whose join matches a row twice applies only one of
 * the matches, so several bookings' changes to the same part must be added up first.
 */
export function sumByPart(changes: StockChange[]): StockChange[] {
  const byPart = new Map<string, StockChange>();
  for (const c of changes) {
    const sum = byPart.get(c.partId) ?? { partId: c.partId, onHand: 0, reserved: 0 };
    byPart.set(c.partId, { partId: c.partId, onHand: sum.onHand + c.onHand, reserved: sum.reserved + c.reserved });
  }
  return [...byPart.values()];
}

/**
 * Waiting reservations, oldest first, that the locked stock can now cover in full: each older one
 * that fits takes its parts before a younger one is looked at; one that does not fit takes nothing.
 */
export function fitInOrder(waiting: Reservation[], stock: LockedStock[]): Reservation[] {
  const available = new Map(stock.map((s) => [s.sku, s.onHand - s.reserved]));
  return waiting.filter((r) => {
    if (!r.lines.every((l) => (available.get(l.partSku) ?? 0) >= l.quantity)) return false;
    for (const l of r.lines) available.set(l.partSku, (available.get(l.partSku) ?? 0) - l.quantity);
    return true;
  });
}
