import { pbkdf2Sync, randomBytes, randomUUID } from 'node:crypto';
import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import { DomainError, RpcClient, auth, healthContract, type Principal } from '@garage/shared';
import { startAuth } from '../../../test/support/system.js';
import { sample, scrape } from '../../../test/support/metrics.js';
import type { RunningAuthService } from '../src/auth.app.js';

let service: RunningAuthService;
let nc: NatsConnection;
let rpc: RpcClient;
let db: pg.Client;
const prefix = () => process.env.NATS_PREFIX!;

beforeAll(async () => {
  service = await startAuth();
  nc = await connect({ servers: process.env.NATS_URL || 'nats://127.0.0.1:4222' });
  rpc = new RpcClient(nc, prefix(), 3000);
  db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
});

afterAll(async () => {
  await service.close();
  await nc.close();
  await db.end();
});

const fakePrincipal = (
  role: Principal['role'],
  kind: Principal['kind'] = role === 'customer' ? 'customer' : 'user',
): Principal => ({
  kind,
  id: randomUUID(),
  role,
  branchIds: [],
  sessionId: 'a'.repeat(64),
});

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

describe('the service checks rights itself, whatever the gateway did', () => {
  it('refuses admin messages from staff, customers and nobody', async () => {
    for (const [principal, code] of [
      [fakePrincipal('staff'), 'FORBIDDEN'],
      [fakePrincipal('customer'), 'FORBIDDEN'],
      [null, 'UNAUTHENTICATED'],
    ] as const) {
      expect((await rejection(rpc.request(auth.listUsers, { principal, payload: {} }))).code).toBe(code);
      const create = rpc.request(auth.createUser, {
        principal,
        payload: { username: 'mallory', password: 'Mallory-Pass-42', role: 'admin', branchIds: [] },
      });
      expect((await rejection(create)).code).toBe(code);
    }
    expect(
      (
        await rejection(
          rpc.request(auth.setCustomerStatus, {
            principal: fakePrincipal('customer'),
            payload: { id: randomUUID(), status: 'active' },
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });

  it('validates payloads again and rejects malformed envelopes without crashing', async () => {
    const bad = await rejection(
      rpc.request(auth.createUser, { principal: fakePrincipal('admin'), payload: { username: 1 } as never }),
    );
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect(bad.details?.length).toBeGreaterThan(0);
    const garbage = await nc.request(`${prefix()}.auth.me`, new TextEncoder().encode('{not json'), {
      timeout: 2000,
      headers: headers(),
    });
    expect(garbage.headers?.get('x-error')).toBe('1');
    expect(JSON.parse(new TextDecoder().decode(garbage.data))).toMatchObject({ code: 'VALIDATION_FAILED' });
    const forged = await nc.request(
      `${prefix()}.auth.me`,
      new TextEncoder().encode(JSON.stringify({ principal: { kind: 'user', id: 'x', role: 'admin' }, payload: {} })),
      { timeout: 2000 },
    );
    expect(forged.headers?.get('x-error')).toBe('1');
    expect((await rejection(rpc.request(auth.me, { principal: fakePrincipal('admin'), payload: {} }))).code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('answers its health over NATS', async () => {
    const health = await rpc.request(healthContract('auth'), { principal: null, payload: {} });
    expect(health).toEqual({ service: 'auth', status: 'up', checks: { database: 'up', redis: 'up', nats: 'up' } });
  });
});

describe('passwords carried over from the original system', () => {
  it('signs a legacy salt:hash account in and rewrites the hash as argon2id', async () => {
    const username = `legacy-${randomUUID().slice(0, 6)}`;
    const password = 'OldSystem-Pass1';
    // Exactly what the original guide's Python snippet stores.
    const salt = randomBytes(32);
    const legacy = `${salt.toString('hex')}:${pbkdf2Sync(password, salt, 100_000, 32, 'sha256').toString('hex')}`;
    await db.query(`INSERT INTO auth.users (username, role, password_hash) VALUES ($1, 'admin', $2)`, [
      username,
      legacy,
    ]);

    const wrong = await rejection(
      rpc.request(auth.login, { principal: null, payload: { username, password: 'nope' }, clientIp: '10.9.9.1' }),
    );
    expect(wrong.code).toBe('UNAUTHENTICATED');
    expect(
      (await db.query(`SELECT password_hash FROM auth.users WHERE username = $1`, [username])).rows[0].password_hash,
    ).toBe(legacy);

    const ok = await rpc.request(auth.login, {
      principal: null,
      payload: { username, password },
      clientIp: '10.9.9.2',
    });
    expect(ok.user.username).toBe(username);
    const stored: string = (await db.query(`SELECT password_hash FROM auth.users WHERE username = $1`, [username]))
      .rows[0].password_hash;
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const again = await rpc.request(auth.login, {
      principal: null,
      payload: { username, password },
      clientIp: '10.9.9.3',
    });
    expect(again.user.username).toBe(username);
  });

  it('with PASSWORD_HASH=pbkdf2, upgrades older hashes to PBKDF2-SHA256 at 600,000 iterations', async () => {
    await service.close();
    service = await startAuth({ PASSWORD_HASH: 'pbkdf2' });
    const username = `fips-${randomUUID().slice(0, 6)}`;
    const password = 'Fips-Bound-Pass7';
    const salt = randomBytes(32);
    const legacy = `${salt.toString('hex')}:${pbkdf2Sync(password, salt, 100_000, 32, 'sha256').toString('hex')}`;
    await db.query(`INSERT INTO auth.users (username, role, password_hash) VALUES ($1, 'admin', $2)`, [
      username,
      legacy,
    ]);
    await rpc.request(auth.login, { principal: null, payload: { username, password }, clientIp: '10.9.9.4' });
    const stored: string = (await db.query(`SELECT password_hash FROM auth.users WHERE username = $1`, [username]))
      .rows[0].password_hash;
    expect(stored).toMatch(/^\$pbkdf2-sha256\$i=600000\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    const again = await rpc.request(auth.login, {
      principal: null,
      payload: { username, password },
      clientIp: '10.9.9.5',
    });
    expect(again.user.username).toBe(username);
    await service.close();
    service = await startAuth();
  });
});

describe('sign-ins on /metrics', () => {
  it('counts garage_sign_ins_total by kind and outcome: ok, failed, limited', async () => {
    const count = async (kind: string, outcome: string) =>
      sample(await scrape(service.health), 'garage_sign_ins_total', { kind, outcome });
    const before = {
      staffOk: await count('staff', 'ok'),
      staffFailed: await count('staff', 'failed'),
      customerFailed: await count('customer', 'failed'),
      customerLimited: await count('customer', 'limited'),
    };
    const login = (username: string, password: string) =>
      rpc.request(auth.login, { principal: null, payload: { username, password }, clientIp: '10.9.7.1' });
    await login('admin', 'admin123');
    expect((await rejection(login('admin', 'not-it'))).code).toBe('UNAUTHENTICATED');
    // Five failures from one address, then the sixth attempt is limited before any password is checked.
    const customer = () =>
      rpc.request(auth.customerLogin, {
        principal: null,
        payload: { email: `nobody-${randomUUID().slice(0, 6)}@example.test`, password: 'Wrong-Pass-1' },
        clientIp: '10.9.7.2',
      });
    for (let i = 0; i < 5; i++) expect((await rejection(customer())).code).toBe('UNAUTHENTICATED');
    expect((await rejection(customer())).code).toBe('RATE_LIMITED');
    expect({
      staffOk: await count('staff', 'ok'),
      staffFailed: await count('staff', 'failed'),
      customerFailed: await count('customer', 'failed'),
      customerLimited: await count('customer', 'limited'),
    }).toEqual({
      staffOk: before.staffOk + 1,
      staffFailed: before.staffFailed + 1,
      customerFailed: before.customerFailed + 5,
      customerLimited: before.customerLimited + 1,
    });
  });
});

describe('the password policy', () => {
  const register = (password: string) =>
    rpc.request(auth.customerRegister, {
      principal: null,
      payload: { email: `p-${randomUUID().slice(0, 8)}@example.test`, password, firstName: 'Pat', lastName: 'Lee' },
      clientIp: '10.9.8.1',
    });

  it('says what it applies, publicly: composition on by default, and a lower-case-only password is refused', async () => {
    expect(await rpc.request(auth.passwordPolicy, { principal: null, payload: {} })).toEqual({
      minLength: 8,
      maxLength: 128,
      requireComposition: true,
    });
    const refused = await rejection(register('quiet meadow lantern'));
    expect(refused.code).toBe('VALIDATION_FAILED');
    expect(refused.message).toBe('Password must contain an upper-case letter');
    expect(
      (await rejection(rpc.request(auth.passwordPolicy, { principal: null, payload: { x: 1 } as never }))).code,
    ).toBe('VALIDATION_FAILED');
  });

  it('with PASSWORD_REQUIRE_COMPOSITION=false says so, and the same password is accepted', async () => {
    await service.close();
    service = await startAuth({ PASSWORD_REQUIRE_COMPOSITION: 'false' });
    try {
      expect(await rpc.request(auth.passwordPolicy, { principal: null, payload: {} })).toMatchObject({
        requireComposition: false,
      });
      const created = await register('quiet meadow lantern');
      expect(created.customer.firstName).toBe('Pat');
      // Length and the breached list still apply.
      expect((await rejection(register('short'))).message).toBe('Password must be at least 8 characters long');
      expect((await rejection(register('password123'))).message).toMatch(/too common/);
    } finally {
      await service.close();
      service = await startAuth();
    }
  });
});
