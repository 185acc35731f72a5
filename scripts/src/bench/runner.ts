import type { ServiceProcess } from '../processes.js';
import {
  cpuDelta,
  cpuSecondsOf,
  infrastructureCpu,
  infrastructureDelta,
  machineBusySeconds,
  ownCpuSeconds,
} from './cpu.js';
import { runLoad, stopAllLoads, summarize, type LoadResult, type Measured, type Target } from './load.js';
import type { SystemSummary } from './report.js';
import type { BenchSettings } from './settings.js';

export const LOAD_GENERATOR = 'load generator';
/** All cores of the machine: our processes, Postgres, Redis, NATS, and anything else running. */
export const MACHINE = 'machine';
/** Postgres, Redis and NATS. */
export const INFRASTRUCTURE = 'postgres+redis+nats';
/** The machine minus everything above: work that has nothing to do with the bench. */
export const OTHER = 'other';
/** A run during which other work kept more than this many cores busy is flagged as disturbed. */
const DISTURBED_CORES = 0.25;

interface CpuSnapshot {
  named: Record<string, number>;
  infrastructure: Map<string, number> | undefined;
}

// Between runs, every process under test must use less than this many cores over one sample.
const QUIET_CORES = 0.1;
const SETTLE_SAMPLE_MS = 200;
const SETTLE_TIMEOUT_MS = 60_000;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One request, answered in full; throws unless it is 2xx. */
export async function call(target: Target, timeoutMs = 20_000): Promise<string> {
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

/**
 * All measured runs of one endpoint on one system: req/s averaged, exact percentiles over every
 * request, and CPU µs per 2xx response of each named process (where /proc exists).
 */
export function summarizeRuns(ms: Measured[], processes: readonly string[]): SystemSummary {
  const all = new Float64Array(ms.reduce((n, m) => n + m.latencies.length, 0));
  let at = 0;
  for (const m of ms) {
    all.set(m.latencies, at);
    at += m.latencies.length;
  }
  const { p50, p99 } = summarize(all);
  const ok = ms.reduce((n, m) => n + m.result.ok, 0);
  const cpuMicrosPerRequest: Record<string, number> = {};
  for (const name of [...processes, LOAD_GENERATOR, INFRASTRUCTURE, MACHINE]) {
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
}

/** Measured runs against the processes under test: warm-up, drain, CPU accounting, disturbance flags. */
export class Runner {
  readonly procs: ServiceProcess[] = [];
  /** Set when the bench is being stopped (Ctrl-C): nothing more is measured or printed. */
  stopping = false;
  private died: string | undefined;

  constructor(readonly s: BenchSettings) {}

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

  protected assertAlive(): void {
    if (this.stopping) throw new Error('stopped');
    if (this.died) throw new Error(this.died);
  }

  /**
   * Waits until the systems have finished what the last load left in flight (queued logins keep
   * hashing after the client hangs up): one more request queues behind them, then, where /proc
   * exists, the processes under test must fall quiet (the request may time out before the queue does).
   */
  protected async drain(target: Target): Promise<void> {
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

  protected cpuSnapshot(): CpuSnapshot {
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
  protected cpuUsed(before: CpuSnapshot): Record<string, number> {
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
  flagDisturbance(label: string, r: LoadResult): void {
    const other = (r.cpuSeconds?.[OTHER] ?? 0) / r.seconds;
    if (other > DISTURBED_CORES) {
      r.disturbed = true;
      console.warn(`  ⚠ ${label}: other processes kept ${other.toFixed(2)} cores busy; this run is disturbed`);
    }
  }

  /** Optional warm-up and drain, then one measured run with its CPU, then a drain. */
  async measure(target: Target, connections: number, warmup: number, seconds: number): Promise<Measured> {
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
}
