import { Controller } from '@nestjs/common';
import { Handles, bookings, branchScope, type Call } from '@garage/shared';
import { ServiceRecordsRepository } from './service-records.repository.js';

/** Service history: staff see their branches' work (admins all), a customer their own vehicles'. */
@Controller()
export class ServiceRecordsController {
  constructor(private readonly records: ServiceRecordsRepository) {}

  @Handles(bookings.listServiceRecords)
  list({ principal, payload: { branchId, ...q } }: Call<typeof bookings.listServiceRecords>) {
    return this.records.list({ ...q, branchIds: branchScope(principal, branchId) });
  }

  @Handles(bookings.myServiceRecords)
  mine({ principal, payload }: Call<typeof bookings.myServiceRecords>) {
    const q = payload;
    return this.records.list({ ...q, branchIds: null, customerId: principal.id });
  }
}
