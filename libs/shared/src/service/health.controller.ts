import { Controller, Inject, type Type } from '@nestjs/common';
import { healthContract, type ServiceHealth } from '../contracts/health.contracts.js';
import { runChecks, type HealthCheck } from '../health/health.js';
import { Handles } from './handles.js';

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

/** A controller answering `<service>.health` over NATS, so the gateway can aggregate the chain's health. */
export function healthControllerFor(service: string): Type {
  const contract = healthContract(service);

  @Controller()
  class HealthController {
    constructor(@Inject(HEALTH_CHECKS) private readonly checks: Record<string, HealthCheck>) {}

    @Handles(contract)
    async health(): Promise<ServiceHealth> {
      const checks = await runChecks(this.checks);
      const up = Object.values(checks).every((c) => c === 'up');
      return { service, status: up ? 'up' : 'down', checks };
    }
  }
  return HealthController;
}
