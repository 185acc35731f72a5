import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisThrottlerStorage, SessionStore, SessionThrottle, type ThrottleWindow } from '@garage/shared';
import { testEnv } from '../../../test/support/test-env.js';
import { until } from '../../../test/support/waits.js';

// Real Redis (this run's index); each test uses fresh accounts, addresses and window names.
const env = testEnv();
let redis: Redis;
let sessions: SessionStore;
let throttle: SessionThrottle;
let commandsSent: number;

beforeAll(async () => {
  redis = new Redis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  sessions = new SessionStore(redis, 'test-secret-of-the-session-throttle-suite');
  throttle = new SessionThrottle(redis, sessions);
  const send = redis.sendCommand.bind(redis);
  redis.sendCommand = ((...args: Parameters<typeof send>) => {
    commandsSent++;
    return send(...args);
  }) as typeof redis.sendCommand;
});

afterAll(async () => {
  await redis.quit();
});

const windowOf = (anonLimit: number, accountLimit: number): ThrottleWindow => ({
  name: `t${randomUUID().slice(0, 8)}`,
  ttlMs: 60_000,
  anonLimit,
  accountLimit,
});

const account = () => ({ kind: 'user' as const, id: randomUUID(), role: 'staff' as const, branchIds: [] });
const ip = () => `ip:10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.1`;

describe('SessionThrottle: the session and the throttle in one Redis round trip', () => {
  it('resolves a session and charges its account with one command', async () => {
    const { token, principal } = await sessions.create(account());
    const w = windowOf(5, 8);
    await throttle.resolveAndCharge(token, ip(), w); // the script is loaded (EVALSHA, once EVAL)
    commandsSent = 0;
    const charge = await throttle.resolveAndCharge(token, ip(), w);
    expect(commandsSent).toBe(1);
    expect(charge).toMatchObject({
      principal,
      tracker: `acct:user:${principal.id}`,
      limit: 8,
      totalHits: 2,
      isBlocked: false,
    });
    expect(charge.timeToExpire).toBeGreaterThan(58);
  });

  it('uses the keys of RedisThrottlerStorage, so both count in one window', async () => {
    const { token, principal } = await sessions.create(account());
    const w = windowOf(5, 8);
    const storage = new RedisThrottlerStorage(redis);
    await storage.increment(`${w.name}:acct:user:${principal.id}`, w.ttlMs, w.accountLimit, w.ttlMs, w.name);
    expect((await throttle.resolveAndCharge(token, ip(), w)).totalHits).toBe(2);
    const address = ip();
    await throttle.resolveAndCharge(undefined, address, w);
    expect((await storage.increment(`${w.name}:${address}`, w.ttlMs, w.anonLimit, w.ttlMs, w.name)).totalHits).toBe(2);
  });

  it('charges anonymous callers, unknown and revoked tokens per address with the anonymous limit', async () => {
    const { token, principal } = await sessions.create(account());
    await sessions.revoke(principal);
    const w = windowOf(3, 100);
    const address = ip();
    const charges = [
      await throttle.resolveAndCharge(undefined, address, w),
      await throttle.resolveAndCharge(token, address, w),
      await throttle.resolveAndCharge('x'.repeat(43), address, w),
    ];
    expect(charges.map((c) => [c.principal, c.tracker, c.limit, c.totalHits])).toEqual([
      [null, address, 3, 1],
      [null, address, 3, 2],
      [null, address, 3, 3],
    ]);
    const over = await throttle.resolveAndCharge(undefined, address, w);
    expect(over.isBlocked).toBe(true);
    expect(over.timeToBlockExpire).toBeGreaterThan(58);
    // Blocked for the whole block time, even for a request of the next window.
    expect((await throttle.resolveAndCharge(undefined, address, w)).isBlocked).toBe(true);
  });

  it('blocks an account over its limit but not another account behind the same address', async () => {
    const a = await sessions.create(account());
    const b = await sessions.create(account());
    const w = windowOf(1, 2);
    const office = ip();
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await throttle.resolveAndCharge(a.token, office, w)).isBlocked);
    expect(statuses).toEqual([false, false, true]);
    expect((await throttle.resolveAndCharge(b.token, office, w)).isBlocked).toBe(false);
  });

  it('follows the session: once it expires the caller is anonymous', async () => {
    const short = new SessionStore(redis, 'test-secret-of-the-session-throttle-suite', 1);
    const { token } = await short.create(account());
    const w = windowOf(100, 100);
    expect((await throttle.resolveAndCharge(token, ip(), w)).principal).not.toBeNull();
    await until('the 1 s session to expire', async () => (await redis.exists(sessions.keysOf(token)[0] ?? '')) === 0, {
      timeoutMs: 5000,
    });
    expect((await throttle.resolveAndCharge(token, ip(), w)).principal).toBeNull();
  });

  it('fails closed with 503 when Redis does not answer', async () => {
    const down = new Redis('redis://127.0.0.1:1/1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    const broken = new SessionThrottle(down, new SessionStore(down, 'x'.repeat(32)));
    await expect(broken.resolveAndCharge('t'.repeat(43), ip(), windowOf(1, 1))).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message: 'Session store unavailable',
    });
    down.disconnect();
  });
});
