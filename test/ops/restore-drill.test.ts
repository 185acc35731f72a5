import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { connectNats, deleteEventStream, eventStreamName, SERVICES, type Booking } from '@garage/shared';
import { startSystem, type TestSystem } from '../support/system.js';
import { http, loginStaff } from '../support/http.js';
import {
  bookFirstFreeSlot,
  bookingOf,
  completeBooking,
  openBranchAndCustomer,
  stockOf,
  type Journey,
} from '../support/journey.js';
import { dropDatabase } from '../support/databases.js';
import { runToEnd } from '../support/processes.js';
import { countChanges, eventsSettled, rowCounts, serviceTables, tableChecksums } from '../support/row-counts.js';
import { testEnv } from '../support/test-env.js';
import { EVENT_WAIT_MS, untilValue } from '../support/waits.js';

/**
 * The restore drill: a system with demo data, bookings, stock moves and users is backed up (by a
 * role that can only read), its database dropped and restored; every table comes back row for row,
 * the system starts on it and takes a booking end to end; then the event stream is lost as well and
 * `events:replay` publishes everything again from the outboxes, which changes nothing.
 */
const ROOT = resolve(__dirname, '..', '..');
const script = (name: string) => join(ROOT, 'scripts', 'dist', 'ops', `${name}.js`);
const env = testEnv();
const url = env.DATABASE_URL;
const backupRole = `drill_backup_${randomBytes(3).toString('hex')}`;
const backupPassword = `pw-${randomBytes(9).toString('hex')}`;

let sys: TestSystem | undefined;
let db: pg.Pool;
let nc: NatsConnection;
let jsm: JetStreamManager;
let dir: string;
let backup: string;
let backedUp: { counts: Record<string, number>; sums: Record<string, string> };
let admin: string;
let journey: Journey;
let tables: string[];
let beforeBookings: Date;
const timings: Record<string, number> = {};
/** What the commands themselves say they took, for the report. */
const reports: string[] = [];

const node = (name: string, args: string[], extra: Record<string, string> = {}) =>
  runToEnd(process.execPath, [script(name), ...args], { env: { ...process.env, ...env, ...extra } });

async function timed<T>(what: string, run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await run();
  timings[what] = Date.now() - started;
  return result;
}

/** Every table of the services' schemas and their migrations tables (in `public` under the tests' superuser). */
async function allTables(): Promise<string[]> {
  return [...(await serviceTables(db)), ...SERVICES.map((s) => `public.${s}_migrations`)];
}

/** Until the booking's parts are reserved by inventory (booking.created → inventory.parts_reserved). */
const partsReserved = (id: string) =>
  untilValue(
    `booking ${id}'s parts to be reserved`,
    () => bookingOf(sys!.url, admin, id),
    (b: Booking) => b.partsStatus === 'reserved',
    { timeoutMs: EVENT_WAIT_MS },
  );

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'garage-drill-'));
  db = new pg.Pool({ connectionString: url, max: 2 });
  nc = await connectNats(env.NATS_URL, 'restore-drill');
  jsm = await jetstreamManager(nc);
  // The backup's role as the README says: it may read every schema, and nothing more.
  await db.query(`CREATE ROLE ${backupRole} LOGIN PASSWORD '${backupPassword}' IN ROLE pg_read_all_data`);
}, 30_000);

