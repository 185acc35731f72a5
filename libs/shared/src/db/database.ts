import pg from 'pg';
import type { DataSource } from 'typeorm';

/** Creates the database named in a Postgres URL if it does not exist yet (connecting to `postgres` to do so). */
export async function ensureDatabase(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_-]{1,63}$/.test(name)) throw new Error(`Unsupported database name in DATABASE_URL: ${name}`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE "${name}"`);
    } catch (err) {
      // Another process created it at the same moment.
      if ((err as { code?: string }).code !== '42P04') throw err;
    }
    return true;
  } finally {
    await client.end();
  }
}

// One lock for every service: schemas are separate, but extensions (pg_trgm, btree_gist) are per
// database, and two services creating one at the same moment collide.
const MIGRATIONS_LOCK = 'garage:migrations';

/** Runs a DataSource's pending migrations under a Postgres advisory lock, so services and replicas starting together take turns. */
export async function runMigrationsLocked(db: DataSource): Promise<string[]> {
  return withMigrationsLock(db, async () => (await db.runMigrations({ transaction: 'each' })).map((m) => m.name));
}

/** Undoes the newest applied migration of a service (in its own transaction) under the same lock; its name, if any. */
export async function revertNewestLocked(db: DataSource): Promise<string[]> {
  return withMigrationsLock(db, async () => {
    const [newest] = await db.query<{ name: string }[]>(
      `SELECT name FROM ${migrationsTableOf(db)} ORDER BY "timestamp" DESC, id DESC LIMIT 1`,
    );
    if (!newest) return [];
    await db.undoLastMigration({ transaction: 'each' });
    return [newest.name];
  });
}

function migrationsTableOf(db: DataSource): string {
  const options = db.options as { migrationsTableName?: string; schema?: string };
  const table = options.migrationsTableName ?? 'migrations';
  return options.schema ? `"${options.schema}"."${table}"` : `"${table}"`;
}

async function withMigrationsLock<T>(db: DataSource, work: () => Promise<T>): Promise<T> {
  const lockName = MIGRATIONS_LOCK;
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [lockName]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [lockName]);
    }
  } finally {
    await runner.release();
  }
}

/** SQLSTATE and constraint name of a Postgres error, wherever TypeORM wrapped it. */
export function pgErrorOf(err: unknown): { code: string; constraint: string } {
  const e = err as { code?: unknown; constraint?: unknown; driverError?: { code?: unknown; constraint?: unknown } };
  const source = e?.driverError ?? e;
  return {
    code: typeof source?.code === 'string' ? source.code : '',
    constraint: typeof source?.constraint === 'string' ? source.constraint : '',
  };
}

/** True for Postgres unique-constraint violations (SQLSTATE 23505). */
export function isUniqueViolation(err: unknown): boolean {
  return pgErrorOf(err).code === '23505';
}

/** The exclusion constraint that refused the row (SQLSTATE 23P01: a technician or bay taken at that time), or null. */
export function exclusionViolated(err: unknown): string | null {
  const { code, constraint } = pgErrorOf(err);
  return code === '23P01' ? constraint : null;
}

/** Deadlock or serialization failure: nothing wrong with the request, another try may succeed. */
export function isTransientConflict(err: unknown): boolean {
  return ['40P01', '40001'].includes(pgErrorOf(err).code);
}
