import { randomUUID } from 'node:crypto';
import { catalog, type Principal, type ServiceOffering } from '@garage/shared';
import { call, expectNoLeaks, ok } from '../../../test/support/service-tier.js';
import { createBranch, createPart, createService, startCatalogAlone, type CatalogWorld } from './catalog-kit.js';

let w: CatalogWorld;

beforeAll(async () => {
  w = await startCatalogAlone();
});

afterAll(async () => {
  await w?.close();
});

// No answer in this file carried a stack trace or SQL.
expectNoLeaks(() => w);

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

/** The query of GET /api/service-catalog as the gateway passes it on: every value a string. */
const list = (who: Principal | null, query: Record<string, string>) => call(w, catalog.listServices, who, query);

async function everything(
  who: Principal | null = null,
  query: Record<string, string> = {},
): Promise<ServiceOffering[]> {
  return (await ok(w, catalog.listServices, who, { limit: '100', ...query })).items;
}

describe('catalog.services.list (GET /api/service-catalog)', () => {
  it('lists the demo catalog to anyone, by name, priced at the chain default labour rate', async () => {
    const res = await list(null, { limit: '100' });
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
    const price = (sku: string) => w.fakeInventory!.priceOf(sku) ?? NaN;
    const parts = 5 * price('OIL-10W40-1L') + price('FLT-OIL-STD') + price('PLUG-DRAIN-WASHER');
    expect(oil?.priceCents).toBe(0.5 * DEFAULT_RATE + parts);
  });

  it('pages with an opaque cursor through the same order, and refuses bad paging', async () => {
    const all = await everything();
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: ServiceOffering[]; nextCursor: string | null } = await ok(w, catalog.listServices, null, {
        limit: '5',
        ...(cursor ? { cursor } : {}),
      });
      expect(page.items.length).toBeLessThanOrEqual(5);
      paged.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.map((s) => s.id));
    const bads: Array<Record<string, string>> = [
      { limit: '0' },
      { limit: '101' },
      { limit: 'abc' },
      { cursor: 'garbage!' },
      { cursor: 'Z2FyYmFnZQ' },
      { sort: 'name' },
    ];
    for (const bad of bads) {
      const res = await list(null, bad);
      expect([bad, res.status, res.code]).toEqual([bad, 400, 'VALIDATION_FAILED']);
    }
  });

  it('filters by category, case-insensitively', async () => {
    const shouting = await createService(w, { category: 'BRAKES' });
    const brakes = await everything(null, { category: 'bRaKeS' });
    for (const s of brakes) expect(s.category.toLowerCase()).toBe('brakes');
    const codes = brakes.map((s) => s.code);
    for (const code of ['BRAKE-DISCS-PADS-FRONT', 'BRAKE-FLUID-FLUSH', 'BRAKE-PADS-FRONT', 'BRAKE-PADS-REAR']) {
      expect(codes).toContain(code);
    }
    expect(codes).toContain(shouting.code);
    expect(codes).not.toContain('OIL-FILTER');
    expect(await everything(null, { category: 'Underwater welding' })).toEqual([]);
    expect((await list(null, { category: 'x'.repeat(61) })).status).toBe(400);
  });

  it('shows withdrawn services only to admin and staff who ask for them', async () => {
    for (const who of [null, w.customer]) {
      expect((await everything(who, { includeInactive: 'true' })).map((s) => s.code)).not.toContain('FUEL-FILTER');
    }
    for (const who of [w.staff, w.admin]) {
      expect((await everything(who)).map((s) => s.code)).not.toContain('FUEL-FILTER');
      const withdrawn = (await everything(who, { includeInactive: 'true' })).find((s) => s.code === 'FUEL-FILTER');
      expect(withdrawn).toMatchObject({ active: false });
    }
    expect((await list(null, { includeInactive: 'yes' })).status).toBe(400);
  });

  it("prices at ?branchId='s labour rate; an unknown or closed branch is a 404 for the public", async () => {
    const part = await createPart(w, 1_523);
    const branch = await createBranch(w, 12_345, 8.875);
    const service = await createService(w, { laborHours: 1.25, parts: [{ partSku: part.sku, quantity: 2 }] });
    expect(service.priceCents).toBe(15_000 + 3_046); // 1.25 h × 120.00 + 2 × 15.23

    const atBranch = await everything(null, { branchId: branch.id });
    expect(atBranch.find((s) => s.id === service.id)?.priceCents).toBe(15_431 + 3_046); // 15,431.25
    const one = await ok(w, catalog.getService, null, { id: service.id, branchId: branch.id });
    expect(one.priceCents).toBe(18_477);

    expect((await list(null, { branchId: randomUUID() })).status).toBe(404);
    expect((await list(null, { branchId: 'downtown' })).status).toBe(400);
    await ok(w, catalog.updateBranch, w.admin, { id: branch.id, active: false });
    for (const who of [null, w.customer]) {
      const res = await list(who, { branchId: branch.id });
      expect([res.status, res.code]).toEqual([404, 'NOT_FOUND']);
    }
    expect((await list(w.staff, { branchId: branch.id })).status).toBe(200);
  });
});

describe('catalog.services.get (GET /api/service-catalog/:id)', () => {
  const get = (id: string, who: Principal | null = null) => call(w, catalog.getService, who, { id });

  it('gives an active service to anyone and a withdrawn one only to admin and staff', async () => {
    const service = await createService(w);
    for (const who of [null, w.customer, w.staff, w.admin]) {
      const res = await get(service.id, who);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(service);
    }
    await ok(w, catalog.updateService, w.admin, { id: service.id, active: false });
    for (const who of [null, w.customer]) expect((await get(service.id, who)).status).toBe(404);
    for (const who of [w.staff, w.admin]) {
      expect((await get(service.id, who)).body).toMatchObject({ id: service.id, active: false });
    }
  });

  it('answers 404 for an unknown id and 400 for a garbage one', async () => {
    const unknown = await get(randomUUID());
    expect([unknown.status, unknown.code]).toEqual([404, 'NOT_FOUND']);
    for (const bad of ['42', 'oil-change', "1' OR '1'='1", '%00', '\u0000']) {
      expect((await get(bad)).status).toBe(400);
    }
  });
});
