/**
 * `npm run restore -- <backup folder> [--overwrite] [--no-owner]`: restores a backup made by
 * `npm run backup` into DATABASE_URL's database (created if missing).
 *
 * 1. Checks every file against its .sha256 first, and refuses a damaged backup.
 * 2. Refuses a database that already holds a service schema or migrations table, unless
 *    `--overwrite` (then those schemas and tables are dropped first; nothing else is touched).
 * 3. Creates the extensions the backup lists, restores each schema and the migrations tables
 *    (pg_restore, one transaction each), and checks every table's row count against the backup's.
 * 4. Runs every service's migrations (up to date, or the ones this code adds) and prints each
 *    schema's tables and rows.
 *
 * Objects keep their owners (garage_auth …: run infra/postgres/initdb/10-garage-roles.sh on a new
 * server first), unless `--no-owner` gives them all to DATABASE_URL's role. Run it as the postgres
 * superuser (or a role that is a member of every service role and may create schemas and the
 * extensions). What is not in a backup and how it comes back (Redis, JetStream): see backup.ts.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ensureDatabase, maskSecrets, runMigrationsLocked } from '@garage/shared';
import { opsConfig } from './ops-config.js';
import { SERVICES, type ServiceEntry } from '../services.js';
import {
  checksumProblems,
  countRows,
  MANIFEST,
  MIGRATIONS_DUMP,
  tablesToBackUp,
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

const USAGE = 'usage: npm run restore -- <backup folder> [--overwrite] [--no-owner]';

/** A refusal to go on: printed as it is, exit code 2 (bad input) rather than 1 (something failed). */
class Refusal extends Error {}

function parseArgs(argv: string[]): { backup: string; overwrite: boolean; noOwner: boolean } {
  const flags = argv.filter((a) => a.startsWith('--'));
  const unknown = flags.filter((f) => !['--overwrite', '--no-owner'].includes(f));
  const paths = argv.filter((a) => !a.startsWith('--'));
  if (unknown.length || paths.length !== 1) {
    throw new Refusal(`${unknown.length ? `unknown option ${unknown.join(' ')}\n` : ''}${USAGE}`);
  }
  return {
    backup: resolve(process.cwd(), paths[0]!),
    overwrite: flags.includes('--overwrite'),
    noOwner: flags.includes('--no-owner'),
  };
}

async function readManifest(dir: string): Promise<BackupManifest> {
  const manifest = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as Partial<BackupManifest>;
  if (!manifest.schemas || !manifest.rowCounts || !manifest.migrationsTables || !manifest.extensions) {
    throw new Refusal(`${join(dir, MANIFEST)} is not a manifest of npm run backup`);
  }
  return manifest as BackupManifest;
}

/**
 * Runs a service's migrations as its migrate command does (runMigrationsLocked), with the search_path
 * that finds its migrations table where the backup had it, and prints what it applied.
 */
