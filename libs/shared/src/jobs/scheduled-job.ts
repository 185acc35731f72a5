import type { Tx } from '../db/transactions.js';

/** What a run did, worth a log line (e.g. `{ deleted: 12 }`); nothing when it had nothing to do. */
export type JobReport = Record<string, number>;

/** Periodic background work of a service (a purge, say), run by its JobScheduler on one replica at a time. */
export interface ScheduledJob {
  /** Unique within the service: names the job's lock, its log lines and its metric label. */
  name: string;
  /** From the end of one run to the start of the next, before jitter. */
  everyMs: number;
  /**
   * One run, inside the transaction that holds the job's lock: its work commits as the lock is
   * released, and rolls back when it throws (then the run is logged and counted as failed).
   */
  run(tx: Tx): Promise<JobReport | void>;
}

/** A job that deletes what has outlived its use; `purge` returns how many rows it deleted (logged when any). */
export function purgeJob(name: string, everyMs: number, purge: (tx: Tx) => Promise<number>): ScheduledJob {
  return {
    name,
    everyMs,
    async run(tx) {
      const deleted = await purge(tx);
      return deleted ? { deleted } : undefined;
    },
  };
}
