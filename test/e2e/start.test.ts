import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import pg from 'pg';
import { connect } from '@nats-io/transport-node';
import { deleteEventStream } from '@garage/shared';
import { testEnv } from '../support/test-env.js';
import { freshIp, http } from '../support/http.js';
import { startSystem } from '../support/system.js';
import { freePort } from '../support/processes.js';
import { until } from '../support/waits.js';

const ROOT = resolve(__dirname, '..', '..');

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(script: string, env: Record<string, string>): Run {
  let output = '';
  const child = spawn(process.execPath, [resolve(ROOT, script)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a failed test can stop the services it started too (killGroup).
    detached: true,
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

/** Stops the script and every process it started, whatever state they are in. */
function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** The README's `npm start` (after the build that `npm test` has just done), driven like a newcomer would. */
describe('npm start', () => {
  const dbName = `garage_e2e_${process.pid}_${Date.now()}`;
  const databaseUrl = (() => {
    const u = new URL(process.env.DATABASE_URL!);
    u.pathname = `/${dbName}`;
    return u.toString();
  })();

  afterAll(async () => {
    const admin = new URL(databaseUrl);
    admin.pathname = '/postgres';
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await client.end();
    const nc = await connect({ servers: process.env.NATS_URL || 'nats://127.0.0.1:4222' });
    await deleteEventStream(nc, `${process.env.NATS_PREFIX}_e2e`);
    await nc.close();
  });

  it('creates the database, migrates, loads demo data, serves the API and stops cleanly on Ctrl-C', async () => {
    const port = await freePort();
    const healthPort = await freePort();
    const gatewayHealthPort = await freePort();
    const env = testEnv({
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      AUTH_HEALTH_PORT: String(healthPort),
      GATEWAY_HEALTH_PORT: String(gatewayHealthPort),
      CATALOG_HEALTH_PORT: String(await freePort()),
      INVENTORY_HEALTH_PORT: String(await freePort()),
      BOOKINGS_HEALTH_PORT: String(await freePort()),
      NATS_PREFIX: `${process.env.NATS_PREFIX}_e2e`,
      LOG_LEVEL: 'warn',
    });
    const start = run('scripts/dist/start.js', env);
    try {
      await until('npm start to say the chain is running', () => /Garage chain is running/.test(start.output()), {
        timeoutMs: 60_000,
        everyMs: 100,
        detail: start.output,
      });
      expect(start.output()).toContain(`http://localhost:${port}`);
      expect(start.output()).toContain('admin / admin123');
      expect(start.output()).toContain('john.smith@email.com / customer123');
      const base = `http://127.0.0.1:${port}`;

      const health = await http(base, 'GET', '/health');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({
        status: 'healthy',
        database: 'connected',
        services: { auth: 'up', catalog: 'up', bookings: 'up', inventory: 'up' },
      });
      // The web app (built by npm start's build) at / and at a deep link.
      for (const path of ['/', '/staff/board']) {
        const page = await http(base, 'GET', path);
        expect(page.status).toBe(200);
        expect(page.text).toContain('<div id="root">');
        expect(page.text).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js"><\/script>/);
      }
      const branches = await http<{ items: unknown[] }>(base, 'GET', '/api/branches');
      expect(branches.body.items).toHaveLength(3);
      // The demo catalog is priced from inventory's demo parts (refresh at start or the price events).
      const services = await http<{ items: { priceCents: number }[] }>(base, 'GET', '/api/service-catalog?limit=100');
      expect(services.status).toBe(200);
      expect(services.body.items.length).toBeGreaterThanOrEqual(15);
      expect(services.body.items.every((s) => s.priceCents > 0)).toBe(true);
      const ready = await http(`http://127.0.0.1:${healthPort}`, 'GET', '/health/ready');
      expect(ready.body).toMatchObject({ status: 'up', checks: { database: 'up', redis: 'up', nats: 'up' } });
      const metrics = await fetch(`http://127.0.0.1:${healthPort}/metrics`).then((r) => r.text());
      expect(metrics).toMatch(/garage_messages_total/);

      const gatewayReady = await http(`http://127.0.0.1:${gatewayHealthPort}`, 'GET', '/health/ready');
      expect(gatewayReady.body).toMatchObject({
        status: 'up',
        service: 'gateway',
        checks: { redis: 'up', nats: 'up' },
      });
      const gatewayMetrics = await fetch(`http://127.0.0.1:${gatewayHealthPort}/metrics`).then((r) => r.text());
      expect(gatewayMetrics).toMatch(
        /garage_http_request_duration_seconds_count\{[^}]*route="\/api\/health",status="200"\}/,
      );

      const login = await http<{ token: string }>(base, 'POST', '/api/login', {
        body: { username: 'admin', password: 'admin123' },
        ip: freshIp(),
      });
      expect(login.status).toBe(200);
      expect((await http(base, 'GET', '/api/me', { token: login.body.token })).status).toBe(200);
      const customer = await http(base, 'POST', '/api/customer-login', {
        body: { email: 'john.smith@email.com', password: 'customer123' },
      });
      expect(customer.status).toBe(200);

      start.child.kill('SIGINT');
      await until('npm start to exit after Ctrl-C', () => start.child.exitCode !== null || !!start.child.signalCode, {
        timeoutMs: 15_000,
        detail: start.output,
      });
      expect(await start.exited).toBe(0);
      await expect(fetch(`${base}/health`)).rejects.toThrow();
      await expect(fetch(`http://127.0.0.1:${healthPort}/health/live`)).rejects.toThrow();
    } finally {
      killGroup(start.child);
    }
  }, 90_000);

  it('says which backing server is missing and how to start it, then exits', async () => {
    const dead = await freePort();
    const start = run(
      'scripts/dist/start.js',
      testEnv({ NATS_URL: `nats://127.0.0.1:${dead}`, PORT: String(await freePort()) }),
    );
    const code = await start.exited;
    expect(code).toBe(1);
    expect(start.output()).toMatch(/Cannot reach NATS/);
    expect(start.output()).toMatch(/nats-server .*-js/);
    expect(start.output()).not.toMatch(/PostgreSQL|Redis/);
  });
});

describe('a service with bad configuration', () => {
  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PRODUCTION: 'true' }, /SECRET_KEY[\s\S]*randomBytes/],
    [{ PRODUCTION: 'true', SECRET_KEY: 'your-secret-key-here' }, /SECRET_KEY/],
    [{ TRUSTED_PROXIES: 'everyone' }, /TRUSTED_PROXIES/],
    [{ RPC_TIMEOUT_MS: '0' }, /RPC_TIMEOUT_MS/],
  ])('stops with a message naming the variable (%p)', async (bad, message) => {
    const gw = run('services/gateway/dist/main.js', testEnv({ PORT: '0', HEALTH_PORT: '0', ...bad }));
    expect(await gw.exited).toBe(1);
    expect(gw.output()).toMatch(message);
  });
});

