import type { JetStreamClient } from '@nats-io/jetstream';
import type { DataSource } from 'typeorm';
import { Sql } from '../db/sql.js';
import { inTransaction } from '../db/transactions.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../health/health.js';
import { purgeJob, type ScheduledJob } from '../jobs/scheduled-job.js';
import { eventSubject, type DomainEvent } from './event.js';
import { headers } from '@nats-io/transport-node';
import { Tracing, endWith, injectTraceparent } from '../tracing/tracing.js';

interface OutboxRow {
  id: string;
  type: string;
  data: unknown;
  occurred_at: Date;
  traceparent: string | null;
}

export interface OutboxRelayOptions {
  db: DataSource;
  js: JetStreamClient;
  schema: string;
  prefix: string;
  log: Logger;
  metrics?: Metrics;
  /** Traces each publish as a child of the work that wrote the event. */
  tracing?: Tracing;
  /** Pause between looks at an empty outbox. */
  idleMs?: number;
  batchSize?: number;
}

/** How often published outbox rows past their week are deleted. */
export const OUTBOX_PURGE_EVERY_MS = 3600_000;

/**
 * Publishes a service's outbox to JetStream, oldest first. A row is marked published only after
 * the stream acknowledged it, in the same transaction that locked it (FOR UPDATE SKIP LOCKED, so
 * replicas share the work). A relay killed between the ack and the commit publishes the row again
 * later; JetStream drops it by its `Nats-Msg-Id`, and consumers are idempotent besides.
 */
export class OutboxRelay {
  private stopped = false;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private readonly idleMs: number;
  private readonly batchSize: number;

  constructor(private readonly options: OutboxRelayOptions) {
    this.idleMs = options.idleMs ?? 200;
    this.batchSize = options.batchSize ?? 100;
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Looks at the outbox now instead of at the next tick (after a local commit). */
  nudge(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  /** Publishes one batch; returns how many events it published. */
  async relayOnce(): Promise<number> {
    const { db, schema, prefix } = this.options;
    return inTransaction(db, async (tx) => {
      const rows = await tx.rows<OutboxRow>(
        `SELECT id, type, data, occurred_at, traceparent FROM ${schema}.outbox WHERE published_at IS NULL
         ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      // One at a time, so the stream holds a service's events in the order they happened.
      for (const row of rows) {
        const event: DomainEvent = {
          id: row.id,
          type: row.type,
          occurredAt: row.occurred_at.toISOString(),
          data: row.data,
        };
        await this.publish(eventSubject(prefix, row.type), event, row.traceparent);
        this.options.metrics?.eventsPublished.inc({ type: row.type });
      }
      if (rows.length) {
        await tx.rows(`UPDATE ${schema}.outbox SET published_at = now() WHERE id = ANY($1::uuid[])`, [
          rows.map((r) => r.id),
        ]);
      }
      return rows.length;
    });
  }

  /**
   * One event to the stream, with the traceparent its row kept as a header (a producer span in
   * between while tracing is on), so the consumers continue the trace of the work that wrote it.
   */
  private async publish(subject: string, event: DomainEvent, traceparent: string | null): Promise<void> {
    const { js, tracing = Tracing.off } = this.options;
    const data = JSON.stringify(event);
    const stored = traceparent ? { get: (key: string) => (key === 'traceparent' ? traceparent : '') } : undefined;
    const span = tracing.begin(`publish ${event.type}`, 'producer', stored, {
      'messaging.system': 'nats',
      'messaging.destination.name': subject,
      'messaging.message.id': event.id,
    });
    if (!span && !traceparent) {
      await js.publish(subject, data, { msgID: event.id });
      return;
    }
    const hdrs = headers();
    if (span) span.run(() => injectTraceparent(hdrs));
    else hdrs.set('traceparent', traceparent!);
    await endWith(span, js.publish(subject, data, { msgID: event.id, headers: hdrs }));
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      let published = 0;
      try {
        published = await this.relayOnce();
        if (failures) this.options.log.info('outbox relay publishing again');
        failures = 0;
      } catch (err) {
        if (failures++ === 0) this.options.log.warn({ err }, 'outbox relay cannot publish; retrying');
      }
      // A full batch means more may be waiting; otherwise rest (longer while things fail).
      if (published < this.batchSize || failures)
        await this.sleep(failures ? Math.min(5000, 250 * failures) : this.idleMs);
    }
  }

  /** Events not yet acknowledged by the stream (a growing number means the relay cannot publish). */
  async pending(): Promise<number> {
    const row = await new Sql(this.options.db).one<{ n: string }>(
      `SELECT count(*) AS n FROM ${this.options.schema}.outbox WHERE published_at IS NULL`,
    );
    return Number(row?.n ?? 0);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

/** The scheduled job of every service with an outbox: published rows are kept a week for inspection, then deleted. */
export function outboxPurgeJob(schema: string): ScheduledJob {
  return purgeJob('outbox-purge', OUTBOX_PURGE_EVERY_MS, async (tx) => {
    const rows = await tx.rows(
      `DELETE FROM ${schema}.outbox WHERE published_at < now() - interval '7 days' RETURNING 1`,
    );
    return rows.length;
  });
}
