import { TEST_ENV_KEYS, workerEnvKey } from './test-env.js';

/** This worker's number: jest numbers its workers from 1 (1 also in band). */
function workerId(): number {
  return Number(process.env.JEST_WORKER_ID || '1');
}

/**
 * Jest setup file (runs in each worker before each test file): the worker's own database, Redis
 * index and NATS prefix become DATABASE_URL, REDIS_URL and NATS_PREFIX, which tests and the
 * services they start read. Does nothing outside a run prepared by global setup.
 */
if (process.env.GARAGE_TEST_WORKERS) {
  const worker = workerId();
  for (const key of TEST_ENV_KEYS) {
    const value = process.env[workerEnvKey(key, worker)];
    if (!value) throw new Error(`global setup prepared no ${key} for jest worker ${worker}`);
    process.env[key] = value;
  }
}
