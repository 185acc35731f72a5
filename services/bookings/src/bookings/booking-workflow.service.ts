import { Injectable } from '@nestjs/common';
import {
  appendEvent,
  auditRecord,
  assertWorksAt,
  type Booking,
  type BookingStatus,
  branchScope,
  DomainError,
  type Principal,
  Transactions,
  Tx,
} from '@garage/shared';
import { ServiceRecordsRepository } from '../records/service-records.repository.js';
import { VehiclesRepository } from '../vehicles/vehicles.repository.js';
import { publicBooking, type PartsStatus, type StoredBooking } from './booking-row.js';
import { endedEventOf } from './booking-events.js';
import { canMove } from './booking-status.util.js';
import { BookingsRepository, type BookingFilter } from './bookings.repository.js';
import { BookingCounters } from './booking-counters.js';

/** Parts follow the booking's end: a cancelled or missed job gives them back, a completed one used them. */
export const PARTS_AFTER: Partial<Record<BookingStatus, PartsStatus>> = {
  cancelled: 'released',
  no_show: 'released',
  completed: 'consumed',
};

type Page = { items: Booking[]; nextCursor: string | null };

/**
 * Reading bookings and moving them along the workflow. Customers see their own (anything else is
 * 404), staff their branches' (another branch's is 403), admins all. Every move is a conditional
 * UPDATE, so of two people moving the same booking at once one wins and the other gets 409.
 */
@Injectable()
export class BookingWorkflow {
  constructor(
    private readonly bookings: BookingsRepository,
    private readonly records: ServiceRecordsRepository,
    private readonly vehicles: VehiclesRepository,
    private readonly transactions: Transactions,
    private readonly counters: BookingCounters,
  ) {}

  async get(principal: Principal, id: string): Promise<StoredBooking> {
    const booking = await this.bookings.findById(id);
    if (!booking || (principal.role === 'customer' && booking.customerId !== principal.id)) {
      throw new DomainError('NOT_FOUND', 'No such booking');
    }
    if (principal.role !== 'customer') assertWorksAt(principal, booking.branchId);
    return booking;
  }

  /** Customers only before the start; staff and admins while the workflow allows it. */
  async cancel(principal: Principal, id: string): Promise<Booking> {
    const booking = await this.get(principal, id);
    if (principal.role === 'customer' && Date.parse(booking.startsAt) <= Date.now()) {
      throw new DomainError('CONFLICT', 'This booking has started; ask the branch to cancel it');
    }
    return this.move(booking, 'cancelled', null);
  }

  async setStatus(principal: Principal, id: string, status: BookingStatus, mileage?: number): Promise<Booking> {
    return this.move(await this.get(principal, id), status, mileage ?? null);
  }

  async list(principal: Principal, q: Omit<BookingFilter, 'branchIds' | 'newestFirst'> & { branchId?: string }) {
    const { branchId, ...filter } = q;
    return publicPage(
      await this.bookings.list({ ...filter, branchIds: branchScope(principal, branchId), newestFirst: false }),
    );
  }

  async mine(principal: Principal, limit: number, cursor?: string): Promise<Page> {
    return publicPage(
      await this.bookings.list({ branchIds: null, customerId: principal.id, limit, cursor, newestFirst: true }),
    );
  }

  private async move(booking: StoredBooking, to: BookingStatus, mileage: number | null): Promise<Booking> {
    if (!canMove(booking.status, to)) {
      throw new DomainError('CONFLICT', `A ${booking.status} booking cannot become ${to}`);
    }
    const moved = await this.transactions.run(async (tx) => {
      const row = await this.bookings.transition(tx, booking.id, booking.status, to, PARTS_AFTER[to]);
      if (!row) return null;
      await this.afterMove(tx, row, mileage);
      await appendEvent(
        tx,
        'audit.bookings',
        auditRecord({
          action: 'bookings.booking.status_changed',
          subject: { type: 'booking', id: row.id },
          branchId: row.branchId,
          before: { status: booking.status },
          after: mileage === null ? { status: to } : { status: to, mileage },
        }),
      );
      return row;
    });
    if (!moved) throw new DomainError('CONFLICT', 'The booking was changed by someone else meanwhile; reload it');
    if (moved.status === 'completed') this.counters.completed(moved);
    return publicBooking(moved);
  }

  /** In the move's transaction: the event other services act on, and for a completed job its record. */
  private async afterMove(tx: Tx, b: StoredBooking, mileage: number | null): Promise<void> {
    const ended = endedEventOf(b);
    if (ended) await appendEvent(tx, ended.type, ended.data);
    if (b.status !== 'completed') return;
    await this.records.insertFor(tx, b, mileage);
    if (mileage !== null) await this.vehicles.raiseMileage(tx, b.vehicleId, mileage);
  }
}

function publicPage(page: { items: StoredBooking[]; nextCursor: string | null }): Page {
  return { items: page.items.map(publicBooking), nextCursor: page.nextCursor };
}
