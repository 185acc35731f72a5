import type { DataSource, EntityManager } from 'typeorm';
import type { SqlRunner } from '../events/outbox.js';

/** A transaction in progress: run statements and get their rows, whatever the statement's kind. */
export interface Tx {
  rows<R>(sql: string, params?: unknown[]): Promise<R[]>;
  /** For helpers that take TypeORM's runner shape, such as the outbox's appendEvent. */
  runner: SqlRunner;
}

/** Runs work in one READ COMMITTED transaction; it commits when work resolves and rolls back when it throws. */
export function inTransaction<T>(db: DataSource, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction((manager) => work(txOf(manager)));
}

/**
 * Rows of one statement outside a transaction (a single statement is atomic on its own).
 * TypeORM answers UPDATE/DELETE as [rows, count] and everything else as rows; this always gives rows.
 */
export async function queryRows<R>(db: DataSource, sql: string, params: unknown[] = []): Promise<R[]> {
  const runner = db.createQueryRunner();
  try {
    return (await runner.query(sql, params, true)).records as R[];
  } finally {
    await runner.release();
  }
}

function txOf(manager: EntityManager): Tx {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('a transaction manager always has its query runner');
  return {
    rows: async <R>(sql: string, params: unknown[] = []) => (await runner.query(sql, params, true)).records as R[],
    runner: manager,
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
