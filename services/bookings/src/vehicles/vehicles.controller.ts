import { Controller } from '@nestjs/common';
import { Handles, bookings, type Call } from '@garage/shared';
import { VehiclesService } from './vehicles.service.js';

/** NATS handlers for vehicles: parse, check the caller, call the rule. */
@Controller()
export class VehiclesController {
  constructor(private readonly vehicles: VehiclesService) {}

  @Handles(bookings.listVehicles)
  list({ payload }: Call<typeof bookings.listVehicles>) {
    return this.vehicles.list(payload);
  }

  @Handles(bookings.createVehicle)
  create({ principal, payload }: Call<typeof bookings.createVehicle>) {
    return this.vehicles.registerFor(principal, payload);
  }

  @Handles(bookings.getVehicle)
  get({ principal, payload }: Call<typeof bookings.getVehicle>) {
    return this.vehicles.visibleTo(principal, payload.id);
  }

  @Handles(bookings.updateVehicle)
  update({ principal, payload: { id, ...change } }: Call<typeof bookings.updateVehicle>) {
    return this.vehicles.update(principal, id, change);
  }

  @Handles(bookings.myVehicles)
  mine({ principal, payload: { limit, cursor } }: Call<typeof bookings.myVehicles>) {
    return this.vehicles.list({ customerId: principal.id, limit, cursor });
  }

  @Handles(bookings.addMyVehicle)
  addMine({ principal, payload }: Call<typeof bookings.addMyVehicle>) {
    return this.vehicles.addOwn({ ...payload, customerId: principal.id });
  }
}
