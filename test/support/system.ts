import { jetstreamManager } from '@nats-io/jetstream';
import { connectNats, deadLetterStreamName, eventStreamName, loadConfig } from '@garage/shared';
import { authEnvSchema } from '../../services/auth/src/config.js';
import { startAuthService, type RunningAuthService } from '../../services/auth/src/auth.app.js';
import { catalogEnvSchema } from '../../services/catalog/src/config.js';
import { startCatalogService } from '../../services/catalog/src/catalog.app.js';
import { inventoryEnvSchema } from '../../services/inventory/src/config.js';
import { startInventoryService } from '../../services/inventory/src/inventory.app.js';
import { bookingsEnvSchema } from '../../services/bookings/src/config.js';
import { startBookingsService } from '../../services/bookings/src/bookings.app.js';
import type { RunningService } from '@garage/shared';
import { gatewayEnvSchema } from '../../services/gateway/src/config.js';
import { startGateway, type RunningGateway } from '../../services/gateway/src/gateway.app.js';
import { testEnv } from './test-env.js';

/**
 * Starts the auth service in this process against the run's real Postgres, Redis and NATS. Suites
 * register their customers from loopback, so the registrations-per-address allowance is out of the
 * way unless a test sets it (services/auth/test/hashing-limits.test.ts tests it).
 */
export function startAuth(extra: Record<string, string> = {}): Promise<RunningAuthService> {
  return startAuthService(
    loadConfig(
      authEnvSchema,
      testEnv({
        HEALTH_PORT: '0',
        MIGRATE_ON_START: 'false',
        DEMO_DATA: 'true',
        REGISTER_MAX_PER_IP: '1000000',
        ...extra,
      }),
    ),
  );
}

/** Starts the catalog service in this process. */
export function startCatalog(extra: Record<string, string> = {}): Promise<RunningService> {
  return startCatalogService(
    loadConfig(catalogEnvSchema, testEnv({ HEALTH_PORT: '0', MIGRATE_ON_START: 'false', DEMO_DATA: 'true', ...extra })),
  );
}

/** Starts the inventory service in this process. */
export function startInventory(extra: Record<string, string> = {}): Promise<RunningService> {
  return startInventoryService(
    loadConfig(
      inventoryEnvSchema,
      testEnv({ HEALTH_PORT: '0', MIGRATE_ON_START: 'false', DEMO_DATA: 'true', ...extra }),
    ),
  );
}

/** Starts the bookings service in this process. */
export function startBookings(extra: Record<string, string> = {}): Promise<RunningService> {
  return startBookingsService(
    loadConfig(
      bookingsEnvSchema,
      testEnv({ HEALTH_PORT: '0', MIGRATE_ON_START: 'false', DEMO_DATA: 'true', ...extra }),
    ),
  );
}

/**
 * Starts a gateway in this process on a free port; loopback is a trusted proxy so tests can choose
 * client IPs. It serves the API only (WEB_APP=false, as behind nginx): reading and compressing the
 * built web app costs a second per start, so only the suites that test the web app turn it on. The general throttle is out of the way unless a test sets it: its counters live in
 * the run's Redis, shared by every suite that signs in as the demo accounts or calls from loopback.
 */
export function startGatewayForTest(extra: Record<string, string> = {}): Promise<RunningGateway> {
  return startGateway(
    loadConfig(
      gatewayEnvSchema,
      testEnv({
        PORT: '0',
        HEALTH_PORT: '0',
        HOST: '127.0.0.1',
        TRUSTED_PROXIES: '127.0.0.1,::1',
        HEALTH_CACHE_MS: '0',
        THROTTLE_ANON_PER_MINUTE: '100000',
        THROTTLE_ACCOUNT_PER_MINUTE: '100000',
        WEB_APP: 'false',
        ...extra,
      }),
    ),
  );
}

export interface TestSystem {
  auth: RunningAuthService;
  catalog: RunningService;
  inventory: RunningService;
  bookings: RunningService;
  gateway: RunningGateway;
  url: string;
  close(): Promise<void>;
}

type ServiceEnv = Record<string, string>;

/** Every service plus a gateway, ready to be driven over HTTP. */
export async function startSystem(
  options: {
    auth?: ServiceEnv;
    catalog?: ServiceEnv;
    inventory?: ServiceEnv;
    bookings?: ServiceEnv;
    gateway?: ServiceEnv;
  } = {},
): Promise<TestSystem> {
  await forgetEarlierEvents();
  const auth = await startAuth(options.auth);
  const inventory = await startInventory(options.inventory);
  const catalog = await startCatalog(options.catalog);
  const bookings = await startBookings(options.bookings);
  const gateway = await startGatewayForTest(options.gateway);
  // close() stops whatever runs at the time, so a test may restart a service by assigning a new one.
  const system: TestSystem = {
    auth,
    catalog,
    inventory,
    bookings,
    gateway,
    url: gateway.url,
    async close() {
      await system.gateway.close();
      await Promise.all([
        system.auth.close(),
        system.catalog.close(),
        system.inventory.close(),
        system.bookings.close(),
      ]);
    },
  };
  return system;
}

/**
 * Empties the run's event stream (and its dead letters) before a system starts. Suites run one
 * after another on one stream with the same durable consumers, so without this each suite's
 * services would first work off every event the earlier suites left (slow under load, and not
 * what the suite is about).
 */
export async function forgetEarlierEvents(): Promise<void> {
  const env = testEnv();
  const nc = await connectNats(env.NATS_URL, 'test-setup');
  try {
    const jsm = await jetstreamManager(nc);
    await jsm.streams.purge(eventStreamName(env.NATS_PREFIX)).catch(() => undefined);
    await jsm.streams.purge(deadLetterStreamName(env.NATS_PREFIX)).catch(() => undefined);
  } finally {
    await nc.close();
  }
}
