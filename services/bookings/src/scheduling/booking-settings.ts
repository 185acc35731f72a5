import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@garage/shared';
import type { BookingsConfig } from '../config.js';
/** Settings the booking rules read (from the service's config). */
@Injectable()
export class BookingSettings {
  /** The grid of start times availability offers, in minutes. */
  readonly slotMinutes: number;

  constructor(@Inject(SERVICE_CONFIG) config: BookingsConfig) {
    this.slotMinutes = config.SLOT_MINUTES;
  }
}
