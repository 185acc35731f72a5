/** Names of the per-run resources, passed from global setup to every test through the environment. */
export const TEST_ENV_KEYS = ['DATABASE_URL', 'REDIS_URL', 'NATS_PREFIX', 'GARAGE_TEST_REDIS_INDEX'] as const;

/** The variable under which global setup leaves one jest worker's value of a per-run resource. */
export function workerEnvKey(key: (typeof TEST_ENV_KEYS)[number], worker: number): string {
  return `GARAGE_TEST_W${worker}_${key}`;
}

/** Base environment for a process under test: this run's database, Redis index and NATS prefix, quiet logs. */
export function testEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {
    DATABASE_URL: required('DATABASE_URL'),
    REDIS_URL: required('REDIS_URL'),
    NATS_URL: process.env.NATS_URL || 'nats://127.0.0.1:4222',
    NATS_PREFIX: required('NATS_PREFIX'),
    LOG_LEVEL: 'silent',
  };
  return { ...env, ...extra };
}

function required(key: string): string {
  const value = process.env[key];
  if (!value) throw new Error(`${key} is not set: run the tests through jest (global setup sets it)`);
  return value;
}
