/**
 * The floor's back end: what the auth service does for the benched endpoints, by hand.
 * Plain NATS subscriptions, plain `pg` SQL, `argon2.verify`, the shared SessionStore; no Nest,
 * no TypeORM, no envelope/payload validation, no metrics, no hashing semaphore.
 */
import pg from 'pg';
import * as argon2 from 'argon2';
import { headers, type Msg } from '@nats-io/transport-node';
import { SessionStore, baseEnvSchema, connectNats, createRedis, loadConfig, redisReady } from '@garage/shared';
import { FLOOR_ERROR_HEADER, floorSubjects } from './settings.js';

class FloorError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface UserRow {
  id: string;
  username: string;
  role: 'admin' | 'staff';
  branch_ids: string[];
  status: string;
  created_at: Date;
}

interface CustomerRow {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  status: string;
  created_at: Date;
}

// The same columns and statements as the auth service's repositories.
const USER_SQL = 'SELECT id, username, role, branch_ids, status, created_at FROM auth.users WHERE id = $1';
const CUSTOMER_COLUMNS = 'id, email, first_name, last_name, phone, status, created_at';
const CUSTOMER_SQL = `SELECT ${CUSTOMER_COLUMNS} FROM auth.customers WHERE id = $1`;
const CUSTOMER_LOGIN_SQL = `SELECT ${CUSTOMER_COLUMNS}, password_hash FROM auth.customers WHERE lower(email) = lower($1)`;
const TOUCH_LOGIN_SQL = 'UPDATE auth.customers SET last_login_at = now() WHERE id = $1';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const ERROR_HEADERS = (() => {
  const h = headers();
  h.set(FLOOR_ERROR_HEADER, '1');
  return h;
})();

const toUser = (r: UserRow) => ({
  id: r.id,
  username: r.username,
  role: r.role,
  branchIds: r.branch_ids,
  status: r.status,
  createdAt: r.created_at.toISOString(),
});

const toCustomer = (r: CustomerRow) => ({
  id: r.id,
  email: r.email,
  firstName: r.first_name,
  lastName: r.last_name,
  phone: r.phone,
  status: r.status,
  createdAt: r.created_at.toISOString(),
});

async function main(): Promise<void> {
  const config = loadConfig(baseEnvSchema);
  // The auth service's pool size (DB_POOL_SIZE default).
  const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 10, application_name: 'garage-bench-floor' });
  const redis = createRedis(config.REDIS_URL, 'bench-floor-responder');
  await redisReady(redis);
  const nc = await connectNats(config.NATS_URL, 'bench-floor-responder');
  const sessions = new SessionStore(redis, config.SECRET_KEY);
  const subjects = floorSubjects(config.NATS_PREFIX);

  const serve = (subject: string, handle: (data: Uint8Array) => Promise<unknown>) =>
    nc.subscribe(subject, {
      queue: 'floor',
      callback: (err, msg: Msg) => {
        if (err) return;
        handle(msg.data).then(
          (result) => msg.respond(encoder.encode(JSON.stringify(result))),
          (failure: unknown) => {
            const status = failure instanceof FloorError ? failure.status : 500;
            const message = failure instanceof FloorError ? failure.message : 'Internal error';
            if (status === 500) console.error('floor responder:', failure);
            msg.respond(encoder.encode(JSON.stringify({ status, message })), { headers: ERROR_HEADERS });
          },
        );
      },
    });

  // What auth.health checks: its database, Redis and NATS.
  serve(subjects.health, async () => {
    await Promise.all([pool.query('SELECT 1'), redis.ping(), nc.flush()]);
    return { service: 'floor', status: 'up', checks: { database: 'up', redis: 'up', nats: 'up' } };
  });

  serve(subjects.me, async (data) => {
    const { principal } = JSON.parse(decoder.decode(data)) as { principal: { kind: string; id: string } };
    if (principal.kind === 'user') {
      const { rows } = await pool.query<UserRow>(USER_SQL, [principal.id]);
      if (!rows[0] || rows[0].status !== 'active') throw new FloorError(401, 'Session is no longer valid');
      return { kind: 'user', user: toUser(rows[0]) };
    }
    const { rows } = await pool.query<CustomerRow>(CUSTOMER_SQL, [principal.id]);
    if (!rows[0] || rows[0].status !== 'active') throw new FloorError(401, 'Session is no longer valid');
    return { kind: 'customer', customer: toCustomer(rows[0]) };
  });

  serve(subjects.customerLogin, async (data) => {
    const { email, password } = JSON.parse(decoder.decode(data)) as { email: string; password: string };
    const { rows } = await pool.query<CustomerRow & { password_hash: string }>(CUSTOMER_LOGIN_SQL, [email]);
    const row = rows[0];
    const ok = row ? await argon2.verify(row.password_hash, password).catch(() => false) : false;
    if (!row || !ok) throw new FloorError(401, 'Invalid credentials');
    if (row.status !== 'active') throw new FloorError(403, 'This account is not active');
    await pool.query(TOUCH_LOGIN_SQL, [row.id]);
    const session = await sessions.create({ kind: 'customer', id: row.id, role: 'customer', branchIds: [] });
    return { token: session.token, expiresAt: session.expiresAt.toISOString(), customer: toCustomer(row) };
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      await nc.drain().catch(() => undefined);
      redis.disconnect();
      await pool.end().catch(() => undefined);
      process.exit(0);
    })();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // Started by the bench with an IPC channel: if the bench dies, so does the floor.
  process.on('disconnect', stop);
}

main().catch((err) => {
  console.error(`floor responder failed to start: ${(err as Error).message}`);
  process.exit(1);
});
