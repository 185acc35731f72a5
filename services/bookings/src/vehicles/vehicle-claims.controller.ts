import { Controller } from '@nestjs/common';
import { Handles, bookings, type Call } from '@garage/shared';
import { VehicleClaimsService } from './vehicle-claims.service.js';

/** NATS handlers for VIN claims: parse, check the caller, call the rule. */
@Controller()
export class VehicleClaimsController {
  constructor(private readonly claims: VehicleClaimsService) {}

  @Handles(bookings.listVehicleClaims)
  list({ payload: { limit, cursor } }: Call<typeof bookings.listVehicleClaims>) {
    return this.claims.listPending(limit, cursor);
  }

  @Handles(bookings.approveVehicleClaim)
  approve({ principal, payload }: Call<typeof bookings.approveVehicleClaim>) {
    return this.claims.approve(principal, payload.id);
  }

  @Handles(bookings.rejectVehicleClaim)
  reject({ principal, payload }: Call<typeof bookings.rejectVehicleClaim>) {
    return this.claims.reject(principal, payload.id);
  }
}
