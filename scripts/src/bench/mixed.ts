/**
 * `npm run bench:mixed`: a booking site's mix of requests (mixed-workload.ts) at a fixed arrival rate
 * (open loop, open-loop.ts), stepped up until p99 passes BENCH_MIXED_P99_MS, against N gateways and N
 * replicas of every service with the bookings table seeded to BENCH_MIXED_BOOKINGS rows; then the same
 * with each other replica count of BENCH_MIXED_REPLICAS. Prints markdown tables and writes
 * bench-results/mixed-latest.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { DEMO_ADMIN } from '@garage/auth/dist/demo/demo-credentials.js';
import { ensureDatabase } from '@garage/shared';
import { missingDependencies } from '../dependencies.js';
import { ROOT, stopAll, type ServiceProcess } from '../processes.js';
import { OTHER_FUTURE_DAYS, resetBookings, seedBookings, type SeedResult } from './bookings-seed.js';
import { addDays, createTarget, localDate, prepareBookings } from './bookings-setup.js';
import { registerSignInAccounts } from './comparison.js';
import { cpuSecondsOf, infrastructureCpu, infrastructureDelta, machineBusySeconds, ownCpuSeconds } from './cpu.js';
import { MIXED_PROCESSES, groupOf, mixedSettings, startMixedSystem, type MixedSettings } from './mixed-systems.js';
import { MIX, mixedKinds } from './mixed-workload.js';
import { cpuTable, kneeTable, latencyTable, type MixedRun, type MixedStep } from './mixed-report.js';
import { runOpenLoop, type RequestKind } from './open-loop.js';
import { claimRedisIndex, portInUse } from './systems.js';
import { call, sleep } from './runner.js';

/** Rows per seeded branch: 1,000,000 bookings at 50 branches; a smaller run has fewer branches, as full. */
const ROWS_PER_BRANCH = 20_000;
const CUSTOMERS = 50;
const SIGN_IN_ACCOUNTS = 100;
const WARMUP_SECONDS = 3;

interface CpuSnapshot {
  groups: Record<string, number>;
  own: number;
  machine: number | undefined;
  infrastructure: Map<string, number> | undefined;
}

function snapshot(procs: ServiceProcess[]): CpuSnapshot {
  const groups: Record<string, number> = {};
  for (const p of procs) groups[groupOf(p)] = (groups[groupOf(p)] ?? 0) + (cpuSecondsOf(p.child.pid) ?? NaN);
  return { groups, own: ownCpuSeconds(), machine: machineBusySeconds(), infrastructure: infrastructureCpu() };
}

function cpuUsed(before: CpuSnapshot, after: CpuSnapshot): Record<string, number> {
  const used: Record<string, number> = {};
  for (const [g, v] of Object.entries(after.groups)) if (Number.isFinite(v)) used[g] = v - (before.groups[g] ?? 0);
  used['load generator'] = after.own - before.own;
  if (before.infrastructure && after.infrastructure) {
    used['postgres+redis+nats'] = infrastructureDelta(before.infrastructure, after.infrastructure);
  }
  if (before.machine !== undefined && after.machine !== undefined) used.machine = after.machine - before.machine;
  return used;
}

/** Waits until the processes under test are nearly idle (what a step left queued is done), 30 s at most. */
async function settle(procs: ServiceProcess[]): Promise<void> {
  const busy = () => procs.reduce((sum, p) => sum + (cpuSecondsOf(p.child.pid) ?? 0), 0);
  const deadline = Date.now() + 30_000;
  let before = busy();
  while (Date.now() < deadline) {
    await sleep(250);
    const after = busy();
    if ((after - before) / 0.25 < 0.15) return;
    before = after;
  }
}

