import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import {
  ensureDatabase,
  eventSubject,
  type DeadLetter,
  inboxPrefixFor,
  natsPasswordVariable,
  NATS_USERS,
  renderNatsAuthorization,
  SERVICES,
} from '@garage/shared';
import { startSystem, type TestSystem } from '../support/system.js';
import { http, loginStaff } from '../support/http.js';
import { runToEnd, spawnChild, waitForOutput, type Child } from '../support/processes.js';
import { bookFirstFreeSlot, bookingOf, completeBooking, openBranchAndCustomer, stockOf } from '../support/journey.js';
import { until, untilValue } from '../support/waits.js';

/**
 * The deployment's least privilege, on the real servers: Postgres roles from the init script that
 * compose and k8s run, and a nats-server with the users and permissions generated from the
 * contracts. Every service runs as its own role and its own NATS user, and a booking still goes
 * through end to end (events included).
 */
const ROOT = resolve(__dirname, '..', '..');
const INIT_SCRIPT = join(ROOT, 'infra/postgres/initdb/10-garage-roles.sh');
const prefix = process.env.NATS_PREFIX!;
const rolePrefix = `lp${randomBytes(3).toString('hex')}_`;
const dbName = `garage_lp_${process.env.GARAGE_TEST_RUN_ID}`;
const secret = () => `${randomBytes(12).toString('base64url')}'"$`;
const dbPasswords = Object.fromEntries(SERVICES.map((s) => [s, secret()]));
// nats-server reads $VARIABLE values as config tokens: one starting with a digit ("6e5…") is a number and breaks the
// config, so NATS passwords start with a letter (the containers test and .env.example say the same).
const natsPasswords = Object.fromEntries(NATS_USERS.map((u) => [u, `p${randomBytes(12).toString('hex')}`]));

const adminUrl = (() => {
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = `/${dbName}`;
  return u;
})();
function roleUrl(service: string): string {
  const u = new URL(adminUrl);
  u.username = `${rolePrefix}${service}`;
  u.password = dbPasswords[service];
  return u.toString();
}

let workdir: string;
let nats: Child;
let natsUrl: string;
let sys: TestSystem | undefined;
const admin = new pg.Client({ connectionString: adminUrl.toString() });

async function natsAs(user: string | null): Promise<NatsConnection> {
  return connect({
    servers: natsUrl,
    ...(user ? { user, pass: natsPasswords[user], inboxPrefix: inboxPrefixFor(user) } : {}),
    reconnect: false,
  });
}

beforeAll(async () => {
  workdir = await mkdtemp(join(tmpdir(), 'garage-lp-'));
  await ensureDatabase(adminUrl.toString());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    POSTGRES_DB: dbName,
    PGHOST: adminUrl.hostname,
    PGPORT: adminUrl.port || '5432',
    PGUSER: decodeURIComponent(adminUrl.username) || 'postgres',
    GARAGE_ROLE_PREFIX: rolePrefix,
  };
  for (const s of SERVICES) env[`${s.toUpperCase()}_DB_PASSWORD`] = dbPasswords[s];
  await runToEnd('sh', [INIT_SCRIPT], { env });
  await admin.connect();
  for (const service of ['auth', 'inventory', 'catalog', 'bookings']) {
    await runToEnd(process.execPath, [join(ROOT, 'services', service, 'dist', 'migrate.js')], {
      env: { PATH: process.env.PATH, DATABASE_URL: roleUrl(service) },
    });
  }

  await writeFile(join(workdir, 'auth.conf'), renderNatsAuthorization(prefix));
  // Port -1: the server picks a free one itself and says which (no race with another process).
  await writeFile(
    join(workdir, 'nats.conf'),
    `listen: 127.0.0.1:-1\njetstream { store_dir: "${join(workdir, 'js')}" }\ninclude ./auth.conf\n`,
  );
  const natsEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH };
  for (const u of NATS_USERS) natsEnv[natsPasswordVariable(u)] = natsPasswords[u];
  nats = spawnChild('nats-server', ['-c', join(workdir, 'nats.conf')], { env: natsEnv });
  await waitForOutput(nats, /Server is ready/, 15_000);
  natsUrl = `nats://127.0.0.1:${/client connections on 127\.0\.0\.1:(\d+)/.exec(nats.output())![1]}`;

  const asService = (service: string) => ({
    DATABASE_URL: roleUrl(service),
    NATS_URL: natsUrl,
    NATS_USER: service,
    NATS_PASSWORD: natsPasswords[service],
  });
  sys = await startSystem({
    auth: asService('auth'),
    // The catalog gives up after 2 deliveries: the dead-letter check below waits seconds, not a minute.
    catalog: { ...asService('catalog'), EVENT_MAX_DELIVERIES: '2' },
    inventory: asService('inventory'),
    bookings: asService('bookings'),
    gateway: { NATS_URL: natsUrl, NATS_USER: 'gateway', NATS_PASSWORD: natsPasswords.gateway },
  });
}, 120_000);

