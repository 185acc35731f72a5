import { randomUUID } from 'node:crypto';
import type { ServiceOffering, StockLevel } from '@garage/shared';
import { LEAK } from '../../../test/support/http.js';
import {
  createBranch,
  createPart,
  createService,
  recordingHttp,
  startWorld,
  type CatalogWorld,
} from './catalog-kit.js';

type Page = { items: ServiceOffering[]; nextCursor: string | null };

let w: CatalogWorld;
const { call, seen } = recordingHttp();

beforeAll(async () => {
  w = await startWorld();
});

afterAll(async () => {
  await w?.close();
});

afterAll(() => {
  // No response in this file carried a stack trace or SQL.
  for (const text of seen) expect(text).not.toMatch(LEAK);
});

const DEFAULT_RATE = 12_000;
const FIELDS = [
  'active',
  'category',
  'code',
  'description',
  'durationMinutes',
  'id',
  'laborHours',
  'name',
  'parts',
  'priceCents',
].sort();

async function priceOfSku(sku: string): Promise<number> {
  const res = await call<{ items: StockLevel[] }>(w.url, 'GET', `/api/parts?q=${sku}&limit=100`, { token: w.admin });
  const part = res.body.items.find((p) => p.sku === sku);
  if (!part) throw new Error(`no demo part ${sku}: ${res.status} ${res.text}`);
  return part.unitPriceCents;
}

async function everything(token?: string, query = ''): Promise<ServiceOffering[]> {
  return (await call<Page>(w.url, 'GET', `/api/service-catalog?limit=100${query}`, { token })).body.items;
}

