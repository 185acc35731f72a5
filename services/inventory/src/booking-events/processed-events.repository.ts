import { Injectable } from '@nestjs/common';
import { EVENT_RETENTION_MS, Tx } from '@garage/shared';

const DAY_MS = 24 * 3600 * 1000;

/**
 * How long an applied event's id is kept: JetStream can redeliver an event only while the stream
 * holds it (EVENT_RETENTION_MS), so twice that leaves room for a late re-publish by a relay.
 */
export const PROCESSED_EVENT_RETENTION_DAYS = Math.ceil((2 * EVENT_RETENTION_MS) / DAY_MS);

/** Ids of the events this service has applied; written in the transaction of the change the event made. */
@Injectable()
export class ProcessedEventsRepository {
  /**
   * Records the event as applied; false if it already was. A concurrent delivery of the same event
   * waits here on the primary key until the first commits (then false) or rolls back (then true).
   */
  async markProcessed(tx: Tx, eventId: string): Promise<boolean> {
    const rows = await tx.rows<{ event_id: string }>(
      `INSERT INTO inventory.processed_events (event_id) VALUES ($1) ON CONFLICT (event_id) DO NOTHING
       RETURNING event_id`,
      [eventId],
    );
    return rows.length === 1;
  }

  /** Forgets ids no stream can deliver again; returns how many. */
  async forgetExpired(tx: Tx): Promise<number> {
    const rows = await tx.rows(
      `DELETE FROM inventory.processed_events WHERE processed_at < now() - make_interval(days => $1) RETURNING 1`,
      [PROCESSED_EVENT_RETENTION_DAYS],
    );
    return rows.length;
  }
}
