import 'reflect-metadata';
import { Module, type DynamicModule, type INestApplicationContext, type INestMicroservice } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import type { Server } from 'node:http';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { createLogger, type Logger } from '../logger.js';
import { connectNats, natsAuth } from '../nats/connect.js';
import { NatsRpcServer, PassThroughRpcFilter } from '../nats/rpc-server.js';
import { createRedis, redisReady } from '../redis/redis.js';
import { runMigrationsLocked } from '../db/database.js';
import { migrationsApplied } from '../db/migrate-command.js';
import { Metrics, natsCheck, postgresCheck, redisCheck, startHealthServer } from '../health/health.js';
import { HEALTH_CHECKS, healthControllerFor } from './health.controller.js';
import { DEAD_LETTER_DESK, deadLettersControllerFor } from './dead-letters.controller.js';
import { DeadLetterDesk } from '../events/dead-letter-desk.js';
import { CONSUMING_SERVICES } from '../contracts/dead-letters.contracts.js';
import { infrastructureModule } from './infrastructure.module.js';
import type { ServiceConfig } from './service-config.js';
import { startServiceEvents, type ServiceEvents } from './service-events.js';
import { declaredEventConsumers } from '../events/consumes-events.js';
import { outboxSchemaOf, publishesEvents } from '../events/outbox.js';
import { outboxPurgeJob } from '../events/outbox-relay.js';
import type { ServiceName } from '../contracts/health.contracts.js';
import { JobScheduler } from '../jobs/job-scheduler.js';
import type { ScheduledJob } from '../jobs/scheduled-job.js';
import { waitFor } from './wait-for.js';
import { Tracing } from '../tracing/tracing.js';

/** What a service's wiring receives: connections that are already open. */
export interface ServiceInfrastructure<C extends ServiceConfig> {
  config: C;
  db: DataSource;
  redis: Redis;
  nc: NatsConnection;
  log: Logger;
}

/** Everything that makes one service different from another. */
export interface ServiceDefinition<C extends ServiceConfig> {
  /** Also its NATS queue group, its subjects' first word and the key of its schema in SERVICE_SCHEMAS. */
  name: ServiceName;
  config: C;
  createDataSource(config: C): DataSource;
  module(infra: ServiceInfrastructure<C>): DynamicModule;
  /** Loads demo data idempotently; returns what it added (only outside production). */
  loadDemoData?(infra: ServiceInfrastructure<C>): Promise<string[]>;
  /** Periodic work (purges), built once the module exists; the outbox's purge is added when there is an outbox. */
  jobs?(app: INestApplicationContext): ScheduledJob[];
}

export interface RunningService {
  app: INestMicroservice;
  health: Server;
  /** The service's scheduled jobs (runOnce runs one now, as its timer would). */
  jobs: JobScheduler;
  /** SHUTDOWN_GRACE_MS: the time close() gets after SIGTERM. */
  shutdownGraceMs: number;
  /** Stops like SIGTERM does: /health/ready turns 503, then the drain (see listen), then everything closes. */
  close(): Promise<void>;
}

@Module({})
class ServiceRootModule {}

/** How long a starting service waits for PostgreSQL, Redis and NATS before it gives up (and is restarted). */
const STARTUP_WAIT_MS = 60_000;

function retryAtStart<T>(what: string, attempt: () => Promise<T>, log: Logger): Promise<T> {
  return waitFor(attempt, {
    waitMs: STARTUP_WAIT_MS,
    onRetry: (err) => log.warn({ err: (err as Error).message }, `waiting for ${what}`),
  });
}

/**
 * Without MIGRATE_ON_START the migration step runs apart (a Job, an init container): a new version
 * waits for it instead of running against an older schema, and is not ready until then.
 */
