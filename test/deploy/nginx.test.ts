import { randomBytes, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { gunzipSync } from 'node:zlib';
import { startSystem, type TestSystem } from '../support/system.js';
import { NGINX_DIR, startNginx, templateValues, templateVariables, type RunningNginx } from './support/nginx.js';

/**
 * Debian's real nginx with the committed infra/nginx configuration (rendered as the official
 * image's entrypoint renders it), as an unprivileged user, in front of a running system, serving
 * the real web app (web/dist from `npm run build`, gzip copies made as the image makes them).
 */

const WEB_DIST = resolve(__dirname, '../../web/dist');
/** The app's CSP: its own scripts, styles and API; images from itself or data: URLs; nothing inline. */
const APP_CSP =
  "default-src 'self'; base-uri 'self'; connect-src 'self'; font-src 'self'; form-action 'self'; " +
  "frame-ancestors 'none'; img-src 'self' data:; object-src 'none'; script-src 'self'; " +
  "script-src-attr 'none'; style-src 'self'; upgrade-insecure-requests";

const secret = randomBytes(32).toString('hex');
// Room for the failed-login test (6 sign-ins from one address reach the gateway) before nginx's
// own limit answers; the production rate (10r/m) is kept.
const LOGIN_BURST = 8;
const NGINX_429 = 'Too many sign-in attempts from this address; wait a minute';
const NGINX_413 = 'The request body is larger than 100 KiB';
let sys: TestSystem;
let nginx: RunningNginx;
let webRoot: string;
/** The built index.html and the script and stylesheet it loads. */
let indexHtml: string;
let scriptPath: string;
let stylePath: string;

/** Fills a web root as the garage/web image does: the build, then infra/nginx/precompress.sh. */
function deployWebApp(dir: string): void {
  cpSync(WEB_DIST, dir, { recursive: true });
  execFileSync('sh', [join(NGINX_DIR, 'precompress.sh'), dir]);
}

beforeAll(async () => {
  // The gateway in production mode sends its own HSTS (helmet), so "exactly once" is a real check.
  // It trusts the whole loopback network, as in compose it trusts the Docker network, where
  // clients can also appear (published ports arrive from the bridge's address): only nginx
  // overwriting X-Forwarded-For then keeps a client from choosing its address.
  // One SECRET_KEY for auth and gateway, so sessions made by auth resolve in the gateway.
  if (!existsSync(join(WEB_DIST, 'index.html'))) throw new Error('web/dist is not built: run npm run build');
  indexHtml = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  scriptPath = /<script type="module"[^>]* src="(\/assets\/[^"]+\.js)"/.exec(indexHtml)?.[1] ?? '';
  stylePath = /<link rel="stylesheet"[^>]* href="(\/assets\/[^"]+\.css)"/.exec(indexHtml)?.[1] ?? '';
  expect({ scriptPath, stylePath }).toEqual({ scriptPath: expect.any(String), stylePath: expect.any(String) });
  // WEB_APP=false, as behind nginx in compose and k8s: every file below comes from nginx.
  sys = await startSystem({
    auth: { SECRET_KEY: secret },
    gateway: { PRODUCTION: 'true', SECRET_KEY: secret, TRUSTED_PROXIES: '127.0.0.0/8,::1', WEB_APP: 'false' },
  });
  nginx = await startNginx({
    gatewayUrl: sys.url,
    env: { LOGIN_BURST: String(LOGIN_BURST) },
    webRoot: (dir) => {
      webRoot = dir;
      deployWebApp(dir);
    },
  });
}, 120_000);

afterAll(async () => {
  await nginx?.stop();
  await sys?.close();
});

interface Reply {
  status: number;
  /** The body as received (still compressed when Content-Encoding says so). */
  body: Buffer;
  headers: Record<string, string | string[] | undefined>;
  /** Every header line as sent, for "exactly once". */
  raw: string[];
  text: string;
  json: Record<string, unknown> | null;
  tlsProtocol: string | null;
}

