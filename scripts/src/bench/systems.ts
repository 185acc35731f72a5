import { spawn } from 'node:child_process';
import { connect as netConnect } from 'node:net';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { Redis } from 'ioredis';
import { ROOT, startService, waitForHttp, type ServiceProcess } from '../processes.js';
import { systemEnv, type BenchSettings } from './settings.js';

/** Prefixes a child's output lines with its name and sends them to our stderr (warnings and errors only at LOG_LEVEL=warn). */
function forward(name: string, stream: Readable | null): void {
  if (!stream) return;
  createInterface({ input: stream }).on('line', (line) => process.stderr.write(`[${name}] ${line}\n`));
}

function track(proc: ServiceProcess): ServiceProcess {
  forward(proc.name, proc.child.stdout);
  forward(proc.name, proc.child.stderr);
  return proc;
}

/** Starts `scripts/dist/bench/<file>.js` with an IPC channel, so it ends itself if the bench dies. */
function startFloorProcess(name: string, file: string, env: Record<string, string>): ServiceProcess {
  const child = spawn(process.execPath, [resolve(ROOT, 'scripts', 'dist', 'bench', file)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return track({ name, child, exited });
}

/** True if something already listens on the port (a leftover bench would answer our readiness probes). */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = netConnect({ host: '127.0.0.1', port });
    const finish = (used: boolean) => {
      socket.destroy();
      done(used);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

/**
 * Takes the bench's Redis index the way test runs take theirs (`garage:test-run-lock:<n>` in index 0),
 * so neither flushes the other's data, then empties it. Returns the release.
 */
export async function claimRedisIndex(url: string): Promise<() => Promise<void>> {
  const index = Number(new URL(url).pathname.slice(1) || '0');
  if (!Number.isInteger(index) || index < 1) {
    throw new Error(`BENCH_REDIS_URL must name a Redis database index other than 0 (the bench empties it): ${url}`);
  }
  const lockUrl = new URL(url);
  lockUrl.pathname = '/0';
  const lock = new Redis(lockUrl.toString(), { lazyConnect: true, maxRetriesPerRequest: 1 });
  await lock.connect();
  const key = `garage:test-run-lock:${index}`;
  const me = `bench_${process.pid}`;
  if (!(await lock.set(key, me, 'EX', 3600, 'NX'))) {
    const holder = (await lock.get(key)) ?? '';
    const pid = /^bench_(\d+)$/.exec(holder)?.[1];
    if (!pid || alive(Number(pid)) || !(await lock.set(key, me, 'EX', 3600, 'XX'))) {
      await lock.quit();
      throw new Error(`Redis index ${index} is in use (${holder}); choose another with BENCH_REDIS_URL`);
    }
  }
  const db = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await db.connect();
  await db.flushdb();
  await db.quit();
  return async () => {
    if ((await lock.get(key)) === me) await lock.del(key);
    await lock.quit();
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the product (auth, inventory, catalog, bookings, then gateway) and the floor (responder, then server), each waited for.
 * Every process is pushed to `procs` as soon as it exists, so a failed start still stops it.
 */
export async function startSystems(s: BenchSettings, procs: ServiceProcess[]): Promise<void> {
  const env = systemEnv(s);
  const auth = track(
    startService(
      'auth',
      {
        ...env,
        HEALTH_PORT: String(s.authHealthPort),
        // Sign-ins in progress from one IP beyond the failure allowance (default 50): out of the way of the load.
        LOGIN_MAX_CONCURRENT_PER_IP: process.env.LOGIN_MAX_CONCURRENT_PER_IP || '10000',
        // The bench registers its customers from one address (default: 10 an hour).
        REGISTER_MAX_PER_IP: '1000000',
      },
      'pipe',
    ),
  );
  procs.push(auth);
  await waitForHttp(`http://127.0.0.1:${s.authHealthPort}/health/ready`, auth, 60_000);

  // The gateway's /api/health asks every service, and the product-only endpoints need catalog and
  // inventory. Inventory first: the catalog reads part prices from inventory when it starts.
  const inventory = track(startService('inventory', { ...env, HEALTH_PORT: String(s.inventoryHealthPort) }, 'pipe'));
  procs.push(inventory);
  await waitForHttp(`http://127.0.0.1:${s.inventoryHealthPort}/health/ready`, inventory, 60_000);

  const catalog = track(startService('catalog', { ...env, HEALTH_PORT: String(s.catalogHealthPort) }, 'pipe'));
  procs.push(catalog);
  await waitForHttp(`http://127.0.0.1:${s.catalogHealthPort}/health/ready`, catalog, 60_000);

  const bookings = track(
    startService(
      'bookings',
      {
        ...env,
        HEALTH_PORT: String(s.bookingsHealthPort),
        // Each bench customer books many slots: the per-customer limits are out of the way of the load.
        LIVE_BOOKINGS_PER_CUSTOMER: process.env.LIVE_BOOKINGS_PER_CUSTOMER || '1000',
        BOOKING_ATTEMPTS_PER_CUSTOMER: process.env.BOOKING_ATTEMPTS_PER_CUSTOMER || '100000',
      },
      'pipe',
    ),
  );
  procs.push(bookings);
  await waitForHttp(`http://127.0.0.1:${s.bookingsHealthPort}/health/ready`, bookings, 60_000);

  const gateway = track(
    startService(
      'gateway',
      {
        ...env,
        PORT: String(s.gatewayPort),
        HEALTH_PORT: String(s.gatewayHealthPort),
        HOST: '127.0.0.1',
        THROTTLE_ANON_PER_MINUTE: '100000000',
        THROTTLE_ACCOUNT_PER_MINUTE: '100000000',
        // Uncached, so /api/health does on every request what the floor does (set e.g. 1000 to bench the cache).
        HEALTH_CACHE_MS: process.env.BENCH_HEALTH_CACHE_MS || '0',
      },
      'pipe',
    ),
  );
  procs.push(gateway);
  await waitForHttp(`http://127.0.0.1:${s.gatewayPort}/api/health`, gateway, 60_000);

  const responder = startFloorProcess('floor-responder', 'floor-responder.js', env);
  procs.push(responder);
  const server = startFloorProcess('floor-server', 'floor-server.js', { ...env, FLOOR_PORT: String(s.floorPort) });
  procs.push(server);
  // The floor's health needs the responder too, so this waits for both.
  await waitForHttp(`http://127.0.0.1:${s.floorPort}/api/health`, server, 30_000);
}
