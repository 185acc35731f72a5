import { Injectable } from '@nestjs/common';
import { type Counter, Metrics } from '@garage/shared';
import type { StoredBooking } from './booking-row.js';

/**
 * The business on /metrics: bookings made and revenue from completed jobs, per branch (branch ids
 * are few, so the label stays small). Counted after the transaction commits, so a rolled-back
 * booking is never counted.
 */
@Injectable()
export class BookingCounters {
  private readonly created: Counter<'branch'>;
  private readonly revenue: Counter<'branch'>;

  constructor(metrics: Metrics) {
    this.created = metrics.counter('garage_bookings_created_total', 'Bookings made, by branch', ['branch']);
    this.revenue = metrics.counter(
      'garage_revenue_cents_total',
      "Completed bookings' quoted totals (tax included, in CURRENCY's cents), by branch",
      ['branch'],
    );
  }

  booked(b: StoredBooking): void {
    this.created.inc({ branch: b.branchId });
  }

  completed(b: StoredBooking): void {
    this.revenue.inc({ branch: b.branchId }, b.quote.totalCents);
  }
}