/**
 * One request to nginx on a connection of its own, from a chosen loopback address (127.x.y.z):
 * nginx and the gateway see a real, distinct client address per test, so rate limits of one test
 * (or another suite) never touch another. HTTPS trusts only the generated certificate.
 */
function call(
  method: string,
  path: string,
  options: {
    from?: string;
    headers?: Record<string, string>;
    body?: unknown;
    raw?: string;
    plain?: boolean;
    maxVersion?: 'TLSv1.2' | 'TLSv1.3';
    /** Another nginx than the edge's (the files-only site answers plain HTTP). */
    server?: RunningNginx;
  } = {},
): Promise<Reply> {
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const headers: Record<string, string> = { ...options.headers };
  if (body !== undefined) {
    headers['content-type'] ??= 'application/json';
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  const common = { method, path, headers, host: '127.0.0.1', localAddress: options.from ?? '127.0.0.1', agent: false };
  return new Promise((done, fail) => {
    const req = options.plain
      ? httpRequest({ ...common, port: (options.server ?? nginx).httpPort })
      : httpsRequest({ ...common, port: nginx.httpsPort, ca: nginx.ca, maxVersion: options.maxVersion });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const text = raw.toString('utf8');
        let json: Record<string, unknown> | null;
        try {
          json = JSON.parse(text) as Record<string, unknown>;
        } catch {
          json = null;
        }
        const socket = res.socket as TLSSocket;
        const tlsProtocol = typeof socket.getProtocol === 'function' ? socket.getProtocol() : null;
        done({
          status: res.statusCode ?? 0,
          body: raw,
          headers: res.headers,
          raw: res.rawHeaders,
          text,
          json,
          tlsProtocol,
        });
      });
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(body);
  });
}

/** How often a header line appears in a response. */
function count(reply: Reply, name: string): number {
  return reply.raw.filter((v, i) => i % 2 === 0 && v.toLowerCase() === name.toLowerCase()).length;
}

/** A loopback address of its own (Linux answers on all of 127.0.0.0/8). */
function freshLoopback(): string {
  const b = randomBytes(3);
  return `127.${b[0]}.${b[1]}.${(b[2] % 250) + 2}`;
}

const login = (from: string, username: string, password: string, xff?: string) =>
  call('POST', '/api/login', {
    from,
    body: { username, password },
    headers: xff ? { 'x-forwarded-for': xff } : {},
  });

describe('the rendered configuration', () => {
  it('has every template variable defaulted, leaves none unrendered, and passes nginx -t without warnings', () => {
    const names = templateVariables();
    const defaults = templateValues({});
    expect(Object.keys(defaults).sort()).toEqual([...names].sort());
    expect(defaults).toMatchObject({ GATEWAY_UPSTREAM: 'gateway:5000', HTTPS_PORT: '443', HTTP_LISTEN: '8080' });
    for (const name of names) expect(defaults[name]).not.toBe('');
    const code = nginx.config
      .split('\n')
      .filter((line) => !line.trim().startsWith('#'))
      .join('\n');
    expect(code).not.toMatch(/\$\{?[A-Z][A-Z0-9_]*\}?/);
    expect(nginx.configTest).toMatch(/test is successful/);
    expect(nginx.configTest).not.toMatch(/\[(warn|emerg|alert|crit)\]/);
  });
});

