import { appendEvent, SERVICE_LOG, Transactions, Tx } from '@garage/shared';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger, Reservation } from '@garage/shared';
import { INVENTORY_SERVICE } from '../stock/actor.js';
import { MovementsRepository } from '../stock/movements.repository.js';
import { StockRepository } from '../stock/stock.repository.js';
import { heldLines } from './reservation-lines.util.js';
import { fitInOrder, reservationMoves, sumByPart } from './reservation-moves.util.js';
import { ReservationsRepository } from './reservations.repository.js';

/**
 * Waiting reservations looked at per arrival. More waiting bookings than this for one part at one
 * branch are looked at on the next arrival; 100 keeps the follow-up transaction (and its locks) short.
 */
export const WAITING_BATCH = 100;

/**
 * Bookings waiting for parts ('short' reservations) get them when stock arrives at their branch:
 * oldest first, each all or nothing, in a short transaction after the arrival committed. A constant
 * number of statements per batch (plus one outbox row per booking served), not a round of queries
 * per waiting booking.
 */
@Injectable()
export class WaitingBookings {
  constructor(
    private readonly reservations: ReservationsRepository,
    private readonly stock: StockRepository,
    private readonly movements: MovementsRepository,
    private readonly transactions: Transactions,
    @Inject(SERVICE_LOG) private readonly log: Logger,
  ) {}

  /**
   * Call after stock of these SKUs arrived (or was freed) at the branch, once that has committed.
   * Never throws: the arrival stands either way, and bookings it could not serve wait for the next.
   */
  async afterArrival(branchId: string, skus: string[]): Promise<number> {
    try {
      return await this.transactions.run((tx) => this.serveWaiting(tx, branchId, skus));
    } catch (err) {
      this.log.warn({ err, branchId, skus }, 'waiting bookings not served after stock arrived');
      return 0;
    }
  }

  /** Call after a booking's held parts were given back (committed): others waiting at the branch may fit. */
  afterRelease(released: Reservation): Promise<number> {
    return this.afterArrival(
      released.branchId,
      released.lines.map((l) => l.partSku),
    );
  }

  /** Holds the parts of every waiting booking (of the oldest WAITING_BATCH) that now fits; returns how many. */
  private async serveWaiting(tx: Tx, branchId: string, arrived: string[]): Promise<number> {
    const waiting = await this.reservations.lockWaiting(tx, branchId, arrived, WAITING_BATCH);
    if (!waiting.length) return 0;
    // Every SKU any of them needs, locked at once in part order: locking per booking would take
    // stock rows out of the global order and could deadlock with a concurrent reservation.
    const skus = [...new Set(waiting.flatMap((r) => r.lines.map((l) => l.partSku)))];
    const locked = await this.stock.lockAtBranch(tx, branchId, skus);
    const served = fitInOrder(waiting, locked);
    if (!served.length) return 0;
    const moves = served.map((r) => reservationMoves(r, 'reserve', heldLines(r.lines, locked), INVENTORY_SERVICE));
    await this.stock.applyLocked(tx, branchId, sumByPart(moves.flatMap((m) => m.changes)));
    await this.movements.append(
      tx,
      moves.flatMap((m) => m.movements),
    );
    await this.reservations.markHeld(
      tx,
      served.map((r) => r.bookingId),
    );
    for (const r of served) {
      await appendEvent(tx, 'inventory.parts_reserved', { bookingId: r.bookingId, branchId });
    }
    this.log.info({ branchId, served: served.length, waiting: waiting.length }, 'waiting bookings served');
    return served.length;
  }
}
