import { randomUUID } from 'node:crypto';
import { catalog, type Principal, type ServiceOffering } from '@garage/shared';
import { call, expectNoLeaks, ok } from '../../../test/support/service-tier.js';
import {
  createPart,
  createService,
  newService,
  servicesWithCode,
  startCatalogAlone,
  type CatalogWorld,
} from './catalog-kit.js';

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

async function publicList(query: Record<string, string> = {}): Promise<ServiceOffering[]> {
  return (await ok(w, catalog.listServices, null, { limit: '100', ...query })).items;
}

const get = (id: string) => ok(w, catalog.getService, null, { id });

describe('catalog.services.create (POST /api/service-catalog)', () => {
  it('only admins add services; a refused request stores nothing', async () => {
    for (const who of [null, w.customer, w.staff]) {
      const body = newService();
      const res = await call(w, catalog.createService, who, body);
      expect(res.status).toBe(who ? 403 : 401);
      expect(await servicesWithCode(w, body.code)).toBe(0);
    }
  });

  it('adds a service with its parts, priced at the default rate, and lists it', async () => {
    const [a, b] = [await createPart(w, 1_234), await createPart(w, 999)];
    const body = newService({
      name: 'Test Brake Job',
      category: 'Brakes',
      durationMinutes: 95,
      laborHours: 1.75,
      parts: [
        { partSku: a.sku, quantity: 2 },
        { partSku: b.sku, quantity: 3 },
      ],
    });
    const res = await call(w, catalog.createService, w.admin, body);
    expect(res.status).toBe(201);
    // 1.75 h × 120.00; parts 2 × 12.34 + 3 × 9.99.
    expect(res.body).toMatchObject({ ...body, active: true, priceCents: 21_000 + 2_468 + 2_997 });
    expect((await publicList({ category: 'brakes' })).map((s) => s.id)).toContain(res.body.id);
  });

  it('refuses a code already taken with 409', async () => {
    const first = await createService(w);
    const res = await call(w, catalog.createService, w.admin, newService({ code: first.code }));
    expect([res.status, res.code]).toEqual([409, 'CONFLICT']);
    expect(await servicesWithCode(w, first.code)).toBe(1);
  });

  it('refuses part SKUs inventory does not know, naming each, and stores nothing', async () => {
    const known = await createPart(w, 500);
    const body = newService({
      parts: [
        { partSku: known.sku, quantity: 1 },
        { partSku: 'NO-SUCH-PART-1', quantity: 1 },
        { partSku: 'NO-SUCH-PART-2', quantity: 4 },
      ],
    });
    const res = await call(w, catalog.createService, w.admin, body);
    expect([res.status, res.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(res.details).toEqual([
      { field: 'parts.1.partSku', message: 'no such part' },
      { field: 'parts.2.partSku', message: 'no such part' },
    ]);
    expect(await servicesWithCode(w, body.code)).toBe(0);
  });

  const parts51 = Array.from({ length: 51 }, (_, i) => ({ partSku: `P-${i}`, quantity: 1 }));
  it.each([
    ['100.01 labour hours', { laborHours: 100.01 }],
    ['10^12 labour hours', { laborHours: 1e12 }],
    ['negative labour hours', { laborHours: -1 }],
    ['labour hours with 3 decimals', { laborHours: 1.234 }],
    ['labour hours as a string', { laborHours: '1.5' }],
    ['a zero duration', { durationMinutes: 0 }],
    ['a 10^9 minute duration', { durationMinutes: 1e9 }],
    ['a negative duration', { durationMinutes: -30 }],
    ['a fractional duration', { durationMinutes: 2.5 }],
    ['a zero quantity', { parts: [{ partSku: 'OIL-5W30-1L', quantity: 0 }] }],
    ['a negative quantity', { parts: [{ partSku: 'OIL-5W30-1L', quantity: -1 }] }],
    ['a million of a part', { parts: [{ partSku: 'OIL-5W30-1L', quantity: 1e6 }] }],
    [
      'the same part twice',
      {
        parts: [
          { partSku: 'BULB-H7', quantity: 1 },
          { partSku: 'BULB-H7', quantity: 2 },
        ],
      },
    ],
    ['51 part lines', { parts: parts51 }],
    ['a lower-case SKU', { parts: [{ partSku: 'bulb-h7', quantity: 1 }] }],
    ['an extra field in a part line', { parts: [{ partSku: 'BULB-H7', quantity: 1, unitPriceCents: 0 }] }],
    ['a lower-case code', { code: 'oil-change' }],
    ['a one-letter code', { code: 'A' }],
    ['an empty name', { name: '   ' }],
    ['a NUL byte in the name', { name: 'Oil\u0000change' }],
    ['a NUL byte in the description', { description: 'A\u0000B' }],
    ['a 61-character category', { category: 'c'.repeat(61) }],
    ['a 2,001-character description', { description: 'd'.repeat(2001) }],
    ['a price of its own', { priceCents: 1 }],
    ['an id of its own', { id: randomUUID() }],
    ['an unknown field', { discount: 50 }],
  ])('answers 400 for %s and stores nothing', async (_label, bad) => {
    const body = newService(bad);
    const res = await call(w, catalog.createService, w.admin, body);
    expect([res.status, res.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await servicesWithCode(w, body.code)).toBe(0);
  });
});

describe('catalog.services.update (PATCH /api/service-catalog/:id)', () => {
  const patch = (id: string, body: Record<string, unknown>, who: Principal | null = w.admin) =>
    call(w, catalog.updateService, who, { ...body, id });

  it('only admins change services', async () => {
    const service = await createService(w);
    for (const who of [null, w.customer, w.staff]) {
      expect((await patch(service.id, { name: 'Hacked' }, who)).status).toBe(who ? 403 : 401);
    }
    expect(await get(service.id)).toEqual(service);
  });

  it('changes only the fields given, and the price follows the labour and parts', async () => {
    const part = await createPart(w, 2_000);
    const service = await createService(w, { laborHours: 1, category: 'Engine' });
    const res = await patch(service.id, { laborHours: 2.5, parts: [{ partSku: part.sku, quantity: 3 }] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ...service,
      laborHours: 2.5,
      parts: [{ partSku: part.sku, quantity: 3 }],
      priceCents: 2.5 * DEFAULT_RATE + 6_000,
    });
  });

  it('refuses a code another service has (409), an unknown id (404), a garbage id or value (400); nothing changes', async () => {
    const [one, other] = [await createService(w), await createService(w)];
    expect((await patch(one.id, { code: other.code })).status).toBe(409);
    expect((await patch(randomUUID(), { name: 'Ghost' })).status).toBe(404);
    expect((await patch('not-a-uuid', { name: 'Ghost' })).status).toBe(400);
    expect((await patch(one.id, { laborHours: -2 })).status).toBe(400);
    expect((await patch(one.id, { durationMinutes: 99_999 })).status).toBe(400);
    expect((await patch(one.id, { priceCents: 1, name: 'Cheap' })).status).toBe(400);
    expect((await patch(one.id, { name: 'Nul\u0000led' })).status).toBe(400);
    const unknownPart = await patch(one.id, { parts: [{ partSku: 'NO-SUCH-PART-9', quantity: 1 }] });
    expect(unknownPart.status).toBe(400);
    expect(unknownPart.details).toEqual([{ field: 'parts.0.partSku', message: 'no such part' }]);
    expect(await get(one.id)).toEqual(one);
  });

  it('withdrawing a service hides it from the public list, bringing it back shows it again', async () => {
    const service = await createService(w);
    const publicIds = async () => (await publicList()).map((s) => s.id);
    expect(await publicIds()).toContain(service.id);
    await ok(w, catalog.updateService, w.admin, { id: service.id, active: false });
    expect(await publicIds()).not.toContain(service.id);
    await ok(w, catalog.updateService, w.admin, { id: service.id, active: true });
    expect(await publicIds()).toContain(service.id);
  });
});
