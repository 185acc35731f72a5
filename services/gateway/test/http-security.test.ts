import { startSystem, type TestSystem } from '../../../test/support/system.js';
import { freshIp, http } from '../../../test/support/http.js';

let sys: TestSystem;

beforeAll(async () => {
  sys = await startSystem({ gateway: { ALLOWED_ORIGINS: 'https://garage.example.com' } });
});

afterAll(async () => {
  await sys.close();
});

describe('security headers', () => {
  it.each(['/api/health', '/api/me', '/api/nope', '/api/docs', '/', '/book'])(
    'are on every response (%s)',
    async (path) => {
      const res = await http(sys.url, 'GET', path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('x-xss-protection')).toBe('0');
      expect(res.headers.get('x-powered-by')).toBeNull();
      // No inline styles but on the Swagger UI page, which needs them.
      const styles = /style-src ([^;]*)/.exec(csp)?.[1];
      expect(styles).toBe(path === '/api/docs' ? "'self' 'unsafe-inline'" : "'self'");
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      // HSTS only in production (see production.test.ts).
      expect(res.headers.get('strict-transport-security')).toBeNull();
    },
  );
});

describe('X-Request-Id', () => {
  it('echoes a sane id, replaces an unsafe one, and puts it in error bodies', async () => {
    const sane = await http(sys.url, 'GET', '/api/me', { headers: { 'x-request-id': 'abc-123' } });
    expect(sane.headers.get('x-request-id')).toBe('abc-123');
    expect(sane.body.requestId).toBe('abc-123');
    const unsafe = await http(sys.url, 'GET', '/api/me', { headers: { 'x-request-id': '<script>alert(1)</script>' } });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const none = await http(sys.url, 'GET', '/api/health');
    expect(none.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('CORS', () => {
  it('allows the configured origin with credentials and refuses others', async () => {
    const preflight = await http(sys.url, 'OPTIONS', '/api/login', {
      headers: {
        origin: 'https://garage.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://garage.example.com');
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    const evil = await http(sys.url, 'GET', '/api/health', { headers: { origin: 'https://evil.example' } });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CSRF: cookie-authenticated writes need an allowed Origin', () => {
  async function cookieSession(): Promise<string> {
    const login = await http(sys.url, 'POST', '/api/login', {
      body: { username: 'admin', password: 'admin123' },
      ip: freshIp(),
    });
    return (login.headers.get('set-cookie') ?? '').split(';')[0];
  }

  it('refuses a cross-site write and one without Origin, and leaves the session alive', async () => {
    const cookie = await cookieSession();
    const evil = await http(sys.url, 'POST', '/api/logout', { headers: { cookie, origin: 'https://evil.example' } });
    expect(evil.status).toBe(403);
    const bare = await http(sys.url, 'POST', '/api/logout', { headers: { cookie } });
    expect(bare.status).toBe(403);
    expect((await http(sys.url, 'GET', '/api/me', { headers: { cookie } })).status).toBe(200);
  });

  it('accepts a write from the allowed origin (also via Referer) and reads from anywhere', async () => {
    const cookie = await cookieSession();
    expect(
      (await http(sys.url, 'GET', '/api/me', { headers: { cookie, origin: 'https://evil.example' } })).status,
    ).toBe(200);
    const viaReferer = await cookieSession();
    const byReferer = await http(sys.url, 'POST', '/api/logout', {
      headers: { cookie: viaReferer, referer: 'https://garage.example.com/account' },
    });
    expect(byReferer.status).toBe(204);
    const ok = await http(sys.url, 'POST', '/api/logout', {
      headers: { cookie, origin: 'https://garage.example.com' },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('set-cookie')).toMatch(/^session=;/);
    expect((await http(sys.url, 'GET', '/api/me', { headers: { cookie } })).status).toBe(401);
  });

  it('does not apply to bearer tokens, which a browser never sends by itself', async () => {
    const login = await http<{ token: string }>(sys.url, 'POST', '/api/login', {
      body: { username: 'admin', password: 'admin123' },
      ip: freshIp(),
    });
    const res = await http(sys.url, 'POST', '/api/logout', {
      token: login.body.token,
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(204);
  });
});

describe('OpenAPI', () => {
  it('documents every route of the contracts (auth, catalog, inventory, bookings, composed) from libs/shared', async () => {
    type Operation = {
      requestBody?: { content: { 'application/json': { schema: { properties: Record<string, unknown> } } } };
      parameters: { name: string; in: string; required: boolean; schema: { pattern?: string } }[];
    };
    const res = await http<{ openapi: string; paths: Record<string, Record<string, Operation>> }>(
      sys.url,
      'GET',
      '/api/docs/openapi.json',
    );
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const routes = Object.entries(res.body.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(
      [
        'GET /api/audit',
        'GET /api/audit/export',
        'POST /api/login',
        'POST /api/customer-login',
        'POST /api/customer-register',
        'POST /api/logout',
        'GET /api/me',
        'GET /api/password-policy',
        'POST /api/me/password',
        'GET /api/users',
        'POST /api/users',
        'PATCH /api/users/{id}',
        'PATCH /api/customers/{id}/status',
        'GET /api/branches',
        'POST /api/branches',
        'GET /api/branches/{id}',
        'PATCH /api/branches/{id}',
        'GET /api/service-catalog',
        'POST /api/service-catalog',
        'GET /api/service-catalog/{id}',
        'PATCH /api/service-catalog/{id}',
        'POST /api/cost-calculator',
        'GET /api/parts',
        'POST /api/parts',
        'GET /api/parts/{id}',
        'PATCH /api/parts/{id}',
        'POST /api/parts/{id}/adjust',
        'POST /api/parts/{id}/transfer',
        'GET /api/parts/{id}/movements',
        'GET /api/parts/{id}/stock',
        'GET /api/vehicles',
        'POST /api/vehicles',
        'GET /api/vehicles/{id}',
        'PATCH /api/vehicles/{id}',
        'GET /api/customer/my-vehicles',
        'POST /api/customer/my-vehicles',
        'GET /api/vehicle-claims',
        'POST /api/vehicle-claims/{id}/approve',
        'POST /api/vehicle-claims/{id}/reject',
        'GET /api/technicians',
        'POST /api/technicians',
        'PATCH /api/technicians/{id}',
        'GET /api/availability',
        'GET /api/availability/next',
        'POST /api/bookings',
        'GET /api/bookings',
        'GET /api/customer/my-bookings',
        'GET /api/bookings/{id}',
        'POST /api/bookings/{id}/cancel',
        'PATCH /api/bookings/{id}/status',
        'GET /api/services',
        'GET /api/customer/my-services',
        'GET /api/customers',
        'GET /api/customers/{id}',
        'GET /api/dashboard',
        'GET /api/admin/dead-letters',
        'POST /api/admin/dead-letters/{id}/replay',
        'GET /health',
        'GET /api/health',
      ].sort(),
    );
    // The documented health is what the gateway answers, for 200 and 503 alike (a 503 may also be an Error).
    type Schema = { properties?: object; oneOf?: Schema[] };
    const healthDoc = res.body.paths['/api/health'].get as unknown as {
      responses: Record<string, { content: { 'application/json': { schema: Schema } } }>;
    };
    const live = await http(sys.url, 'GET', '/api/health');
    for (const status of ['200', '503']) {
      const schema = healthDoc.responses[status].content['application/json'].schema;
      const health = schema.oneOf?.find((s) => s.properties) ?? schema;
      expect(Object.keys(health.properties ?? {}).sort()).toEqual(Object.keys(live.body).sort());
    }
    expect(res.body.paths['/api/customer-register'].post.requestBody).toBeDefined();
    // Idempotency-Key is a header, and only a header.
    const createBooking = res.body.paths['/api/bookings'].post;
    expect(createBooking.parameters).toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }),
    );
    expect(createBooking.parameters.find((p) => p.name === 'Idempotency-Key')?.schema.pattern).toMatch(/200/);
    const bookingBody = createBooking.requestBody?.content['application/json'].schema.properties ?? {};
    expect(Object.keys(bookingBody)).toEqual(
      expect.arrayContaining(['branchId', 'vehicleId', 'serviceIds', 'startsAt']),
    );
    expect(bookingBody).not.toHaveProperty('idempotencyKey');
    const page = await http(sys.url, 'GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/swagger-ui/);
    expect((await http(sys.url, 'GET', '/api/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
    expect((await http(sys.url, 'GET', '/api/docs/assets/..%2F..%2Fpackage.json')).status).toBe(404);
  });
});
