import { Injectable } from '@nestjs/common';
import {
  NEXT_FREE_SLOT_DAYS,
  type Availability,
  type NextFreeSlot,
  type OpeningHours,
  type Principal,
} from '@garage/shared';
import { BookingsRepository } from '../bookings/bookings.repository.js';
import { BookingSettings } from '../scheduling/booking-settings.js';
import { CatalogClient } from '../catalog/catalog.client.js';
import { TechniciansRepository } from '../technicians/technicians.repository.js';
import {
  assertRealDate,
  freeSlots,
  gridStarts,
  horizonEnd,
  openWindow,
  type OpenWindow,
} from '../scheduling/slot-grid.js';
import { addDays, wallClockOf } from '../scheduling/zoned-time.js';

/**
 * Free start times at a branch on a date (public, hot): branch facts from the catalog's few-second
 * cache, the duration from a quote, then one query for the technicians and ONE for the day's bookings.
 */
@Injectable()
export class AvailabilityService {
  constructor(
    private readonly catalog: CatalogClient,
    private readonly technicians: TechniciansRepository,
    private readonly bookings: BookingsRepository,
    private readonly settings: BookingSettings,
  ) {}

  async freeSlotsOn(
    principal: Principal | null,
    q: { branchId: string; serviceIds: string[]; date: string },
  ): Promise<Availability> {
    assertRealDate(q.date);
    const { branch, minutes } = await this.branchAndDuration(principal, q.branchId, q.serviceIds);
    const answer = { branchId: branch.id, date: q.date, durationMinutes: minutes };
    const [day] = this.openDays(branch, minutes, [q.date]);
    if (!day) return { ...answer, slots: [] };
    const technicianIds = (await this.technicians.activeAt(branch.id)).map((t) => t.id);
    if (!technicianIds.length) return { ...answer, slots: [] };
    const holds = await this.bookings.holdsBetween(branch.id, technicianIds, day.window.openAt, day.window.closeAt);
    return { ...answer, slots: freeSlots(day.starts, minutes, technicianIds, branch.bays, holds).map(slotJson) };
  }

  /**
   * The earliest free start in the next NEXT_FREE_SLOT_DAYS days of the branch's calendar: the same
   * rules as `on`, with ONE query for the whole span's bookings instead of a request per day.
   */
  async nextFreeSlot(
    principal: Principal | null,
    q: { branchId: string; serviceIds: string[]; from?: string },
  ): Promise<NextFreeSlot> {
    if (q.from) assertRealDate(q.from);
    const { branch, minutes } = await this.branchAndDuration(principal, q.branchId, q.serviceIds);
    const from = q.from ?? wallClockOf(Date.now(), branch.timezone).date;
    const dates = Array.from({ length: NEXT_FREE_SLOT_DAYS }, (_, i) => addDays(from, i));
    const answer = { branchId: branch.id, durationMinutes: minutes, from, until: dates[dates.length - 1]! };
    const days = this.openDays(branch, minutes, dates);
    if (!days.length) return { ...answer, slot: null };
    const technicianIds = (await this.technicians.activeAt(branch.id)).map((t) => t.id);
    if (!technicianIds.length) return { ...answer, slot: null };
    const holds = await this.bookings.holdsBetween(
      branch.id,
      technicianIds,
      days[0]!.window.openAt,
      days[days.length - 1]!.window.closeAt,
    );
    for (const day of days) {
      const held = holds.filter((h) => h.startsAt < day.window.closeAt && h.endsAt > day.window.openAt);
      const [first] = freeSlots(day.starts, minutes, technicianIds, branch.bays, held);
      if (first) return { ...answer, slot: { date: day.date, ...slotJson(first) } };
    }
    return { ...answer, slot: null };
  }

  /** The open branch (catalog's cache) and how long the services take there (a quote). */
  private async branchAndDuration(principal: Principal | null, branchId: string, serviceIds: string[]) {
    const [branch, quote] = await Promise.all([
      this.catalog.openBranch(principal, branchId),
      this.catalog.quote(principal, branchId, serviceIds),
    ]);
    return { branch, minutes: quote.durationMinutes };
  }

  /** The dates the branch is open with at least one start on the grid still ahead and within its horizon, in order. */
  private openDays(
    branch: { openingHours: OpeningHours; timezone: string; bookingHorizonDays: number },
    minutes: number,
    dates: string[],
  ): { date: string; window: OpenWindow; starts: number[] }[] {
    const now = Date.now();
    const until = horizonEnd(now, branch.bookingHorizonDays);
    return dates.flatMap((date) => {
      const window = openWindow(branch.openingHours, branch.timezone, date);
      const starts = window ? gridStarts(window, this.settings.slotMinutes, minutes, now, until) : [];
      return window && starts.length ? [{ date, window, starts }] : [];
    });
  }
}

function slotJson(s: { startsAt: number; endsAt: number; technicianIds: string[] }) {
  return {
    startsAt: new Date(s.startsAt).toISOString(),
    endsAt: new Date(s.endsAt).toISOString(),
    technicianIds: s.technicianIds,
  };
}
