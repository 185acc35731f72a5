import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { ensureDatabase, runMigrationsLocked } from '@garage/shared';
import { SERVICES } from '../../scripts/dist/services.js';

const LOCK_TTL_SECONDS = 3600;

/**
 * Gives this test run its own database, Redis index and NATS prefix, so two runs on one machine
 * cannot collide; applies the migrations once.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const base = new URL(process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  base.pathname = `/garage_test_${runId}`;
  const databaseUrl = base.toString();
  await ensureDatabase(databaseUrl);

  const redisBase = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
  const lockClient = new Redis(`${redisBase}/0`, { lazyConnect: true });
  await lockClient.connect();
  let index = 0;
  for (let i = 1; i < 16; i++) {
    if (await lockClient.set(`garage:test-run-lock:${i}`, runId, 'EX', LOCK_TTL_SECONDS, 'NX')) {
      index = i;
      break;
    }
  }
  await lockClient.quit();
  if (!index) throw new Error('No free Redis database index (1..15) for this test run');
  const redis = new Redis(`${redisBase}/${index}`);
  await redis.flushdb();
  await redis.quit();

  process.env.DATABASE_URL = databaseUrl;
  process.env.REDIS_URL = `${redisBase}/${index}`;
  process.env.GARAGE_TEST_REDIS_INDEX = String(index);
  process.env.GARAGE_TEST_RUN_ID = runId;
  process.env.NATS_PREFIX = `test_${runId}`;

  for (const { dataSource } of SERVICES) {
    const db = dataSource(databaseUrl);
    await db.initialize();
    await runMigrationsLocked(db);
    await db.destroy();
  }
}
