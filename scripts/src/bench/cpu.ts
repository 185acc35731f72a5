import { readFileSync, readdirSync } from 'node:fs';

// USER_HZ: the unit of utime/stime in /proc/<pid>/stat on Linux (100 on every common kernel build).
const CLOCK_TICKS_PER_SECOND = 100;

// The servers the system under test relies on (every Postgres backend is its own process).
const INFRASTRUCTURE = /^(postgres|redis-server|nats-server)$/;

function readStat(pid: number | string): { comm: string; cpuSeconds: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    // Fields after "(comm)": state is field 3, utime 14, stime 15.
    const fields = stat.slice(close + 2).split(' ');
    return {
      comm: stat.slice(stat.indexOf('(') + 1, close),
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND,
    };
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) a process has used so far, or undefined where /proc is not available. */
export function cpuSecondsOf(pid: number | undefined): number | undefined {
  return pid === undefined ? undefined : readStat(pid)?.cpuSeconds;
}

/** CPU seconds used so far by each Postgres, Redis and NATS server process, by pid; undefined without /proc. */
export function infrastructureCpu(): Map<string, number> | undefined {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  const usage = new Map<string, number>();
  for (const pid of pids) {
    const stat = readStat(pid);
    if (stat && INFRASTRUCTURE.test(stat.comm)) usage.set(pid, stat.cpuSeconds);
  }
  return usage;
}

/**
 * CPU seconds the infrastructure used between two snapshots, per process: one that started in
 * between counts in full; one that ended in between (a Postgres backend or autovacuum worker)
 * takes its last share with it, so this can undercount a little but never goes negative.
 */
export function infrastructureDelta(before: Map<string, number>, after: Map<string, number>): number {
  let sum = 0;
  for (const [pid, seconds] of after) sum += Math.max(0, seconds - (before.get(pid) ?? 0));
  return Math.round(sum * 1000) / 1000;
}

/** Busy CPU seconds of the whole machine, all cores (everything but idle and iowait), or undefined without /proc. */
export function machineBusySeconds(): number | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
    return (total - ticks[3] - ticks[4]) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** Cores the machine keeps busy over `ms` while the bench itself does nothing (other work skews every number). */
export async function idleMachineLoad(ms = 1000): Promise<number | undefined> {
  const before = machineBusySeconds();
  await new Promise((r) => setTimeout(r, ms));
  const after = machineBusySeconds();
  return before === undefined || after === undefined ? undefined : (after - before) / (ms / 1000);
}

/** CPU seconds of this process (the load generator). */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** CPU seconds used by each named process between two snapshots. */
export function cpuDelta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const [name, value] of Object.entries(after)) {
    if (before[name] !== undefined) delta[name] = Math.round((value - before[name]) * 1000) / 1000;
  }
  return delta;
}
