/** Markdown tables of `npm run bench:mixed`. */
import type { StepResult } from './open-loop.js';

/** One measured step with the CPU each group of processes used during it. */
export interface MixedStep extends StepResult {
  /** CPU seconds per group (every replica of a process together), the load generator, infrastructure, machine. */
  cpuSeconds: Record<string, number>;
  /** Cores something outside the bench kept busy during the step. */
  otherCores: number;
}

export interface MixedRun {
  replicas: number;
  gateways: number;
  steps: MixedStep[];
  /** The highest offered rate whose p99 stayed within the limit (undefined: not even the first). */
  knee?: { rate: number; throughput: number; p99: number };
}

const ms = (v: number) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : '–');

/** Throughput and latency per step: overall, then p50/p99 per endpoint. */
export function latencyTable(run: MixedRun, limitMs: number): string {
  const names = run.steps[0]?.kinds.map((k) => k.name) ?? [];
  const head = ['offered req/s', 'answered req/s', 'p50 ms', 'p99 ms', 'failed', ...names.map((n) => `${n} p50/p99`)];
  const rows = run.steps.map((s) => [
    String(Math.round(s.rate)),
    s.throughput.toFixed(0),
    ms(s.p50),
    `${ms(s.p99)}${s.p99 > limitMs ? ' ✗' : ''}`,
    String(s.failed),
    ...s.kinds.map((k) => `${ms(k.p50)}/${ms(k.p99)}`),
  ]);
  return table(head, rows);
}

/** CPU milliseconds per answered request, per group of processes and for the whole machine. */
export function cpuTable(run: MixedRun, groups: readonly string[]): string {
  const cols = [...groups, 'load generator', 'postgres+redis+nats', 'machine'];
  const head = ['offered req/s', ...cols.map((c) => `${c} ms`), 'other cores'];
  const rows = run.steps.map((s) => {
    const answered = s.throughput * s.seconds;
    return [
      String(Math.round(s.rate)),
      ...cols.map((c) =>
        s.cpuSeconds[c] === undefined || !answered ? '–' : ((s.cpuSeconds[c] / answered) * 1000).toFixed(2),
      ),
      s.otherCores.toFixed(2),
    ];
  });
  return table(head, rows);
}

/** The knee of each run side by side, and the gain of the first over the last. */
export function kneeTable(runs: MixedRun[]): string {
  const rows = runs.map((r) => [
    `${r.gateways} gateway(s), ${r.replicas} replica(s) each`,
    r.knee ? String(Math.round(r.knee.rate)) : '< first step',
    r.knee ? r.knee.throughput.toFixed(0) : '–',
    r.knee ? ms(r.knee.p99) : '–',
  ]);
  let text = table(['setup', 'knee: offered req/s', 'answered req/s', 'p99 ms'], rows);
  const [first, last] = [runs[0], runs[runs.length - 1]];
  if (runs.length > 1 && first.knee && last.knee) {
    text += `\n\nGain of ${first.replicas} over ${last.replicas} replica(s) on this machine: ${(first.knee.throughput / last.knee.throughput).toFixed(2)}×`;
  }
  return text;
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
