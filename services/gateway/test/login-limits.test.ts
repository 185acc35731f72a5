import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { startAuth, startGatewayForTest } from '../../../test/support/system.js';
import { freshIp, http, loginStaff } from '../../../test/support/http.js';
import type { RunningAuthService } from '../../auth/src/auth.app.js';
import type { RunningGateway } from '../src/gateway.app.js';

let auth: RunningAuthService;
let gw1: RunningGateway;
let gw2: RunningGateway;
let untrusting: RunningGateway;
let redis: Redis;
let adminToken: string;

/** A staff account of its own, so per-account counts of one test never touch another. */
async function newStaff(): Promise<string> {
  const username = `lim-${randomUUID().slice(0, 8)}`;
  const res = await http(gw1.url, 'POST', '/api/users', {
    token: adminToken,
    body: { username, password: RIGHT, role: 'staff', branchIds: [randomUUID()] },
  });
  if (res.status !== 201) throw new Error(`could not create ${username}: ${res.text}`);
  return username;
}
const RIGHT = 'Right-Password-9';

beforeAll(async () => {
  redis = new Redis(process.env.REDIS_URL!);
  for (const key of await redis.keys('loginfail:*')) await redis.del(key);
  auth = await startAuth();
  gw1 = await startGatewayForTest();
  gw2 = await startGatewayForTest();
  // A gateway that trusts no proxy: X-Forwarded-For from the client must be ignored.
  untrusting = await startGatewayForTest({ TRUSTED_PROXIES: '' });
  adminToken = await loginStaff(gw1.url, 'admin', 'admin123');
});

afterAll(async () => {
  await Promise.all([gw1.close(), gw2.close(), untrusting.close()]);
  await auth.close();
  await redis.quit();
});

const wrong = (base: string, ip: string, username: string) =>
  http(base, 'POST', '/api/login', { body: { username, password: 'Wrong-Guess-1' }, ip });

