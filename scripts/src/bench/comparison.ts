import { DEMO_ADMIN, DEMO_CUSTOMER } from '@garage/auth/dist/demo/demo-credentials.js';
import type { ServiceProcess } from '../processes.js';
import {
  cpuDelta,
  cpuSecondsOf,
  infrastructureCpu,
  infrastructureDelta,
  machineBusySeconds,
  ownCpuSeconds,
} from './cpu.js';
import { runLoad, startLoad, stopAllLoads, summarize, type LoadResult, type Measured, type Target } from './load.js';
import { runLine, type EndpointReport, type StallReport, type SystemName, type SystemSummary } from './report.js';
import type { BenchSettings } from './settings.js';

/** The product runs first in odd rounds, the floor in even ones. */
export const SYSTEMS: SystemName[] = ['product', 'floor'];
/** The processes of each system, front first. */
export const PROCESSES: Record<SystemName, [string, string]> = {
  product: ['gateway', 'auth'],
  floor: ['floor-server', 'floor-responder'],
};
const LOAD_GENERATOR = 'load generator';
/** All cores of the machine: our processes, Postgres, Redis, NATS, and anything else running. */
const MACHINE = 'machine';
/** Postgres, Redis and NATS. */
const INFRASTRUCTURE = 'postgres+redis+nats';
/** The machine minus everything above: work that has nothing to do with the bench. */
const OTHER = 'other';
/** A run during which other work kept more than this many cores busy is flagged as disturbed. */
const DISTURBED_CORES = 0.25;

interface CpuSnapshot {
  named: Record<string, number>;
  infrastructure: Map<string, number> | undefined;
}

export interface Endpoint {
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

export function endpoints(token: string): Endpoint[] {
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

/** Runs the measurements against the two running systems. */
export class Bench {
  readonly procs: ServiceProcess[] = [];
  /** Set when the bench is being stopped (Ctrl-C): nothing more is measured or printed. */
  stopping = false;
  private died: string | undefined;
  readonly base: Record<SystemName, string>;

  constructor(readonly s: BenchSettings) {
    this.base = { product: `http://127.0.0.1:${s.gatewayPort}`, floor: `http://127.0.0.1:${s.floorPort}` };
  }

  /** Fails the bench as soon as a process under test dies, instead of measuring connection errors. */
  watchProcesses(): void {
    for (const p of this.procs) {
      void p.exited.then((code) => {
        if (this.stopping) return;
        this.died ??= `${p.name} exited unexpectedly (code ${code})`;
        stopAllLoads();
      });
    }
  }

  private assertAlive(): void {
    if (this.stopping) throw new Error('stopped');
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

  private cpuSnapshot(): CpuSnapshot {
    const named: Record<string, number> = { [LOAD_GENERATOR]: ownCpuSeconds() };
    const machine = machineBusySeconds();
    if (machine !== undefined) named[MACHINE] = machine;
    for (const p of this.procs) {
      const seconds = cpuSecondsOf(p.child.pid);
      if (seconds !== undefined) named[p.name] = seconds;
    }
    return { named, infrastructure: infrastructureCpu() };
  }

  /** CPU used during a run, plus what the rest of the machine used ("other"). */
  private cpuUsed(before: CpuSnapshot): Record<string, number> {
    const after = this.cpuSnapshot();
    const used = cpuDelta(before.named, after.named);
    if (before.infrastructure && after.infrastructure) {
      used[INFRASTRUCTURE] = infrastructureDelta(before.infrastructure, after.infrastructure);
    }
    if (used[MACHINE] !== undefined && used[INFRASTRUCTURE] !== undefined) {
      const ours = Object.entries(used)
        .filter(([name]) => name !== MACHINE)
        .reduce((sum, [, seconds]) => sum + seconds, 0);
      used[OTHER] = Math.round(Math.max(0, used[MACHINE] - ours) * 1000) / 1000;
    }
    return used;
  }

  /** Says so when something outside the bench took a share of the machine during a run. */
  private flagDisturbance(label: string, r: LoadResult): void {
    const other = (r.cpuSeconds?.[OTHER] ?? 0) / r.seconds;
    if (other > DISTURBED_CORES) {
      r.disturbed = true;
      console.warn(`  ⚠ ${label}: other processes kept ${other.toFixed(2)} cores busy; this run is disturbed`);
    }
  }

  private async measure(target: Target, connections: number, warmup: number, seconds: number): Promise<Measured> {
    if (warmup > 0) {
      await runLoad(target, connections, warmup);
      await this.drain(target);
    }
    const before = this.cpuSnapshot();
    const measured = await runLoad(target, connections, seconds);
    measured.result.cpuSeconds = this.cpuUsed(before);
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
        const label = `${system} round ${round + 1}`;
        console.log(runLine(label, m.result, [...PROCESSES[system], LOAD_GENERATOR, INFRASTRUCTURE, OTHER]));
        this.flagDisturbance(label, m.result);
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
      for (const name of [...PROCESSES[system], LOAD_GENERATOR, INFRASTRUCTURE, MACHINE]) {
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
    this.flagDisturbance(`${system} /api/me alone`, idle.result);
    // Logins get a second to fill every queue before /api/me is measured beside them.
    const logins = startLoad(loginTarget, c, s.stallSeconds + 30);
    await sleep(1000);
    let under: Measured;
    try {
      const before = this.cpuSnapshot();
      under = await runLoad(meTarget, c, s.stallSeconds);
      under.result.cpuSeconds = this.cpuUsed(before);
    } finally {
      logins.stop();
    }
    const loginRun = await logins.done;
    this.assertAlive();
    await this.drain(loginTarget);
    console.log(runLine(`${system} /api/me beside logins`, under.result));
    this.flagDisturbance(`${system} /api/me beside logins`, under.result);
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

/** Seconds of load a bench with these settings generates (start-up and settling come on top). */
export function estimateSeconds(s: BenchSettings): number {
  const perEndpoint = 2 * (s.warmupSeconds + s.seconds) + 2 * (s.rounds - 1) * s.seconds;
  const stall = 2 * (s.stallSeconds + 1 + s.stallSeconds + 1);
  return Math.round(3 * perEndpoint + stall);
}