describe('GET /api/service-catalog', () => {
  it('lists the demo catalog to anyone, by name, priced at the chain default labour rate', async () => {
    const res = await call<Page>(w.url, 'GET', '/api/service-catalog?limit=100');
    expect(res.status).toBe(200);
    const codes = res.body.items.map((s) => s.code);
    for (const code of ['OIL-FILTER', 'BRAKE-PADS-FRONT', 'TIMING-BELT-WATER-PUMP', 'STATE-INSPECTION']) {
      expect(codes).toContain(code);
    }
    expect(codes).not.toContain('FUEL-FILTER'); // the withdrawn demo service
    const names = res.body.items.map((s) => s.name.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    for (const s of res.body.items) expect(Object.keys(s).sort()).toEqual(FIELDS);

    const oil = res.body.items.find((s) => s.code === 'OIL-FILTER');
    expect(oil).toMatchObject({
      laborHours: 0.5,
      durationMinutes: 45,
      active: true,
      parts: [
        { partSku: 'OIL-10W40-1L', quantity: 5 },
        { partSku: 'FLT-OIL-STD', quantity: 1 },
        { partSku: 'PLUG-DRAIN-WASHER', quantity: 1 },
      ],
    });
    const parts =
      5 * (await priceOfSku('OIL-10W40-1L')) +
      (await priceOfSku('FLT-OIL-STD')) +
      (await priceOfSku('PLUG-DRAIN-WASHER'));
    expect(oil?.priceCents).toBe(0.5 * DEFAULT_RATE + parts);
  });

  it('pages with an opaque cursor through the same order, and refuses bad paging', async () => {
    const all = await everything();
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: Page } = await call<Page>(
        w.url,
        'GET',
        `/api/service-catalog?limit=5${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.body.items.length).toBeLessThanOrEqual(5);
      paged.push(...res.body.items.map((s) => s.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.map((s) => s.id));
    for (const bad of ['limit=0', 'limit=101', 'limit=abc', 'cursor=garbage!', 'cursor=Z2FyYmFnZQ', 'sort=name']) {
      const res = await call(w.url, 'GET', `/api/service-catalog?${bad}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    }
  });

  it('filters by category, case-insensitively', async () => {
    const shouting = await createService(w, { category: 'BRAKES' });
    const brakes = await everything(undefined, '&category=bRaKeS');
    for (const s of brakes) expect(s.category.toLowerCase()).toBe('brakes');
    const codes = brakes.map((s) => s.code);
    for (const code of ['BRAKE-DISCS-PADS-FRONT', 'BRAKE-FLUID-FLUSH', 'BRAKE-PADS-FRONT', 'BRAKE-PADS-REAR']) {
      expect(codes).toContain(code);
    }
    expect(codes).toContain(shouting.code);
    expect(codes).not.toContain('OIL-FILTER');
    expect(await everything(undefined, '&category=Underwater%20welding')).toEqual([]);
    expect((await call(w.url, 'GET', `/api/service-catalog?category=${'x'.repeat(61)}`)).status).toBe(400);
  });

  it('shows withdrawn services only to admin and staff who ask for them', async () => {
    for (const token of [undefined, w.customer]) {
      expect((await everything(token, '&includeInactive=true')).map((s) => s.code)).not.toContain('FUEL-FILTER');
    }
    for (const token of [w.staff, w.admin]) {
      expect((await everything(token)).map((s) => s.code)).not.toContain('FUEL-FILTER');
      const withdrawn = (await everything(token, '&includeInactive=true')).find((s) => s.code === 'FUEL-FILTER');
      expect(withdrawn).toMatchObject({ active: false });
    }
    expect((await call(w.url, 'GET', '/api/service-catalog?includeInactive=yes')).status).toBe(400);
  });

  it("prices at ?branchId='s labour rate; an unknown or closed branch is a 404 for the public", async () => {
    const part = await createPart(w, 1_523);
    const branch = await createBranch(w, 12_345, 8.875);
    const service = await createService(w, { laborHours: 1.25, parts: [{ partSku: part.sku, quantity: 2 }] });
    expect(service.priceCents).toBe(15_000 + 3_046); // 1.25 h × 120.00 + 2 × 15.23

    const atBranch = await call<Page>(w.url, 'GET', `/api/service-catalog?limit=100&branchId=${branch.id}`);
    expect(atBranch.body.items.find((s) => s.id === service.id)?.priceCents).toBe(15_431 + 3_046); // 15,431.25
    const one = await call<ServiceOffering>(w.url, 'GET', `/api/service-catalog/${service.id}?branchId=${branch.id}`);
    expect(one.body.priceCents).toBe(18_477);

    expect((await call(w.url, 'GET', `/api/service-catalog?branchId=${randomUUID()}`)).status).toBe(404);
    expect((await call(w.url, 'GET', '/api/service-catalog?branchId=downtown')).status).toBe(400);
    await call(w.url, 'PATCH', `/api/branches/${branch.id}`, { token: w.admin, body: { active: false } });
    for (const token of [undefined, w.customer]) {
      const res = await call(w.url, 'GET', `/api/service-catalog?branchId=${branch.id}`, { token });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    }
    expect((await call(w.url, 'GET', `/api/service-catalog?branchId=${branch.id}`, { token: w.staff })).status).toBe(
      200,
    );
  });
});

describe('GET /api/service-catalog/:id', () => {
  it('gives an active service to anyone and a withdrawn one only to admin and staff', async () => {
    const service = await createService(w);
    for (const token of [undefined, w.customer, w.staff, w.admin]) {
      const res = await call<ServiceOffering>(w.url, 'GET', `/api/service-catalog/${service.id}`, { token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(service);
    }
    await call(w.url, 'PATCH', `/api/service-catalog/${service.id}`, { token: w.admin, body: { active: false } });
    for (const token of [undefined, w.customer]) {
      expect((await call(w.url, 'GET', `/api/service-catalog/${service.id}`, { token })).status).toBe(404);
    }
    for (const token of [w.staff, w.admin]) {
      const res = await call(w.url, 'GET', `/api/service-catalog/${service.id}`, { token });
      expect(res.body).toMatchObject({ id: service.id, active: false });
    }
  });

  it('answers 404 for an unknown id and 400 for a garbage one', async () => {
    const unknown = await call(w.url, 'GET', `/api/service-catalog/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    for (const bad of ['42', 'oil-change', "1' OR '1'='1", '%00']) {
      expect((await call(w.url, 'GET', `/api/service-catalog/${encodeURIComponent(bad)}`)).status).toBe(400);
    }
  });
});
