import { Redis } from 'ioredis';
import { connect } from '@nats-io/transport-node';
import { deleteEventStream } from '@garage/shared';
import { dropDatabase } from './databases';
import { workerEnvKey } from './test-env';

/** Drops each worker's database, deletes its event stream and frees its Redis index. */
export default async function globalTeardown(): Promise<void> {
  const workers = Number(process.env.GARAGE_TEST_WORKERS || '0');
  for (let w = 1; w <= workers; w++) {
    const env = (key: Parameters<typeof workerEnvKey>[0]) => process.env[workerEnvKey(key, w)];
    await dropWorkerResources(env('NATS_PREFIX'), env('DATABASE_URL'), env('GARAGE_TEST_REDIS_INDEX'));
  }
}

async function dropWorkerResources(prefix?: string, url?: string, index?: string): Promise<void> {
  if (prefix?.startsWith('test_')) {
    const nc = await connect({ servers: process.env.NATS_URL || 'nats://127.0.0.1:4222' });
    await deleteEventStream(nc, prefix);
    await nc.close();
  }
  if (url && /garage_test_/.test(url)) await dropDatabase(url);
  if (index) {
    const redisBase = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
    const redis = new Redis(`${redisBase}/${index}`);
    await redis.flushdb();
    await redis.quit();
    const lock = new Redis(`${redisBase}/0`);
    if ((await lock.get(`garage:test-run-lock:${index}`)) === process.env.GARAGE_TEST_RUN_ID) {
      await lock.del(`garage:test-run-lock:${index}`);
    }
    await lock.quit();
  }
}
