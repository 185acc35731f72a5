import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { poolOf, runStatement, type Queryable, type StatementOptions } from './sql.js';

/**
 * A transaction in progress: the same `rows` and `one` as `Sql`, every statement inside the
 * transaction. A distinct type so that what must run inside one (appendEvent) says so.
 */
export interface Tx extends Queryable {
  readonly inTransaction: true;
}

/**
 * Runs work in one READ COMMITTED transaction on one connection of the DataSource's pool; it
 * commits when work resolves and rolls back when it throws. A connection whose transaction could
 * not be ended is closed rather than given back to the pool.
 */
export async function inTransaction<T>(db: DataSource, work: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await poolOf(db).connect();
  let reusable = false;
  try {
    await runStatement(client, 'BEGIN ISOLATION LEVEL READ COMMITTED');
    try {
      const result = await work(txOn(client));
      await runStatement(client, 'COMMIT');
      reusable = true;
      return result;
    } catch (err) {
      // After a failed COMMIT this only warns; a ROLLBACK that fails leaves the connection to be closed.
      await runStatement(client, 'ROLLBACK').then(
        () => (reusable = true),
        () => undefined,
      );
      throw err;
    }
  } finally {
    client.release(!reusable);
  }
}

function txOn(client: PoolClient): Tx {
  return {
    rows: <R>(text: string, params?: readonly unknown[], options?: StatementOptions) =>
      runStatement<R>(client, text, params, options),
    one: async <R>(text: string, params?: readonly unknown[], options?: StatementOptions) =>
      (await runStatement<R>(client, text, params, options))[0] ?? null,
    inTransaction: true,
  };
}

/** Opens transactions for a service's rules, so work that spans repositories commits or rolls back together. */
export class Transactions {
  constructor(private readonly db: DataSource) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return inTransaction(this.db, work);
  }
}

/** Escapes LIKE's wildcards (and its escape character) so user text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
