import { Injectable } from '@nestjs/common';
import { Tx } from '@garage/shared';
import type { Reservation } from '@garage/shared';

export type ReservationLine = Reservation['lines'][number];
export type Shortage = Reservation['shortages'][number];

interface ReservationRow {
  booking_id: string;
  branch_id: string;
  status: Reservation['status'];
  lines: ReservationLine[];
  shortages: Shortage[];
}

const COLUMNS = 'booking_id, branch_id, status, lines, shortages';

/** Reservations, one row per booking: the booking id as primary key is what makes reserving idempotent. */
@Injectable()
export class ReservationsRepository {
  /**
   * Creates the booking's reservation as held, or returns null if the booking already has one.
   * A concurrent claim of the same booking waits here for the first to commit, then gets null.
   */
  async claim(
    tx: Tx,
    r: { bookingId: string; branchId: string; lines: ReservationLine[] },
  ): Promise<Reservation | null> {
    const rows = await tx.rows<ReservationRow>(
      `INSERT INTO inventory.reservations (booking_id, branch_id, status, lines) VALUES ($1, $2, 'reserved', $3)
       ON CONFLICT (booking_id) DO NOTHING RETURNING ${COLUMNS}`,
      [r.bookingId, r.branchId, JSON.stringify(r.lines)],
    );
    return rows[0] ? toReservation(rows[0]) : null;
  }

  /** The booking's reservation, locked against concurrent release/consume of the same booking. */
  async lock(tx: Tx, bookingId: string): Promise<Reservation | null> {
    const rows = await tx.rows<ReservationRow>(
      `SELECT ${COLUMNS} FROM inventory.reservations WHERE booking_id = $1 FOR UPDATE`,
      [bookingId],
    );
    return rows[0] ? toReservation(rows[0]) : null;
  }

  /**
   * A branch's waiting ('short') reservations that need any of the SKUs, oldest first, locked. Rows
   * are locked in that order by every caller, and before any stock row, like every reservation.
   */
  async lockWaiting(tx: Tx, branchId: string, skus: string[], limit: number): Promise<Reservation[]> {
    const rows = await tx.rows<ReservationRow>(
      `SELECT ${COLUMNS} FROM inventory.reservations r
       WHERE r.branch_id = $1 AND r.status = 'short'
         AND EXISTS (SELECT 1 FROM unnest($2::text[]) AS sku
                     WHERE r.lines @> jsonb_build_array(jsonb_build_object('partSku', sku)))
       ORDER BY r.seq LIMIT $3 FOR UPDATE OF r`,
      [branchId, skus, limit],
    );
    return rows.map(toReservation);
  }

  /** Marks locked waiting reservations held, in one statement; what was short no longer is. */
  async markHeld(tx: Tx, bookingIds: string[]): Promise<void> {
    await tx.rows(
      `UPDATE inventory.reservations SET status = 'reserved', shortages = '[]', updated_at = now()
       WHERE booking_id = ANY($1::uuid[])`,
      [bookingIds],
    );
  }

  /** Moves a claimed or locked reservation to a new status; shortages are kept unless new ones are given. */
  async settle(tx: Tx, bookingId: string, status: Reservation['status'], shortages?: Shortage[]): Promise<Reservation> {
    const rows = await tx.rows<ReservationRow>(
      `UPDATE inventory.reservations SET status = $2, shortages = coalesce($3::jsonb, shortages), updated_at = now()
       WHERE booking_id = $1 RETURNING ${COLUMNS}`,
      [bookingId, status, shortages ? JSON.stringify(shortages) : null],
    );
    return toReservation(rows[0]);
  }
}

function toReservation(r: ReservationRow): Reservation {
  return { bookingId: r.booking_id, branchId: r.branch_id, status: r.status, lines: r.lines, shortages: r.shortages };
}
