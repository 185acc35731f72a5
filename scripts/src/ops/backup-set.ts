import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type pg from 'pg';
import { SERVICE_SCHEMAS } from '@garage/shared';

/**
 * One backup is a folder `<database>-<UTC time>` holding a custom-format dump per service schema
 * (`auth.dump` …), `migrations.dump` (the services' migrations tables, wherever their role's
 * search_path put them: `public` in development, the service's schema in a deployment) and
 * `manifest.json`, each with a `<file>.sha256` beside it in sha256sum's format
 * (`cd <backup> && sha256sum -c *.sha256` checks them by hand). All dumps are of one snapshot.
 */
export interface BackupManifest {
  database: string;
  createdAt: string;
  serverVersion: string;
  pgDumpVersion: number;
  /** Extensions the schemas use (pg_trgm, btree_gist), created before the dumps are restored. */
  extensions: { name: string; schema: string }[];
  /** File per service schema. */
  schemas: Record<string, string>;
  /** `schema.table` of each service's migrations table. */
  migrationsTables: string[];
  /** Rows of every table dumped, counted in the dumps' snapshot: a restore must find the same. */
  rowCounts: Record<string, number>;
}

export const MANIFEST = 'manifest.json';
export const MIGRATIONS_DUMP = 'migrations.dump';
const NAME = /^(.+)-(\d{8}T\d{6}Z)$/;

/** `garage-20261203T162512Z`: the database and the time, sortable by name. */
export function backupName(database: string, at: Date): string {
  return `${database}-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}`;
}

function timeOfName(name: string): Date | null {
  const stamp = NAME.exec(name)?.[2];
  if (!stamp) return null;
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
  return new Date(iso);
}

/** The SHA-256 of a file, streamed (a dump may be gigabytes). */
export async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Writes `<file>.sha256` beside the file, as `sha256sum` would. */
export async function writeChecksum(path: string): Promise<void> {
  await writeFile(`${path}.sha256`, `${await sha256Of(path)}  ${basename(path)}\n`);
}

/** Checks every file of a backup against its `.sha256`; returns the problems (empty when all match). */
export async function checksumProblems(dir: string): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => !f.endsWith('.sha256'));
  const problems: string[] = [];
  for (const file of files.sort()) {
    const sums = await readFile(join(dir, `${file}.sha256`), 'utf8').catch(() => null);
    if (sums === null) {
      problems.push(`${file} has no ${file}.sha256 beside it`);
      continue;
    }
    const expected = /^([0-9a-f]{64})\s/.exec(sums)?.[1];
    const actual = await sha256Of(join(dir, file));
    if (expected !== actual)
      problems.push(`${file}: SHA-256 ${actual} does not match ${expected ?? 'an unreadable .sha256'}`);
  }
  for (const required of [MANIFEST, MIGRATIONS_DUMP]) {
    if (!files.includes(required)) problems.push(`${required} is missing`);
  }
  return problems;
}

/** The service schemas and every service's migrations table found in the database. */
export async function tablesToBackUp(db: pg.ClientBase): Promise<{ migrationsTables: string[]; tables: string[] }> {
  const schemas = Object.values(SERVICE_SCHEMAS);
  const { rows } = await db.query<{ name: string; migrations: boolean }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name, c.relname = ANY($2) AS migrations
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND (n.nspname = ANY($1) OR c.relname = ANY($2))
      ORDER BY 1`,
    [schemas, schemas.map((s) => `${s}_migrations`)],
  );
  return { migrationsTables: rows.filter((r) => r.migrations).map((r) => r.name), tables: rows.map((r) => r.name) };
}

/** Rows of each table, counted in one statement (so in one snapshot). */
export async function countRows(db: pg.ClientBase, tables: readonly string[]): Promise<Record<string, number>> {
  if (!tables.length) return {};
  const union = tables.map((t, i) => `SELECT ${i} AS i, count(*)::bigint AS n FROM ${t}`).join(' UNION ALL ');
  const { rows } = await db.query<{ i: number; n: string }>(union);
  return Object.fromEntries(rows.map((r) => [tables[r.i]!, Number(r.n)]));
}

export interface StoredBackup {
  name: string;
  path: string;
  at: Date;
}

/** The finished backups of one database in a folder, newest first (a run that failed left none: it writes to `.partial`). */
export async function backupsIn(dir: string, database: string): Promise<StoredBackup[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && NAME.exec(e.name)?.[1] === database)
    .map((e) => ({ name: e.name, path: join(dir, e.name), at: timeOfName(e.name)! }))
    .filter((b) => !Number.isNaN(b.at.getTime()))
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}

/**
 * Which backups retention removes: those past the newest `keep`, and those older than `maxAgeDays`
 * (0: no age limit). The newest is always kept, however old, so a stalled schedule never leaves none.
 */
export function expired(backups: StoredBackup[], keep: number, maxAgeDays: number, now = new Date()): StoredBackup[] {
  const oldest = now.getTime() - maxAgeDays * 86_400_000;
  return backups.filter((b, i) => i > 0 && (i >= keep || (maxAgeDays > 0 && b.at.getTime() < oldest)));
}