describe('failed-login limit per client IP', () => {
  it('answers the 6th attempt 429 with Retry-After on a second gateway, even with the right password', async () => {
    const ip = freshIp();
    const username = await newStaff();
    for (let i = 0; i < 5; i++) expect((await wrong(gw1.url, ip, username)).status).toBe(401);
    const sixth = await http(gw2.url, 'POST', '/api/login', { body: { username, password: RIGHT }, ip });
    expect(sixth.status).toBe(429);
    expect(sixth.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    const retryAfter = Number(sixth.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(300);
    // Another client is not affected.
    expect(
      (await http(gw2.url, 'POST', '/api/login', { body: { username: 'admin', password: 'admin123' }, ip: freshIp() }))
        .status,
    ).toBe(200);
  });

  it('counts /api/login and /api/customer-login separately', async () => {
    const ip = freshIp();
    const username = await newStaff();
    for (let i = 0; i < 5; i++) expect((await wrong(gw1.url, ip, username)).status).toBe(401);
    expect((await wrong(gw1.url, ip, username)).status).toBe(429);
    const customer = await http(gw1.url, 'POST', '/api/customer-login', {
      body: { email: 'john.smith@email.com', password: 'customer123' },
      ip,
    });
    expect(customer.status).toBe(200);
  });

  it('gives a verdict to at most 5 of 12 concurrent wrong guesses from one IP', async () => {
    const ip = freshIp();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => wrong(gw1.url, ip, `ghost-${i}-${ip}`)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  it('lets 30 people behind one office IP sign in at the same moment', async () => {
    const ip = freshIp();
    const username = await newStaff();
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        http(gw1.url, 'POST', '/api/login', { body: { username, password: RIGHT }, ip }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(200));
  });

  it('a successful login does not use up the allowance', async () => {
    const ip = freshIp();
    const username = await newStaff();
    for (let i = 0; i < 8; i++) await loginStaff(gw1.url, username, RIGHT, ip);
    for (let i = 0; i < 5; i++) expect((await wrong(gw1.url, ip, username)).status).toBe(401);
    expect((await wrong(gw1.url, ip, username)).status).toBe(429);
  });

  it('a spoofed X-Forwarded-For from an untrusted client does not get a fresh bucket', async () => {
    for (const key of await redis.keys('loginfail:ip:staff:*127.0.0.1')) await redis.del(key);
    const username = await newStaff();
    for (let i = 0; i < 5; i++) expect((await wrong(untrusting.url, freshIp(), username)).status).toBe(401);
    const spoofed = await http(untrusting.url, 'POST', '/api/login', {
      body: { username, password: RIGHT },
      ip: freshIp(),
    });
    expect(spoofed.status).toBe(429);
    for (const key of await redis.keys('loginfail:ip:staff:*127.0.0.1')) await redis.del(key);
  });
});

describe('failed-login limit per account', () => {
  it('stalls guessing spread over many IPs, but only briefly', async () => {
    const username = await newStaff();
    for (let i = 0; i < 10; i++) expect((await wrong(gw1.url, freshIp(), username)).status).toBe(401);
    const blocked = await http(gw2.url, 'POST', '/api/login', {
      body: { username, password: 'Right-Password-9' },
      ip: freshIp(),
    });
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(2);
    // Another account is unaffected, and the owner gets in once the short delay has passed.
    expect(
      (await http(gw1.url, 'POST', '/api/login', { body: { username: 'admin', password: 'admin123' }, ip: freshIp() }))
        .status,
    ).toBe(200);
    // The delay is only a clock (a timestamp in Redis, nothing to observe): wait what Retry-After said.
    await new Promise((r) => setTimeout(r, retryAfter * 1000));
    const owner = await http(gw1.url, 'POST', '/api/login', {
      body: { username, password: 'Right-Password-9' },
      ip: freshIp(),
    });
    expect(owner.status).toBe(200);
  });

  it('answers an unknown account no faster than a wrong password (no user enumeration by timing)', async () => {
    const time = async (username: string) => {
      const t = process.hrtime.bigint();
      await wrong(gw1.url, freshIp(), username);
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    const username = await newStaff();
    for (let i = 0; i < 5; i++) {
      known.push(await time(username));
      unknown.push(await time(`ghost-${randomUUID().slice(0, 8)}`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.6);
  });
});

describe('general request throttle', () => {
  let tight: RunningGateway;

  beforeAll(async () => {
    tight = await startGatewayForTest({ THROTTLE_ANON_PER_MINUTE: '5', THROTTLE_ACCOUNT_PER_MINUTE: '8' });
  });

  afterAll(async () => {
    await tight.close();
  });

  it('limits anonymous clients per IP and signed-in staff per account, not per shared office IP', async () => {
    const office = freshIp();
    for (let i = 0; i < 5; i++) expect((await http(tight.url, 'GET', '/api/me', { ip: office })).status).toBe(401);
    const anon = await http(tight.url, 'GET', '/api/me', { ip: office });
    expect(anon.status).toBe(429);
    expect(Number(anon.headers.get('retry-after'))).toBeGreaterThan(0);

    const a = await loginStaff(gw1.url, await newStaff(), RIGHT);
    // Fresh accounts: the demo ones' counters are shared with every other suite of the run.
    const b = await loginStaff(gw1.url, await newStaff(), RIGHT);
    for (let i = 0; i < 8; i++)
      expect((await http(tight.url, 'GET', '/api/me', { token: a, ip: office })).status).toBe(200);
    expect((await http(tight.url, 'GET', '/api/me', { token: a, ip: office })).status).toBe(429);
    expect((await http(tight.url, 'GET', '/api/me', { token: b, ip: office })).status).toBe(200);
    // Health stays reachable for monitoring whatever the throttle says.
    expect([200, 503]).toContain((await http(tight.url, 'GET', '/health', { ip: office })).status);
    expect(
      (await http(tight.url, 'GET', '/health', { ip: office })).headers.get('x-ratelimit-limit-requests'),
    ).toBeNull();
  });
});
