import type { JetStreamManager } from '@nats-io/jetstream';
import type pg from 'pg';
import { EVENT_SUBSCRIPTIONS, SERVICE_SCHEMAS } from '@garage/shared';
import { caughtUp, outboxPublished } from './waits.js';

/** How many rows each table of the services' schemas holds, by `schema.table`. */
export type RowCounts = Record<string, number>;

/** Every table of every service's schema (the migrations' bookkeeping included: it must not move either). */
export async function serviceTables(db: Pick<pg.Pool, 'query'>): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema = ANY($1) ORDER BY 1`,
    [Object.values(SERVICE_SCHEMAS)],
  );
  return rows.map((r) => r.name);
}

/** The row count of each table, read in one statement (one snapshot). */
export async function rowCounts(db: Pick<pg.Pool, 'query'>, tables: readonly string[]): Promise<RowCounts> {
  const union = tables.map((t, i) => `SELECT ${i} AS i, count(*)::int AS n FROM ${t}`).join(' UNION ALL ');
  const { rows } = await db.query<{ i: number; n: number }>(union);
  return Object.fromEntries(rows.map((r) => [tables[r.i]!, r.n]));
}

/**
 * A checksum of each table's content (every row as JSON, sorted), read in one statement. `ignore`
 * names columns left out (e.g. the outbox's `published_at`, which a replay sets again).
 */
export async function tableChecksums(
  db: Pick<pg.Pool, 'query'>,
  tables: readonly string[],
  ignore: string[] = [],
): Promise<Record<string, string>> {
  const row = `(to_jsonb(x) - $1::text[])::text`;
  const union = tables
    .map((t, i) => `SELECT ${i} AS i, md5(coalesce(string_agg(${row}, E'\\n' ORDER BY ${row}), '')) AS sum FROM ${t} x`)
    .join(' UNION ALL ');
  const { rows } = await db.query<{ i: number; sum: string }>(union, [ignore]);
  return Object.fromEntries(rows.map((r) => [tables[r.i]!, r.sum]));
}

/** What differs between two counts, as `table: before → after`. */
export function countChanges(before: RowCounts, after: RowCounts): string[] {
  const tables = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...tables].filter((t) => before[t] !== after[t]).map((t) => `${t}: ${before[t]} → ${after[t]}`);
}

/**
 * Until the events a change set off have all been relayed and handled (a reply comes back before
 * them): every outbox published and every durable consumer caught up; twice, because a consumer's
 * own change may write another event (inventory answers bookings' events).
 */
export async function eventsSettled(
  db: Pick<pg.Pool, 'query'>,
  jsm: JetStreamManager,
  tables: readonly string[],
): Promise<void> {
  const outboxes = tables.filter((t) => t.endsWith('.outbox')).map((t) => t.split('.')[0]!);
  for (let pass = 0; pass < 2; pass++) {
    for (const schema of outboxes) await outboxPublished(db, schema);
    for (const { durable } of Object.values(EVENT_SUBSCRIPTIONS)) await caughtUp(jsm, durable);
  }
}