async function preflight(s: MixedSettings): Promise<void> {
  const missing = await missingDependencies({
    ...process.env,
    DATABASE_URL: s.databaseUrl,
    REDIS_URL: s.redisUrl,
    NATS_URL: s.natsUrl,
  });
  if (missing.length) throw new Error(missing.map((d) => `Cannot reach ${d.name}: ${d.howToStart}`).join('\n'));
  const most = Math.max(...s.replicas);
  const ports = [
    ...Array.from({ length: most }, (_, i) => s.gatewayPort + i),
    ...Array.from({ length: most * MIXED_PROCESSES.length }, (_, i) => s.healthPort + i),
  ];
  for (const port of ports) {
    if (await portInUse(port))
      throw new Error(`Port ${port} is already in use; choose BENCH_MIXED_PORT / _HEALTH_PORT`);
  }
  if (await ensureDatabase(s.databaseUrl)) console.log(`Created database ${new URL(s.databaseUrl).pathname.slice(1)}`);
}

async function signIn(base: string): Promise<string> {
  const body = JSON.stringify(DEMO_ADMIN);
  const text = await call({
    url: `${base}/api/login`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return (JSON.parse(text) as { token: string }).token;
}

/** Bookings the whole ramp may make (6 % of every step at its rate), with room to spare. */
function bookingsWanted(s: MixedSettings): number {
  let total = 0;
  for (let rate = s.startRate; rate <= s.maxRate; rate *= s.rateFactor) total += rate * s.stepSeconds;
  return Math.min(30_000, Math.ceil((total * MIX['create-booking']) / 100) + 100);
}

/** One ramp against `replicas` of everything: start, prepare, warm up, step up to the knee, stop. */
async function ramp(
  s: MixedSettings,
  replicas: number,
  procs: ServiceProcess[],
  seeded: { result?: SeedResult },
): Promise<MixedRun> {
  console.log(`\n${replicas} gateway(s) and ${replicas} replica(s) of each service: starting…`);
  const bases = await startMixedSystem(s, replicas, procs);
  let died: string | undefined;
  for (const p of procs) void p.exited.then((code) => (died ??= `${p.name} exited (code ${code})`));
  const adminToken = await signIn(bases[0]);
  const setup = await prepareBookings(bases[0], adminToken, CUSTOMERS);
  if (!seeded.result) {
    const reset = await resetBookings(s.databaseUrl);
    if (reset.deleted)
      console.log(
        `Deleted ${reset.deleted.toLocaleString('en-US')} earlier bench rows in ${reset.seconds.toFixed(1)} s`,
      );
    const busyShare = Math.min(ROWS_PER_BRANCH, Math.floor(s.bookings / 50));
    const anchor = addDays(localDate('UTC'), OTHER_FUTURE_DAYS);
    console.log(
      `Seeding ${s.bookings.toLocaleString('en-US')} bookings (${ROWS_PER_BRANCH.toLocaleString('en-US')} per branch)…`,
    );
    seeded.result = await seedBookings(s.databaseUrl, s.bookings, setup.busy, busyShare, anchor, ROWS_PER_BRANCH);
    const r = seeded.result;
    console.log(
      `Seeded ${r.insertedRows.toLocaleString('en-US')} rows in ${r.seconds.toFixed(1)} s (+ VACUUM ANALYZE ${r.vacuumSeconds.toFixed(1)} s); ` +
        `the table holds ${r.rows.toLocaleString('en-US')}.`,
    );
  }
  await registerSignInAccounts(bases[0], SIGN_IN_ACCOUNTS);
  const { target: booking, slots } = await createTarget(bases[0], setup, bookingsWanted(s));
  console.log(`${slots.toLocaleString('en-US')} free slots to book.`);
  const kinds: RequestKind[] = mixedKinds({ setup, adminToken, booking, signInAccounts: SIGN_IN_ACCOUNTS });

  await runOpenLoop(bases, kinds, s.startRate, WARMUP_SECONDS);
  await settle(procs);
  const steps: MixedStep[] = [];
  for (let rate = s.startRate; rate <= s.maxRate; rate *= s.rateFactor) {
    const before = snapshot(procs);
    const step = await runOpenLoop(bases, kinds, rate, s.stepSeconds);
    const cpuSeconds = cpuUsed(before, snapshot(procs));
    if (died) throw new Error(died);
    const ours = Object.entries(cpuSeconds)
      .filter(([k]) => k !== 'machine')
      .reduce((sum, [, v]) => sum + v, 0);
    const otherCores = cpuSeconds.machine === undefined ? 0 : Math.max(0, cpuSeconds.machine - ours) / s.stepSeconds;
    steps.push({ ...step, cpuSeconds, otherCores });
    console.log(
      `  ${Math.round(rate)} req/s offered: ${step.throughput.toFixed(0)} answered/s, p50 ${step.p50.toFixed(1)} ms, ` +
        `p99 ${step.p99.toFixed(1)} ms, ${step.failed} failed${otherCores > 0.25 ? `  ⚠ other work kept ${otherCores.toFixed(2)} cores busy` : ''}`,
    );
    if (step.p99 > s.p99LimitMs) break;
    await settle(procs);
  }
  await stopAll(procs);
  procs.length = 0;
  const within = steps.filter((st) => st.p99 <= s.p99LimitMs);
  const best = within[within.length - 1];
  return {
    replicas,
    gateways: replicas,
    steps,
    knee: best ? { rate: best.rate, throughput: best.throughput, p99: best.p99 } : undefined,
  };
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const s = mixedSettings();
  const procs: ServiceProcess[] = [];
  let release: (() => Promise<void>) | undefined;
  const cleanup = async () => {
    await stopAll(procs);
    await release?.().catch(() => undefined);
  };
  process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));
  process.on('SIGTERM', () => void cleanup().then(() => process.exit(143)));
  try {
    const cpu = cpus();
    console.log(
      `Mixed bench: ${s.bookings.toLocaleString('en-US')} bookings, replicas ${s.replicas.join(' then ')}, steps of ` +
        `${s.stepSeconds} s from ${s.startRate} req/s ×${s.rateFactor} until p99 > ${s.p99LimitMs} ms, on ${cpu.length} CPU(s).`,
    );
    await preflight(s);
    release = await claimRedisIndex(s.redisUrl);
    const seeded: { result?: SeedResult } = {};
    const runs: MixedRun[] = [];
    for (const replicas of s.replicas) runs.push(await ramp(s, replicas, procs, seeded));

    const groups = MIXED_PROCESSES;
    const report = [
      `## Mixed load: the knee (p99 ≤ ${s.p99LimitMs} ms)`,
      kneeTable(runs),
      ...runs.flatMap((r) => [
        `### ${r.gateways} gateway(s), ${r.replicas} replica(s) of each service: throughput and latency (ms, from the scheduled time)`,
        latencyTable(r, s.p99LimitMs),
        `### ${r.gateways} gateway(s), ${r.replicas} replica(s): CPU ms per answered request (all replicas of a process together)`,
        cpuTable(r, groups),
      ]),
    ].join('\n\n');
    console.log(`\n${report}\n`);
    if (seeded.result) {
      console.log(
        `Seeding: ${seeded.result.insertedRows.toLocaleString('en-US')} rows in ${seeded.result.seconds.toFixed(1)} s.`,
      );
    }
    const finishedAt = new Date();
    await mkdir(resolve(ROOT, 'bench-results'), { recursive: true });
    const out = resolve(ROOT, 'bench-results', 'mixed-latest.json');
    await writeFile(
      out,
      `${JSON.stringify(
        {
          startedAt: startedAt.toISOString(),
          finishedAt: finishedAt.toISOString(),
          machine: { cpus: cpu.length, cpuModel: cpu[0]?.model.trim(), node: process.version },
          settings: { ...s, databaseUrl: undefined },
          mix: MIX,
          seed: seeded.result,
          runs,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`Wrote ${out}. Took ${((finishedAt.getTime() - startedAt.getTime()) / 1000).toFixed(0)} s.`);
  } catch (err) {
    console.error(`\nMixed bench failed: ${(err as Error).message}`);
    process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

void main();
