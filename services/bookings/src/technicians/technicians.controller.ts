import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { bookings, parseOrThrow, withRole, type RpcEnvelope } from '@garage/shared';
import { TechniciansService } from './technicians.service.js';

/** NATS handlers for technicians: parse, check the caller, call the rule. */
@Controller()
export class TechniciansController {
  constructor(private readonly technicians: TechniciansService) {}

  @MessagePattern(bookings.listTechnicians.pattern)
  list(@Payload() env: RpcEnvelope) {
    const principal = withRole(env, 'admin', 'staff');
    const { includeInactive, ...q } = parseOrThrow(bookings.listTechnicians.request, env.payload);
    return this.technicians.list(principal, { ...q, includeInactive: includeInactive === 'true' });
  }

  @MessagePattern(bookings.createTechnician.pattern)
  create(@Payload() env: RpcEnvelope) {
    const principal = withRole(env, 'admin');
    return this.technicians.create(principal, parseOrThrow(bookings.createTechnician.request, env.payload));
  }

  @MessagePattern(bookings.updateTechnician.pattern)
  update(@Payload() env: RpcEnvelope) {
    const principal = withRole(env, 'admin');
    const { id, ...change } = parseOrThrow(bookings.updateTechnician.request, env.payload);
    return this.technicians.update(principal, id, change);
  }
}
