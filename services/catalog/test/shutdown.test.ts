import { resolve } from 'node:path';
import pg from 'pg';
import type { NatsConnection } from '@nats-io/transport-node';
import { catalog, connectNats, DomainError, RpcClient } from '@garage/shared';
import { freePort, spawnChild, waitForOk, type Child } from '../../../test/support/processes.js';
import { testEnv } from '../../../test/support/test-env.js';
import { until } from '../../../test/support/waits.js';

const MAIN = resolve(__dirname, '..', 'dist', 'main.js');

/**
 * SIGTERM as a deployment sends it, to the built catalog service: readiness turns 503 at once, no
 * new request is taken, a request in hand is still answered, and the process exits 0; one still
 * busy past SHUTDOWN_GRACE_MS exits 1 saying so. A lock on the branches table holds the request.
 */
describe('catalog: SIGTERM drains, then exits', () => {
  let db: pg.Pool;
  let nc: NatsConnection;
  let rpc: RpcClient;
  let proc: Child | undefined;
  let healthPort: number;

  beforeAll(async () => {
    db = new pg.Pool({ connectionString: testEnv().DATABASE_URL, max: 2 });
    nc = await connectNats(testEnv().NATS_URL, 'shutdown-test');
    rpc = new RpcClient(nc, testEnv().NATS_PREFIX, 5000);
  });

  afterAll(async () => {
    await proc?.stop(1000);
    rpc.close();
    await nc.close();
    await db.end();
  });

  async function startCatalog(graceMs: number): Promise<Child> {
    healthPort = await freePort();
    const env = testEnv({
      HEALTH_PORT: String(healthPort),
      MIGRATE_ON_START: 'false',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'info',
      SHUTDOWN_GRACE_MS: String(graceMs),
    });
    proc = spawnChild(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', ...env } });
    await waitForOk(`http://127.0.0.1:${healthPort}/health/ready`, proc, 30_000);
    return proc;
  }

  /** Holds every query of catalog.branches until `release` (the request stays in the handler). */
  async function lockBranches(): Promise<{ release(): Promise<void> }> {
    const client = await db.connect();
    await client.query('BEGIN');
    await client.query('LOCK TABLE catalog.branches IN ACCESS EXCLUSIVE MODE');
    return {
      async release() {
        await client.query('ROLLBACK');
        client.release();
      },
    };
  }

  const waitingOnLock = async () =>
    (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
         WHERE c.relname = 'branches' AND NOT l.granted`,
      )
    ).rows[0]!.n > 0;

  const readiness = async () => (await fetch(`http://127.0.0.1:${healthPort}/health/ready`)).status;

  it('answers the request in hand after SIGTERM, is not ready meanwhile, takes nothing new, and exits 0', async () => {
    const service = await startCatalog(10_000);
    const lock = await lockBranches();
    const inHand = rpc.request(catalog.listBranches, { principal: null, payload: {} });
    await until('the request to wait on the lock', waitingOnLock);

    service.child.kill('SIGTERM');
    await until('/health/ready to answer 503', async () => (await readiness()) === 503);
    expect((await fetch(`http://127.0.0.1:${healthPort}/health/live`)).status).toBe(200);
    // Its subscriptions are drained: a new request finds no one (503 at once, not after the timeout).
    const started = Date.now();
    await expect(rpc.request(catalog.listBranches, { principal: null, payload: {} })).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
    } satisfies Partial<DomainError>);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(service.child.exitCode).toBeNull();

    await lock.release();
    expect((await inHand).items).toEqual(expect.any(Array));
    expect(await service.exited).toBe(0);
    const log = service.output();
    expect(log.indexOf('stopping')).toBeGreaterThan(-1);
    expect(log.indexOf('"stopped"')).toBeGreaterThan(log.indexOf('stopping'));
  });

  it('exits 1 with a line saying so when the drain outlasts SHUTDOWN_GRACE_MS', async () => {
    const service = await startCatalog(1000);
    const lock = await lockBranches();
    try {
      const inHand = rpc
        .request(catalog.listBranches, { principal: null, payload: {} }, { timeoutMs: 3000 })
        .catch((err: Error) => err);
      await until('the request to wait on the lock', waitingOnLock);
      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(1);
      await until('the line that says why', () =>
        /still stopping 1000 ms after SIGTERM \(SHUTDOWN_GRACE_MS\)/.test(service.output()),
      );
      expect(await inHand).toBeInstanceOf(DomainError);
    } finally {
      await lock.release();
    }
  });
});
