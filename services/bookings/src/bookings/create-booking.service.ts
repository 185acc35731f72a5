import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import {
  appendEvent,
  assertWorksAt,
  type bookings,
  type Booking,
  type Branch,
  DomainError,
  isTransientConflict,
  exclusionViolated,
  type Principal,
  Transactions,
  type Tx,
} from '@garage/shared';
import { freeSlots, startProblem, windowAround } from '../scheduling/slot-grid.js';
import { CatalogClient } from '../catalog/catalog.client.js';
import { TechniciansRepository } from '../technicians/technicians.repository.js';
import { VehiclesService } from '../vehicles/vehicles.service.js';
import { publicBooking, type StoredBooking } from './booking-row.js';
import { createdEventOf } from './booking-events.js';
import { BookingSettings } from '../scheduling/booking-settings.js';
import { BookingsRepository, type NewBooking } from './bookings.repository.js';
import { IdempotencyRepository } from './idempotency.repository.js';
import { BookingAttempts } from './booking-attempts.js';
import { requestHash } from './request-hash.js';
import { BookingCounters } from './booking-counters.js';

export type CreateBookingCommand = z.output<typeof bookings.createBooking.request>;

/** Enough to get past a few racing bookings; beyond it the slot is as good as taken. */
const MAX_TRIES = 8;
/** The 409s of a booking; `details` names the field to change, so a client can tell them apart. */
const slotTaken = () =>
  new DomainError('CONFLICT', 'That time is no longer free; pick another slot', [
    { field: 'startsAt', message: 'no longer free' },
  ]);
const carBusy = () =>
  new DomainError(
    'CONFLICT',
    'This car already has a booking at an overlapping time; pick another time or change that booking',
    [{ field: 'vehicleId', message: 'already booked at an overlapping time' }],
  );

/** Another request with the same Idempotency-Key got there first. */
class KeyTaken extends Error {}

/**
 * Books a slot: the quote frozen, a free technician and bay picked, the row inserted with the
 * exclusion constraints as the final word (a violation moves on to the next candidate), the
 * Idempotency-Key and booking.created committed with it.
 */
@Injectable()
export class CreateBooking {
  constructor(
    private readonly vehicles: VehiclesService,
    private readonly technicians: TechniciansRepository,
    private readonly bookings: BookingsRepository,
    private readonly keys: IdempotencyRepository,
    private readonly catalog: CatalogClient,
    private readonly transactions: Transactions,
    private readonly settings: BookingSettings,
    private readonly attempts: BookingAttempts,
    private readonly counters: BookingCounters,
  ) {}

  async execute(principal: Principal, cmd: CreateBookingCommand): Promise<Booking> {
    const key = cmd.idempotencyKey ? { key: cmd.idempotencyKey, hash: requestHash(cmd) } : null;
    if (key) {
      const earlier = await this.replay(principal, key.key, key.hash);
      if (earlier) return earlier;
    }
    // Customers only: staff and admins book for others at the desk.
    if (principal.role === 'customer') await this.attempts.count(principal.id);
    const vehicle = await this.vehicles.visibleTo(principal, cmd.vehicleId);
    this.vehicles.assertBookable(vehicle);
    if (principal.role !== 'customer') assertWorksAt(principal, cmd.branchId);
    const [branch, quote] = await Promise.all([
      this.catalog.openBranch(principal, cmd.branchId),
      this.catalog.quote(principal, cmd.branchId, cmd.serviceIds),
    ]);
    const startsAt = this.checkedStart(branch, cmd.startsAt, quote.durationMinutes);
    const endsAt = startsAt + quote.durationMinutes * 60_000;
    const free = await this.freeAt(branch, cmd.technicianId, startsAt, endsAt, quote.durationMinutes);
    const booking: Omit<NewBooking, 'technicianId' | 'bay'> = {
      id: randomUUID(),
      customerId: vehicle.customerId,
      vehicleId: vehicle.id,
      branchId: branch.id,
      branchTimezone: branch.timezone,
      serviceIds: cmd.serviceIds,
      startsAt: new Date(startsAt),
      endsAt: new Date(endsAt),
      quote: quote.estimate,
      parts: quote.parts,
      notes: cmd.notes,
      bookedBy: principal.role === 'customer' ? 'customer' : 'staff',
    };
    try {
      return publicBooking(await this.place(principal, booking, free, key));
    } catch (err) {
      if (!(err instanceof KeyTaken) || !key) throw err;
      const winner = await this.replay(principal, key.key, key.hash);
      if (!winner) throw new DomainError('CONFLICT', 'A request with this Idempotency-Key is still in progress');
      return winner;
    }
  }

