import { Injectable } from '@nestjs/common';
import { DomainError, type Principal, type Reservation } from '@garage/shared';
import { Transactions } from '../db/transactions.js';
import type { Tx } from '../db/sql.js';
import { canonicalUuid } from '../db/uuid.js';
import { actorOf } from '../stock/actor.js';
import { BranchDirectory } from '../stock/branch-directory.js';
import { MovementsRepository } from '../stock/movements.repository.js';
import { StockRepository } from '../stock/stock.repository.js';
import { heldLines, mergeLines, sameLines, shortagesOf } from './reservation-lines.util.js';
import { ReservationsRepository, type ReservationLine } from './reservations.repository.js';

export interface ReserveParts {
  bookingId: string;
  branchId: string;
  lines: ReservationLine[];
}

/**
 * Parts held for bookings: all lines or nothing, once per booking however often it is asked.
 * The reservation row is locked before any stock row, and stock rows in part id order (see
 * StockRepository.lockAtBranch), so concurrent reservations cannot deadlock one another.
 */
@Injectable()
export class ReservationsService {
  constructor(
    private readonly reservations: ReservationsRepository,
    private readonly stock: StockRepository,
    private readonly movements: MovementsRepository,
    private readonly branches: BranchDirectory,
    private readonly transactions: Transactions,
  ) {}

  async reserve(principal: Principal | null, request: ReserveParts): Promise<Reservation> {
    const cmd = {
      ...request,
      bookingId: canonicalUuid(request.bookingId),
      branchId: canonicalUuid(request.branchId),
    };
    const lines = mergeLines(cmd.lines);
    await this.branches.confirm(principal, cmd.branchId);
    return this.transactions.run(async (tx) => {
      const claimed = await this.reservations.claim(tx, { ...cmd, lines });
      if (!claimed) return this.repeated(tx, cmd);
      const locked = await this.stock.lockAtBranch(
        tx,
        cmd.branchId,
        lines.map((l) => l.partSku),
      );
      const shortages = shortagesOf(lines, locked);
      if (shortages.length) return this.reservations.settle(tx, cmd.bookingId, 'short', shortages);
      await this.move(tx, principal, claimed, 'reserve', heldLines(lines, locked));
      return claimed;
    });
  }

  /** Gives held parts back; a short reservation held nothing, so it is only marked released. */
  release(principal: Principal | null, bookingId: string): Promise<Reservation> {
    return this.transactions.run(async (tx) => {
      const r = await this.lockExisting(tx, bookingId);
      if (r.status === 'released') return r;
      if (r.status === 'consumed') throw new DomainError('CONFLICT', 'The parts of this booking were already used');
      if (r.status === 'reserved') await this.move(tx, principal, r, 'release', await this.held(tx, r));
      return this.reservations.settle(tx, bookingId, 'released');
    });
  }

  /** The held parts leave the shelf: on hand and reserved both go down. */
  consume(principal: Principal | null, bookingId: string): Promise<Reservation> {
    return this.transactions.run(async (tx) => {
      const r = await this.lockExisting(tx, bookingId);
      if (r.status === 'consumed') return r;
      if (r.status !== 'reserved') {
        throw new DomainError('CONFLICT', `This booking holds no parts (its reservation is ${r.status})`);
      }
      await this.move(tx, principal, r, 'consume', await this.held(tx, r));
      return this.reservations.settle(tx, bookingId, 'consumed');
    });
  }

  /** The same request again gets the first answer; another request under the same booking id is refused. */
  private async repeated(tx: Tx, cmd: ReserveParts): Promise<Reservation> {
    const existing = await this.reservations.lock(tx, cmd.bookingId);
    if (!existing) throw new Error('a reservation that blocked a claim is gone');
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
    principal: Principal | null,
    r: Reservation,
    kind: 'reserve' | 'release' | 'consume',
    lines: Array<{ partId: string; quantity: number }>,
  ): Promise<void> {
    const change = {
      reserve: { onHand: 0, reserved: 1, reason: 'Held for a booking' },
      release: { onHand: 0, reserved: -1, reason: 'Booking no longer needs the parts' },
      consume: { onHand: -1, reserved: -1, reason: 'Used for a booking' },
    }[kind];
    const changes = lines.map((l) => ({
      partId: l.partId,
      onHand: change.onHand * l.quantity,
      reserved: change.reserved * l.quantity,
    }));
    await this.stock.applyLocked(tx, r.branchId, changes);
    await this.movements.append(
      tx,
      changes.map((c) => ({
        partId: c.partId,
        branchId: r.branchId,
        kind,
        delta: c.onHand,
        reservedDelta: c.reserved,
        reason: change.reason,
        bookingId: r.bookingId,
        actor: actorOf(principal),
      })),
    );
  }
}