describe('npm run cli', () => {
  const cli = (args: string[], stdin: string, env: Record<string, string> = {}) =>
    new Promise<{ code: number | null; output: string }>((done) => {
      const child = spawn(process.execPath, [resolve(ROOT, 'services/auth/dist/cli.js'), ...args], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', ...testEnv(env) },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      child.stdin.end(stdin);
      child.once('exit', (code) => done({ code, output }));
    });

  it('creates an admin and resets a password, ending the account sessions; refuses weak passwords', async () => {
    const username = `ops${Date.now()}`;
    expect(await cli(['create-admin', '--username', username], 'Ops-Admin-Pass-1\n')).toMatchObject({ code: 0 });
    expect((await cli(['create-admin', '--username', username], 'Ops-Admin-Pass-1\n')).code).toBe(1);
    const weak = await cli(['set-password', '--username', username], 'admin123\n');
    expect(weak.code).toBe(1);
    expect(weak.output).toMatch(/Password must|too common/);
    expect((await cli(['set-password'], 'x\n')).code).toBe(2);

    const sys = await startSystem();
    try {
      const login = await http<{ token: string }>(sys.url, 'POST', '/api/login', {
        body: { username, password: 'Ops-Admin-Pass-1' },
        ip: freshIp(),
      });
      expect(login.status).toBe(200);
      expect((await cli(['set-password', '--username', username], 'Ops-Admin-Pass-2\n')).code).toBe(0);
      expect((await http(sys.url, 'GET', '/api/me', { token: login.body.token })).status).toBe(401);
      const again = await http(sys.url, 'POST', '/api/login', {
        body: { username, password: 'Ops-Admin-Pass-2' },
        ip: freshIp(),
      });
      expect(again.status).toBe(200);
    } finally {
      await sys.close();
    }
  }, 60_000); // five CLI processes, each connecting and hashing, plus a whole system
});
