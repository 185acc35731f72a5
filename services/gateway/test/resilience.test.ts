import { spawn, type ChildProcess } from 'node:child_process';
import { connect as tcpConnect, createServer, type AddressInfo } from 'node:net';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { startAuth, startCatalog, startSystem, type TestSystem } from '../../../test/support/system.js';
import { freshIp, http, loginStaff } from '../../../test/support/http.js';
import { until } from '../../../test/support/waits.js';

const RPC_TIMEOUT_MS = 1000;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** A Redis server of this test's own, so stopping it cannot disturb anything else on the machine. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const accepts = () =>
    new Promise<boolean>((resolve) => {
      const s = tcpConnect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
  await until(`redis-server to accept connections on ${port}`, accepts, { timeoutMs: 5000 });
  return child;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = Date.now();
  const result = await work();
  return [result, Date.now() - start];
}

describe('Redis stopped and restarted', () => {
  let redisPort: number;
  let redis: ChildProcess;
  let sys: TestSystem;

  beforeAll(async () => {
    redisPort = await freePort();
    redis = await startRedis(redisPort);
    const env = { REDIS_URL: `redis://127.0.0.1:${redisPort}/0` };
    sys = await startSystem({
      auth: env,
      catalog: env,
      inventory: env,
      bookings: env,
      gateway: { ...env, RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS) },
    });
  });

  afterAll(async () => {
    await sys.close();
    redis.kill('SIGKILL');
  });

  it('fails closed with a fast 503, then recovers by itself', async () => {
    const token = await loginStaff(sys.url, 'admin', 'admin123');
    expect((await http(sys.url, 'GET', '/api/me', { token })).status).toBe(200);

    redis.kill('SIGKILL');
    await new Promise((r) => redis.once('exit', r));

    const [me, meMs] = await timed(() => http(sys.url, 'GET', '/api/me', { token }));
    expect(me.status).toBe(503);
    expect(me.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    expect(meMs).toBeLessThan(3000);
    const [login, loginMs] = await timed(() =>
      http(sys.url, 'POST', '/api/login', { body: { username: 'admin', password: 'admin123' }, ip: freshIp() }),
    );
    expect(login.status).toBe(503);
    expect(loginMs).toBeLessThan(3000);
    const health = await http(sys.url, 'GET', '/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'degraded', redis: 'disconnected' });

    redis = await startRedis(redisPort);
    // This Redis keeps nothing on disk: old sessions are gone, so the old token is refused, not honoured.
    await until('/health to answer 200 again', async () => (await http(sys.url, 'GET', '/health')).status === 200, {
      everyMs: 200,
    });
    expect((await http(sys.url, 'GET', '/api/me', { token })).status).toBe(401);
    const fresh = await loginStaff(sys.url, 'admin', 'admin123');
    expect((await http(sys.url, 'GET', '/api/me', { token: fresh })).status).toBe(200);
  });
});

describe('auth service stopped and restarted', () => {
  let sys: TestSystem;

  beforeAll(async () => {
    sys = await startSystem({ gateway: { RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS) } });
  });

  afterAll(async () => {
    await sys.close();
  });

  it('answers 503 at once when nobody listens, within the timeout when nobody answers, and recovers', async () => {
    const token = await loginStaff(sys.url, 'admin', 'admin123');
    await sys.auth.close();

    const [login, loginMs] = await timed(() =>
      http(sys.url, 'POST', '/api/login', { body: { username: 'admin', password: 'admin123' }, ip: freshIp() }),
    );
    expect(login.status).toBe(503);
    expect(login.body.message).toMatch(/auth service/);
    expect(loginMs).toBeLessThan(RPC_TIMEOUT_MS);
    const health = await http<{ status: string; services: Record<string, string> }>(sys.url, 'GET', '/api/health');
    expect(health.status).toBe(503);
    expect(health.body.services.auth).toBe('down');

    // A responder that takes the message and never answers: the gateway gives up at the timeout.
    const nc: NatsConnection = await connect({ servers: process.env.NATS_URL || 'nats://127.0.0.1:4222' });
    nc.subscribe(`${process.env.NATS_PREFIX}.auth.me`, { queue: 'auth', callback: () => undefined });
    await nc.flush();
    const [hung, hungMs] = await timed(() => http(sys.url, 'GET', '/api/me', { token }));
    expect(hung.status).toBe(503);
    expect(hungMs).toBeGreaterThanOrEqual(RPC_TIMEOUT_MS - 50);
    expect(hungMs).toBeLessThan(RPC_TIMEOUT_MS + 1500);
    await nc.close();

    sys.auth = await startAuth();
    expect((await http(sys.url, 'GET', '/api/me', { token })).status).toBe(200);
    expect(
      (
        await http(sys.url, 'POST', '/api/login', {
          body: { username: 'admin', password: 'admin123' },
          ip: freshIp(),
        })
      ).status,
    ).toBe(200);
    expect((await http(sys.url, 'GET', '/api/health')).status).toBe(200);
  });
});

describe('one service down takes down only what needs it', () => {
  let sys: TestSystem;

  /** Sign-in messages auth has taken so far: those answered plus those in flight (its /metrics). */
  async function loginsTaken(): Promise<number> {
    const { port } = sys.auth.health.address() as AddressInfo;
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    let taken = 0;
    for (const line of text.split('\n')) {
      if (/^garage_messages_(total|in_flight)\{[^}]*pattern="auth\.login"/.test(line))
        taken += Number(line.split(' ').pop());
    }
    return taken;
  }

  beforeAll(async () => {
    sys = await startSystem({ gateway: { RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS) } });
  });

  afterAll(async () => {
    await sys.close();
  });

  it('catalog stopped: branches answer 503 at once, sign-in keeps working, health says which is down', async () => {
    await sys.catalog.close();
    const [branches, ms] = await timed(() => http(sys.url, 'GET', '/api/branches'));
    expect(branches.status).toBe(503);
    expect(ms).toBeLessThan(RPC_TIMEOUT_MS);
    const token = await loginStaff(sys.url, 'admin', 'admin123');
    expect((await http(sys.url, 'GET', '/api/me', { token })).status).toBe(200);
    const health = await http<{ services: Record<string, string> }>(sys.url, 'GET', '/api/health');
    expect(health.status).toBe(503);
    expect(health.body.services).toEqual({ auth: 'up', catalog: 'down', bookings: 'up', inventory: 'up' });
    sys.catalog = await startCatalog();
    expect((await http(sys.url, 'GET', '/api/branches')).status).toBe(200);
  });

  it('stopping a service lets the requests it already took finish (graceful shutdown)', async () => {
    // Sign-ins take a password hash each, one at a time: several are still queued when the stop begins.
    const before = await loginsTaken();
    const logins = Array.from({ length: 4 }, () =>
      http(sys.url, 'POST', '/api/login', { body: { username: 'admin', password: 'admin123' }, ip: freshIp() }),
    );
    // The proof that auth has taken all four (not a guess at how long that takes): its own metrics.
    await until('auth to take all four sign-ins', async () => (await loginsTaken()) - before >= 4);
    await sys.auth.close();
    expect((await Promise.all(logins)).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    sys.auth = await startAuth();
  });
});
