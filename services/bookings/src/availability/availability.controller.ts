import { Controller } from '@nestjs/common';
import { Handles, bookings, type Call } from '@garage/shared';
import { AvailabilityService } from './availability.service.js';

/** Public: anyone may see when a branch has room. */
@Controller()
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Handles(bookings.availability)
  on({ principal, payload }: Call<typeof bookings.availability>) {
    return this.availability.freeSlotsOn(principal, payload);
  }

  @Handles(bookings.nextFreeSlot)
  next({ principal, payload }: Call<typeof bookings.nextFreeSlot>) {
    return this.availability.nextFreeSlot(principal, payload);
  }
}
