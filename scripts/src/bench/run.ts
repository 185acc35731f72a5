/**
 * `npm run bench`: the product (gateway + auth service as real child processes) against a floor
 * (a hand-written node:http server + NATS responder doing the same Redis/NATS/SQL/argon2 work),
 * alternately, on GET /api/health, an authenticated GET /api/me and POST /api/customer-login;
 * then whether customer logins at full tilt stall /api/me. Prints a table and writes
 * bench-results/latest.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { ensureDatabase } from '@garage/shared';
import { DEMO_ADMIN, DEMO_CUSTOMER } from '@garage/auth/dist/demo/demo-credentials.js';
import { missingDependencies } from '../dependencies.js';
import { ROOT, stopAll, type ServiceProcess } from '../processes.js';
import { cpuDelta, cpuSecondsOf, idleMachineLoad, machineBusySeconds, ownCpuSeconds } from './cpu.js';
import { runLoad, startLoad, stopAllLoads, summarize, type Measured, type Target } from './load.js';
import {
  formatReport,
  runLine,
  type EndpointReport,
  type StallReport,
  type SystemName,
  type SystemSummary,
} from './report.js';
import { benchSettings, type BenchSettings } from './settings.js';
import { claimRedisIndex, portInUse, startSystems } from './systems.js';

const SYSTEMS: SystemName[] = ['product', 'floor'];
/** The processes of each system, front first. */
const PROCESSES: Record<SystemName, string[]> = {
  product: ['gateway', 'auth'],
  floor: ['floor-server', 'floor-responder'],
};
const LOAD_GENERATOR = 'load generator';
/** All cores of the machine: our processes, Postgres, Redis, NATS, and anything else running. */
const MACHINE = 'machine';

interface Endpoint {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  target(base: string): Target;
}

// Between runs, every process under test must use less than this many cores over one sample.
const QUIET_CORES = 0.1;
const SETTLE_SAMPLE_MS = 200;
const SETTLE_TIMEOUT_MS = 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function endpoints(token: string): Endpoint[] {
  return [
    {
      name: 'health',
      method: 'GET',
      path: '/api/health',
      target: (base) => ({ url: `${base}/api/health`, method: 'GET' }),
    },
    {
      name: 'me',
      method: 'GET',
      path: '/api/me',
      target: (base) => ({ url: `${base}/api/me`, method: 'GET', headers: { authorization: `Bearer ${token}` } }),
    },
    {
      name: 'customer-login',
      method: 'POST',
      path: '/api/customer-login',
      target: (base) => ({
        url: `${base}/api/customer-login`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password }),
      }),
    },
  ];
}