afterAll(async () => {
  await sys?.close();
  await db?.end();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP ROLE IF EXISTS ${backupRole}`);
  await admin.end();
  await nc?.drain();
  if (dir) await rm(dir, { recursive: true, force: true });
  console.log(`restore drill timings (ms): ${JSON.stringify(timings)}\n${reports.join('\n')}`);
});

describe('the restore drill', () => {
  it('backs up demo data, bookings, stock moves and users; drops the database; restores every table as it was', async () => {
    sys = await startSystem();
    admin = await loginStaff(sys.url, 'admin', 'admin123');
    beforeBookings = new Date();
    journey = await openBranchAndCustomer(sys.url, admin, 10);
    const staff = await http(sys.url, 'POST', '/api/users', {
      token: admin,
      body: {
        username: `drill-${randomBytes(3).toString('hex')}`,
        password: 'Drill-staff-1',
        role: 'staff',
        branchIds: [journey.branch.id],
      },
    });
    expect(staff.status).toBe(201);
    const done = await bookFirstFreeSlot(sys.url, journey);
    await partsReserved(done.id);
    await completeBooking(sys.url, admin, done.id);
    const held = await bookFirstFreeSlot(sys.url, journey);
    await partsReserved(held.id);
    tables = await allTables();
    await eventsSettled(db, jsm, tables);
    expect(await stockOf(sys.url, admin, journey)).toMatchObject({ onHand: 8, reserved: 2 });
    await sys.close();
    sys = undefined;
    const counts = await rowCounts(db, tables);
    const sums = await tableChecksums(db, tables);
    backedUp = { counts, sums };
    expect(counts['bookings.bookings']).toBeGreaterThanOrEqual(2);

    const roleUrl = new URL(url);
    roleUrl.username = backupRole;
    roleUrl.password = backupPassword;
    // Retention (BACKUP_MAX_AGE_DAYS, 30 by default) removes this database's old backups, never another's.
    const database = new URL(url).pathname.slice(1);
    await mkdir(join(dir, `${database}-20200101T000000Z`));
    await mkdir(join(dir, 'another-20200101T000000Z'));
    const said = await timed('backup', () => node('backup', [], { DATABASE_URL: roleUrl.toString(), BACKUP_DIR: dir }));
    expect(said).not.toContain(backupPassword);
    reports.push(...said.split('\n').filter((l) => l.startsWith('backup: /')));
    const kept = (await readdir(dir)).sort();
    expect(kept).toEqual([
      'another-20200101T000000Z',
      expect.stringMatching(new RegExp(`^${database}-\\d{8}T\\d{6}Z$`)),
    ]);
    backup = join(dir, kept[1]!);
    expect(said).toContain(`removed ${database}-20200101T000000Z`);

    await db.end();
    await dropDatabase(url);
    db = new pg.Pool({ connectionString: url, max: 2 });
    const restored = await timed('restore', () => node('restore', [backup]));
    expect(restored).toMatch(/bookings: up to date/);
    reports.push(...restored.split('\n').filter((l) => / restored \(/.test(l)));
    expect(countChanges(counts, await rowCounts(db, tables))).toEqual([]);
    expect(await tableChecksums(db, tables)).toEqual(sums);
  }, 120_000);

  it('refuses a non-empty database unless --overwrite, and a backup whose checksum does not match', async () => {
    await expect(node('restore', [backup])).rejects.toThrow(/exited 2:\nrefusing to restore into .*--overwrite/s);
    const damaged = `${backup}-damaged`;
    await runToEnd('cp', ['-r', backup, damaged]);
    await runToEnd('sh', ['-c', `printf x >> ${join(damaged, 'inventory.dump')}`]);
    await expect(node('restore', [damaged, '--overwrite'])).rejects.toThrow(
      /damaged or incomplete:\n\s+inventory\.dump: SHA-256/,
    );
    await rm(damaged, { recursive: true });
    // --overwrite: the service schemas and migrations tables are replaced by the backup's.
    expect(await node('restore', [backup, '--overwrite'])).toMatch(/inventory: up to date/);
    expect(countChanges(backedUp.counts, await rowCounts(db, tables))).toEqual([]);
    expect(await tableChecksums(db, tables)).toEqual(backedUp.sums);
  }, 60_000);

  it('starts on the restored database and takes a booking end to end (parts reserved through events)', async () => {
    sys = await timed('start', async () => {
      const started = await startSystem();
      const health = await http(started.url, 'GET', '/health');
      expect(health.status).toBe(200);
      return started;
    });
    const booked = await bookFirstFreeSlot(sys.url, journey);
    await partsReserved(booked.id);
    expect(await stockOf(sys.url, admin, journey)).toMatchObject({ onHand: 8, reserved: 4 });
  }, 90_000);

  it('replays every event since before the bookings into a lost stream, and the replay changes nothing', async () => {
    // JetStream lost as well: a new stream, new durable consumers that start from its beginning.
    await sys!.close();
    await deleteEventStream(nc, env.NATS_PREFIX);
    sys = await startSystem();
    await eventsSettled(db, jsm, tables);
    const counts = await rowCounts(db, tables);
    const sums = await tableChecksums(db, tables, ['published_at']);
    const since = beforeBookings.toISOString();

    const dry = await node('events-replay', ['--since', since, '--dry-run']);
    expect(dry).toMatch(/bookings would publish .*booking\.created ×3/);
    expect((await jsm.streams.info(eventStreamName(env.NATS_PREFIX))).state.messages).toBe(0);

    const outboxes = tables.filter((t) => t.endsWith('.outbox'));
    const expected = (
      await db.query<{ n: number }>(
        outboxes.map((t) => `SELECT count(*)::int AS n FROM ${t} WHERE occurred_at >= $1`).join(' UNION ALL '),
        [since],
      )
    ).rows.reduce((a, r) => a + r.n, 0);
    const said = await timed('replay', () => node('events-replay', ['--since', since]));
    expect(said).toMatch(/bookings published .*booking\.created ×3/);
    // Every replayed event is on the new stream (none dropped), and every consumer has handled them.
    expect((await jsm.streams.info(eventStreamName(env.NATS_PREFIX))).state.messages).toBe(expected);
    await eventsSettled(db, jsm, tables);
    expect(countChanges(counts, await rowCounts(db, tables))).toEqual([]);
    expect(await tableChecksums(db, tables, ['published_at'])).toEqual(sums);
  }, 150_000);

  it('says what is wrong with bad arguments, and exits 2', async () => {
    await expect(node('events-replay', ['--since', 'yesterday'])).rejects.toThrow(
      /exited 2:\n--since yesterday: not an ISO 8601 time/,
    );
    await expect(node('events-replay', ['--since', '1h', '--service', 'auth'])).rejects.toThrow(
      /--service auth: the services with an outbox are/,
    );
    await expect(node('restore', [])).rejects.toThrow(/exited 2:\nusage: npm run restore/);
  }, 60_000);
});