  /** The first answer to this key; UNPROCESSABLE when the key came with another body. */
  private async replay(principal: Principal, key: string, hash: string): Promise<Booking | null> {
    const earlier = await this.keys.find(principal, key);
    if (!earlier) return null;
    if (earlier.requestHash !== hash) {
      throw new DomainError('UNPROCESSABLE', 'This Idempotency-Key was already used for a different booking request');
    }
    const booking = await this.bookings.findById(earlier.bookingId);
    if (!booking) throw new Error('an idempotency key points at a missing booking');
    return publicBooking(booking);
  }

  private checkedStart(branch: Branch, startsAtIso: string, durationMinutes: number): number {
    const startsAt = Date.parse(startsAtIso);
    const window = windowAround(branch.openingHours, branch.timezone, startsAt);
    const { slotMinutes } = this.settings;
    const problem = startProblem(window, startsAt, slotMinutes, durationMinutes, Date.now(), branch.bookingHorizonDays);
    if (problem) throw new DomainError('VALIDATION_FAILED', 'Invalid input', [{ field: 'startsAt', message: problem }]);
    return startsAt;
  }

  /** Technicians (the named one, or every free one) and bays free for the whole job; CONFLICT if none. */
  private async freeAt(branch: Branch, technicianId: string | undefined, from: number, to: number, minutes: number) {
    let candidates: string[];
    if (technicianId) {
      const named = await this.technicians.findById(technicianId);
      if (!named || named.branchId !== branch.id)
        throw new DomainError('NOT_FOUND', 'No such technician at this branch');
      if (!named.active) throw new DomainError('CONFLICT', 'This technician is not taking bookings');
      candidates = [named.id];
    } else {
      candidates = (await this.technicians.activeAt(branch.id)).map((t) => t.id);
    }
    const holds = await this.bookings.holdsBetween(branch.id, candidates, from, to);
    const [slot] = freeSlots([from], minutes, candidates, branch.bays, holds);
    if (!slot) throw slotTaken();
    return slot;
  }

  /**
   * Inserts with the first free technician and bay; when a racing booking took one of them (23P01
   * names which), tries the next one. Bounded: no fit after MAX_TRIES is a CONFLICT, and so is the
   * car being booked elsewhere at that time.
   */
  private async place(
    principal: Principal,
    booking: Omit<NewBooking, 'technicianId' | 'bay'>,
    free: { technicianIds: string[]; bays: number[] },
    key: { key: string; hash: string } | null,
  ): Promise<StoredBooking> {
    let [t, b] = [0, 0];
    for (let tries = 0; tries < MAX_TRIES && t < free.technicianIds.length && b < free.bays.length; tries++) {
      const row = { ...booking, technicianId: free.technicianIds[t], bay: free.bays[b] };
      try {
        const placed = await this.transactions.run(async (tx) => {
          if (row.bookedBy === 'customer') await this.withinLiveCap(tx, row.customerId);
          await this.bookings.lockBranchDay(tx, row);
          if (key && !(await this.keys.claim(tx, principal, key.key, key.hash, row.id))) throw new KeyTaken();
          const created = await this.bookings.insert(tx, row);
          await appendEvent(tx, 'booking.created', createdEventOf(created));
          return created;
        });
        this.counters.booked(placed);
        return placed;
      } catch (err) {
        const taken = exclusionViolated(err);
        // The car is not in two places at once: no other technician or bay makes that right.
        if (taken === 'bookings_vehicle_no_overlap') throw carBusy();
        if (taken === 'bookings_bay_no_overlap') b++;
        else if (taken !== null) t++;
        else if (!isTransientConflict(err)) throw err;
      }
    }
    throw slotTaken();
  }

  /**
   * A customer booking online holds at most liveBookingsPerCustomer open bookings made online;
   * counted under the customer's lock in the inserting transaction, so racing bookings of one
   * customer cannot all pass. Staff booking for them are exempt.
   */
  private async withinLiveCap(tx: Tx, customerId: string): Promise<void> {
    await this.bookings.lockCustomer(tx, customerId);
    const cap = this.settings.liveBookingsPerCustomer;
    if ((await this.bookings.countOpenMadeOnline(tx, customerId)) >= cap) {
      throw new DomainError(
        'CONFLICT',
        `You already have ${cap} upcoming bookings, the most an account can hold online; ` +
          'cancel one or ask the branch to book this one for you',
      );
    }
  }
}
