import { Injectable } from '@nestjs/common';
import { appendEvent, DomainError, type Reservation, Tx } from '@garage/shared';
import type { Actor } from '../stock/actor.js';
import { MovementsRepository } from '../stock/movements.repository.js';
import { StockRepository } from '../stock/stock.repository.js';
import { heldLines, mergeLines, sameLines, shortagesOf } from './reservation-lines.util.js';
import { reservationMoves, type ReservationMoveKind } from './reservation-moves.util.js';
import { ReservationsRepository, type ReservationLine } from './reservations.repository.js';

export interface ReserveParts {
  bookingId: string;
  branchId: string;
  lines: ReservationLine[];
}

/** A reserve's answer, and whether this call made the reservation (false: the booking already had it). */
export interface Reserved {
  reservation: Reservation;
  fresh: boolean;
}

/**
 * Parts held for bookings: all lines or nothing, once per booking however often it is asked.
 * The reservation row is locked before any stock row, and stock rows in part id order (see
 * StockRepository.lockAtBranch), so concurrent reservations cannot deadlock one another.
 * Each rule runs in the caller's transaction: the booking-events consumer, the only caller, records
 * the event as processed in the same one.
 */
@Injectable()
export class ReservationsService {
  constructor(
    private readonly reservations: ReservationsRepository,
    private readonly stock: StockRepository,
    private readonly movements: MovementsRepository,
  ) {}

  /** Claims the booking's reservation and holds every line, or none and records the shortages; says so in an event. */
  async reserveIn(tx: Tx, actor: Actor, request: ReserveParts): Promise<Reserved> {
    const cmd = { ...request, lines: mergeLines(request.lines) };
    const claimed = await this.reservations.claim(tx, cmd);
    if (!claimed) return { reservation: await this.repeated(tx, cmd), fresh: false };
    const locked = await this.stock.lockAtBranch(
      tx,
      cmd.branchId,
      cmd.lines.map((l) => l.partSku),
    );
    const shortages = shortagesOf(cmd.lines, locked);
    const { bookingId, branchId } = cmd;
    if (shortages.length) {
      await appendEvent(tx, 'inventory.shortage', { bookingId, branchId, shortages });
      return { reservation: await this.reservations.settle(tx, bookingId, 'short', shortages), fresh: true };
    }
    await this.move(tx, actor, claimed, 'reserve', heldLines(cmd.lines, locked));
    await appendEvent(tx, 'inventory.parts_reserved', { bookingId, branchId });
    return { reservation: claimed, fresh: true };
  }

  /**
   * Gives held parts back (`freedParts`: then bookings waiting at the branch may fit, see
   * WaitingBookings.afterRelease once committed); a short reservation held nothing, so it is only
   * marked released and stops waiting.
   */
  async releaseIn(tx: Tx, actor: Actor, bookingId: string): Promise<{ reservation: Reservation; freedParts: boolean }> {
    const r = await this.lockExisting(tx, bookingId);
    if (r.status === 'released') return { reservation: r, freedParts: false };
    if (r.status === 'consumed') throw new DomainError('CONFLICT', 'The parts of this booking were already used');
    if (r.status === 'reserved') await this.move(tx, actor, r, 'release', await this.held(tx, r));
    return {
      reservation: await this.reservations.settle(tx, r.bookingId, 'released'),
      freedParts: r.status === 'reserved',
    };
  }

  /**
   * Event path: a cancellation (or no-show) that overtook its booking's creation (a redelivered
   * `created`, or two replicas) leaves a released reservation with no lines, so the late creation
   * holds nothing instead of holding parts for a booking that is already gone.
   */
  async releaseOrForecloseIn(
    tx: Tx,
    actor: Actor,
    booking: { bookingId: string; branchId: string },
  ): Promise<{ reservation: Reservation; freedParts: boolean }> {
    const { bookingId } = booking;
    if (!(await this.reservations.lock(tx, bookingId))) {
      const placeholder = { ...booking, lines: [] };
      if (await this.reservations.claim(tx, placeholder)) {
        return { reservation: await this.reservations.settle(tx, bookingId, 'released'), freedParts: false };
      }
    }
    return this.releaseIn(tx, actor, bookingId);
  }

  /**
   * The job is done: held parts leave the shelf. A short reservation never held any, and taking
   * whatever is on the shelf now could take parts promised to other bookings, so nothing moves; it
   * is marked released so it stops waiting for stock, and `neverHeld` lets the caller report it
   * (parts the job really used are then corrected by a stock adjustment).
   */
  async completeIn(tx: Tx, actor: Actor, bookingId: string): Promise<{ reservation: Reservation; neverHeld: boolean }> {
    const r = await this.lockExisting(tx, bookingId);
    if (r.status !== 'short') return { reservation: await this.consumeLocked(tx, actor, r), neverHeld: false };
    return { reservation: await this.reservations.settle(tx, r.bookingId, 'released'), neverHeld: true };
  }

  /** The held parts leave the shelf: on hand and reserved both go down. */
  private async consumeLocked(tx: Tx, actor: Actor, r: Reservation): Promise<Reservation> {
    if (r.status === 'consumed') return r;
    if (r.status !== 'reserved') {
      throw new DomainError('CONFLICT', `This booking holds no parts (its reservation is ${r.status})`);
    }
    await this.move(tx, actor, r, 'consume', await this.held(tx, r));
    return this.reservations.settle(tx, r.bookingId, 'consumed');
  }

  /** The same request again gets the first answer; another request under the same booking id is refused. */
  private async repeated(tx: Tx, cmd: ReserveParts): Promise<Reservation> {
    const existing = await this.reservations.lock(tx, cmd.bookingId);
    if (!existing) throw new Error('a reservation that blocked a claim is gone');
    // Cancelled before inventory heard of it (releaseOrForecloseIn): nothing to hold, nothing to refuse.
    if (existing.status === 'released' && existing.lines.length === 0) return existing;
    if (existing.branchId !== cmd.branchId || !sameLines(existing.lines, cmd.lines)) {
      throw new DomainError('CONFLICT', 'This booking already has a reservation for other parts or another branch');
    }
    return existing;
  }

  private async lockExisting(tx: Tx, bookingId: string): Promise<Reservation> {
    const r = await this.reservations.lock(tx, bookingId);
    if (!r) throw new DomainError('NOT_FOUND', 'No reservation for this booking');
    return r;
  }

  private async held(tx: Tx, r: Reservation) {
    const locked = await this.stock.lockAtBranch(
      tx,
      r.branchId,
      r.lines.map((l) => l.partSku),
    );
    return heldLines(r.lines, locked);
  }

  /** Changes the locked stock rows and writes their ledger rows, in the caller's transaction. */
  private async move(
    tx: Tx,
    actor: Actor,
    r: Reservation,
    kind: ReservationMoveKind,
    lines: Array<{ partId: string; quantity: number }>,
  ): Promise<void> {
    const { changes, movements } = reservationMoves(r, kind, lines, actor);
    await this.stock.applyLocked(tx, r.branchId, changes);
    await this.movements.append(tx, movements);
  }
}
