import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { bookings, parseOrThrow, signedIn, withRole, type RpcEnvelope } from '@garage/shared';
import { publicBooking } from './booking-row.js';
import { BookingWorkflow } from './booking-workflow.service.js';
import { CreateBooking } from './create-booking.service.js';

/** NATS handlers for bookings: parse, check the caller, call the use case. */
@Controller()
export class BookingsController {
  constructor(
    private readonly createBooking: CreateBooking,
    private readonly workflow: BookingWorkflow,
  ) {}

  @MessagePattern(bookings.createBooking.pattern)
  create(@Payload() env: RpcEnvelope) {
    const principal = withRole(env, 'customer', 'staff', 'admin');
    return this.createBooking.execute(principal, parseOrThrow(bookings.createBooking.request, env.payload));
  }

  @MessagePattern(bookings.listBookings.pattern)
  list(@Payload() env: RpcEnvelope) {
    const principal = withRole(env, 'admin', 'staff');
    return this.workflow.list(principal, parseOrThrow(bookings.listBookings.request, env.payload));
  }

  @MessagePattern(bookings.myBookings.pattern)
  mine(@Payload() env: RpcEnvelope) {
    const principal = withRole(env, 'customer');
    const { limit, cursor } = parseOrThrow(bookings.myBookings.request, env.payload);
    return this.workflow.mine(principal, limit, cursor);
  }

  @MessagePattern(bookings.getBooking.pattern)
  async get(@Payload() env: RpcEnvelope) {
    const principal = signedIn(env);
    return publicBooking(await this.workflow.get(principal, parseOrThrow(bookings.getBooking.request, env.payload).id));
  }

  @MessagePattern(bookings.cancelBooking.pattern)
  cancel(@Payload() env: RpcEnvelope) {
    const principal = signedIn(env);
    return this.workflow.cancel(principal, parseOrThrow(bookings.cancelBooking.request, env.payload).id);
  }

  @MessagePattern(bookings.setBookingStatus.pattern)
  setStatus(@Payload() env: RpcEnvelope) {
    const principal = withRole(env, 'staff', 'admin');
    const { id, status, mileage } = parseOrThrow(bookings.setBookingStatus.request, env.payload);
    return this.workflow.setStatus(principal, id, status, mileage);
  }
}
