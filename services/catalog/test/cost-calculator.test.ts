import { randomUUID } from 'node:crypto';
import { DEMO_BRANCH_IDS, catalog, type CostEstimate, type Principal, type ServiceOffering } from '@garage/shared';
import { call, expectNoLeaks, ok } from '../../../test/support/service-tier.js';
import { createBranch, createPart, createService, startCatalogAlone, type CatalogWorld } from './catalog-kit.js';

let w: CatalogWorld;
const quote = (payload: unknown, who: Principal | null = null) => call(w, catalog.calculateCost, who, payload);

// A branch at 123.45 an hour and 8.875 % tax, two parts and two services whose numbers are worked out by hand.
let branchId: string;
let a: ServiceOffering; // 1.25 h, 2 × P1 + 3 × P2
let b: ServiceOffering; // 0.5 h, 1 × P1

beforeAll(async () => {
  w = await startCatalogAlone();
  branchId = (await createBranch(w, 12_345, 8.875)).id;
  const [p1, p2] = [await createPart(w, 1_523), await createPart(w, 1_009)];
  a = await createService(w, {
    laborHours: 1.25,
    parts: [
      { partSku: p1.sku, quantity: 2 },
      { partSku: p2.sku, quantity: 3 },
    ],
  });
  b = await createService(w, { laborHours: 0.5, parts: [{ partSku: p1.sku, quantity: 1 }] });
});

afterAll(async () => {
  await w?.close();
});

expectNoLeaks(() => w);

