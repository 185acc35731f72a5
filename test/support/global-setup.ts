import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { Config } from 'jest';
import { migratedDatabase } from './databases';
import { workerEnvKey } from './test-env';

const LOCK_TTL_SECONDS = 3600;

/**
 * Gives every jest worker of this run its own database, Redis index and NATS prefix, so neither two
 * runs on one machine nor two workers of one run can collide. The first database is migrated and the
 * others are copied from it (CREATE DATABASE … TEMPLATE), which is faster than migrating each.
 * `worker-env.ts` (a setup file) points each worker's process.env at its own set.
 */
export default async function globalSetup(globalConfig: Config & { maxWorkers?: number }): Promise<void> {
  const workers = Math.max(1, globalConfig.maxWorkers ?? 1);
  const runId = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const base = new URL(process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  const databaseUrl = (worker: number) => {
    const url = new URL(base);
    url.pathname = `/garage_test_${runId}${worker === 1 ? '' : `_w${worker}`}`;
    return url.toString();
  };

  const first = databaseUrl(1);
  await migratedDatabase(first);
  if (workers > 1) {
    const admin = new URL(base);
    admin.pathname = '/postgres';
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      const template = new URL(first).pathname.slice(1);
      for (let w = 2; w <= workers; w++) {
        await client.query(`CREATE DATABASE "${new URL(databaseUrl(w)).pathname.slice(1)}" TEMPLATE "${template}"`);
      }
    } finally {
      await client.end();
    }
  }

  const redisBase = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
  const lockClient = new Redis(`${redisBase}/0`, { lazyConnect: true });
  await lockClient.connect();
  const indexes: number[] = [];
  for (let i = 1; i < 16 && indexes.length < workers; i++) {
    if (await lockClient.set(`garage:test-run-lock:${i}`, runId, 'EX', LOCK_TTL_SECONDS, 'NX')) indexes.push(i);
  }
  await lockClient.quit();
  if (indexes.length < workers) throw new Error(`No ${workers} free Redis database indexes (1..15) for this test run`);
  for (const index of indexes) {
    const redis = new Redis(`${redisBase}/${index}`);
    await redis.flushdb();
    await redis.quit();
  }

  process.env.GARAGE_TEST_RUN_ID = runId;
  process.env.GARAGE_TEST_WORKERS = String(workers);
  for (let w = 1; w <= workers; w++) {
    process.env[workerEnvKey('DATABASE_URL', w)] = databaseUrl(w);
    process.env[workerEnvKey('REDIS_URL', w)] = `${redisBase}/${indexes[w - 1]}`;
    process.env[workerEnvKey('GARAGE_TEST_REDIS_INDEX', w)] = String(indexes[w - 1]);
    process.env[workerEnvKey('NATS_PREFIX', w)] = `test_${runId}${w === 1 ? '' : `_w${w}`}`;
  }
}
