import pg from 'pg';
import { ensureDatabase, runMigrationsLocked } from '@garage/shared';
import { SERVICES } from '../../scripts/dist/services.js';

/** Creates the database at `url` if it is missing and runs every service's migrations in it. */
export async function migratedDatabase(url: string): Promise<void> {
  await ensureDatabase(url);
  for (const { dataSource } of SERVICES) {
    const db = dataSource(url);
    await db.initialize();
    await runMigrationsLocked(db);
    await db.destroy();
  }
}

/** Drops the database at `url`, closing whoever is still connected to it. */
export async function dropDatabase(url: string): Promise<void> {
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
