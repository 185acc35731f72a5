import { randomUUID } from 'node:crypto';
import type { ServiceOffering } from '@garage/shared';
import { startGatewayForTest, startSystem, type TestSystem } from '../../../test/support/system.js';
import { http, loginStaff } from '../../../test/support/http.js';
import { untilValue } from '../../../test/support/waits.js';
import type { RunningGateway } from '../src/gateway.app.js';

// The public catalog and branch lists: HTTP caching (ETag, 304, Cache-Control) for anonymous callers,
// never for signed-in ones, and the gateways' own short cache, emptied by the catalog's events.
let sys: TestSystem;
let second: RunningGateway;
let admin: string;

// Long enough that only the catalog's events can explain a change seen sooner (the TTL is the fallback).
const CACHE_MS = 10_000;

beforeAll(async () => {
  sys = await startSystem({ gateway: { CATALOG_CACHE_MS: String(CACHE_MS) } });
  second = await startGatewayForTest({ CATALOG_CACHE_MS: String(CACHE_MS) });
  admin = await loginStaff(sys.url, 'admin', 'admin123');
});

afterAll(async () => {
  await second?.close();
  await sys?.close();
});

async function newService(category: string): Promise<ServiceOffering> {
  const res = await http<ServiceOffering>(sys.url, 'POST', '/api/service-catalog', {
    token: admin,
    body: {
      code: `PL-${randomUUID().slice(0, 8).toUpperCase()}`,
      name: `Public list ${randomUUID().slice(0, 8)}`,
      category,
      durationMinutes: 30,
      laborHours: 1,
    },
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
  return res.body;
}

const listed = (base: string, path: string) =>
  http<{ items: ServiceOffering[]; nextCursor: string | null }>(base, 'GET', path);

describe('the public lists for anonymous callers', () => {
  it.each(['/api/service-catalog', '/api/branches'])(
    '%s: ETag, a public Cache-Control, and 304 for a matching If-None-Match',
    async (path) => {
      const first = await http(sys.url, 'GET', path);
      expect(first.status).toBe(200);
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect(first.headers.get('cache-control')).toBe('public, max-age=3, stale-while-revalidate=2');
      expect(first.headers.get('vary')).toMatch(/Authorization, Cookie/);

      const again = await http(sys.url, 'GET', path, { headers: { 'if-none-match': etag! } });
      expect(again.status).toBe(304);
      expect(again.text).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
      // The same bytes get the same tag on another gateway (a CDN may revalidate against any replica).
      expect((await http(second.url, 'GET', path, { headers: { 'if-none-match': `W/${etag}` } })).status).toBe(304);
      expect((await http(sys.url, 'GET', path, { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
    },
  );

  it('are never public or tagged for a signed-in caller (staff may see inactive entries)', async () => {
    const res = await http(sys.url, 'GET', '/api/service-catalog?includeInactive=true', { token: admin });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('etag')).toBeNull();
  });

  it('still answer bad input with a 400 in the error shape, never cached as a list', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await http(sys.url, 'GET', '/api/service-catalog?branchId=not-a-uuid');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400 });
      expect(res.headers.get('cache-control') ?? '').not.toMatch(/public/);
    }
  });

  it('show a price change on every gateway within seconds, with a new ETag', async () => {
    const category = `Cache ${randomUUID().slice(0, 8)}`;
    const service = await newService(category);
    const path = `/api/service-catalog?category=${encodeURIComponent(category)}`;
    const before = await Promise.all([sys.url, second.url].map((base) => listed(base, path)));
    for (const res of before) expect(res.body.items.map((s) => s.priceCents)).toEqual([service.priceCents]);
    const oldTag = before[0].headers.get('etag')!;
    // Cached now: both gateways answer from memory.
    expect((await http(second.url, 'GET', path, { headers: { 'if-none-match': oldTag } })).status).toBe(304);

    const changedAt = Date.now();
    const patched = await http<ServiceOffering>(sys.url, 'PATCH', `/api/service-catalog/${service.id}`, {
      token: admin,
      body: { laborHours: 2 },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.priceCents).not.toBe(service.priceCents);

    for (const base of [sys.url, second.url]) {
      const fresh = await untilValue(
        `the new price on ${base}`,
        () => listed(base, path),
        (res) => res.body.items[0]?.priceCents === patched.body.priceCents,
        { timeoutMs: CACHE_MS - 2000, show: (res) => res.text },
      );
      expect(fresh.headers.get('etag')).not.toBe(oldTag);
      expect((await http(base, 'GET', path, { headers: { 'if-none-match': oldTag } })).status).toBe(200);
    }
    // Well inside the cache's TTL: the catalog's event emptied both caches.
    expect(Date.now() - changedAt).toBeLessThan(CACHE_MS - 2000);
  });
});
