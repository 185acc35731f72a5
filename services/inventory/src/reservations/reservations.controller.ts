import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DomainError, inventory, parseOrThrow, type RpcEnvelope } from '@garage/shared';
import { ReservationsService } from './reservations.service.js';

/**
 * NATS-only handlers (no HTTP route): other services hold, release and use a booking's parts.
 * They usually come without a principal; a customer's session must never drive them.
 */
@Controller()
export class ReservationsController {
  constructor(private readonly reservations: ReservationsService) {}

  @MessagePattern(inventory.reserveParts.pattern)
  reserve(@Payload() env: RpcEnvelope) {
    refuseCustomers(env);
    return this.reservations.reserve(env.principal, parseOrThrow(inventory.reserveParts.request, env.payload));
  }

  @MessagePattern(inventory.releaseParts.pattern)
  release(@Payload() env: RpcEnvelope) {
    refuseCustomers(env);
    const { bookingId } = parseOrThrow(inventory.releaseParts.request, env.payload);
    return this.reservations.release(env.principal, bookingId);
  }

  @MessagePattern(inventory.consumeParts.pattern)
  consume(@Payload() env: RpcEnvelope) {
    refuseCustomers(env);
    const { bookingId } = parseOrThrow(inventory.consumeParts.request, env.payload);
    return this.reservations.consume(env.principal, bookingId);
  }
}

function refuseCustomers(env: RpcEnvelope): void {
  if (env.principal?.role === 'customer') throw new DomainError('FORBIDDEN', 'You are not allowed to do this');
}
