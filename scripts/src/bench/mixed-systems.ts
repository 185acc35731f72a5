/**
 * Settings and processes of `npm run bench:mixed`: N gateways (on ports one after the other) and N
 * replicas of each service, all real child processes sharing one database, Redis index and NATS prefix
 * (the services' replicas share the work through their NATS queue groups).
 */
import { startService, waitForHttp, type ServiceProcess } from '../processes.js';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { num } from './settings.js';

export interface MixedSettings {
  /** Rows of bookings.bookings to seed (BENCH_MIXED_BOOKINGS). */
  bookings: number;
  /** Replicas of each process, one ramp per entry (BENCH_MIXED_REPLICAS, default "2,1"). */
  replicas: number[];
  stepSeconds: number;
  startRate: number;
  rateFactor: number;
  maxRate: number;
  /** The ramp stops at the first step whose p99 passes this. */
  p99LimitMs: number;
  databaseUrl: string;
  redisUrl: string;
  natsUrl: string;
  natsPrefix: string;
  /** First gateway's port; the next ones follow. */
  gatewayPort: number;
  /** First health port; every process takes the next one. */
  healthPort: number;
}

/** Reads BENCH_MIXED_* (its own database, Redis index and prefix: never the development ones, nor `npm run bench`'s). */
export function mixedSettings(): MixedSettings {
  const replicas = (process.env.BENCH_MIXED_REPLICAS || '2,1').split(',').map((v) => Number(v.trim()));
  if (replicas.some((n) => !Number.isInteger(n) || n < 1 || n > 4)) {
    throw new Error(
      `BENCH_MIXED_REPLICAS=${process.env.BENCH_MIXED_REPLICAS}: expected counts 1–4 separated by commas`,
    );
  }
  return {
    bookings: Math.floor(num('BENCH_MIXED_BOOKINGS', 1_000_000, 1000)),
    replicas,
    stepSeconds: num('BENCH_MIXED_STEP_SECONDS', 15, 2),
    startRate: num('BENCH_MIXED_START_RATE', 50, 1),
    rateFactor: num('BENCH_MIXED_RATE_FACTOR', 1.4, 1.05),
    maxRate: num('BENCH_MIXED_MAX_RATE', 5000, 1),
    p99LimitMs: num('BENCH_MIXED_P99_MS', 250, 1),
    databaseUrl: process.env.BENCH_MIXED_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/garage_bench_mixed',
    redisUrl: process.env.BENCH_MIXED_REDIS_URL || 'redis://127.0.0.1:6379/13',
    natsUrl: process.env.NATS_URL || 'nats://127.0.0.1:4222',
    natsPrefix: 'benchmixed',
    gatewayPort: Math.floor(num('BENCH_MIXED_PORT', 5080, 1)),
    healthPort: Math.floor(num('BENCH_MIXED_HEALTH_PORT', 3110, 1)),
  };
}

/** The services in start order (inventory before catalog: the catalog reads part prices when it starts). */
export const MIXED_SERVICES = ['auth', 'inventory', 'catalog', 'bookings'] as const;
/** What the CPU table groups by: every replica of a process counts under its name. */
export const MIXED_PROCESSES = ['gateway', ...MIXED_SERVICES] as const;

function forward(name: string, stream: Readable | null): void {
  if (!stream) return;
  createInterface({ input: stream }).on('line', (line) => process.stderr.write(`[${name}] ${line}\n`));
}

/**
 * Starts `replicas` of every service, then `replicas` gateways; returns the gateways' base URLs.
 * Each process is pushed to `procs` as soon as it exists, so a failed start still stops it.
 */
export async function startMixedSystem(s: MixedSettings, replicas: number, procs: ServiceProcess[]): Promise<string[]> {
  const env = {
    DATABASE_URL: s.databaseUrl,
    REDIS_URL: s.redisUrl,
    NATS_URL: s.natsUrl,
    NATS_PREFIX: s.natsPrefix,
    LOG_LEVEL: 'warn',
  };
  const extra: Record<string, Record<string, string>> = {
    // The load registers and signs in many customers from one address.
    auth: { LOGIN_MAX_CONCURRENT_PER_IP: '10000', REGISTER_MAX_PER_IP: '1000000' },
    bookings: { LIVE_BOOKINGS_PER_CUSTOMER: '1000', BOOKING_ATTEMPTS_PER_CUSTOMER: '100000' },
  };
  let port = s.healthPort;
  const start = async (name: string, own: Record<string, string>, ready: (healthPort: number) => string) => {
    const healthPort = port++;
    const proc = startService(name, { ...env, ...own, HEALTH_PORT: String(healthPort) }, 'pipe');
    const replica: ServiceProcess = { ...proc, name: `${name}-${procs.length}` };
    forward(replica.name, proc.child.stdout);
    forward(replica.name, proc.child.stderr);
    procs.push(replica);
    await waitForHttp(ready(healthPort), replica, 120_000);
  };
  for (const name of MIXED_SERVICES) {
    for (let r = 0; r < replicas; r++) {
      await start(name, extra[name] ?? {}, (hp) => `http://127.0.0.1:${hp}/health/ready`);
    }
  }
  const bases: string[] = [];
  for (let r = 0; r < replicas; r++) {
    const httpPort = s.gatewayPort + r;
    await start(
      'gateway',
      {
        PORT: String(httpPort),
        HOST: '127.0.0.1',
        WEB_APP: 'false',
        // Far above the load: the general throttle is measured, never hit.
        THROTTLE_ANON_PER_MINUTE: '100000000',
        THROTTLE_ACCOUNT_PER_MINUTE: '100000000',
      },
      () => `http://127.0.0.1:${httpPort}/api/health`,
    );
    bases.push(`http://127.0.0.1:${httpPort}`);
  }
  return bases;
}

/** Which CPU group a started process belongs to (`catalog-5` → `catalog`). */
export function groupOf(proc: ServiceProcess): string {
  return proc.name.replace(/-\d+$/, '');
}
