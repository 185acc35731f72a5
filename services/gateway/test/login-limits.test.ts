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

  it('lets 30 sign-ins from behind one office IP (ten colleagues, three devices each) run at the same moment', async () => {
    const ip = freshIp();
    const colleagues: string[] = [];
    for (let i = 0; i < 10; i++) colleagues.push(await newStaff());
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        http(gw1.url, 'POST', '/api/login', { body: { username: colleagues[i % 10], password: RIGHT }, ip }),
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

/** The device cookie a successful sign-in set (name=value), for the next request's Cookie header. */
function deviceCookieOf(res: { headers: Headers }): string {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('device='));
  if (!cookie) throw new Error('no device cookie was set');
  return cookie.split(';')[0];
}

const signIn = (username: string, password: string, ip: string, cookie?: string) =>
  http(gw1.url, 'POST', '/api/login', { body: { username, password }, ip, headers: cookie ? { cookie } : {} });

/** 40 wrong guesses at once from 8 addresses (5 each: within every address's own allowance). */
const distributedGuesses = (username: string) => {
  const ips = Array.from({ length: 8 }, freshIp);
  return Promise.all(Array.from({ length: 40 }, (_, i) => wrong(gw1.url, ips[i % 8], username)));
};

/**
 * An attack that has gone on for a while: the account's failures put it at the longest delay. (The
 * burst test above shows how guessing gets it there; waiting out each doubling would take minutes.)
 */
async function underLongAttack(signedIn: { body: unknown }): Promise<void> {
  const id = (signedIn.body as { user: { id: string } }).user.id;
  const key = `loginfail:acct:staff:${id}`;
  await redis.hset(key, { failures: 30, last: Date.now() });
  await redis.expire(key, 900);
}

describe('guessing one account from many addresses at once', () => {
  it('gives at most the free failures a verdict, however many guesses arrive together', async () => {
    const username = await newStaff();
    const results = await distributedGuesses(username);
    const statuses = results.map((r) => r.status);
    // Every attempt is charged before its password is checked: 10 free failures, the rest wait.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 401).every((s) => s === 429)).toBe(true);
  });

  it('never keeps the owner out: their browser signs in at once from a new address, while other clients wait', async () => {
    const username = await newStaff();
    const first = await signIn(username, RIGHT, freshIp());
    expect(first.status).toBe(200);
    const device = deviceCookieOf(first);
    expect(first.headers.getSetCookie().find((c) => c.startsWith('device='))).toMatch(/HttpOnly/i);

    await distributedGuesses(username);
    await underLongAttack(first);
    // A client without the cookie (the attacker, or the owner on a new phone) shares the account's delay.
    expect((await signIn(username, RIGHT, freshIp())).status).toBe(429);
    // The owner's browser, on a network it never used before, is not delayed.
    const owner = await signIn(username, RIGHT, freshIp(), device);
    expect(owner.status).toBe(200);
    // ...and each successful sign-in renews its cookie.
    expect(deviceCookieOf(owner)).not.toBe(device);
  });

  it('does not trust a device cookie that was altered, or that another account earned', async () => {
    const username = await newStaff();
    const other = await signIn(await newStaff(), RIGHT, freshIp());
    const mine = await signIn(username, RIGHT, freshIp());
    const own = deviceCookieOf(mine);
    await underLongAttack(mine);
    const [name, value] = own.split('=');
    const parts = value.split('.');
    parts[3] = parts[3].replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    for (const cookie of [`${name}=${parts.join('.')}`, deviceCookieOf(other), `${name}=d1.user.x.y.z`]) {
      expect((await signIn(username, RIGHT, freshIp(), cookie)).status).toBe(429);
    }
  });

  it('gives a trusted device failures of its own, so a stolen cookie does not guess without limit', async () => {
    const username = await newStaff();
    const mine = await signIn(username, RIGHT, freshIp());
    const device = deviceCookieOf(mine);
    await underLongAttack(mine);
    for (let i = 0; i < 10; i++) {
      const guess = await http(gw1.url, 'POST', '/api/login', {
        body: { username, password: 'Wrong-Guess-1' },
        ip: freshIp(),
        headers: { cookie: device },
      });
      expect(guess.status).toBe(401);
    }
    // Its own allowance used up, the device is one client among others: the account's delay applies.
    expect((await signIn(username, RIGHT, freshIp(), device)).status).toBe(429);
  });

  it('counts every spelling of an account on one counter: upper case and the Kelvin sign get no fresh allowance', async () => {
    const username = `kit-${randomUUID().slice(0, 8)}`;
    const created = await http(gw1.url, 'POST', '/api/users', {
      token: adminToken,
      body: { username, password: RIGHT, role: 'staff', branchIds: [randomUUID()] },
    });
    expect(created.status).toBe(201);
    const spellings = [username.toUpperCase(), username.replace('k', '\u212a')];
    for (let i = 0; i < 10; i++) expect((await wrong(gw1.url, freshIp(), spellings[i % 2])).status).toBe(401);
    for (const spelling of [username, ...spellings]) {
      expect((await signIn(spelling, RIGHT, freshIp())).status).toBe(429);
    }
    // İ folds to i in Postgres but not in JavaScript: such a name is no account (it used to sign in, on a fresh counter).
    expect((await signIn(username.replace('i', '\u0130'), RIGHT, freshIp())).status).toBe(401);
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
