import { Controller } from '@nestjs/common';
import { Handles, bookings, type Call } from '@garage/shared';
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

  @Handles(bookings.createBooking)
  create({ principal, payload }: Call<typeof bookings.createBooking>) {
    return this.createBooking.execute(principal, payload);
  }

  @Handles(bookings.listBookings)
  list({ principal, payload }: Call<typeof bookings.listBookings>) {
    return this.workflow.list(principal, payload);
  }

  @Handles(bookings.myBookings)
  mine({ principal, payload: { limit, cursor } }: Call<typeof bookings.myBookings>) {
    return this.workflow.mine(principal, limit, cursor);
  }

  @Handles(bookings.getBooking)
  async get({ principal, payload }: Call<typeof bookings.getBooking>) {
    return publicBooking(await this.workflow.get(principal, payload.id));
  }

  @Handles(bookings.cancelBooking)
  cancel({ principal, payload }: Call<typeof bookings.cancelBooking>) {
    return this.workflow.cancel(principal, payload.id);
  }

  @Handles(bookings.setBookingStatus)
  setStatus({ principal, payload: { id, status, mileage } }: Call<typeof bookings.setBookingStatus>) {
    return this.workflow.setStatus(principal, id, status, mileage);
  }
}
