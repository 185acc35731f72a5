import { resolve } from 'node:path';
import { startBalancer, type Balancer } from '../../scripts/src/balancer.js';
import { freePort, spawnChild, waitForOk, type Child } from '../support/processes.js';
import { testEnv } from '../support/test-env.js';
import { until } from '../support/waits.js';

const ROOT = resolve(__dirname, '..', '..');

/** The processes of the system, in start order (inventory before catalog, as `npm start` does). */
export const PROCESS_NAMES = ['auth', 'inventory', 'catalog', 'bookings', 'gateway'] as const;
export type ProcessName = (typeof PROCESS_NAMES)[number];

/** Settings that keep the suite's own load clear of the limits meant for real customers. */
const EXTRA: Record<ProcessName, Record<string, string>> = {
  auth: { REGISTER_MAX_PER_IP: '1000000' },
  inventory: {},
  catalog: {},
  bookings: { LIVE_BOOKINGS_PER_CUSTOMER: '1000', BOOKING_ATTEMPTS_PER_CUSTOMER: '100000' },
  gateway: {
    HOST: '127.0.0.1',
    TRUSTED_PROXIES: '127.0.0.1,::1',
    HEALTH_CACHE_MS: '0',
    THROTTLE_ANON_PER_MINUTE: '1000000',
    THROTTLE_ACCOUNT_PER_MINUTE: '1000000',
    WEB_APP: 'false',
  },
};

/** One built process (`services/<name>/dist/main.js`) with its own health port (and HTTP port, for a gateway). */
export class Replica {
  child!: Child;
  private starts = 0;

  private constructor(
    readonly name: ProcessName,
    readonly index: number,
    readonly healthPort: number,
    readonly httpPort: number | undefined,
    private readonly env: Record<string, string>,
  ) {}

  static async create(name: ProcessName, index: number, env: Record<string, string>): Promise<Replica> {
    const httpPort = name === 'gateway' ? await freePort() : undefined;
    const replica = new Replica(name, index, await freePort(), httpPort, env);
    await replica.start();
    return replica;
  }

  get label(): string {
    return `${this.name}#${this.index + 1}`;
  }

  /** Starts the process and waits until /health/ready answers 200. */
  async start(): Promise<void> {
    const env = testEnv({
      HEALTH_PORT: String(this.healthPort),
      // Demo data (the admin the suite signs in as) once, by the first replica: a restart need not look again.
      ...(this.httpPort
        ? { PORT: String(this.httpPort), SHUTDOWN_LAMEDUCK_MS: '1000' }
        : { MIGRATE_ON_START: 'false', DEMO_DATA: String(this.index === 0 && this.starts === 0) }),
      LOG_LEVEL: 'warn',
      ...EXTRA[this.name],
      ...this.env,
    });
    this.starts++;
    this.child = spawnChild(process.execPath, [resolve(ROOT, 'services', this.name, 'dist', 'main.js')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    });
    await waitForOk(`http://127.0.0.1:${this.healthPort}/health/ready`, this.child, 60_000);
  }

  /** SIGTERM; resolves with the exit code (null if it had to be killed after `graceMs`). */
  async terminate(graceMs = 30_000): Promise<number | null> {
    await this.child.stop(graceMs);
    return this.child.exited;
  }

  /** SIGKILL: what a crash or the OOM killer does. */
  async kill(): Promise<void> {
    this.child.child.kill('SIGKILL');
    await this.child.exited;
  }

  async ready(): Promise<number> {
    try {
      return (await fetch(`http://127.0.0.1:${this.healthPort}/health/ready`, { signal: AbortSignal.timeout(1000) }))
        .status;
    } catch {
      return 0;
    }
  }
}

export interface ReplicaSets {
  replicas: Record<ProcessName, Replica[]>;
  balancer: Balancer;
  url: string;
  close(): Promise<void>;
}

/** `count` replicas of every service and of the gateway, the gateways behind scripts/src/balancer.ts. */
export async function startReplicaSets(
  count: number,
  env: Partial<Record<ProcessName, Record<string, string>>> = {},
): Promise<ReplicaSets> {
  const replicas = {} as Record<ProcessName, Replica[]>;
  const all: Replica[] = [];
  try {
    for (const name of PROCESS_NAMES) {
      replicas[name] = [];
      for (let i = 0; i < count; i++) {
        const replica = await Replica.create(name, i, env[name] ?? {});
        replicas[name].push(replica);
        all.push(replica);
      }
    }
  } catch (err) {
    await Promise.all(all.map((r) => r.terminate(5000)));
    throw err;
  }
  const balancer = await startBalancer({
    port: 0,
    host: '127.0.0.1',
    upstreams: replicas.gateway.map((g) => ({ port: g.httpPort!, healthPort: g.healthPort })),
  });
  const url = `http://127.0.0.1:${balancer.port}`;
  await until(
    'the gateways to answer through the balancer',
    async () => {
      try {
        return (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) })).ok;
      } catch {
        return false;
      }
    },
    { timeoutMs: 30_000 },
  );
  return {
    replicas,
    balancer,
    url,
    async close() {
      await Promise.all(replicas.gateway.map((r) => r.terminate(10_000)));
      await balancer.close();
      await Promise.all(
        PROCESS_NAMES.filter((n) => n !== 'gateway').flatMap((n) => replicas[n].map((r) => r.terminate(10_000))),
      );
    },
  };
}
