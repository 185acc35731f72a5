import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@garage/shared';
import type { BookingsConfig } from '../config.js';
/** Settings the booking rules read (from the service's config). */
@Injectable()
export class BookingSettings {
  /** The grid of start times availability offers, in minutes. */
  readonly slotMinutes: number;
  /** Open bookings a customer may have made themselves at once. */
  readonly liveBookingsPerCustomer: number;
  /** Booking attempts a customer may make per window. */
  readonly bookingAttempts: { perWindow: number; windowSeconds: number };

  constructor(@Inject(SERVICE_CONFIG) config: BookingsConfig) {
    this.slotMinutes = config.SLOT_MINUTES;
    this.liveBookingsPerCustomer = config.LIVE_BOOKINGS_PER_CUSTOMER;
    this.bookingAttempts = {
      perWindow: config.BOOKING_ATTEMPTS_PER_CUSTOMER,
      windowSeconds: config.BOOKING_ATTEMPTS_WINDOW_SECONDS,
    };
  }
}
