import { Controller } from '@nestjs/common';
import { Handles, bookings, branchScope, type Call } from '@garage/shared';
import { DashboardRepository } from './dashboard.repository.js';

/** Internal messages the gateway composes into /api/dashboard and /api/customers. */
@Controller()
export class DashboardController {
  constructor(private readonly dashboard: DashboardRepository) {}

  /** Admin: a branch or the chain; staff: one of theirs (else 403) or all of theirs. */
  @Handles(bookings.dashboard)
  figures({ principal, payload: { branchId } }: Call<typeof bookings.dashboard>) {
    return this.dashboard.figures(branchScope(principal, branchId));
  }

  @Handles(bookings.customerCounts)
  counts({ payload }: Call<typeof bookings.customerCounts>) {
    return this.dashboard.customerCounts(payload.customerIds);
  }
}
