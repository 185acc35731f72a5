import { Controller, Req, Res } from '@nestjs/common';
import { bookings } from '@garage/shared';
import { Route } from '../http/route.decorator.js';
import { RpcForwarder } from '../http/rpc-forwarder.js';
import type { GatewayReply, GatewayRequest } from '../http/gateway-request.js';

/** Customers' vehicles: staff/admin manage any and settle VIN claims, customers their own (API.md "Customers, vehicles, technicians, bookings"). */
@Controller()
export class VehiclesController {
  constructor(private readonly rpc: RpcForwarder) {}

  @Route(bookings.listVehicles)
  list(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(bookings.listVehicles, req, reply);
  }

  @Route(bookings.createVehicle)
  create(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(bookings.createVehicle, req, reply);
  }

  @Route(bookings.getVehicle)
  get(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(bookings.getVehicle, req, reply);
  }

  @Route(bookings.updateVehicle)
  update(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(bookings.updateVehicle, req, reply);
  }

  @Route(bookings.myVehicles)
  mine(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(bookings.myVehicles, req, reply);
  }

  @Route(bookings.addMyVehicle)
  addMine(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(bookings.addMyVehicle, req, reply);
  }

  @Route(bookings.listVehicleClaims)
  claims(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(bookings.listVehicleClaims, req, reply);
  }

  @Route(bookings.approveVehicleClaim)
  approveClaim(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(bookings.approveVehicleClaim, req, reply);
  }

  @Route(bookings.rejectVehicleClaim)
  rejectClaim(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(bookings.rejectVehicleClaim, req, reply);
  }
}
