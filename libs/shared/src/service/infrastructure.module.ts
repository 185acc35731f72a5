import { Global, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Sql } from '../db/sql.js';
import { Transactions } from '../db/transactions.js';
import { RpcClient } from '../nats/rpc-client.js';
import { Metrics } from '../health/health.js';
import type { ServiceConfig } from './service-config.js';
import type { ServiceInfrastructure } from './start-service.js';

/** Injection token of the service's validated configuration (a type, so Nest cannot inject it by class). */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
/** Injection token of the service's pino logger (a type too). */
export const SERVICE_LOG = Symbol('SERVICE_LOG');

/** The service's one RpcClient to the others; pending calls fail at once when the app closes. */
class ServiceRpcClient extends RpcClient implements OnApplicationShutdown {
  onApplicationShutdown(): void {
    this.close();
  }
}

@Global()
@Module({})
class InfrastructureModule {}

/**
 * What startService has connected, for every class of a service to take by injection: the
 * DataSource, Sql and Transactions on it (how repositories reach the database), Redis, one
 * RpcClient (to call other services), the config (SERVICE_CONFIG), the logger (SERVICE_LOG) and the
 * process's Metrics (for a service's own counters on /metrics). Repositories, clients and consumers are
 * `@Injectable()` classes that ask for these; no module builds them by hand.
 */
export function infrastructureModule<C extends ServiceConfig>(
  infra: ServiceInfrastructure<C>,
  metrics: Metrics,
): DynamicModule {
  const { config, db, redis, nc, log } = infra;
  const providers = [
    { provide: DataSource, useValue: db },
    { provide: Sql, useValue: new Sql(db) },
    { provide: Transactions, useValue: new Transactions(db) },
    { provide: Redis, useValue: redis },
    { provide: RpcClient, useFactory: () => new ServiceRpcClient(nc, config.NATS_PREFIX, config.RPC_TIMEOUT_MS) },
    { provide: SERVICE_CONFIG, useValue: config },
    { provide: SERVICE_LOG, useValue: log },
    { provide: Metrics, useValue: metrics },
  ];
  return { module: InfrastructureModule, global: true, providers, exports: providers.map((p) => p.provide) };
}
