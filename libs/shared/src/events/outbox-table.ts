import type { Queryable } from '../db/sql.js';
import type { DomainEvent } from './event.js';

/**
 * The statements that create a service's outbox table, for the service's own migration:
 * events wait here, written in the same transaction as the change they describe, until the
 * relay has had them acknowledged by JetStream.
 */
export function outboxTableSql(schema: string): string[] {
  return [
    `CREATE TABLE ${schema}.outbox (
      id uuid PRIMARY KEY,
      seq bigint GENERATED ALWAYS AS IDENTITY,
      type text NOT NULL,
      data jsonb NOT NULL,
      occurred_at timestamptz NOT NULL,
      published_at timestamptz
    )`,
    `CREATE INDEX outbox_unpublished_idx ON ${schema}.outbox (seq) WHERE published_at IS NULL`,
  ];
}

/**
 * The statement that lets an outbox row keep the W3C `traceparent` of the transaction that wrote it
 * (null when that work was not traced), for each service's migration after its outboxTableSql: the
 * relay sends it on as a header, and the consumers continue that trace.
 */
export function outboxTraceparentSql(schema: string): string[] {
  return [`ALTER TABLE ${schema}.outbox ADD COLUMN traceparent text`];
}

/**
 * One row into an outbox, as it is: no schema, no check. Services write with appendEvent
 * (outbox.ts); this is its last step, and the relay's own tests use it with an outbox of their own.
 * Not exported by the package.
 */
export async function insertOutboxRow(
  on: Queryable,
  schema: string,
  event: DomainEvent,
  traceparent: string | null = null,
): Promise<void> {
  await on.rows(`INSERT INTO ${schema}.outbox (id, type, data, occurred_at, traceparent) VALUES ($1, $2, $3, $4, $5)`, [
    event.id,
    event.type,
    JSON.stringify(event.data),
    event.occurredAt,
    traceparent,
  ]);
}
