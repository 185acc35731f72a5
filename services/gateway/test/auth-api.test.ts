import { randomUUID } from 'node:crypto';
import { startSystem, type TestSystem } from '../../../test/support/system.js';
import { LEAK, freshIp, http, loginCustomer, loginStaff } from '../../../test/support/http.js';

let sys: TestSystem;
let url: string;
let adminToken: string;
const seen: string[] = [];

const call = async <T = Record<string, unknown>>(...args: Parameters<typeof http>) => {
  const res = await http<T>(...args);
  seen.push(res.text);
  return res;
};

beforeAll(async () => {
  sys = await startSystem();
  url = sys.url;
  adminToken = await loginStaff(url, 'admin', 'admin123');
});

afterAll(async () => {
  await sys.close();
});

afterAll(() => {
  // No response anywhere in this file carried a password hash, a stack trace or SQL.
  for (const text of seen) expect(text).not.toMatch(LEAK);
});

const uniqueEmail = () => `cust-${randomUUID().slice(0, 8)}@example.com`;
const GOOD_PASSWORD = 'Brake-Disc-2026';

describe('POST /api/login', () => {
  it('signs the demo admin in with a token, expiry, the user and a session cookie', async () => {
    const res = await call<{ token: string; expiresAt: string; user: Record<string, unknown> }>(
      url,
      'POST',
      '/api/login',
      {
        body: { username: 'admin', password: 'admin123' },
        ip: freshIp(),
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const ttl = new Date(res.body.expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(23.9 * 3600_000);
    expect(ttl).toBeLessThanOrEqual(24 * 3600_000);
    expect(res.body.user).toMatchObject({ username: 'admin', role: 'admin', branchIds: [], status: 'active' });
    expect(Object.keys(res.body.user).sort()).toEqual(['branchIds', 'createdAt', 'id', 'role', 'status', 'username']);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const wrong = await call(url, 'POST', '/api/login', {
      body: { username: 'admin', password: 'nope' },
      ip: freshIp(),
    });
    const unknown = await call(url, 'POST', '/api/login', {
      body: { username: 'nobody', password: 'nope' },
      ip: freshIp(),
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
    expect(wrong.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    expect(typeof wrong.body.requestId).toBe('string');
  });

  it("refuses a customer's credentials", async () => {
    const res = await call(url, 'POST', '/api/login', {
      body: { username: 'john.smith@email.com', password: 'customer123' },
      ip: freshIp(),
    });
    expect(res.status).toBe(401);
  });

  it.each([
    ['wrong types', { username: 5, password: ['x'] }],
    ['missing password', { username: 'admin' }],
    ['extra fields', { username: 'admin', password: 'admin123', role: 'admin' }],
    ['an array body', [1, 2]],
  ])('answers 400 with details for %s', async (_name, body) => {
    const res = await call<{ details: unknown[] }>(url, 'POST', '/api/login', { body, ip: freshIp() });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(Array.isArray(res.body.details)).toBe(true);
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await call(url, 'POST', '/api/login', { raw: '{"username": "admin", ', ip: freshIp() });
    expect(res.status).toBe(400);
    expect(res.body.statusCode).toBe(400);
  });

  it('refuses form-encoded bodies (no cross-site <form> posts) and NUL bytes without a 500', async () => {
    const form = await call(url, 'POST', '/api/customer-register', {
      raw: 'email=x%40example.com&password=Abcdefgh-12&firstName=A&lastName=B',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      ip: freshIp(),
    });
    expect(form.status).toBe(415);
    const nul = await call(url, 'POST', '/api/login', {
      body: { username: 'adm\u0000in', password: 'x' },
      ip: freshIp(),
    });
    // A login name with a control character cannot be an account: the same answer as any unknown name.
    expect(nul.status).toBe(401);
    const nulName = await call(url, 'POST', '/api/customer-register', {
      body: { email: uniqueEmail(), password: GOOD_PASSWORD, firstName: 'A\u0000', lastName: 'B' },
      ip: freshIp(),
    });
    expect(nulName.status).toBe(400);
    expect((await call(url, 'GET', '/api/users?q=%00', { token: adminToken })).status).toBe(400);
  });

  it('answers 413 for a 300 KB body and 415 for a non-JSON body', async () => {
    const big = await call(url, 'POST', '/api/login', {
      raw: JSON.stringify({ username: 'admin', password: 'x'.repeat(300 * 1024) }),
      ip: freshIp(),
    });
    expect(big.status).toBe(413);
    expect(big.body.statusCode).toBe(413);
    const text = await call(url, 'POST', '/api/login', {
      raw: 'username=admin',
      headers: { 'content-type': 'text/plain' },
      ip: freshIp(),
    });
    expect(text.status).toBe(415);
  });
});

describe('customer registration and login', () => {
  it('registers a customer (201), refuses the same email in other case (409), and signs them in', async () => {
    const email = uniqueEmail();
    const res = await call<{ customer: Record<string, unknown> }>(url, 'POST', '/api/customer-register', {
      body: { email, password: GOOD_PASSWORD, firstName: 'Ada', lastName: 'Lovelace', phone: '+44 20 7946 0000' },
      ip: freshIp(),
    });
    expect(res.status).toBe(201);
    expect(res.body.customer).toMatchObject({ email, firstName: 'Ada', lastName: 'Lovelace', status: 'active' });
    const again = await call(url, 'POST', '/api/customer-register', {
      body: { email: email.toUpperCase(), password: GOOD_PASSWORD, firstName: 'Ada', lastName: 'L' },
      ip: freshIp(),
    });
    expect(again.status).toBe(409);
    const login = await call<{ customer: { email: string } }>(url, 'POST', '/api/customer-login', {
      body: { email: email.toUpperCase(), password: GOOD_PASSWORD },
      ip: freshIp(),
    });
    expect(login.status).toBe(200);
    expect(login.body.customer.email).toBe(email);
  });

  it.each([
    ['too short', 'Ab1', /at least 8/],
    ['no upper case', 'lowercase-only-1', /upper-case/],
    ['no lower case', 'UPPERCASE-ONLY-1', /lower-case/],
    ['no digit', 'No-Digits-Here', /digit/],
    ['common', 'Password123', /too common/],
    ['too long', `Aa1${'x'.repeat(130)}`, /at most 128/],
  ])('refuses a weak password (%s) with the rule broken', async (_name, password, rule) => {
    const email = uniqueEmail();
    const res = await call<{ message: string }>(url, 'POST', '/api/customer-register', {
      body: { email, password, firstName: 'Weak', lastName: 'Password' },
      ip: freshIp(),
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(rule);
    const login = await call(url, 'POST', '/api/customer-login', { body: { email, password }, ip: freshIp() });
    expect(login.status).toBe(401);
  });

  it('never applies a smuggled role or status', async () => {
    const email = uniqueEmail();
    for (const extra of [{ role: 'admin' }, { status: 'active' }, { id: randomUUID() }]) {
      const res = await call(url, 'POST', '/api/customer-register', {
        body: { email, password: GOOD_PASSWORD, firstName: 'Eve', lastName: 'Sneaky', ...extra },
        ip: freshIp(),
      });
      expect(res.status).toBe(400);
    }
    const login = await call(url, 'POST', '/api/customer-login', {
      body: { email, password: GOOD_PASSWORD },
      ip: freshIp(),
    });
    expect(login.status).toBe(401);
  });

  it('keeps passwords exactly as typed (no trimming, no case folding)', async () => {
    const email = uniqueEmail();
    const password = ' Spaced-Out-Pass9 ';
    expect(
      (
        await call(url, 'POST', '/api/customer-register', {
          body: { email, password, firstName: 'S', lastName: 'P' },
          ip: freshIp(),
        })
      ).status,
    ).toBe(201);
    const trimmed = await call(url, 'POST', '/api/customer-login', {
      body: { email, password: password.trim() },
      ip: freshIp(),
    });
    expect(trimmed.status).toBe(401);
    const exact = await call(url, 'POST', '/api/customer-login', { body: { email, password }, ip: freshIp() });
    expect(exact.status).toBe(200);
  });

  it('signs in the demo customer', async () => {
    const token = await loginCustomer(url, 'john.smith@email.com', 'customer123');
    const me = await call<{ kind: string; customer: Record<string, unknown> }>(url, 'GET', '/api/me', { token });
    expect(me.status).toBe(200);
    expect(me.body.kind).toBe('customer');
    expect(me.body.customer).toMatchObject({ email: 'john.smith@email.com', firstName: 'John', lastName: 'Smith' });
  });
});

describe('sessions: me, logout, password change', () => {
  it('GET /api/me needs a live session', async () => {
    expect((await call(url, 'GET', '/api/me')).status).toBe(401);
    expect((await call(url, 'GET', '/api/me', { token: 'x'.repeat(43) })).status).toBe(401);
    expect((await call(url, 'GET', '/api/me', { token: 'short' })).status).toBe(401);
    const me = await call<{ user: Record<string, unknown> }>(url, 'GET', '/api/me', { token: adminToken });
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe('admin');
  });

  it('works with the session cookie as well as the bearer token', async () => {
    const login = await call(url, 'POST', '/api/login', {
      body: { username: 'admin', password: 'admin123' },
      ip: freshIp(),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const me = await call(url, 'GET', '/api/me', { headers: { cookie } });
    expect(me.status).toBe(200);
  });

  it('logout kills the token at once, everywhere', async () => {
    const token = await loginStaff(url, 'admin', 'admin123');
    expect((await call(url, 'GET', '/api/me', { token })).status).toBe(200);
    const out = await call(url, 'POST', '/api/logout', { token });
    expect(out.status).toBe(204);
    expect(out.text).toBe('');
    expect((await call(url, 'GET', '/api/me', { token })).status).toBe(401);
    expect((await call(url, 'POST', '/api/logout', { token })).status).toBe(401);
  });

  it('password change needs the current password, applies the rules, and revokes every other session', async () => {
    const email = uniqueEmail();
    await call(url, 'POST', '/api/customer-register', {
      body: { email, password: GOOD_PASSWORD, firstName: 'Pat', lastName: 'Change' },
      ip: freshIp(),
    });
    const phone = await loginCustomer(url, email, GOOD_PASSWORD);
    const laptop = await loginCustomer(url, email, GOOD_PASSWORD);
    const wrong = await call(url, 'POST', '/api/me/password', {
      token: laptop,
      body: { currentPassword: 'Not-The-One-1', newPassword: 'Another-Good-Pass-7' },
    });
    expect(wrong.status).toBe(400);
    const weak = await call(url, 'POST', '/api/me/password', {
      token: laptop,
      body: { currentPassword: GOOD_PASSWORD, newPassword: 'short' },
    });
    expect(weak.status).toBe(400);
    expect((await call(url, 'GET', '/api/me', { token: phone })).status).toBe(200);
    const ok = await call(url, 'POST', '/api/me/password', {
      token: laptop,
      body: { currentPassword: GOOD_PASSWORD, newPassword: 'Another-Good-Pass-7' },
    });
    expect(ok.status).toBe(204);
    expect((await call(url, 'GET', '/api/me', { token: laptop })).status).toBe(200);
    expect((await call(url, 'GET', '/api/me', { token: phone })).status).toBe(401);
    expect(
      (await call(url, 'POST', '/api/customer-login', { body: { email, password: GOOD_PASSWORD }, ip: freshIp() }))
        .status,
    ).toBe(401);
    expect(
      (
        await call(url, 'POST', '/api/customer-login', {
          body: { email, password: 'Another-Good-Pass-7' },
          ip: freshIp(),
        })
      ).status,
    ).toBe(200);
    // A stolen session cannot guess the current password without limit.
    const guesses: number[] = [];
    for (let i = 0; i < 12; i++) {
      guesses.push(
        (
          await call(url, 'POST', '/api/me/password', {
            token: laptop,
            body: { currentPassword: `Guess-Number-${i}`, newPassword: 'Yet-Another-Pass-8' },
          })
        ).status,
      );
    }
    // Five changes per account per window (each costs a hash): two were used above (the wrong one and
    // the change), so three more verdicts, then 429 with no hashing at all.
    expect(guesses.slice(0, 3)).toEqual(Array(3).fill(400));
    expect(guesses.slice(3)).toEqual(Array(9).fill(429));
  });
});

describe('users (admin)', () => {
  const branchA = randomUUID();
  const branchB = randomUUID();

  it('only admins list and create users', async () => {
    const customer = await loginCustomer(url, 'john.smith@email.com', 'customer123');
    expect((await call(url, 'GET', '/api/users')).status).toBe(401);
    expect((await call(url, 'GET', '/api/users', { token: customer })).status).toBe(403);
    expect(
      (
        await call(url, 'POST', '/api/users', {
          token: customer,
          body: { username: 'sneak', password: GOOD_PASSWORD, role: 'admin', branchIds: [] },
        })
      ).status,
    ).toBe(403);
    const list = await call<{ items: Array<{ username: string }>; nextCursor: string | null }>(
      url,
      'GET',
      '/api/users',
      {
        token: adminToken,
      },
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((u) => u.username)).toContain('admin');
  });

  it('creates staff with branches, who can sign in but not administer', async () => {
    const username = `staff-${randomUUID().slice(0, 6)}`;
    const created = await call<{ id: string; branchIds: string[] }>(url, 'POST', '/api/users', {
      token: adminToken,
      body: { username, password: GOOD_PASSWORD, role: 'staff', branchIds: [branchA] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username, role: 'staff', branchIds: [branchA], status: 'active' });
    const dup = await call(url, 'POST', '/api/users', {
      token: adminToken,
      body: { username: username.toUpperCase(), password: GOOD_PASSWORD, role: 'staff', branchIds: [branchA] },
    });
    expect(dup.status).toBe(409);
    const staff = await loginStaff(url, username, GOOD_PASSWORD);
    expect((await call(url, 'GET', '/api/users', { token: staff })).status).toBe(403);
  });

  it('rejects staff without a branch, bad ids and weak passwords', async () => {
    const base = { username: `s-${randomUUID().slice(0, 6)}`, password: GOOD_PASSWORD, role: 'staff' };
    expect(
      (await call(url, 'POST', '/api/users', { token: adminToken, body: { ...base, branchIds: [] } })).status,
    ).toBe(400);
    expect(
      (await call(url, 'POST', '/api/users', { token: adminToken, body: { ...base, branchIds: ['1'] } })).status,
    ).toBe(400);
    expect(
      (
        await call(url, 'POST', '/api/users', {
          token: adminToken,
          body: { ...base, branchIds: [branchA], password: 'weak' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call(url, 'POST', '/api/users', {
          token: adminToken,
          body: { ...base, role: 'customer', branchIds: [branchA] },
        })
      ).status,
    ).toBe(400);
  });

  it('suspending a user revokes their sessions at once and blocks sign-in; reactivating lets them back', async () => {
    const username = `susp-${randomUUID().slice(0, 6)}`;
    const created = await call<{ id: string }>(url, 'POST', '/api/users', {
      token: adminToken,
      body: { username, password: GOOD_PASSWORD, role: 'staff', branchIds: [branchA] },
    });
    const staff = await loginStaff(url, username, GOOD_PASSWORD);
    const suspended = await call(url, 'PATCH', `/api/users/${created.body.id}`, {
      token: adminToken,
      body: { status: 'suspended' },
    });
    expect(suspended.status).toBe(200);
    expect(suspended.body.status).toBe('suspended');
    expect((await call(url, 'GET', '/api/me', { token: staff })).status).toBe(401);
    const again = await call(url, 'POST', '/api/login', { body: { username, password: GOOD_PASSWORD }, ip: freshIp() });
    expect(again.status).toBe(403);
    expect(again.body.message).toMatch(/suspended/);
    await call(url, 'PATCH', `/api/users/${created.body.id}`, {
      token: adminToken,
      body: { status: 'active', branchIds: [branchB] },
    });
    const back = await call<{ user: { branchIds: string[] } }>(url, 'POST', '/api/login', {
      body: { username, password: GOOD_PASSWORD },
      ip: freshIp(),
    });
    expect(back.status).toBe(200);
    expect(back.body.user.branchIds).toEqual([branchB]);
  });

  it('a sign-in racing a suspension never leaves a working session behind', async () => {
    for (let round = 0; round < 10; round++) {
      const username = `race-${randomUUID().slice(0, 6)}`;
      const created = await call<{ id: string }>(url, 'POST', '/api/users', {
        token: adminToken,
        body: { username, password: GOOD_PASSWORD, role: 'staff', branchIds: [branchA] },
      });
      const [login] = await Promise.all([
        call<{ token?: string }>(url, 'POST', '/api/login', {
          body: { username, password: GOOD_PASSWORD },
          ip: freshIp(),
        }),
        call(url, 'PATCH', `/api/users/${created.body.id}`, { token: adminToken, body: { status: 'suspended' } }),
      ]);
      expect([200, 403, 409]).toContain(login.status);
      if (login.body.token) {
        expect((await call(url, 'GET', '/api/me', { token: login.body.token })).status).toBe(401);
      }
    }
  });

  it('PATCH /api/users/:id: 404 for an unknown id, 400 for a garbage id or an id smuggled in the body', async () => {
    expect(
      (await call(url, 'PATCH', `/api/users/${randomUUID()}`, { token: adminToken, body: { status: 'active' } }))
        .status,
    ).toBe(404);
    expect(
      (await call(url, 'PATCH', `/api/users/not-a-uuid`, { token: adminToken, body: { status: 'active' } })).status,
    ).toBe(400);
    expect((await call(url, 'PATCH', `/api/users/1' OR '1'='1`, { token: adminToken, body: {} })).status).toBe(400);
  });

  it('an admin cannot suspend or demote themself', async () => {
    const me = await call<{ user: { id: string } }>(url, 'GET', '/api/me', { token: adminToken });
    const res = await call(url, 'PATCH', `/api/users/${me.body.user.id}`, {
      token: adminToken,
      body: { status: 'suspended' },
    });
    expect(res.status).toBe(409);
  });

  it('pages the user list with an opaque cursor and rejects a bad limit', async () => {
    for (let i = 0; i < 3; i++) {
      await call(url, 'POST', '/api/users', {
        token: adminToken,
        body: {
          username: `page-${i}-${randomUUID().slice(0, 4)}`,
          password: GOOD_PASSWORD,
          role: 'admin',
          branchIds: [],
        },
      });
    }
    const first = await call<{ items: Array<{ id: string }>; nextCursor: string }>(url, 'GET', '/api/users?limit=2', {
      token: adminToken,
    });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call<{ items: Array<{ id: string }> }>(
      url,
      'GET',
      `/api/users?limit=2&cursor=${first.body.nextCursor}`,
      {
        token: adminToken,
      },
    );
    expect(second.body.items.length).toBeGreaterThan(0);
    expect(second.body.items.map((u) => u.id)).not.toContain(first.body.items[0].id);
    expect((await call(url, 'GET', '/api/users?limit=0', { token: adminToken })).status).toBe(400);
    expect((await call(url, 'GET', '/api/users?cursor=zzzz', { token: adminToken })).status).toBe(400);
    expect((await call(url, 'GET', '/api/users?limit=101', { token: adminToken })).status).toBe(400);
  });
});

describe('PATCH /api/customers/:id/status', () => {
  it('staff and admin set it; suspension revokes the customer at once; customers cannot', async () => {
    const email = uniqueEmail();
    const reg = await call<{ customer: { id: string } }>(url, 'POST', '/api/customer-register', {
      body: { email, password: GOOD_PASSWORD, firstName: 'Sam', lastName: 'Suspend' },
      ip: freshIp(),
    });
    const id = reg.body.customer.id;
    const customer = await loginCustomer(url, email, GOOD_PASSWORD);
    expect(
      (await call(url, 'PATCH', `/api/customers/${id}/status`, { token: customer, body: { status: 'active' } })).status,
    ).toBe(403);
    expect((await call(url, 'PATCH', `/api/customers/${id}/status`, { body: { status: 'active' } })).status).toBe(401);
    const staffName = `cs-${randomUUID().slice(0, 6)}`;
    await call(url, 'POST', '/api/users', {
      token: adminToken,
      body: { username: staffName, password: GOOD_PASSWORD, role: 'staff', branchIds: [randomUUID()] },
    });
    const staff = await loginStaff(url, staffName, GOOD_PASSWORD);
    const res = await call(url, 'PATCH', `/api/customers/${id}/status`, {
      token: staff,
      body: { status: 'suspended' },
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('suspended');
    expect((await call(url, 'GET', '/api/me', { token: customer })).status).toBe(401);
    expect(
      (await call(url, 'POST', '/api/customer-login', { body: { email, password: GOOD_PASSWORD }, ip: freshIp() }))
        .status,
    ).toBe(403);
    await call(url, 'PATCH', `/api/customers/${id}/status`, { token: adminToken, body: { status: 'pending' } });
    const pending = await call(url, 'POST', '/api/customer-login', {
      body: { email, password: GOOD_PASSWORD },
      ip: freshIp(),
    });
    expect(pending.status).toBe(403);
    expect(pending.body.message).toMatch(/activation/);
    expect(
      (await call(url, 'PATCH', `/api/customers/${id}/status`, { token: adminToken, body: { status: 'deleted' } }))
        .status,
    ).toBe(400);
    expect(
      (
        await call(url, 'PATCH', `/api/customers/${randomUUID()}/status`, {
          token: adminToken,
          body: { status: 'active' },
        })
      ).status,
    ).toBe(404);
  });
});
