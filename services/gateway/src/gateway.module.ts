import { DeviceCookies } from './sessions/device-cookie.js';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, Reflector } from '@nestjs/core';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Redis } from 'ioredis';
import { RpcClient, SessionStore, SessionThrottle, signingKeys, type Logger } from '@garage/shared';
import { allowedOrigins, type GatewayConfig } from './config.js';
import { GATEWAY_CONFIG, NATS, REDIS, WEB_FILES } from './tokens.js';
import { RpcForwarder } from './http/rpc-forwarder.js';
import { HttpErrorFilter } from './http/http-error.filter.js';
import { SessionThrottleGuard } from './sessions/session-throttle.guard.js';
import { AccessGuard } from './sessions/access.guard.js';
import { AuthController } from './auth/auth.controller.js';
import { UsersController } from './auth/users.controller.js';
import { BranchesController } from './catalog/branches.controller.js';
import { ServiceCatalogController } from './catalog/service-catalog.controller.js';
import { PublicLists } from './catalog/public-lists.js';
import { PublicListCache } from './catalog/public-list-cache.js';
import { CatalogChanges } from './catalog/catalog-changes.js';
import { PartsController } from './inventory/parts.controller.js';
import { VehiclesController } from './bookings/vehicles.controller.js';
import { TechniciansController } from './bookings/technicians.controller.js';
import { BookingsController } from './bookings/bookings.controller.js';
import { ServiceRecordsController } from './bookings/service-records.controller.js';
import { CustomersController } from './customers/customers.controller.js';
import { AuditController } from './audit/audit.controller.js';
import { CustomerDirectoryService } from './customers/customer-directory.service.js';
import { DashboardController } from './dashboard/dashboard.controller.js';
import { DashboardService } from './dashboard/dashboard.service.js';
import { DeadLettersController } from './dead-letters/dead-letters.controller.js';
import { DeadLettersService } from './dead-letters/dead-letters.service.js';
import { HealthController } from './health/health.controller.js';
import { HealthService } from './health/health.service.js';
import { DocsController } from './docs/docs.controller.js';
import { WebAppController } from './web/web-app.controller.js';
import type { WebFile } from './web/web-files.js';

export interface GatewayInfrastructure {
  config: GatewayConfig;
  redis: Redis;
  nc: NatsConnection;
  log: Logger;
  /** The built web app served at `/` (empty: not built, or WEB_ROOT is empty). */
  webFiles: Map<string, WebFile>;
}

/** Wiring of the gateway. Guards run in order: resolve the session and throttle (one Redis round trip), then check access. */
@Module({})
export class GatewayModule {
  static forRoot(infra: GatewayInfrastructure): DynamicModule {
    const { config } = infra;
    const origins = new Set(allowedOrigins(config));
    const sessions = new SessionStore(infra.redis, signingKeys(config));
    const throttle = new SessionThrottle(infra.redis, sessions);
    const publicLists = new PublicListCache(config.CATALOG_CACHE_MS);
    return {
      module: GatewayModule,
      controllers: [
        AuthController,
        UsersController,
        BranchesController,
        ServiceCatalogController,
        PartsController,
        VehiclesController,
        TechniciansController,
        BookingsController,
        ServiceRecordsController,
        CustomersController,
        AuditController,
        DashboardController,
        DeadLettersController,
        HealthController,
        DocsController,
        // Last: its catch-all GET only takes what no other route matches.
        WebAppController,
      ],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: REDIS, useValue: infra.redis },
        { provide: WEB_FILES, useValue: infra.webFiles },
        { provide: NATS, useValue: infra.nc },
        { provide: RpcClient, useValue: new RpcClient(infra.nc, config.NATS_PREFIX, config.RPC_TIMEOUT_MS) },
        { provide: SessionStore, useValue: sessions },
        { provide: DeviceCookies, useValue: new DeviceCookies(signingKeys(config), config.PRODUCTION) },
        RpcForwarder,
        { provide: PublicListCache, useValue: publicLists },
        { provide: CatalogChanges, useValue: new CatalogChanges(infra.nc, config.NATS_PREFIX, publicLists) },
        PublicLists,
        CustomerDirectoryService,
        DashboardService,
        DeadLettersService,
        HealthService,
        { provide: APP_FILTER, useValue: new HttpErrorFilter(infra.log) },
        {
          provide: APP_GUARD,
          useFactory: (reflector: Reflector) =>
            new SessionThrottleGuard(reflector, sessions, throttle, {
              name: 'default',
              ttlMs: 60_000,
              anonLimit: config.THROTTLE_ANON_PER_MINUTE,
              accountLimit: config.THROTTLE_ACCOUNT_PER_MINUTE,
            }),
          inject: [Reflector],
        },
        {
          provide: APP_GUARD,
          useFactory: (reflector: Reflector) => new AccessGuard(reflector, origins),
          inject: [Reflector],
        },
      ],
    };
  }
}