async function untilMigrated(name: string, db: DataSource, log: Logger): Promise<void> {
  let waitingSince = 0;
  while (!(await migrationsApplied(db))) {
    if (Date.now() - waitingSince > 30_000) {
      log.warn(`waiting for migrations: run node services/${name}/dist/migrate.js (npm run migrate)`);
      waitingSince = Date.now();
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/**
 * Starts a service the one way every service starts: connect Postgres, Redis and NATS; migrate
 * and load demo data outside production; listen on NATS in the service's queue group; serve
 * /health/live, /health/ready and /metrics; answer `<name>.health`. A failed start closes what it opened.
 */
export async function startService<C extends ServiceConfig>(definition: ServiceDefinition<C>): Promise<RunningService> {
  const { name, config } = definition;
  const loadDemo = config.DEMO_DATA ?? !config.PRODUCTION;
  if (loadDemo && config.PRODUCTION) throw new Error('DEMO_DATA cannot be used with PRODUCTION=true');
  const log = createLogger(name, config.LOG_LEVEL);
  const db = definition.createDataSource(config);
  // In a deployment the backing servers may still be starting (compose, a rescheduled pod): wait for them.
  await retryAtStart('PostgreSQL', () => db.initialize(), log);
  const redis = createRedis(config.REDIS_URL, name);
  let nc: NatsConnection | undefined;
  try {
    // Commands fail fast while Redis is away (no offline queue), so be connected before taking work.
    await redisReady(redis, STARTUP_WAIT_MS);
    nc = await retryAtStart('NATS', () => connectNats(config.NATS_URL, name, natsAuth(config)), log);
    return await listen(definition, { config, db, redis, nc, log }, loadDemo, Tracing.start(name, config));
  } catch (err) {
    await nc?.close().catch(() => undefined);
    redis.disconnect();
    await db.destroy();
    throw err;
  }
}

async function listen<C extends ServiceConfig>(
  definition: ServiceDefinition<C>,
  infra: ServiceInfrastructure<C>,
  loadDemo: boolean,
  tracing: Tracing,
): Promise<RunningService> {
  const { name } = definition;
  const { config, db, redis, nc, log } = infra;
  if (config.MIGRATE_ON_START ?? !config.PRODUCTION) {
    const ran = await runMigrationsLocked(db);
    if (ran.length) log.info({ migrations: ran }, 'migrations applied');
  } else {
    await untilMigrated(name, db, log);
  }
  if (loadDemo && definition.loadDemoData) {
    const added = await definition.loadDemoData(infra);
    if (added.length) log.info({ added }, 'demo data loaded');
  }

  const checks = { database: postgresCheck(db), redis: redisCheck(redis), nats: natsCheck(nc) };
  const metrics = new Metrics(name);
  // A service with durable consumers answers for their dead letters (open once the consumers run).
  const deadLetters = CONSUMING_SERVICES.includes(name) ? new DeadLetterDesk(db, log, metrics) : undefined;
  const root: DynamicModule = {
    module: ServiceRootModule,
    // DiscoveryModule: startService finds the @ConsumesEvents methods among the service's providers.
    imports: [DiscoveryModule, infrastructureModule(infra, metrics), definition.module(infra)],
    controllers: [healthControllerFor(name), ...(deadLetters ? [deadLettersControllerFor(name)] : [])],
    providers: [
      { provide: HEALTH_CHECKS, useValue: checks },
      ...(deadLetters ? [{ provide: DEAD_LETTER_DESK, useValue: deadLetters }] : []),
    ],
  };
  const app = await NestFactory.createMicroservice(root, {
    strategy: new NatsRpcServer(nc, { prefix: config.NATS_PREFIX, queue: name, log, metrics, tracing }),
    logger: ['error', 'warn'],
  });
  app.useGlobalFilters(new PassThroughRpcFilter());
  await app.listen();
  let events: ServiceEvents | undefined;
  let jobs: JobScheduler;
  try {
    // A service that publishes events (EVENT_PUBLISHERS) has an outbox: relayed, and purged of old rows.
    const outboxSchema = publishesEvents(name) ? outboxSchemaOf(name) : undefined;
    const outboxJobs = outboxSchema ? [outboxPurgeJob(outboxSchema)] : [];
    jobs = new JobScheduler([...outboxJobs, ...(definition.jobs?.(app) ?? [])], { service: name, db, log, metrics });
    events = await startServiceEvents(infra, {
      outboxSchema,
      consumers: declaredEventConsumers(app, name),
      metrics,
      deadLetters,
      tracing,
    });
  } catch (err) {
    await app.close();
    throw err;
  }
  // Make sure the NATS server has our subscriptions before anyone is told we are ready.
  await nc.flush();
  let draining = false;
  let closing: Promise<void> | undefined;
  const health = await startHealthServer({
    port: config.HEALTH_PORT,
    service: name,
    checks,
    metrics,
    draining: () => draining,
  });
  jobs.start();
  log.info({ healthPort: config.HEALTH_PORT, prefix: config.NATS_PREFIX }, `${name} service ready`);

  return {
    app,
    health,
    jobs,
    shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
    // The drain, in this order: not ready; no new requests (the queue group's other replicas take
    // them); requests and event handlers in hand finish; the relay ends its batch; then the pools close.
    // A second call (a test's cleanup after a failed one) waits for the same drain.
    close() {
      closing ??= (async () => {
        draining = true;
        log.info('stopping: draining NATS subscriptions and finishing work in hand');
        await app.close();
        await Promise.all([jobs.close(), events?.stop()]);
        await nc.drain().catch(() => undefined);
        redis.disconnect();
        await db.destroy();
        await tracing.shutdown();
        health.closeAllConnections();
        await new Promise<void>((resolve) => health.close(() => resolve()));
        log.info('stopped');
      })();
      return closing;
    },
  };
}