afterAll(async () => {
  await sys?.close();
  await nats?.stop();
  await admin.end().catch(() => undefined);
  const cleanup = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await cleanup.connect();
  await cleanup.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  for (const s of SERVICES) await cleanup.query(`DROP ROLE IF EXISTS "${rolePrefix}${s}"`);
  await cleanup.end();
  await rm(workdir, { recursive: true, force: true });
});

describe('Postgres: one role per service, owning only its schema', () => {
  it('no service role is a superuser or may create roles or databases', async () => {
    const roles = await admin.query<{
      rolname: string;
      rolsuper: boolean;
      rolcreaterole: boolean;
      rolcreatedb: boolean;
    }>(
      `SELECT rolname, rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE starts_with(rolname, $1) ORDER BY rolname`,
      [rolePrefix],
    );
    expect(roles.rows.map((r) => r.rolname)).toEqual(SERVICES.map((s) => `${rolePrefix}${s}`).sort());
    for (const r of roles.rows) expect(r).toMatchObject({ rolsuper: false, rolcreaterole: false, rolcreatedb: false });
  });

  it('each service migrated its own schema with its own role', async () => {
    const owners = await admin.query<{ schema: string; owner: string; tables: string }>(
      `SELECT n.nspname AS schema, pg_get_userbyid(n.nspowner) AS owner,
              (SELECT count(*) FROM pg_tables t WHERE t.schemaname = n.nspname AND t.tableowner = pg_get_userbyid(n.nspowner)) AS tables
         FROM pg_namespace n WHERE n.nspname = ANY($1) ORDER BY 1`,
      [[...SERVICES]],
    );
    for (const row of owners.rows) {
      expect(row.owner).toBe(`${rolePrefix}${row.schema}`);
      expect(Number(row.tables)).toBeGreaterThan(1);
    }
  });

  it('the bookings role cannot read auth.users, nor any role another service’s schema', async () => {
    const bookings = new pg.Client({ connectionString: roleUrl('bookings') });
    await bookings.connect();
    try {
      await expect(bookings.query('SELECT email FROM auth.users LIMIT 1')).rejects.toMatchObject({ code: '42501' });
      await expect(bookings.query('UPDATE inventory.stock SET on_hand = 0')).rejects.toMatchObject({
        code: '42501',
      });
      // Its own schema works with the same connection.
      await expect(bookings.query('SELECT count(*) FROM bookings.bookings')).resolves.toBeDefined();
    } finally {
      await bookings.end();
    }
    const rights = await admin.query<{ role: string; schema: string; usage: boolean }>(
      `SELECT r AS role, s AS schema, has_schema_privilege(r, s, 'USAGE') AS usage
         FROM unnest($1::text[]) r, unnest($2::text[]) s WHERE r <> $3 || s`,
      [SERVICES.map((s) => `${rolePrefix}${s}`), [...SERVICES], rolePrefix],
    );
    expect(rights.rows).toHaveLength(SERVICES.length * (SERVICES.length - 1));
    expect(rights.rows.filter((r) => r.usage)).toEqual([]);
  });

  it('every scheduled job (purges, its advisory lock) runs under its service’s own role', async () => {
    const outcomes: Record<string, string> = {};
    for (const service of ['auth', 'catalog', 'inventory', 'bookings'] as const) {
      for (const job of sys![service].jobs.names) outcomes[`${service}/${job}`] = await sys![service].jobs.runOnce(job);
    }
    expect(outcomes).toEqual({
      'auth/audit-retention': 'ok',
      'catalog/outbox-purge': 'ok',
      'inventory/outbox-purge': 'ok',
      'inventory/processed-events-purge': 'ok',
      'bookings/outbox-purge': 'ok',
      'bookings/idempotency-keys-purge': 'ok',
    });
  });
});

