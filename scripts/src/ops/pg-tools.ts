import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { maskSecrets } from '@garage/shared';

/**
 * Debian's PostgreSQL client programs, as the backup and restore commands run them. pg_dump refuses
 * a server newer than itself (compose and k8s run postgres:17, Debian 12 ships 15), so the versions
 * are compared first and a mismatch is explained rather than left to pg_dump's one line.
 */

/** Where pg_dump and pg_restore are: PG_BIN_DIR (e.g. /usr/lib/postgresql/17/bin) or the PATH (Debian's pg_wrapper). */
export function pgProgram(name: 'pg_dump' | 'pg_restore', env: NodeJS.ProcessEnv = process.env): string {
  return env.PG_BIN_DIR ? join(env.PG_BIN_DIR, name) : name;
}

/**
 * The environment and connection string for a client program: the password travels in PGPASSWORD,
 * never on the command line (where `ps` shows it), and PGOPTIONS, PGDATABASE… of the caller do not leak in.
 */
export function programConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const target = new URL(url);
  const password = decodeURIComponent(target.password);
  target.password = '';
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['PGOPTIONS', 'PGDATABASE', 'PGHOST', 'PGPORT', 'PGUSER', 'PGSERVICE']) delete env[key];
  if (password) env.PGPASSWORD = password;
  else delete env.PGPASSWORD;
  return { dbname: target.toString(), env };
}

/** Runs a program to its end without blocking; rejects with its (masked) error output when it fails. */
export function runProgram(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', (e) =>
      reject(new Error(`cannot run ${program}: ${e.message} (install Debian's postgresql-client, or set PG_BIN_DIR)`)),
    );
    child.once('exit', (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${program} exited ${code}: ${maskSecrets(err.trim() || out.trim())}`));
    });
  });
}

/** The major version of a client program (`pg_dump (PostgreSQL) 15.20 …` → 15). */
export async function programMajor(program: string): Promise<number> {
  const text = await runProgram(program, ['--version'], process.env);
  const major = /(\d+)(?:\.\d+)?/.exec(text.replace(/^[^)]*\)/, ''))?.[1];
  if (!major) throw new Error(`cannot read the version of ${program} from "${text.trim()}"`);
  return Number(major);
}

/** The server's major version, as `server_version_num` says (150020 → 15). */
export async function serverMajor(db: pg.ClientBase): Promise<number> {
  const { rows } = await db.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
  return Math.floor(Number(rows[0]!.v) / 10000);
}

/**
 * Refuses a client program older than what it must read: the server, or for pg_restore also the
 * pg_dump that wrote the backup. Says how to get the right one.
 */
export function checkVersions(program: string, programVersion: number, needed: number, what = 'the server'): void {
  if (programVersion >= needed) return;
  throw new Error(
    `${program} is version ${programVersion} but ${what} is PostgreSQL ${needed}: ${program} must be at least as new. ` +
      `Install postgresql-client-${needed} (Debian's, or the PostgreSQL project's apt repository) and set ` +
      `PG_BIN_DIR=/usr/lib/postgresql/${needed}/bin, or run this inside the postgres container.`,
  );
}

/** A client to the database at `url` whose connection errors name no password. */
export async function connectTo(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    throw new Error(`cannot connect to PostgreSQL: ${maskSecrets((err as Error).message)}`, { cause: err });
  }
  return client;
}
