import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { ensureDatabase, runMigrationsLocked, SERVICES } from '@garage/shared';
import { SERVICES as SERVICE_ENTRIES } from '../../scripts/dist/services.js';
import { runToEnd } from '../support/processes.js';

/**
 * Backup and restore of a database laid out as the deployments lay it out: a role per service from
 * infra/postgres/initdb/10-garage-roles.sh, each migrated by its own role (so its migrations table
 * sits in its own schema). The restore, into a new database the roles script prepared, keeps every
 * schema's owner, and each service's role then finds its migrations up to date and still cannot
 * read another's tables.
 */
const ROOT = resolve(__dirname, '..', '..');
const INIT_SCRIPT = join(ROOT, 'infra/postgres/initdb/10-garage-roles.sh');
const rolePrefix = `bk${randomBytes(3).toString('hex')}_`;
const source = `garage_bkroles_${process.env.GARAGE_TEST_RUN_ID}`;
const target = `${source}_restored`;
const passwords = Object.fromEntries(SERVICES.map((s) => [s, `p${randomBytes(12).toString('hex')}`]));
let dir: string;

function urlOf(database: string, service?: string): string {
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = `/${database}`;
  if (service) {
    u.username = `${rolePrefix}${service}`;
    u.password = passwords[service]!;
  }
  return u.toString();
}

/** Creates the database and runs the roles script for it, as an administrator would. */
async function preparedDatabase(database: string): Promise<void> {
  await ensureDatabase(urlOf(database));
  const admin = new URL(urlOf(database));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    POSTGRES_DB: database,
    PGHOST: admin.hostname,
    PGPORT: admin.port || '5432',
    PGUSER: decodeURIComponent(admin.username) || 'postgres',
    GARAGE_ROLE_PREFIX: rolePrefix,
  };
  for (const s of SERVICES) env[`${s.toUpperCase()}_DB_PASSWORD`] = passwords[s];
  await runToEnd('sh', [INIT_SCRIPT], { env });
}

/** Runs a service's migrations as its own role (its search_path finds its migrations table); returns what it applied. */
async function migrateAs(service: string, database: string): Promise<string[]> {
  const db = SERVICE_ENTRIES.find((e) => e.name === service)!.dataSource(urlOf(database, service));
  await db.initialize();
  try {
    return await runMigrationsLocked(db);
  } finally {
    await db.destroy();
  }
}

async function query<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'garage-bkroles-'));
  await preparedDatabase(source);
  for (const { name } of SERVICE_ENTRIES) expect((await migrateAs(name, source)).length).toBeGreaterThan(0);
}, 180_000);

afterAll(async () => {
  const cleanup = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await cleanup.connect();
  for (const db of [source, target]) await cleanup.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  for (const s of SERVICES) await cleanup.query(`DROP ROLE IF EXISTS "${rolePrefix}${s}"`);
  await cleanup.end();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('restores a deployment-shaped database with its owners; each role migrates it (up to date) and reads only its own', async () => {
  const env = { ...process.env, BACKUP_DIR: dir };
  await runToEnd(process.execPath, [join(ROOT, 'scripts/dist/ops/backup.js')], {
    env: { ...env, DATABASE_URL: urlOf(source) },
  });
  const [backup] = await readdir(dir);
  const manifest = JSON.parse(await readFile(join(dir, backup!, 'manifest.json'), 'utf8')) as {
    migrationsTables: string[];
  };
  expect(manifest.migrationsTables.sort()).toEqual(SERVICES.map((s) => `${s}.${s}_migrations`).sort());

  await preparedDatabase(target);
  const said = await runToEnd(process.execPath, [join(ROOT, 'scripts/dist/ops/restore.js'), join(dir, backup!)], {
    env: { ...env, DATABASE_URL: urlOf(target) },
  });
  for (const s of SERVICES) expect(said).toContain(`${s}: up to date`);

  const owners = await query<{ schema: string; owner: string }>(
    urlOf(target),
    `SELECT nspname AS schema, nspowner::regrole::text AS owner FROM pg_namespace WHERE nspname IN ('auth', 'catalog', 'bookings', 'inventory') ORDER BY 1`,
  );
  expect(owners).toEqual(
    SERVICES.map((s) => ({ schema: s, owner: `${rolePrefix}${s}` })).sort((a, b) => a.schema.localeCompare(b.schema)),
  );
  for (const service of SERVICES) expect(await migrateAs(service, target)).toEqual([]);
  await expect(query(urlOf(target, 'bookings'), 'SELECT count(*) FROM auth.users')).rejects.toThrow(
    /permission denied/,
  );
  expect(await query(urlOf(target, 'auth'), 'SELECT count(*)::int AS n FROM auth.users')).toEqual([{ n: 0 }]);
}, 180_000);
