import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { QueryFailedError, type DataSource } from 'typeorm';
import { beginChildSpan } from '../tracing/tracing.js';

/** How a statement runs. */
export interface StatementOptions {
  /**
   * Runs it as a named (server-side prepared) statement: parsed and planned once per connection,
   * then only bound and executed. For hot reads; one name per statement text, e.g. `auth.users.by-id`.
   */
  name?: string;
}

/**
 * What runs SQL: the service's `Sql` (each statement on its own, atomic by itself) or a transaction's
 * `Tx`. A repository method that may run inside or outside a transaction takes a `Queryable`.
 */
export interface Queryable {
  /** The statement's rows, whatever its kind: SELECT, or INSERT/UPDATE/DELETE … RETURNING (none without RETURNING). */
  rows<R>(text: string, params?: readonly unknown[], options?: StatementOptions): Promise<R[]>;
  /** The statement's first row, or null when it has none. */
  one<R>(text: string, params?: readonly unknown[], options?: StatementOptions): Promise<R | null>;
}

/** The pg pool the DataSource owns (its size is the service's DB_POOL_SIZE). */
export function poolOf(db: DataSource): Pool {
  return (db.driver as unknown as { master: Pool }).master;
}

/**
 * Runs one statement on a pool or a checked-out client. A failure is thrown as TypeORM's
 * QueryFailedError around pg's error, as it was when statements went through TypeORM: pgErrorOf and
 * the logger (which never logs a failed statement's text or parameters) recognise it either way.
 */
export async function runStatement<R>(
  on: Pool | PoolClient,
  text: string,
  params: readonly unknown[] = [],
  options: StatementOptions = {},
): Promise<R[]> {
  const values = params as unknown[];
  // A span per statement inside traced work: its text (parameters are never in it), not its values.
  const span = beginChildSpan('client', () => ({
    name: options.name ?? operationOf(text),
    attributes: { 'db.system.name': 'postgresql', 'db.query.text': text },
  }));
  try {
    const result = await on.query<R & QueryResultRow>(
      options.name ? { name: options.name, text, values } : { text, values },
    );
    span?.end();
    return result.rows;
  } catch (err) {
    span?.end(true);
    throw new QueryFailedError(text, values, err as Error);
  }
}

/** The statement's first word (SELECT, INSERT, WITH, BEGIN…): a span name of low cardinality. */
function operationOf(text: string): string {
  return /^\s*([A-Za-z]+)/.exec(text)?.[1]?.toUpperCase() ?? 'SQL';
}

/**
 * The one way a service reaches its database outside a transaction: statements straight on the
 * DataSource's pg pool (no TypeORM QueryRunner or entity per statement). Injected like the
 * DataSource; work that must commit together goes through `Transactions.run`, whose `Tx` offers
 * the same `rows` and `one`.
 */
export class Sql implements Queryable {
  constructor(private readonly db: DataSource) {}

  rows<R>(text: string, params?: readonly unknown[], options?: StatementOptions): Promise<R[]> {
    return runStatement<R>(poolOf(this.db), text, params, options);
  }

  async one<R>(text: string, params?: readonly unknown[], options?: StatementOptions): Promise<R | null> {
    return (await this.rows<R>(text, params, options))[0] ?? null;
  }
}
