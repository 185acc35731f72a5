import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Redis } from 'ioredis';
import {
  RpcClient,
  SERVICES,
  healthContract,
  natsCheck,
  redisCheck,
  runChecks,
  type ChainHealth,
  type ServiceHealth,
} from '@garage/shared';
import { GATEWAY_CONFIG, NATS, REDIS } from '../tokens.js';
import type { GatewayConfig } from '../config.js';

export const VERSION = '2.0.0';
const SERVICE_HEALTH_TIMEOUT_MS = 1500;

/**
 * The chain's health in the original system's format: every service's own health over NATS
 * (in parallel, each with a short deadline), plus Redis and NATS as the gateway sees them.
 * Cached briefly so a flood of probes costs the services nothing.
 */
@Injectable()
export class HealthService {
  private cached: { at: number; value: Promise<ChainHealth> } | undefined;

  constructor(
    @Inject(RpcClient) private readonly rpc: RpcClient,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(NATS) private readonly nc: NatsConnection,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  check(): Promise<ChainHealth> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at >= this.config.HEALTH_CACHE_MS) {
      this.cached = { at: now, value: this.measure() };
    }
    return this.cached.value;
  }

  private async measure(): Promise<ChainHealth> {
    const [local, ...services] = await Promise.all([
      runChecks({ redis: redisCheck(this.redis), nats: natsCheck(this.nc) }),
      ...SERVICES.map((name) => this.serviceHealth(name)),
    ]);
    const serviceStates = Object.fromEntries(services.map((s) => [s.service, s.status]));
    // Sessions expire by Redis TTL, so there is never anything to clean; the field stays for old monitors.
    const databaseUp = services.length > 0 && services.every((s) => s.checks.database === 'up');
    const healthy =
      local.redis === 'up' && local.nats === 'up' && databaseUp && services.every((s) => s.status === 'up');
    return {
      status: healthy ? 'healthy' : 'degraded',
      timestamp: new Date().toISOString(),
      database: databaseUp ? 'connected' : 'disconnected',
      sessions_cleaned: 0,
      version: VERSION,
      environment: this.config.PRODUCTION ? 'production' : 'development',
      services: serviceStates,
      redis: local.redis === 'up' ? 'connected' : 'disconnected',
      nats: local.nats === 'up' ? 'connected' : 'disconnected',
    };
  }

  private async serviceHealth(service: string): Promise<ServiceHealth> {
    try {
      return await this.rpc.request(
        healthContract(service),
        { principal: null, payload: {} },
        { timeoutMs: Math.min(SERVICE_HEALTH_TIMEOUT_MS, this.config.RPC_TIMEOUT_MS) },
      );
    } catch {
      return { service, status: 'down', checks: {} };
    }
  }
}
