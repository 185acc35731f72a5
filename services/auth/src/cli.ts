import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import {
  DomainError,
  SessionStore,
  Sql,
  createRedis,
  isUnavailable,
  loadConfigOrExit,
  redisReady,
  signingKeys,
  waitFor,
} from '@garage/shared';
import { authEnvSchema } from './config.js';
import { createAuthDataSource } from './data-source.js';
import { PasswordHasher } from './passwords/password-hasher.js';
import { assertPasswordAllowed } from './passwords/password-policy.js';
import { UsersRepository } from './users/users.repository.js';
import { CustomersRepository } from './customers/customers.repository.js';

const USAGE = `Usage:
  npm run cli -- create-admin --username <name>
  npm run cli -- set-password --username <name>      (staff/admin account)
  npm run cli -- set-password --email <address>      (customer account)

The password is read from standard input (typed without echo on a terminal, or piped:
  printf '%s\\n' "$NEW_PASSWORD" | npm run cli -- set-password --username admin).
It must follow the password rules. set-password signs the account out everywhere.`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Reads one line from stdin; on a terminal the typed characters are not echoed. */
async function readPassword(prompt: string): Promise<string> {
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  const tty = process.stdin.isTTY;
  if (tty) process.stdout.write(prompt);
  const rl = createInterface({ input: process.stdin, output: tty ? muted : undefined, terminal: tty });
  const line = await new Promise<string>((resolve) => {
    rl.once('line', resolve);
    rl.once('close', () => resolve(''));
  });
  rl.close();
  if (tty) process.stdout.write('\n');
  return line.replace(/\r$/, '');
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (command !== 'create-admin' && command !== 'set-password') {
    console.error(USAGE);
    return 2;
  }
  const username = option(args, 'username');
  const email = option(args, 'email');
  if ((command === 'create-admin' && !username) || (command === 'set-password' && !username === !email)) {
    console.error(USAGE);
    return 2;
  }
  // Same settings as `npm start`: a .env file next to package.json, if there is one.
  const envFile = resolve(__dirname, '..', '..', '..', '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const config = loadConfigOrExit(authEnvSchema);
  const password = await readPassword('New password: ');
  assertPasswordAllowed(password, { requireComposition: config.PASSWORD_REQUIRE_COMPOSITION }, [
    username ?? email?.split('@')[0] ?? '',
  ]);

  const db = createAuthDataSource(config.DATABASE_URL, 2);
  // A container network's DNS or a database that is still starting: wait a little, then say so.
  await waitFor(() => db.initialize(), {
    waitMs: 30_000,
    retryIf: isUnavailable,
    onRetry: (err) => console.warn(`Waiting for PostgreSQL: ${(err as Error).message}`),
  });
  const redis = createRedis(config.REDIS_URL, 'auth-cli');
  /** Ends the account's sessions once Redis is connected; false when it cannot be reached. */
  const signOutEverywhere = (revoke: () => Promise<unknown>): Promise<boolean> =>
    redisReady(redis, 10_000)
      .then(revoke)
      .then(() => true)
      .catch(() => false);
  try {
    const hasher = new PasswordHasher(config.PASSWORD_HASH);
    const hash = await hasher.hash(password);
    const sql = new Sql(db);
    const users = new UsersRepository(sql);
    const sessions = new SessionStore(redis, signingKeys(config), config.SESSION_TTL_SECONDS);
    if (command === 'create-admin') {
      if (!/^[A-Za-z0-9._-]{3,64}$/.test(username!))
        throw new DomainError('VALIDATION_FAILED', 'Usernames are 3-64 letters, digits, . _ or -');
      if (await users.findForLogin(username!))
        throw new DomainError('CONFLICT', `User ${username} already exists; use set-password`);
      await users.insert({ username: username!, role: 'admin', branchIds: [], status: 'active', passwordHash: hash });
      console.log(`Created admin ${username}.`);
      return 0;
    }
    let signedOut: boolean;
    if (username) {
      const user = await users.findForLogin(username);
      if (!user) throw new DomainError('NOT_FOUND', `No staff or admin user ${username}`);
      await users.setPasswordHash(user.id, hash);
      signedOut = await signOutEverywhere(() => sessions.revokeAll('user', user.id));
    } else {
      const customers = new CustomersRepository(sql);
      const customer = await customers.findForLogin(email!);
      if (!customer) throw new DomainError('NOT_FOUND', `No customer ${email}`);
      await customers.setPasswordHash(customer.id, hash);
      signedOut = await signOutEverywhere(() => sessions.revokeAll('customer', customer.id));
    }
    console.log(
      signedOut
        ? `Password of ${username ?? email} changed; its sessions were ended.`
        : `Password of ${username ?? email} changed, but Redis was unreachable: its existing sessions were NOT ended.`,
    );
    return 0;
  } finally {
    redis.disconnect();
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof DomainError ? `Error: ${err.message}` : `Error: ${(err as Error).message}`);
    process.exit(1);
  },
);