describe('catalog.cost.calculate (POST /api/cost-calculator)', () => {
  it('prices services at a branch to the cent, rounding each half cent up, for anyone', async () => {
    const expected: CostEstimate = {
      lines: [
        // 1.25 × 123.45 = 154.3125 → 154.31; parts 2 × 15.23 + 3 × 10.09 = 60.73
        { serviceId: a.id, name: a.name, laborCents: 15_431, partsCents: 6_073, totalCents: 21_504 },
        // 0.5 × 123.45 = 61.725 → 61.73 (half up); parts 15.23
        { serviceId: b.id, name: b.name, laborCents: 6_173, partsCents: 1_523, totalCents: 7_696 },
      ],
      laborCents: 21_604,
      partsCents: 7_596,
      subtotalCents: 29_200,
      taxCents: 2_592, // 292.00 × 8.875 % = 25.915 → 25.92 (half up)
      totalCents: 31_792,
      currency: 'USD',
    };
    for (const who of [null, w.customer, w.staff, w.admin]) {
      const res = await quote({ branchId, serviceIds: [a.id, b.id] }, who);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expected);
    }
    const withVehicle = await quote({ branchId, serviceIds: [a.id, b.id], vehicleId: randomUUID() });
    expect(withVehicle.body).toEqual(expected);
  });

  it('keeps the lines in the order asked', async () => {
    const res = await quote({ branchId, serviceIds: [b.id, a.id] });
    expect(res.body.lines.map((l) => l.serviceId)).toEqual([b.id, a.id]);
    expect(res.body.totalCents).toBe(31_792);
  });

  it('stays exact where binary floats are not (20.9 h × 123.45)', async () => {
    const long = await createService(w, { laborHours: 20.9 });
    const res = await quote({ branchId, serviceIds: [long.id] });
    // 258,010.5 exactly; 20.9 * 12345 in floats is 258010.49999999997 and would round down.
    expect(res.body).toMatchObject({ laborCents: 258_011, partsCents: 0, taxCents: 22_898, totalCents: 280_909 });
  });

  it("prices the demo catalog at a demo branch from inventory's part prices", async () => {
    const list = await ok(w, catalog.listServices, null, { limit: '100' });
    const oil = list.items.find((s) => s.code === 'OIL-FILTER');
    if (!oil) throw new Error('demo service OIL-FILTER missing');
    const price = (sku: string) => w.fakeInventory!.priceOf(sku) ?? NaN;
    const parts = 5 * price('OIL-10W40-1L') + price('FLT-OIL-STD') + price('PLUG-DRAIN-WASHER');
    const res = await quote({ branchId: DEMO_BRANCH_IDS.harbor, serviceIds: [oil.id] });
    const labor = 7_250; // 0.5 h × 145.00
    const tax = Math.floor(((labor + parts) * 8_875 + 50_000) / 100_000); // 8.875 %, half up, in integers
    expect(res.body).toMatchObject({
      laborCents: labor,
      partsCents: parts,
      taxCents: tax,
      totalCents: labor + parts + tax,
    });

    const twenty = list.items.slice(0, 20).map((s) => s.id);
    expect(twenty).toHaveLength(20);
    const all = await quote({ branchId: DEMO_BRANCH_IDS.downtown, serviceIds: twenty });
    expect(all.status).toBe(200);
    expect(all.body.lines).toHaveLength(20);
  });

  it('answers 404 naming the branch for an unknown or closed branch, whoever asks', async () => {
    const unknown = await quote({ branchId: randomUUID(), serviceIds: [a.id] });
    expect(unknown.status).toBe(404);
    expect(unknown.details).toEqual([{ field: 'branchId', message: 'no such branch' }]);
    const closed = await createBranch(w, 10_000, 5);
    await ok(w, catalog.updateBranch, w.admin, { id: closed.id, active: false });
    for (const who of [null, w.customer, w.admin]) {
      expect((await quote({ branchId: closed.id, serviceIds: [a.id] }, who)).status).toBe(404);
    }
  });

  it('answers 404 naming each unknown or withdrawn service by its index', async () => {
    const withdrawn = await createService(w);
    await ok(w, catalog.updateService, w.admin, { id: withdrawn.id, active: false });
    const res = await quote({ branchId, serviceIds: [a.id, randomUUID(), withdrawn.id] }, w.admin);
    expect(res.status).toBe(404);
    expect(res.details).toEqual([
      { field: 'serviceIds.1', message: 'no such service' },
      { field: 'serviceIds.2', message: 'no such service' },
    ]);
  });

  it.each([
    ['no services', () => ({ branchId, serviceIds: [] })],
    ['the same service twice', () => ({ branchId, serviceIds: [a.id, a.id] })],
    ['21 services', () => ({ branchId, serviceIds: Array.from({ length: 21 }, () => randomUUID()) })],
    ['a garbage service id', () => ({ branchId, serviceIds: ['oil-change'] })],
    ['a service id with a NUL byte', () => ({ branchId, serviceIds: [`${a.id}\u0000`] })],
    ['service ids as a string', () => ({ branchId, serviceIds: a.id })],
    ['a garbage branch id', () => ({ branchId: '1', serviceIds: [a.id] })],
    ['no branch', () => ({ serviceIds: [a.id] })],
    ['a garbage vehicle id', () => ({ branchId, serviceIds: [a.id], vehicleId: 'ABC123' })],
    ['an unknown field', () => ({ branchId, serviceIds: [a.id], discountPercent: 100 })],
    ['a body that is not an object', () => [branchId, a.id]],
  ])('answers 400 for %s', async (_label, body) => {
    const res = await quote(body());
    expect(res.status).toBe(400);
    expect(res.code).toBe('VALIDATION_FAILED');
  });
});

describe('catalog.quote (internal, what a booking freezes)', () => {
  it('gives the same estimate as the calculator, the total duration and each part once with its total quantity', async () => {
    const answer = await ok(w, catalog.quote, null, { branchId, serviceIds: [a.id, b.id] });
    const estimate = await quote({ branchId, serviceIds: [a.id, b.id] });
    expect(answer.estimate).toEqual(estimate.body);
    expect(answer.durationMinutes).toBe(a.durationMinutes + b.durationMinutes);
    const [p1, p2] = [a.parts[0]!.partSku, a.parts[1]!.partSku];
    expect(answer.parts).toEqual(
      expect.arrayContaining([
        { partSku: p1, quantity: 3 },
        { partSku: p2, quantity: 3 },
      ]),
    );
    expect(answer.parts).toHaveLength(2);
    const unknown = await call(w, catalog.quote, null, { branchId, serviceIds: [randomUUID()] });
    expect(unknown.code).toBe('NOT_FOUND');
  });
});