async function migrate(service: ServiceEntry, url: string, migrationsTable: string | undefined): Promise<void> {
  const schema = migrationsTable?.split('.')[0] ?? 'public';
  const withPath = new URL(url);
  withPath.searchParams.set('options', `-c search_path=${schema},public`);
  const db = service.dataSource(withPath.toString());
  await db.initialize();
  try {
    const ran = await runMigrationsLocked(db);
    console.log(`${service.name}: ${ran.length ? `applied ${ran.join(', ')}` : 'up to date'}`);
  } finally {
    await db.destroy();
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const url = opsConfig({}).DATABASE_URL;
  const timings: string[] = [];
  let lap = Date.now();
  const time = (what: string) => {
    timings.push(`${what} ${Date.now() - lap} ms`);
    lap = Date.now();
  };

  if (!(await stat(args.backup).catch(() => null))?.isDirectory())
    throw new Refusal(`${args.backup} is not a backup folder\n${USAGE}`);
  const problems = await checksumProblems(args.backup);
  if (problems.length)
    throw new Refusal(`refusing to restore ${args.backup}: it is damaged or incomplete:\n  ${problems.join('\n  ')}`);
  const manifest = await readManifest(args.backup);
  time('checksums');

  const pgRestore = pgProgram('pg_restore');
  const restoreVersion = await programMajor(pgRestore);
  checkVersions(pgRestore, restoreVersion, manifest.pgDumpVersion, "the backup's pg_dump");
  await ensureDatabase(url);
  const db = await connectTo(url);
  try {
    checkVersions(pgRestore, restoreVersion, await serverMajor(db));
    const present = (await tablesToBackUp(db)).tables;
    if (present.length && !args.overwrite) {
      throw new Refusal(
        `refusing to restore into ${new URL(url).pathname.slice(1)}: it already holds ${present.length} garage tables ` +
          `(${present.slice(0, 3).join(', ')}${present.length > 3 ? ', …' : ''}). Restore into a new database (a DATABASE_URL ` +
          `naming one that does not exist), or pass --overwrite to drop the service schemas and migrations tables first.`,
      );
    }
    if (present.length) {
      for (const schema of Object.keys(manifest.schemas)) await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      for (const table of (await tablesToBackUp(db)).tables) await db.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
    // An empty schema is dropped, to be made again by its dump with the backup's owner: the roles
    // script (10-garage-roles.sh), run first for a new database, leaves each service one.
    for (const schema of Object.keys(manifest.schemas)) {
      await db.query(`DROP SCHEMA IF EXISTS "${schema}"`).catch((err: Error) => {
        throw new Refusal(
          `schema ${schema} holds objects other than tables (${err.message}); pass --overwrite to drop them`,
        );
      });
    }
    for (const ext of manifest.extensions) {
      await db.query(`CREATE EXTENSION IF NOT EXISTS "${ext.name}" SCHEMA "${ext.schema}"`);
    }

    const { dbname, env } = programConnection(url);
    const owner = args.noOwner ? ['--no-owner', '--no-privileges'] : [];
    for (const file of [...Object.values(manifest.schemas), MIGRATIONS_DUMP]) {
      await runProgram(
        pgRestore,
        ['--exit-on-error', '--single-transaction', ...owner, '--dbname', dbname, join(args.backup, file)],
        env,
      );
    }
    time('pg_restore');

    const counts = await countRows(db, Object.keys(manifest.rowCounts));
    const differ = Object.entries(manifest.rowCounts).filter(([t, n]) => counts[t] !== n);
    if (differ.length) {
      throw new Error(
        `restored row counts differ from the backup's: ${differ.map(([t, n]) => `${t} ${counts[t]} (backup ${n})`).join(', ')}`,
      );
    }
    time('row counts checked');

    for (const service of SERVICES) {
      await migrate(
        service,
        url,
        manifest.migrationsTables.find((t) => t.endsWith(`.${service.name}_migrations`)),
      );
    }
    time('migrations');

    const after = await countRows(db, (await tablesToBackUp(db)).tables);
    for (const schema of Object.keys(manifest.schemas)) {
      const mine = Object.entries(after).filter(([t]) => t.startsWith(`${schema}.`));
      console.log(`restore: ${schema}: ${mine.length} tables, ${mine.reduce((a, [, n]) => a + n, 0)} rows`);
    }
  } finally {
    await db.end().catch(() => undefined);
  }
  console.log(`restore: ${manifest.database} as of ${manifest.createdAt} restored (${timings.join(', ')})`);
  console.log(
    'restore: start the services; if the event stream was lost too, run ' +
      `npm run events:replay -- --since ${manifest.createdAt} (or earlier) once they are up`,
  );
}

main().catch((err) => {
  console.error(err instanceof Refusal ? err.message : `restore failed: ${maskSecrets((err as Error).message)}`);
  process.exit(err instanceof Refusal ? 2 : 1);
});
