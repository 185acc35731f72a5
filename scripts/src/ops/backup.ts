/**
 * `npm run backup`: a pg_dump (custom format) of each service's schema and of the migrations
 * tables, all of one snapshot, into BACKUP_DIR/<database>-<UTC time>/ with a .sha256 beside each
 * file; then retention (BACKUP_KEEP newest, none older than BACKUP_MAX_AGE_DAYS, the newest always).
 *
 * What is NOT backed up, on purpose:
 * - Redis: it holds only sessions and rate-limit counters. Losing it signs everyone out and resets
 *   the limits; no business data is lost.
 * - JetStream (the event stream and dead letters): every event is in its publisher's outbox table
 *   (kept a week after publishing), which is in the dump. `npm run events:replay -- --since <time>`
 *   publishes them again; consumers are idempotent, so a replay changes nothing already applied.
 *   Dead letters not replayed before the loss are gone; their events are still in the outboxes.
 *
 * DATABASE_URL's role must read every service schema: the postgres superuser, or a role made for it
 * (`CREATE ROLE garage_backup LOGIN PASSWORD '…'; GRANT pg_read_all_data TO garage_backup;
 * GRANT CONNECT ON DATABASE garage TO garage_backup;`). A service's own role (garage_auth …) can
 * read only its schema.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { maskSecrets, SERVICE_SCHEMAS } from '@garage/shared';
import { opsConfig } from './ops-config.js';
import { ROOT } from '../processes.js';
import {
  backupName,
  backupsIn,
  countRows,
  expired,
  MANIFEST,
  MIGRATIONS_DUMP,
  tablesToBackUp,
  writeChecksum,
  type BackupManifest,
} from './backup-set.js';
import {
  checkVersions,
  connectTo,
  pgProgram,
  programConnection,
  programMajor,
  runProgram,
  serverMajor,
} from './pg-tools.js';

const backupSettings = {
  BACKUP_DIR: z.string().min(1).default('backups'),
  BACKUP_KEEP: z.coerce.number().int().min(1).default(14),
  BACKUP_MAX_AGE_DAYS: z.coerce.number().min(0).default(30),
};

async function main(): Promise<void> {
  const started = Date.now();
  const config = opsConfig(backupSettings);
  const url = config.DATABASE_URL;
  const dir = resolve(ROOT, config.BACKUP_DIR);
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  const pgDump = pgProgram('pg_dump');
  const pgDumpVersion = await programMajor(pgDump);

  const db = await connectTo(url);
  const at = new Date();
  const name = backupName(database, at);
  const partial = join(dir, `${name}.partial`);
  try {
    const server = await serverMajor(db);
    checkVersions(pgDump, pgDumpVersion, server);
    // One snapshot for every dump: the schemas are consistent with each other (an event in bookings'
    // outbox and the reservation inventory made of it), as if the whole database were dumped at once.
    await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = (await db.query<{ s: string }>('SELECT pg_export_snapshot() AS s')).rows[0]!.s;
    const { tables, migrationsTables } = await tablesToBackUp(db);
    const missing = Object.values(SERVICE_SCHEMAS).filter((s) => !tables.some((t) => t.startsWith(`${s}.`)));
    if (missing.length || !migrationsTables.length) {
      throw new Error(
        `no tables in schema ${missing.join(', ') || 'of migrations'}: is DATABASE_URL the garage database?`,
      );
    }
    const rowCounts = await countRows(db, tables);
    const extensions = (
      await db.query<{ name: string; schema: string }>(
        `SELECT extname AS name, extnamespace::regnamespace::text AS schema FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1`,
      )
    ).rows;
    const serverVersion = (await db.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;

    await mkdir(partial, { recursive: true });
    const { dbname, env } = programConnection(url);
    const dump = (file: string, selection: string[]) =>
      runProgram(
        pgDump,
        ['--format=custom', `--snapshot=${snapshot}`, '--file', join(partial, file), ...selection, dbname],
        env,
      );
    const schemas: Record<string, string> = {};
    for (const [service, schema] of Object.entries(SERVICE_SCHEMAS)) {
      const own = migrationsTables.filter((t) => t.startsWith(`${schema}.`));
      // The migrations table (and its id sequence, hence the *) goes to migrations.dump only.
      await dump(`${service}.dump`, [`--schema=${schema}`, ...own.map((t) => `--exclude-table=${t}*`)]);
      schemas[schema] = `${service}.dump`;
    }
    await dump(
      MIGRATIONS_DUMP,
      migrationsTables.map((t) => `--table=${t}`),
    );
    await db.query('COMMIT');

    const manifest: BackupManifest = {
      database,
      createdAt: at.toISOString(),
      serverVersion,
      pgDumpVersion,
      extensions,
      schemas,
      migrationsTables,
      rowCounts,
    };
    await writeFile(join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    for (const file of [...Object.values(schemas), MIGRATIONS_DUMP, MANIFEST]) await writeChecksum(join(partial, file));
    await rename(partial, join(dir, name));
    const rows = Object.values(rowCounts).reduce((a, b) => a + b, 0);
    console.log(`backup: ${join(dir, name)} (${tables.length} tables, ${rows} rows, ${Date.now() - started} ms)`);
  } catch (err) {
    await rm(partial, { recursive: true, force: true });
    throw err;
  } finally {
    await db.end().catch(() => undefined);
  }

  for (const old of expired(await backupsIn(dir, database), config.BACKUP_KEEP, config.BACKUP_MAX_AGE_DAYS)) {
    await rm(old.path, { recursive: true, force: true });
    console.log(
      `backup: removed ${old.name} (retention: newest ${config.BACKUP_KEEP}, at most ${config.BACKUP_MAX_AGE_DAYS} days)`,
    );
  }
}

main().catch((err) => {
  console.error(`backup failed: ${maskSecrets((err as Error).message)}`);
  process.exit(1);
});
