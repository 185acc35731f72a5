import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { branchScope, composed, parseOrThrow, type RpcEnvelope, withRole } from '@garage/shared';
import { DashboardRepository } from './dashboard.repository.js';

/** Internal messages the gateway composes into /api/dashboard and /api/customers. */
@Controller()
export class DashboardController {
  constructor(private readonly dashboard: DashboardRepository) {}

  /** Admin: a branch or the chain; staff: one of theirs (else 403) or all of theirs. */
  @MessagePattern(composed.bookingsDashboard.pattern)
  figures(@Payload() env: RpcEnvelope) {
    const principal = withRole(env, 'admin', 'staff');
    const { branchId } = parseOrThrow(composed.bookingsDashboard.request, env.payload);
    return this.dashboard.figures(branchScope(principal, branchId));
  }

  @MessagePattern(composed.customerCounts.pattern)
  counts(@Payload() env: RpcEnvelope) {
    withRole(env, 'admin', 'staff');
    return this.dashboard.customerCounts(parseOrThrow(composed.customerCounts.request, env.payload).customerIds);
  }
}