/** One request, answered in full; throws unless it is 2xx. */
async function call(target: Target, timeoutMs = 20_000): Promise<string> {
  const res = await fetch(target.url, {
    method: target.method,
    headers: target.headers,
    body: target.body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${target.method} ${target.url} answered ${res.status}: ${text.slice(0, 200)}`);
  return text;
}

/** Shape of a JSON value (keys and types, not values), to compare the floor's answers with the product's. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]));
  }
  return value === null ? 'null' : typeof value;
}

function withoutPassword(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

class Bench {
  readonly procs: ServiceProcess[] = [];
  private died: string | undefined;
  readonly base: Record<SystemName, string>;

  constructor(readonly s: BenchSettings) {
    this.base = { product: `http://127.0.0.1:${s.gatewayPort}`, floor: `http://127.0.0.1:${s.floorPort}` };
  }

  /** Fails the bench as soon as a process under test dies, instead of measuring connection errors. */
  watchProcesses(isStopping: () => boolean): void {
    for (const p of this.procs) {
      void p.exited.then((code) => {
        if (isStopping()) return;
        this.died ??= `${p.name} exited unexpectedly (code ${code})`;
        stopAllLoads();
      });
    }
  }

  private assertAlive(): void {
    if (this.died) throw new Error(this.died);
  }

  /**
   * Waits until the systems have finished what the last load left in flight (queued logins keep
   * hashing after the client hangs up): one more request queues behind them, then, where /proc
   * exists, the processes under test must fall quiet (the request may time out before the queue does).
   */
  private async drain(target: Target): Promise<void> {
    await call(target, 30_000).catch(() => undefined);
    const busySeconds = () => this.procs.reduce((sum, p) => sum + (cpuSecondsOf(p.child.pid) ?? NaN), 0);
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    let before = busySeconds();
    while (Number.isFinite(before)) {
      await sleep(SETTLE_SAMPLE_MS);
      const after = busySeconds();
      if ((after - before) / (SETTLE_SAMPLE_MS / 1000) < QUIET_CORES) break;
      if (Date.now() > deadline) {
        console.warn(`⚠ the processes under test are still busy after ${SETTLE_TIMEOUT_MS / 1000} s; going on`);
        break;
      }
      before = after;
    }
    this.assertAlive();
  }

  private cpuSnapshot(): Record<string, number> {
    const snapshot: Record<string, number> = { [LOAD_GENERATOR]: ownCpuSeconds() };
    const machine = machineBusySeconds();
    if (machine !== undefined) snapshot[MACHINE] = machine;
    for (const p of this.procs) {
      const seconds = cpuSecondsOf(p.child.pid);
      if (seconds !== undefined) snapshot[p.name] = seconds;
    }
    return snapshot;
  }

  private async measure(target: Target, connections: number, warmup: number, seconds: number): Promise<Measured> {
    if (warmup > 0) {
      await runLoad(target, connections, warmup);
      await this.drain(target);
    }
    const before = this.cpuSnapshot();
    const measured = await runLoad(target, connections, seconds);
    measured.result.cpuSeconds = cpuDelta(before, this.cpuSnapshot());
    this.assertAlive();
    await this.drain(target);
    return measured;
  }

  /** Product and floor alternate (P F, then F P, …), so drift over time does not favour either. */
  async endpoint(e: Endpoint): Promise<EndpointReport> {
    const { s } = this;
    const runs: Record<SystemName, Measured[]> = { product: [], floor: [] };
    console.log(`\n${e.method} ${e.path} (${s.connections} connections)`);
    for (let round = 0; round < s.rounds; round++) {
      const order = round % 2 === 0 ? SYSTEMS : [...SYSTEMS].reverse();
      for (const system of order) {
        // Later rounds hit processes that are already warm and drained: no warm-up needed.
        const warmup = runs[system].length === 0 ? s.warmupSeconds : 0;
        const m = await this.measure(e.target(this.base[system]), s.connections, warmup, s.seconds);
        console.log(runLine(`${system} round ${round + 1}`, m.result, [...PROCESSES[system], LOAD_GENERATOR, MACHINE]));
        runs[system].push(m);
      }
    }
    const summary = (system: SystemName, ms: Measured[]): SystemSummary => {
      const all = new Float64Array(ms.reduce((n, m) => n + m.latencies.length, 0));
      let at = 0;
      for (const m of ms) {
        all.set(m.latencies, at);
        at += m.latencies.length;
      }
      const { p50, p99 } = summarize(all);
      const ok = ms.reduce((n, m) => n + m.result.ok, 0);
      const cpuMicrosPerRequest: Record<string, number> = {};
      for (const name of [...PROCESSES[system], LOAD_GENERATOR, MACHINE]) {
        const used = ms.map((m) => m.result.cpuSeconds?.[name]);
        if (ok && used.every((u) => u !== undefined)) {
          cpuMicrosPerRequest[name] = Math.round((used.reduce((a, b) => a + (b ?? 0), 0) / ok) * 1e6);
        }
      }
      return {
        reqPerSec: ms.reduce((sum, m) => sum + m.result.reqPerSec, 0) / ms.length,
        p50,
        p99,
        failed: ms.reduce((sum, m) => sum + m.result.failed, 0),
        cpuMicrosPerRequest,
        rounds: ms.map((m) => m.result),
      };
    };
    const product = summary('product', runs.product);
    const floor = summary('floor', runs.floor);
    return {
      name: e.name,
      method: e.method,
      path: e.path,
      connections: s.connections,
      product,
      floor,
      reqPerSecRatio: product.reqPerSec / floor.reqPerSec,
      p99Ratio: product.p99 / floor.p99,
    };
  }

  /** /api/me alone, then /api/me while customer logins run flat out on the same system. */
  async stall(system: SystemName, me: Endpoint, login: Endpoint): Promise<StallReport> {
    const { s } = this;
    const meTarget = me.target(this.base[system]);
    const loginTarget = login.target(this.base[system]);
    const c = s.stallConnections;
    // /api/me was warmed up and measured on both systems just before.
    const idle = await this.measure(meTarget, c, 0, s.stallSeconds);
    console.log(runLine(`${system} /api/me alone`, idle.result));
    // Logins get a second to fill every queue before /api/me is measured beside them.
    const logins = startLoad(loginTarget, c, s.stallSeconds + 30);
    await sleep(1000);
    let under: Measured;
    try {
      under = await runLoad(meTarget, c, s.stallSeconds);
    } finally {
      logins.stop();
    }
    const loginRun = await logins.done;
    this.assertAlive();
    await this.drain(loginTarget);
    console.log(runLine(`${system} /api/me beside logins`, under.result));
    console.log(runLine(`${system} logins beside /api/me`, loginRun.result));
    return {
      connections: { me: c, logins: c },
      idle: idle.result,
      underLogins: under.result,
      logins: loginRun.result,
      p99Ratio: under.result.p99 / idle.result.p99,
    };
  }

  /** A session for /api/me, and proof that the floor answers what the product answers. */
  async prepare(): Promise<string> {
    const product = this.base.product;
    const login = JSON.parse(
      await call({
        url: `${product}/api/login`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(DEMO_ADMIN),
      }),
    ) as { token: string };
    for (const e of endpoints(login.token)) {
      const [p, f] = await Promise.all(SYSTEMS.map((sys) => call(e.target(this.base[sys]))));
      const same = JSON.stringify(shapeOf(JSON.parse(p))) === JSON.stringify(shapeOf(JSON.parse(f)));
      if (e.name === 'me' && p !== f) {
        console.warn(`⚠ /api/me: the floor answers\n  ${f}\nwhere the product answers\n  ${p}`);
      } else if (!same && e.name !== 'health') {
        console.warn(`⚠ ${e.path}: the floor's answer has another shape than the product's`);
      }
    }
    return login.token;
  }
}

function estimateSeconds(s: BenchSettings): number {
  const perEndpoint = 2 * (s.warmupSeconds + s.seconds) + 2 * (s.rounds - 1) * s.seconds;
  const stall = 2 * (s.stallSeconds + 1 + s.stallSeconds + 1);
  return Math.round(3 * perEndpoint + stall);
}

async function preflight(s: BenchSettings): Promise<void> {
  const missing = await missingDependencies({
    ...process.env,
    DATABASE_URL: s.databaseUrl,
    REDIS_URL: s.redisUrl,
    NATS_URL: s.natsUrl,
  });
  if (missing.length) {
    throw new Error(
      missing
        .map((d) => `Cannot reach ${d.name} at ${new URL(d.url).host}. Start it with:\n    ${d.howToStart}`)
        .join('\n'),
    );
  }
  for (const port of [s.gatewayPort, s.authHealthPort, s.floorPort]) {
    if (await portInUse(port)) {
      throw new Error(`Port ${port} is already in use (a leftover bench?); stop it or choose BENCH_*PORT`);
    }
  }
  if (await ensureDatabase(s.databaseUrl)) console.log(`Created database ${new URL(s.databaseUrl).pathname.slice(1)}`);
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const s = benchSettings();
  const bench = new Bench(s);
  let release: (() => Promise<void>) | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      stopAllLoads();
      await stopAll(bench.procs);
      await release?.().catch(() => undefined);
    })());
  const interrupt = (signal: string, code: number) => {
    if (cleaning) return;
    console.error(`\n${signal}: stopping the processes under test…`);
    void cleanup().then(() => process.exit(code));
  };
  process.on('SIGINT', () => interrupt('SIGINT', 130));
  process.on('SIGTERM', () => interrupt('SIGTERM', 143));

  try {
    const cpu = cpus();
    console.log(
      `Bench: ${s.connections} connections, ${s.warmupSeconds} s warm-up + ${s.seconds} s measured, ` +
        `${s.rounds} round(s) per system; about ${estimateSeconds(s)} s of load on ${cpu.length} CPU(s) ` +
        `(${cpu[0]?.model.trim() ?? 'unknown'}).`,
    );
    await preflight(s);
    release = await claimRedisIndex(s.redisUrl);
    console.log('Starting the product (auth, gateway) and the floor (responder, server)…');
    const startup = Date.now();
    await startSystems(s, bench.procs);
    bench.watchProcesses(() => cleaning !== undefined);
    console.log(`Started in ${((Date.now() - startup) / 1000).toFixed(1)} s.`);
    const token = await bench.prepare();
    const busyBeforeStart = await idleMachineLoad();
    if (busyBeforeStart !== undefined && busyBeforeStart > 0.25) {
      console.warn(
        `⚠ Before any load, something else keeps ${busyBeforeStart.toFixed(2)} of ${cpus().length} cores busy: ` +
          'every number below will be lower and noisier than on an idle machine.',
      );
    }

    const list = endpoints(token);
    const results: EndpointReport[] = [];
    for (const e of list) results.push(await bench.endpoint(e));

    console.log(
      `\nLogin must not stall other traffic (${s.stallConnections} + ${s.stallConnections} connections, ${s.stallSeconds} s)`,
    );
    const [, me, login] = list;
    const stall: Partial<Record<SystemName, StallReport>> = {};
    for (const system of SYSTEMS) stall[system] = await bench.stall(system, me, login);

    const finishedAt = new Date();
    const durationSeconds = (finishedAt.getTime() - startedAt.getTime()) / 1000;
    console.log(`\n${formatReport(results, stall)}`);
    const out = resolve(ROOT, 'bench-results', 'latest.json');
    await mkdir(resolve(ROOT, 'bench-results'), { recursive: true });
    const report = {
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationSeconds,
      machine: {
        cpus: cpu.length,
        cpuModel: cpu[0]?.model.trim(),
        node: process.version,
        platform: process.platform,
        busyCoresBeforeStart: busyBeforeStart,
      },
      settings: { ...s, databaseUrl: withoutPassword(s.databaseUrl), redisUrl: withoutPassword(s.redisUrl) },
      notes: [
        'reqPerSecRatio = product req/s ÷ floor req/s (higher is better); p99Ratio = product p99 ÷ floor p99 (lower is better)',
        'latencies in ms, 2xx responses only; percentiles over every measured request of every round',
        'product /api/health runs with HEALTH_CACHE_MS=0 unless BENCH_HEALTH_CACHE_MS is set',
        'cpuSeconds: user+system CPU of each process during a measured run (/proc), "machine" = every core of the host; ' +
          'cpuMicrosPerRequest = that ÷ 2xx responses',
      ],
      endpoints: results,
      stall,
    };
    await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nWrote ${out}. Whole bench took ${durationSeconds.toFixed(0)} s.`);
  } catch (err) {
    if (!cleaning) {
      console.error(`\nBench failed: ${(err as Error).message}`);
      process.exitCode = 1;
    }
  } finally {
    await cleanup();
  }
}

void main();
