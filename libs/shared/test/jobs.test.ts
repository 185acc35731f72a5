import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { JobScheduler, Metrics, type JobOutcome, type ScheduledJob } from '@garage/shared';
import { testEnv } from '../../../test/support/test-env.js';
import { until } from '../../../test/support/waits.js';

// Two DataSources (two pools) stand for two replicas of one service.
const env = testEnv();
let replicaA: DataSource;
let replicaB: DataSource;

beforeAll(async () => {
  replicaA = new DataSource({ type: 'postgres', url: env.DATABASE_URL, extra: { max: 3 } });
  replicaB = new DataSource({ type: 'postgres', url: env.DATABASE_URL, extra: { max: 3 } });
  await Promise.all([replicaA.initialize(), replicaB.initialize()]);
});

afterAll(async () => {
  await Promise.all([replicaA.destroy(), replicaB.destroy()]);
});

let schedulers: JobScheduler[] = [];
let gates: Array<() => void> = [];
afterEach(async () => {
  // A test that failed half-way must not leave close() waiting on a run it holds.
  gates.forEach((open) => open());
  await Promise.all(schedulers.map((s) => s.close()));
  schedulers = [];
  gates = [];
});

/** A replica's scheduler with its own metrics and a log the test can read. */
function replica(db: DataSource, jobs: ScheduledJob[], service = `svc_${randomUUID().slice(0, 8)}`) {
  const lines: { level: number; msg: string; job?: string; err?: { message: string } }[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const metrics = new Metrics(service);
  const scheduler = new JobScheduler(jobs, { service, db, log, metrics });
  schedulers.push(scheduler);
  const count = async (job: string, outcome: JobOutcome) => {
    const text = await metrics.registry.metrics();
    const line = text.split('\n').find((l) => l.startsWith(`garage_job_runs_total{job="${job}",outcome="${outcome}",`));
    return line ? Number(line.split(' ').pop()) : NaN;
  };
  return { scheduler, lines, metrics, count, service };
}

/** A promise the test resolves when it chooses. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  gates.push(open);
  return { open, opened };
}

/** A job whose runs wait until the test releases them. */
function heldJob(name: string) {
  const release = gate();
  let runs = 0;
  const job: ScheduledJob = {
    name,
    everyMs: 3600_000,
    run: async () => {
      runs++;
      await release.opened;
    },
  };
  return { job, release, entered: () => runs };
}

describe('job scheduler (real Postgres advisory locks)', () => {
  it('runs a job on one replica at a time: the other skips while it runs, and runs it once it is free', async () => {
    const { job, release, entered } = heldJob('held');
    const a = replica(replicaA, [job]);
    const b = replica(replicaB, [job], a.service);
    const running = a.scheduler.runOnce('held');
    await until('the held run to start', () => entered() === 1);
    expect(await b.scheduler.runOnce('held')).toBe('skipped');
    release.open();
    expect(await running).toBe('ok');
    expect(await b.scheduler.runOnce('held')).toBe('ok');
    expect(entered()).toBe(2);
    expect([await a.count('held', 'ok'), await b.count('held', 'skipped'), await b.count('held', 'ok')]).toEqual([
      1, 1, 1,
    ]);
  });

  it('two replicas on their timers never run the same job at once', async () => {
    let running = 0;
    let mostAtOnce = 0;
    let runs = 0;
    const job: ScheduledJob = {
      name: 'busy',
      everyMs: 20,
      run: async (tx) => {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        await tx.rows('SELECT pg_sleep(0.03)');
        running--;
        runs++;
      },
    };
    const a = replica(replicaA, [job]);
    const b = replica(replicaB, [job], a.service);
    a.scheduler.start();
    b.scheduler.start();
    // Runs last longer than the interval, so the replicas keep finding the job taken.
    const total = async (outcome: JobOutcome) => (await a.count('busy', outcome)) + (await b.count('busy', outcome));
    await until('ten runs and two skips', async () => (await total('ok')) >= 10 && (await total('skipped')) >= 2);
    expect(mostAtOnce).toBe(1);
    // Both replicas took turns (a run is counted once its transaction has committed, so runs may be one ahead).
    expect(Math.min(await a.count('busy', 'ok'), await b.count('busy', 'ok'))).toBeGreaterThan(0);
    expect(runs).toBeGreaterThanOrEqual(10);
  });

  it('the same job name in two services is two locks', async () => {
    const { job, release, entered } = heldJob('purge');
    const bookings = replica(replicaA, [job]);
    const inventory = replica(replicaB, [{ ...job, run: async () => undefined }]);
    const running = bookings.scheduler.runOnce('purge');
    await until('the held run to start', () => entered() === 1);
    expect(await inventory.scheduler.runOnce('purge')).toBe('ok');
    release.open();
    expect(await running).toBe('ok');
  });

  it('a failing run is logged and counted, its work rolled back, and the next tick runs again', async () => {
    const table = `jobs_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await replicaA.query(`CREATE TABLE ${table} (n int)`);
    let runs = 0;
    const job: ScheduledJob = {
      name: 'flaky',
      everyMs: 20,
      run: async (tx) => {
        runs++;
        await tx.rows(`INSERT INTO ${table} VALUES ($1)`, [runs]);
        if (runs === 1) throw new Error('disk full');
        return { inserted: 1 };
      },
    };
    const r = replica(replicaA, [job]);
    r.scheduler.start();
    await until('a run after the failed one', async () => (await r.count('flaky', 'ok')) >= 1);
    expect(await r.count('flaky', 'failed')).toBe(1);
    const failure = r.lines.find((l) => l.level === 50);
    expect(failure).toMatchObject({ job: 'flaky', err: { message: 'disk full' } });
    expect(r.lines).toContainEqual(expect.objectContaining({ level: 30, job: 'flaky', inserted: 1 }));
    const rows: { n: number }[] = await replicaA.query(`SELECT n FROM ${table} ORDER BY n`);
    expect(rows[0]?.n).toBe(2);
    await r.scheduler.close();
    await replicaA.query(`DROP TABLE ${table}`);
  });

  it('close() stops the timers and waits for the run in progress', async () => {
    const release = gate();
    const order: string[] = [];
    const job: ScheduledJob = {
      name: 'slow',
      everyMs: 10,
      run: async () => {
        order.push('run started');
        await release.opened;
        order.push('run finished');
      },
    };
    const r = replica(replicaA, [job]);
    r.scheduler.start();
    await until('the slow run to start', () => order.length === 1);
    const closed = r.scheduler.close().then(() => order.push('closed'));
    // Round trips to the database give close() every chance to resolve early if it would.
    for (let i = 0; i < 5; i++) await replicaA.query('SELECT 1');
    expect(order).toEqual(['run started']);
    release.open();
    await closed;
    expect(order).toEqual(['run started', 'run finished', 'closed']);
    await expect(r.scheduler.runOnce('slow')).rejects.toThrow('closed');
    expect(await r.count('slow', 'ok')).toBe(1);
  });

  it('shows every job and outcome in /metrics from the start', async () => {
    const r = replica(replicaA, [{ name: 'quiet', everyMs: 3600_000, run: async () => undefined }]);
    expect([await r.count('quiet', 'ok'), await r.count('quiet', 'failed'), await r.count('quiet', 'skipped')]).toEqual(
      [0, 0, 0],
    );
    await r.scheduler.runOnce('quiet');
    expect(await r.count('quiet', 'ok')).toBe(1);
    await expect(r.scheduler.runOnce('missing')).rejects.toThrow('No scheduled job named missing');
  });
});
