import { Controller, Req, Res } from '@nestjs/common';
import { bookings } from '@garage/shared';
import { Route } from '../http/route.decorator.js';
import { RpcForwarder } from '../http/rpc-forwarder.js';
import type { GatewayReply, GatewayRequest } from '../http/gateway-request.js';

/** Availability and bookings. POST /api/bookings takes its Idempotency-Key header into the payload (http/header-fields.ts). */
@Controller()
export class BookingsController {
  constructor(private readonly rpc: RpcForwarder) {}

  @Route(bookings.availability)
  availability(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(bookings.availability, req, reply);
  }

  @Route(bookings.nextFreeSlot)
  nextFreeSlot(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(bookings.nextFreeSlot, req, reply);
  }

  @Route(bookings.createBooking)
  create(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(bookings.createBooking, req, reply);
  }

  @Route(bookings.listBookings)
  list(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(bookings.listBookings, req, reply);
  }

  @Route(bookings.myBookings)
  mine(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(bookings.myBookings, req, reply);
  }

  @Route(bookings.getBooking)
  get(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(bookings.getBooking, req, reply);
  }

  @Route(bookings.cancelBooking)
  cancel(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(bookings.cancelBooking, req, reply);
  }

  @Route(bookings.setBookingStatus)
  setStatus(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(bookings.setBookingStatus, req, reply);
  }
}
