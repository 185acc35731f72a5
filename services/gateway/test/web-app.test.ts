import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startGatewayForTest } from '../../../test/support/system.js';
import { http } from '../../../test/support/http.js';
import type { RunningGateway } from '../src/gateway.app.js';

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/app-1a2b.js"></script></head></html>';
const SCRIPT = `export const app = ${JSON.stringify('x'.repeat(5000))};\n`;

let root: string;
let gateway: RunningGateway;

/** A raw GET (fetch would decompress): status, headers and the body bytes as sent. */
function rawGet(path: string, encoding: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const req = request(`${gateway.url}${path}`, { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'garage-web-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), INDEX);
  await writeFile(join(root, 'assets', 'app-1a2b.js'), SCRIPT);
  await writeFile(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await mkdir(join(root, '.vite'));
  await writeFile(join(root, '.vite', 'manifest.json'), '{"index.html":{}}');
  gateway = await startGatewayForTest({ WEB_APP: 'true', WEB_ROOT: root });
});

afterAll(async () => {
  await gateway?.close();
  await rm(root, { recursive: true, force: true });
});

describe('the web app at /', () => {
  it('serves index.html at / and for any app path (the SPA fallback), revalidated, with the strict CSP', async () => {
    for (const path of [
      '/',
      '/book',
      '/staff/board?date=2026-12-02',
      '/bookings/5f0c0b8e-1d3a-4c55-9f1e-0d8c2b1a7e10',
    ]) {
      const res = await http(gateway.url, 'GET', path);
      expect(res.status).toBe(200);
      expect(res.text).toBe(INDEX);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
    }
  });

  it('serves hashed assets for a year, compressed as the client accepts', async () => {
    const br = await rawGet('/assets/app-1a2b.js', 'gzip, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
    expect(br.body.length).toBeLessThan(SCRIPT.length / 10);

    const gz = await rawGet('/assets/app-1a2b.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);

    const plain = await rawGet('/assets/app-1a2b.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);

    const icon = await rawGet('/favicon.svg', 'br');
    expect(icon.headers['content-type']).toBe('image/svg+xml');
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('never shadows the API, health or docs: their unknown paths stay JSON 404s', async () => {
    for (const path of ['/api/nope', '/api', '/health/nope', '/metrics']) {
      const res = await http(gateway.url, 'GET', path);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    }
    expect((await http(gateway.url, 'GET', '/api/health')).body).toHaveProperty('status');
    expect((await http(gateway.url, 'GET', '/api/docs')).text).toContain('swagger-ui');
  });

  it('answers a missing asset with 404, not the page (an old tab after a deploy)', async () => {
    for (const path of [
      '/assets/app-old.js',
      '/missing.png',
      '/assets/..%2f..%2fetc%2fpasswd',
      '/.vite/manifest.json',
    ]) {
      const res = await http(gateway.url, 'GET', path);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ statusCode: 404 });
    }
    // A malformed escape is not a crash.
    expect((await http(gateway.url, 'GET', '/%E0%A4%A')).status).toBeLessThan(500);
  });

  it('does not answer writes with the page', async () => {
    const res = await http(gateway.url, 'POST', '/book', { body: {} });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404 });
  });
});

describe('without a built web app (WEB_APP=false, as behind nginx)', () => {
  it('answers / with a JSON 404', async () => {
    const bare = await startGatewayForTest({ WEB_APP: 'false', WEB_ROOT: root });
    try {
      const res = await http(bare.url, 'GET', '/');
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ statusCode: 404 });
    } finally {
      await bare.close();
    }
  });
});
