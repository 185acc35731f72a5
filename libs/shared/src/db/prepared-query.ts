import type { Pool, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Runs a named (server-side prepared) statement straight on the DataSource's pg pool, skipping
 * TypeORM's per-query QueryRunner and entity hydration. For hot reads only; writes go through TypeORM.
 */
export async function preparedQuery<R extends QueryResultRow>(
  db: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<R[]> {
  const pool = (db.driver as unknown as { master: Pool }).master;
  const result = await pool.query<R>({ name, text, values });
  return result.rows;
}
