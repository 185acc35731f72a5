import { Controller, Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { healthContract, runChecks, type HealthCheck, type ServiceHealth } from '@garage/shared';

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');
const contract = healthContract('auth');

/** Answers `auth.health` so the gateway can aggregate the chain's health. */
@Controller()
export class HealthController {
  constructor(@Inject(HEALTH_CHECKS) private readonly checks: Record<string, HealthCheck>) {}

  @MessagePattern(contract.pattern)
  async health(): Promise<ServiceHealth> {
    const checks = await runChecks(this.checks);
    const up = Object.values(checks).every((c) => c === 'up');
    return { service: 'auth', status: up ? 'up' : 'down', checks };
  }
}
