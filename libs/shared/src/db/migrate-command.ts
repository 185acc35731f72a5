import type { DataSource } from 'typeorm';
import { baseEnvSchema, ConfigError } from '../config/config.js';
import { revertNewestLocked, runMigrationsLocked } from './database.js';
import { maskSecrets } from '../secrets.js';
import { isUnavailable, waitFor } from '../service/wait-for.js';

// Migrating needs only the database; a migration Job should not need the service's secrets.
const migrateEnvSchema = baseEnvSchema.pick({ DATABASE_URL: true });

/**
 * What `services/<name>/dist/migrate.js` runs: applies the service's pending migrations with the
 * DATABASE_URL it is given (its own role in a deployment), prints what it did, exits 0 or 1.
 * With `--revert` it undoes the newest applied migration instead (a rollback; docs/operations.md).
 */
export async function runMigrateCommand(name: string, createDataSource: (url: string) => DataSource): Promise<void> {
  try {
    const parsed = migrateEnvSchema.safeParse(
      process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {},
    );
    if (!parsed.success) throw new ConfigError([`DATABASE_URL: ${parsed.error.issues[0]?.message}`]);
    const url = parsed.data.DATABASE_URL;
    // Run beside a database that is still starting (compose, an init container), on a network whose DNS
    // may not answer at once: the whole run (connect, lock, migrate) is retried while the database cannot
    // be reached. Each migration is its own transaction under the advisory lock, so a retry resumes.
    const revert = process.argv.includes('--revert');
    const ran = await waitFor(() => migrateOnce(createDataSource(url), revert), {
      waitMs: 90_000,
      retryIf: isUnavailable,
      onRetry: (err) =>
        process.stderr.write(`${name}: waiting for PostgreSQL: ${maskSecrets((err as Error).message)}\n`),
    });
    if (revert) process.stdout.write(`${name}: ${ran.length ? `reverted ${ran.join(', ')}` : 'nothing to revert'}\n`);
    else process.stdout.write(`${name}: ${ran.length ? `applied ${ran.join(', ')}` : 'up to date'}\n`);
  } catch (err) {
    process.stderr.write(`${name}: migrate failed: ${maskSecrets((err as Error).message)}\n`);
    process.exit(1);
  }
}

async function migrateOnce(db: DataSource, revert: boolean): Promise<string[]> {
  await db.initialize();
  try {
    return await (revert ? revertNewestLocked(db) : runMigrationsLocked(db));
  } finally {
    await db.destroy().catch(() => undefined);
  }
}

/** True when every migration the service knows has been applied to its schema. */
export async function migrationsApplied(db: DataSource): Promise<boolean> {
  return !(await db.showMigrations());
}