describe('TLS', () => {
  it('redirects HTTP to HTTPS on the public port, keeping path and query; /health answers over both', async () => {
    const redirect = await call('GET', '/api/branches?city=Leeds', { plain: true });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe(`https://127.0.0.1:${nginx.httpsPort}/api/branches?city=Leeds`);
    const plainHealth = await call('GET', '/health', { plain: true });
    expect(plainHealth.status).toBe(200);
    expect(plainHealth.json).toHaveProperty('status');
  });

  it('speaks TLS 1.3, and 1.2 for older clients, with HSTS for a year', async () => {
    const modern = await call('GET', '/health');
    expect(modern.tlsProtocol).toBe('TLSv1.3');
    const older = await call('GET', '/health', { maxVersion: 'TLSv1.2' });
    expect(older.tlsProtocol).toBe('TLSv1.2');
    expect(older.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});

describe('through nginx to the gateway', () => {
  it('signs in over TLS and the session works; security headers come exactly once', async () => {
    const from = freshLoopback();
    const res = await login(from, 'admin', 'admin123');
    expect(res.status).toBe(200);
    const token = res.json?.token;
    expect(typeof token).toBe('string');
    const me = await call('GET', '/api/me', { from, headers: { authorization: `Bearer ${String(token)}` } });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ kind: 'user', user: { username: 'admin' } });
    // Gateway answers (which carry helmet's headers) and nginx's own answers alike.
    for (const reply of [res, me, await call('GET', '/metrics')]) {
      expect(count(reply, 'strict-transport-security')).toBe(1);
      expect(count(reply, 'x-frame-options')).toBe(1);
      expect(count(reply, 'x-content-type-options')).toBe(1);
      expect(count(reply, 'x-request-id')).toBe(1);
      expect(reply.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(reply.headers['x-frame-options']).toBe('DENY');
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
    }
    // The gateway's CSP passes through once (nginx adds its own only to the files it serves).
    expect(count(me, 'content-security-policy')).toBe(1);
    expect(me.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  });

  it('passes a sane X-Request-Id through to the gateway, else sends its own', async () => {
    const id = `nginx-test-${randomUUID().slice(0, 8)}`;
    const sane = await call('GET', '/api/me', { headers: { 'x-request-id': id } });
    expect(sane.status).toBe(401);
    expect(sane.headers['x-request-id']).toBe(id);
    expect(sane.json?.requestId).toBe(id);
    expect(nginx.log()).toContain(`rid=${id}`);
    // An unsafe or missing id: nginx's own (32 hex), and the gateway got that same one.
    const unsafeOrNone: Record<string, string>[] = [{ 'x-request-id': '<script>alert(1)</script>' }, {}];
    for (const headers of unsafeOrNone) {
      const res = await call('GET', '/api/me', { headers });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
      expect(res.json?.requestId).toBe(res.headers['x-request-id']);
    }
  });

  it('keeps the gateway failed-login limit per real address: a forged X-Forwarded-For does not escape it', async () => {
    const from = freshLoopback();
    const username = `nginx-${randomUUID().slice(0, 8)}`;
    for (let i = 1; i <= 5; i++) {
      const res = await login(from, username, 'Wrong-Guess-1', `1.2.3.${i}`);
      expect(res.status).toBe(401);
    }
    // Were X-Forwarded-For appended, the gateway would count each attempt for a new 1.2.3.x.
    const sixth = await login(from, username, 'Wrong-Guess-1', '1.2.3.6');
    expect(sixth.status).toBe(429);
    // The gateway's answer (it sends Retry-After; nginx's own 429 does not), not nginx's limit.
    expect(sixth.json).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect(sixth.json?.message).not.toBe(NGINX_429);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    // Another client address is unaffected.
    expect((await login(freshLoopback(), username, 'Wrong-Guess-1')).status).toBe(401);
  });

  it("answers a burst of sign-ins from one address with nginx's own 429 before the gateway", async () => {
    const from = freshLoopback();
    const replies: Reply[] = [];
    for (let i = 0; i < LOGIN_BURST + 3; i++) {
      replies.push(
        await call('POST', '/api/customer-login', { from, body: { email: 'x@example.com', password: 'x' } }),
      );
    }
    const limited = replies.findIndex((r) => r.json?.message === NGINX_429);
    // 1 + burst pass at once (give or take one that the rate refills meanwhile), then nginx refuses.
    expect(limited).toBeGreaterThanOrEqual(LOGIN_BURST + 1);
    expect(limited).toBeLessThanOrEqual(LOGIN_BURST + 2);
    expect(replies[limited].status).toBe(429);
    expect(replies[limited].headers['content-type']).toMatch(/^application\/json/);
    expect(replies[limited].json?.requestId).toBe(replies[limited].headers['x-request-id']);
    expect(replies.slice(0, limited).every((r) => r.status === 401 || r.status === 429)).toBe(true);
    expect(replies.slice(0, limited).every((r) => r.json?.message !== NGINX_429)).toBe(true);
  });

  it('refuses a body over 100 KiB itself (413) and passes one under it', async () => {
    const big = await call('POST', '/api/vehicles', { raw: JSON.stringify({ pad: 'x'.repeat(200 * 1024) }) });
    expect(big.status).toBe(413);
    expect(big.json).toMatchObject({ statusCode: 413, message: NGINX_413 });
    const fine = await call('POST', '/api/vehicles', { raw: JSON.stringify({ pad: 'x'.repeat(90 * 1024) }) });
    expect(fine.status).toBe(401);
  });

  it("passes the public lists' HTTP caching through: ETag, Cache-Control, Vary, and the gateway's 304", async () => {
    for (const path of ['/api/service-catalog', '/api/branches']) {
      const first = await call('GET', path);
      expect(first.status).toBe(200);
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^(W\/)?"[\w-]+"$/);
      expect(first.headers['cache-control']).toBe('public, max-age=3, stale-while-revalidate=2');
      expect(first.headers.vary).toMatch(/Authorization, Cookie/);
      const again = await call('GET', path, { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
    }
  });

  it('hides /metrics on any path; proxies /health and /api/health', async () => {
    for (const path of ['/metrics', '/metrics/', '/api/metrics', '/api/health/METRICS', '/%6detrics']) {
      const res = await call('GET', path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.json).toMatchObject({ statusCode: 404, error: 'Not Found' });
    }
    for (const path of ['/health', '/api/health']) {
      const res = await call('GET', path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json).toHaveProperty('status');
    }
  });
});

/** What every answer with the page must carry: the app itself, revalidated, under the app's CSP. */
function expectPage(path: string, page: Reply): void {
  expect({ path, status: page.status }).toEqual({ path, status: 200 });
  expect(page.headers['content-type']).toMatch(/^text\/html/);
  expect(page.text).toBe(indexHtml);
  expect(page.headers['cache-control']).toBe('no-cache');
  expect(page.headers['content-security-policy']).toBe(APP_CSP);
  expect(count(page, 'content-security-policy')).toBe(1);
  expect(page.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(page.headers['x-frame-options']).toBe('DENY');
  expect(page.headers['x-content-type-options']).toBe('nosniff');
}

/** A hashed asset: cached for a year, gzip when asked (the build-time copy), the same bytes either way. */
async function expectAsset(path: string, server?: RunningNginx): Promise<void> {
  const file = readFileSync(join(WEB_DIST, path));
  const gz = await call('GET', path, { server, plain: !!server, headers: { 'accept-encoding': 'gzip, br' } });
  expect({ path, status: gz.status }).toEqual({ path, status: 200 });
  expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(gz.headers['content-encoding']).toBe('gzip');
  expect(gz.headers.vary).toMatch(/accept-encoding/i);
  expect(gz.body.length).toBeLessThan(file.length);
  expect(gunzipSync(gz.body).equals(file)).toBe(true);
  const identity = await call('GET', path, { server, plain: !!server, headers: { 'accept-encoding': 'identity' } });
  expect(identity.headers['content-encoding']).toBeUndefined();
  expect(identity.body.equals(file)).toBe(true);
}

describe('the web app (the real build)', () => {
  it('/ and deep links (/book, /staff/...) are index.html, no-cache, under the strict CSP', async () => {
    // The CSP allows no inline script or style, so the build must have none.
    expect(indexHtml).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(indexHtml).not.toMatch(/<style|\sstyle=/);
    for (const path of ['/', '/book', '/staff', '/staff/day-board?date=2030-01-01', '/index.html']) {
      expectPage(path, await call('GET', path));
    }
    // Over plain HTTP the app is a redirect to HTTPS, never served.
    expect((await call('GET', '/book', { plain: true })).status).toBe(301);
  });

  it("serves the page's script and stylesheet for a year, gzip-compressed when asked", async () => {
    await expectAsset(scriptPath);
    await expectAsset(stylePath);
    const script = await call('GET', scriptPath);
    expect(script.headers['content-type']).toMatch(/^application\/javascript/);
    expect(count(script, 'content-security-policy')).toBe(1);
    expect(count(script, 'strict-transport-security')).toBe(1);
  });

  it('a missing asset (or any missing file) is a JSON 404, not the page, and not cached', async () => {
    for (const path of ['/assets/index-00000000.js', '/assets/', '/book.js', '/favicon.png']) {
      const missing = await call('GET', path);
      expect({ path, status: missing.status }).toEqual({ path, status: 404 });
      expect(missing.headers['cache-control']).toBeUndefined();
      expect(missing.headers['content-type']).toMatch(/^application\/json/);
      expect(missing.text).not.toContain('<div id="root">');
    }
  });

  it("never shadows the API: /api/nope is the gateway's JSON 404, /api/docs the docs, /health the health", async () => {
    const unknown = await call('GET', '/api/nope', { headers: { 'accept-encoding': 'gzip' } });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ statusCode: 404, error: 'Not Found' });
    // The gateway's answer (nginx's own 404 says just "Not found"), with the gateway's CSP.
    expect(unknown.json?.message).not.toBe('Not found');
    expect(unknown.text).not.toContain('<div id="root">');
    expect(count(unknown, 'content-security-policy')).toBe(1);
    expect(unknown.headers['content-security-policy']).not.toBe(APP_CSP);
    expect(unknown.headers['cache-control']).not.toBe('no-cache');
    // No API answer is compressed by nginx (BREACH).
    expect(unknown.headers['content-encoding']).toBeUndefined();
    const docs = await call('GET', '/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('swagger-ui');
    expect(docs.text).not.toContain('<div id="root">');
    for (const path of ['/health', '/api/health']) {
      const health = await call('GET', path);
      expect({ path, status: health.status }).toEqual({ path, status: 200 });
      expect(health.json).toHaveProperty('status');
    }
    // Paths that are the API's but that nginx does not proxy are 404s, never the page.
    for (const path of ['/health/live', '/metrics']) {
      const res = await call('GET', path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.text).not.toContain('<div id="root">');
    }
    // /api itself: nginx's redirect to /api/ (the proxied prefix), not the page.
    const api = await call('GET', '/api');
    expect(api.status).toBe(301);
    expect(api.headers.location).toMatch(/\/api\/$/);
  });
});

describe('the files-only site (Kubernetes: behind the Ingress, which routes /api and /health to the gateway)', () => {
  let files: RunningNginx;
  beforeAll(async () => {
    files = await startNginx({ site: 'web', webRoot: deployWebApp });
  }, 60_000);
  afterAll(async () => {
    await files?.stop();
  });
  const get = (path: string, headers: Record<string, string> = {}) =>
    call('GET', path, { server: files, plain: true, headers });

  it('passes nginx -t without warnings', () => {
    expect(files.configTest).toMatch(/test is successful/);
    expect(files.configTest).not.toMatch(/\[(warn|emerg|alert|crit)\]/);
  });

  it('serves the same page, assets and headers as the edge', async () => {
    for (const path of ['/', '/book', '/staff']) expectPage(path, await get(path));
    await expectAsset(scriptPath, files);
    await expectAsset(stylePath, files);
    const missing = await get('/assets/index-00000000.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/json/);
  });

  it('answers API paths that reach it by mistake with a JSON 404, never the page', async () => {
    for (const path of ['/api', '/api/nope', '/api/docs', '/health', '/health/ready', '/metrics']) {
      const res = await get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.json).toMatchObject({ statusCode: 404 });
    }
  });
});

describe('with no web app deployed', () => {
  it('/ is a 404 and the API still answers', async () => {
    rmSync(join(webRoot, 'index.html'));
    expect((await call('GET', '/')).status).toBe(404);
    expect((await call('GET', '/bookings/42')).status).toBe(404);
    expect((await call('GET', '/api/health')).status).toBe(200);
  });
});
