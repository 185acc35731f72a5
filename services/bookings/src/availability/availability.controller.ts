import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { bookings, parseOrThrow, type RpcEnvelope } from '@garage/shared';
import { AvailabilityService } from './availability.service.js';

/** Public: anyone may see when a branch has room. */
@Controller()
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @MessagePattern(bookings.availability.pattern)
  on(@Payload() env: RpcEnvelope) {
    return this.availability.on(env.principal, parseOrThrow(bookings.availability.request, env.payload));
  }

  @MessagePattern(bookings.nextFreeSlot.pattern)
  next(@Payload() env: RpcEnvelope) {
    return this.availability.next(env.principal, parseOrThrow(bookings.nextFreeSlot.request, env.payload));
  }
}
