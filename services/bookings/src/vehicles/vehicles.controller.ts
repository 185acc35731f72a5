import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { bookings, parseOrThrow, signedIn, withRole, type RpcEnvelope } from '@garage/shared';
import { VehiclesService } from './vehicles.service.js';

/** NATS handlers for vehicles: parse, check the caller, call the rule. */
@Controller()
export class VehiclesController {
  constructor(private readonly vehicles: VehiclesService) {}

  @MessagePattern(bookings.listVehicles.pattern)
  list(@Payload() env: RpcEnvelope) {
    withRole(env, 'admin', 'staff');
    return this.vehicles.list(parseOrThrow(bookings.listVehicles.request, env.payload));
  }

  @MessagePattern(bookings.createVehicle.pattern)
  create(@Payload() env: RpcEnvelope) {
    const principal = withRole(env, 'admin', 'staff');
    return this.vehicles.registerFor(principal, parseOrThrow(bookings.createVehicle.request, env.payload));
  }

  @MessagePattern(bookings.getVehicle.pattern)
  get(@Payload() env: RpcEnvelope) {
    const principal = signedIn(env);
    return this.vehicles.visibleTo(principal, parseOrThrow(bookings.getVehicle.request, env.payload).id);
  }

  @MessagePattern(bookings.updateVehicle.pattern)
  update(@Payload() env: RpcEnvelope) {
    const principal = signedIn(env);
    const { id, ...change } = parseOrThrow(bookings.updateVehicle.request, env.payload);
    return this.vehicles.update(principal, id, change);
  }

  @MessagePattern(bookings.myVehicles.pattern)
  mine(@Payload() env: RpcEnvelope) {
    const principal = withRole(env, 'customer');
    const { limit, cursor } = parseOrThrow(bookings.myVehicles.request, env.payload);
    return this.vehicles.list({ customerId: principal.id, limit, cursor });
  }

  @MessagePattern(bookings.addMyVehicle.pattern)
  addMine(@Payload() env: RpcEnvelope) {
    const principal = withRole(env, 'customer');
    return this.vehicles.create({
      ...parseOrThrow(bookings.addMyVehicle.request, env.payload),
      customerId: principal.id,
    });
  }
}
