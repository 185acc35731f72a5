import type { DataSource } from 'typeorm';
import { inTransaction } from '../db/transactions.js';
import type { Metrics } from '../health/health.js';
import type { Logger } from '../logger.js';
import type { ScheduledJob } from './scheduled-job.js';

/** How a run ended: done, thrown, or not started because another replica held the job. */
export type JobOutcome = 'ok' | 'failed' | 'skipped';

const OUTCOMES: JobOutcome[] = ['ok', 'failed', 'skipped'];

/** Up to this share of a job's interval is added at random, so replicas started together do not wake together. */
const JITTER_SHARE = 0.1;

/** The wait before a job's next run: its interval plus random jitter; the first run after start waits the jitter only. */
export function nextRunDelay(everyMs: number, first: boolean, random: () => number = Math.random): number {
  const jitter = random() * everyMs * JITTER_SHARE;
  return Math.round(first ? jitter : everyMs + jitter);
}

export interface JobSchedulerOptions {
  /** Part of each lock's key: replicas of a service share it, two services' jobs of one name do not. */
  service: string;
  db: DataSource;
  log: Logger;
  metrics: Metrics;
}

/**
 * Runs a service's periodic jobs, each on its own timer. A run holds a transaction-level advisory
 * lock on the job's name (released at commit or rollback, so never left behind) and is skipped
 * when another replica holds it. A failed run is logged and counted, never thrown; the job runs
 * again at its next time. Counted in `garage_job_runs_total{job,outcome}`.
 */
export class JobScheduler {
  private readonly jobs = new Map<string, ScheduledJob>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<JobOutcome>>();
  private closed = false;

  constructor(
    jobs: ScheduledJob[],
    private readonly options: JobSchedulerOptions,
  ) {
    for (const job of jobs) {
      if (this.jobs.has(job.name)) throw new Error(`Two scheduled jobs are named ${job.name}`);
      if (!(job.everyMs > 0)) throw new Error(`Scheduled job ${job.name} needs a positive everyMs`);
      this.jobs.set(job.name, job);
      // Every outcome shows from the start, at 0, so a rate over it works from the first scrape.
      for (const outcome of OUTCOMES) options.metrics.jobRuns.inc({ job: job.name, outcome }, 0);
    }
  }

  /** The names of the jobs it runs. */
  get names(): string[] {
    return [...this.jobs.keys()];
  }

  /** Starts every job's timer (timers do not keep the process alive). */
  start(): void {
    if (this.closed) throw new Error('This job scheduler is closed');
    for (const job of this.jobs.values()) {
      if (!this.timers.has(job.name)) this.schedule(job, nextRunDelay(job.everyMs, true));
    }
  }

  /** Runs a job now, under its lock like a timed run; resolves with the outcome (a failure is not thrown). */
  runOnce(name: string): Promise<JobOutcome> {
    const job = this.jobs.get(name);
    if (!job) return Promise.reject(new Error(`No scheduled job named ${name}`));
    if (this.closed) return Promise.reject(new Error('This job scheduler is closed'));
    const run = this.attempt(job);
    this.inFlight.add(run);
    void run.then(() => this.inFlight.delete(run));
    return run;
  }

  /** Stops the timers, then waits for the runs in progress to finish. */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.all(this.inFlight);
  }

  private schedule(job: ScheduledJob, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(job.name);
      if (this.closed) return;
      // The next run is timed from the end of this one, so a slow run never overlaps its successor.
      void this.runOnce(job.name).then(() => {
        if (!this.closed) this.schedule(job, nextRunDelay(job.everyMs, false));
      });
    }, delayMs);
    timer.unref();
    this.timers.set(job.name, timer);
  }

  private async attempt(job: ScheduledJob): Promise<JobOutcome> {
    const { db, log, metrics, service } = this.options;
    const started = Date.now();
    let outcome: JobOutcome;
    try {
      const ran = await inTransaction(db, async (tx) => {
        const [lock] = await tx.rows<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [
          `garage:job:${service}:${job.name}`,
        ]);
        return lock?.locked ? { report: await job.run(tx) } : null;
      });
      outcome = ran ? 'ok' : 'skipped';
      if (ran?.report) log.info({ job: job.name, ms: Date.now() - started, ...ran.report }, 'scheduled job ran');
      else if (!ran) log.debug({ job: job.name }, 'scheduled job skipped: another replica is running it');
    } catch (err) {
      outcome = 'failed';
      log.error({ err, job: job.name }, 'scheduled job failed; it runs again at its next time');
    }
    metrics.jobRuns.inc({ job: job.name, outcome });
    return outcome;
  }
}
