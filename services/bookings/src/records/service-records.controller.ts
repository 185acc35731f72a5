import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { bookings, branchScope, parseOrThrow, type RpcEnvelope, withRole } from '@garage/shared';
import { ServiceRecordsRepository } from './service-records.repository.js';

/** Service history: staff see their branches' work (admins all), a customer their own vehicles'. */
@Controller()
export class ServiceRecordsController {
  constructor(private readonly records: ServiceRecordsRepository) {}

  @MessagePattern(bookings.listServiceRecords.pattern)
  list(@Payload() env: RpcEnvelope) {
    const principal = withRole(env, 'admin', 'staff');
    const { branchId, ...q } = parseOrThrow(bookings.listServiceRecords.request, env.payload);
    return this.records.list({ ...q, branchIds: branchScope(principal, branchId) });
  }

  @MessagePattern(bookings.myServiceRecords.pattern)
  mine(@Payload() env: RpcEnvelope) {
    const principal = withRole(env, 'customer');
    const q = parseOrThrow(bookings.myServiceRecords.request, env.payload);
    return this.records.list({ ...q, branchIds: null, customerId: principal.id });
  }
}
