import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestMicroservice } from '@nestjs/common';
import type { Server } from 'node:http';
import {
  Metrics,
  NatsRpcServer,
  PassThroughRpcFilter,
  connectNats,
  createLogger,
  createRedis,
  type Logger,
  natsCheck,
  postgresCheck,
  redisCheck,
  runMigrationsLocked,
  startHealthServer,
} from '@garage/shared';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import type { AuthConfig } from './config.js';
import { AuthModule } from './auth.module.js';
import { createAuthDataSource } from './data-source.js';
import { PasswordHasher } from './passwords/password-hasher.js';
import { loadDemoAccounts } from './demo/demo-data.js';

export interface RunningAuthService {
  app: INestMicroservice;
  health: Server;
  close(): Promise<void>;
}

/** Connects everything, migrates (outside production), loads demo data (outside production) and starts listening. */
export async function startAuthService(config: AuthConfig): Promise<RunningAuthService> {
  const loadDemo = config.DEMO_DATA ?? !config.PRODUCTION;
  if (loadDemo && config.PRODUCTION) throw new Error('DEMO_DATA cannot be used with PRODUCTION=true');
  const log = createLogger('auth', config.LOG_LEVEL);
  const db = createAuthDataSource(config.DATABASE_URL, config.DB_POOL_SIZE);
  await db.initialize();
  const redis = createRedis(config.REDIS_URL, 'auth');
  let nc: NatsConnection | undefined;
  try {
    nc = await connectNats(config.NATS_URL, 'auth');
    return await startListening(config, { db, redis, nc, log }, loadDemo);
  } catch (err) {
    await nc?.close().catch(() => undefined);
    redis.disconnect();
    await db.destroy();
    throw err;
  }
}

async function startListening(
  config: AuthConfig,
  { db, redis, nc, log }: { db: DataSource; redis: Redis; nc: NatsConnection; log: Logger },
  loadDemo: boolean,
): Promise<RunningAuthService> {
  if (config.MIGRATE_ON_START ?? !config.PRODUCTION) {
    const ran = await runMigrationsLocked(db, 'auth_migrations');
    if (ran.length) log.info({ migrations: ran }, 'migrations applied');
  }
  if (loadDemo) {
    const added = await loadDemoAccounts(db, new PasswordHasher(config.PASSWORD_HASH));
    if (added.length) log.info({ added }, 'demo accounts loaded');
  }

  const metrics = new Metrics('auth');
  const app = await NestFactory.createMicroservice(AuthModule.forRoot({ config, db, redis, nc, log }), {
    strategy: new NatsRpcServer(nc, { prefix: config.NATS_PREFIX, queue: 'auth', log, metrics }),
    logger: ['error', 'warn'],
  });
  app.useGlobalFilters(new PassThroughRpcFilter());
  await app.listen();
  // Make sure the server has our subscriptions before anyone is told we are ready.
  await nc.flush();
  const health = await startHealthServer({
    port: config.HEALTH_PORT,
    service: 'auth',
    checks: { database: postgresCheck(db), redis: redisCheck(redis), nats: natsCheck(nc) },
    metrics,
  });
  log.info({ healthPort: config.HEALTH_PORT, prefix: config.NATS_PREFIX }, 'auth service ready');

  return {
    app,
    health,
    async close() {
      await new Promise<void>((resolve) => health.close(() => resolve()));
      await app.close();
      await nc.drain().catch(() => undefined);
      redis.disconnect();
      await db.destroy();
    },
  };
}
