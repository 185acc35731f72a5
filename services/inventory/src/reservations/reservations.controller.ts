import { Controller } from '@nestjs/common';
import { Handles, inventory, type Call } from '@garage/shared';
import { ReservationsService } from './reservations.service.js';

/**
 * NATS-only handlers (no HTTP route): other services hold, release and use a booking's parts.
 * Their contracts' access is 'services': they usually come without a principal, never a customer's.
 */
@Controller()
export class ReservationsController {
  constructor(private readonly reservations: ReservationsService) {}

  @Handles(inventory.reserveParts)
  reserve({ principal, payload }: Call<typeof inventory.reserveParts>) {
    return this.reservations.reserve(principal, payload);
  }

  @Handles(inventory.releaseParts)
  release({ principal, payload: { bookingId } }: Call<typeof inventory.releaseParts>) {
    return this.reservations.release(principal, bookingId);
  }

  @Handles(inventory.consumeParts)
  consume({ principal, payload: { bookingId } }: Call<typeof inventory.consumeParts>) {
    return this.reservations.consume(principal, bookingId);
  }
}
