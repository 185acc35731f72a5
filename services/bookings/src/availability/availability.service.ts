import { Injectable } from '@nestjs/common';
import type { Availability, Principal } from '@garage/shared';
import { BookingsRepository } from '../bookings/bookings.repository.js';
import { BookingSettings } from '../bookings/booking-settings.js';
import { CatalogClient } from '../catalog/catalog.client.js';
import { TechniciansRepository } from '../technicians/technicians.repository.js';
import { assertRealDate, freeSlots, gridStarts, openWindow } from './slot-grid.js';

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

  async on(
    principal: Principal | null,
    q: { branchId: string; serviceIds: string[]; date: string },
  ): Promise<Availability> {
    assertRealDate(q.date);
    const [branch, quote] = await Promise.all([
      this.catalog.openBranch(principal, q.branchId),
      this.catalog.quote(principal, q.branchId, q.serviceIds),
    ]);
    const minutes = quote.durationMinutes;
    const answer = { branchId: branch.id, date: q.date, durationMinutes: minutes };
    const window = openWindow(branch.openingHours, branch.timezone, q.date);
    const starts = window ? gridStarts(window, this.settings.slotMinutes, minutes, Date.now()) : [];
    if (!window || !starts.length) return { ...answer, slots: [] };
    const technicianIds = (await this.technicians.activeAt(branch.id)).map((t) => t.id);
    if (!technicianIds.length) return { ...answer, slots: [] };
    const holds = await this.bookings.holdsBetween(branch.id, technicianIds, window.openAt, window.closeAt);
    const slots = freeSlots(starts, minutes, technicianIds, branch.bays, holds).map((s) => ({
      startsAt: new Date(s.startsAt).toISOString(),
      endsAt: new Date(s.endsAt).toISOString(),
      technicianIds: s.technicianIds,
    }));
    return { ...answer, slots };
  }
}
