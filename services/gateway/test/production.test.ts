import { randomBytes, randomUUID } from 'node:crypto';
import { startAuth, startSystem, type TestSystem } from '../../../test/support/system.js';
import { freshIp, http } from '../../../test/support/http.js';

const production = { PRODUCTION: 'true', SECRET_KEY: randomBytes(32).toString('hex') };
let sys: TestSystem;

beforeAll(async () => {
  // The demo accounts exist from an earlier development start (as after `npm start`), then the chain goes live.
  const development = await startAuth();
  await development.close();
  sys = await startSystem({ auth: { ...production, DEMO_DATA: '' }, gateway: production });
});

afterAll(async () => {
  await sys.close();
});

describe('PRODUCTION=true', () => {
  it('refuses to sign in an account that still has a demo password', async () => {
    const res = await http(sys.url, 'POST', '/api/login', {
      body: { username: 'admin', password: 'admin123' },
      ip: freshIp(),
    });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/demo password/);
    expect(res.headers.get('set-cookie')).toBeNull();
    const customer = await http(sys.url, 'POST', '/api/customer-login', {
      body: { email: 'john.smith@email.com', password: 'customer123' },
      ip: freshIp(),
    });
    expect(customer.status).toBe(403);
  });

  it('sends HSTS for a year and marks the session cookie Secure', async () => {
    const email = `prod-${randomUUID().slice(0, 8)}@example.com`;
    const password = 'Prod-Ready-Pass4';
    const reg = await http(sys.url, 'POST', '/api/customer-register', {
      body: { email, password, firstName: 'Pro', lastName: 'Duction' },
      ip: freshIp(),
    });
    expect(reg.status).toBe(201);
    const login = await http(sys.url, 'POST', '/api/customer-login', { body: { email, password }, ip: freshIp() });
    expect(login.status).toBe(200);
    expect(login.headers.get('set-cookie')).toMatch(/; Secure/);
    const hsts = login.headers.get('strict-transport-security') ?? '';
    expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(31_536_000);
    const health = await http(sys.url, 'GET', '/health');
    expect(health.body.environment).toBe('production');
  });

  it('will not load demo data', async () => {
    await expect(startAuth({ ...production, DEMO_DATA: 'true', HEALTH_PORT: '0' })).rejects.toThrow(/DEMO_DATA/);
  });
});