describe('NATS: a user per service with the permissions of its contracts', () => {
  it('nobody connects without a user', async () => {
    await expect(natsAs(null)).rejects.toThrow(/authoriz/i);
  });

  it('a booking goes end to end: parts reserved through the events, staff complete it, stock consumed', async () => {
    const base = sys!.url;
    const token = await loginStaff(base, 'admin', 'admin123');
    const journey = await openBranchAndCustomer(base, token);
    const booking = await bookFirstFreeSlot(base, journey);
    await untilValue(
      'the booking to show its parts reserved',
      () => bookingOf(base, token, booking.id),
      (b) => b.partsStatus === 'reserved',
      { timeoutMs: 30_000 },
    );
    expect(await stockOf(base, token, journey)).toMatchObject({ onHand: 5, reserved: 2 });
    expect((await completeBooking(base, token, booking.id)).status).toBe('completed');
    const after = await untilValue(
      'the parts to leave the shelf',
      () => stockOf(base, token, journey),
      (s) => s.onHand === 3,
      { timeoutMs: 30_000 },
    );
    expect(after).toMatchObject({ onHand: 3, reserved: 0 });
    // The audit entries of every service reached the auth service, which answers the log.
    const logged = await untilValue(
      'the booking and stock moves in the audit log',
      async () =>
        (
          await http<{ items: { action: string }[] }>(
            base,
            'GET',
            `/api/audit?branchId=${journey.branch.id}&limit=100`,
            {
              token,
            },
          )
        ).body.items?.map((e) => e.action) ?? [],
      (actions) =>
        ['catalog.branch.created', 'inventory.stock.adjusted', 'bookings.booking.status_changed'].every((a) =>
          actions.includes(a),
        ),
      { timeoutMs: 30_000 },
    );
    expect(logged.length).toBeGreaterThan(3);
    // Nothing on the way was refused (a refused subscription or reply would not always fail the flow).
    expect(nats.output()).not.toMatch(/(Publish|Subscription) Violation/);
  }, 90_000);

  it('a subject a service may not use is refused: bookings cannot call auth.users.list or forge inventory’s events', async () => {
    const gateway = await natsAs('gateway');
    const bookings = await natsAs('bookings');
    try {
      // The gateway may ask auth (a positive control: the server and auth answer).
      await expect(gateway.request(`${prefix}.auth.health`, '{}', { timeout: 5000 })).resolves.toBeDefined();
      await expect(bookings.request(`${prefix}.auth.users.list`, '{}', { timeout: 5000 })).rejects.toThrow(
        /permissions violation/i,
      );
      await expect(bookings.request(`${prefix}.events.part.price_changed`, '{}', { timeout: 5000 })).rejects.toThrow(
        /permissions violation/i,
      );
    } finally {
      await gateway.close();
      await bookings.close();
    }
    await until(
      'nats-server to log that it refused a publish by bookings',
      () => /Publish Violation.*bookings/.test(nats.output()),
      {
        timeoutMs: 5_000,
        detail: nats.output,
      },
    );
  });

  it('dead letters work under these permissions: given up, listed, refused or replayed by their own service', async () => {
    const logged = nats.output().length;
    const token = await loginStaff(sys!.url, 'admin', 'admin123');
    const sku = `LP-${randomBytes(3).toString('hex').toUpperCase()}`;
    const constraint = `lp_fault_${randomBytes(3).toString('hex')}`;
    await admin.query(`ALTER TABLE catalog.part_prices ADD CONSTRAINT ${constraint} CHECK (sku <> '${sku}') NOT VALID`);
    // Each event published by the user of the service that owns it.
    const inventoryUser = await natsAs('inventory');
    const bookingsUser = await natsAs('bookings');
    const price = {
      id: randomUUID(),
      type: 'part.price_changed',
      occurredAt: new Date().toISOString(),
      data: { partId: randomUUID(), sku, unitPriceCents: 990, priceVersion: 1 },
    };
    const garbage = `not an event ${randomUUID()}`;
    try {
      await jetstream(inventoryUser).publish(eventSubject(prefix, price.type), JSON.stringify(price), {
        msgID: price.id,
      });
      await jetstream(bookingsUser).publish(eventSubject(prefix, 'booking.cancelled'), garbage);
    } finally {
      await inventoryUser.close();
      await bookingsUser.close();
    }
    const list = async () =>
      (await http<{ items: DeadLetter[] }>(sys!.url, 'GET', '/api/admin/dead-letters?limit=100', { token })).body.items;
    const letters = await untilValue(
      'both dead letters listed',
      list,
      (items) => !!items?.some((l) => l.event?.id === price.id) && items.some((l) => l.unreadable === garbage),
      { timeoutMs: 30_000, detail: nats.output },
    );
    const replay = (l: DeadLetter) => http(sys!.url, 'POST', `/api/admin/dead-letters/${l.id}/replay`, { token });
    expect((await replay(letters.find((l) => l.unreadable === garbage)!)).status).toBe(409);
    await admin.query(`ALTER TABLE catalog.part_prices DROP CONSTRAINT ${constraint}`);
    expect((await replay(letters.find((l) => l.event?.id === price.id)!)).status).toBe(200);
    const cached = await admin.query('SELECT unit_price_cents::int AS cents FROM catalog.part_prices WHERE sku = $1', [
      sku,
    ]);
    expect(cached.rows).toEqual([{ cents: 990 }]);
    expect((await list()).map((l) => l.event?.id)).not.toContain(price.id);
    // Nothing refused since this test began (the test before this one is refused on purpose).
    expect(nats.output().slice(logged)).not.toMatch(/(Publish|Subscription) Violation/);
  }, 90_000);

  it('the generated configuration in the repository is what the contracts say today', async () => {
    const expected = renderNatsAuthorization('garage');
    for (const file of ['infra/nats/auth.conf', 'k8s/base/nats/auth.conf']) {
      expect({ file, text: await readFile(join(ROOT, file), 'utf8') }).toEqual({ file, text: expected });
    }
  });
});
