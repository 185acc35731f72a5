import { randomUUID } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import {
  DEMO_BRANCH_IDS,
  catalog,
  createLogger,
  eventSubject,
  inventory,
  newEvent,
  type DomainEvent,
} from '@garage/shared';
import { startCatalog, startInventory } from '../../../test/support/system.js';
import { call, ok } from '../../../test/support/service-tier.js';
import { testEnv } from '../../../test/support/test-env.js';
import { until } from '../../../test/support/waits.js';
import { InventoryPricesClient } from '../src/part-prices/inventory-prices.client.js';
import { PartPriceChangedConsumer } from '../src/part-prices/part-price-changed.consumer.js';
import { PartPriceRefresher } from '../src/part-prices/part-price-refresher.js';
import { PartPricesRepository } from '../src/part-prices/part-prices.repository.js';
import {
  createPart,
  createService,
  newService,
  servicesWithCode,
  startWithInventory,
  type CatalogAndInventory,
} from './catalog-kit.js';

// The flows between the catalog and the real inventory service: inventory's prices reach the
// catalog's cache through events and requests, and the catalog keeps working while inventory is away.
let w: CatalogAndInventory;

beforeAll(async () => {
  w = await startWithInventory();
});

afterAll(async () => {
  await w?.close();
});

async function cached(sku: string): Promise<{ unit_price_cents: string; price_version: string } | undefined> {
  const res = await w.db.query('SELECT unit_price_cents, price_version FROM catalog.part_prices WHERE sku = $1', [sku]);
  return res.rows[0];
}

const getService = (id: string) => call(w, catalog.getService, null, { id });
const quote = (serviceIds: string[]) =>
  call(w, catalog.calculateCost, null, { branchId: DEMO_BRANCH_IDS.downtown, serviceIds });
const listServices = () => call(w, catalog.listServices, null, { limit: '100' });

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = Date.now();
  return [await work(), Date.now() - start];
}

describe('part prices kept close at hand', () => {
  // End to end: inventory's outbox → its relay → JetStream → catalog's durable consumer → the cache.
  it("a new price set in inventory reaches the catalog's prices within seconds", async () => {
    const part = await createPart(w, 1_000);
    const service = await createService(w, { laborHours: 1, parts: [{ partSku: part.sku, quantity: 2 }] });
    expect(service.priceCents).toBe(12_000 + 2_000);
    const patched = await call(w, inventory.updatePart, w.admin, { id: part.id, unitPriceCents: 1_500 });
    expect(patched.status).toBe(200);
    await until('the new part price in the service price', async () => {
      return (await getService(service.id)).body?.priceCents === 12_000 + 3_000;
    });
    expect((await quote([service.id])).body.partsCents).toBe(3_000);
  });

  it('a part.price_changed event on the stream reaches the cache through the durable consumer', async () => {
    const part = await createPart(w, 1_000);
    const service = await createService(w, { laborHours: 0, parts: [{ partSku: part.sku, quantity: 1 }] });
    // Published as inventory's outbox relay does: on the event's subject, its id as Nats-Msg-Id.
    const event = newEvent('part.price_changed', {
      partId: part.id,
      sku: part.sku,
      unitPriceCents: 2_345,
      priceVersion: 1_000,
    });
    await jetstream(w.nc).publish(eventSubject(testEnv().NATS_PREFIX, event.type), JSON.stringify(event), {
      msgID: event.id,
    });
    await until('the price from the event in the service price', async () => {
      return (await getService(service.id)).body?.priceCents === 2_345;
    });
  });

  it('the newest price wins whatever order the news comes in; a replay or a malformed event changes nothing', async () => {
    const part = await createPart(w, 1_000);
    await createService(w, { parts: [{ partSku: part.sku, quantity: 1 }] }); // caches the part's price
    const consumer = w.service.app.get(PartPriceChangedConsumer);
    const priceChanged = (priceVersion: number, unitPriceCents: number, sku = part.sku): DomainEvent => ({
      id: randomUUID(),
      type: 'part.price_changed',
      occurredAt: new Date().toISOString(),
      data: { partId: part.id, sku, unitPriceCents, priceVersion },
    });
    await consumer.apply(priceChanged(100, 3_000));
    await consumer.apply(priceChanged(99, 2_000)); // older news arriving late
    await consumer.apply(priceChanged(100, 2_500)); // the same version again
    await consumer.apply(priceChanged(101, 4_000, 'not a sku'));
    await consumer.apply({ ...priceChanged(102, 5_000), data: { sku: part.sku } });
    expect(await cached(part.sku)).toEqual({ unit_price_cents: '3000', price_version: '100' });
  });
});

describe('the refresh at start', () => {
  it('pages through every price inventory has into the cache', async () => {
    await createPart(w, 1_111);
    // Forgets every price inventory has. Only those: the catalog's suites on the service tier priced
    // parts of a FakeInventory that no inventory will answer for again, and their services stay listed.
    await w.db.query('DELETE FROM catalog.part_prices WHERE sku IN (SELECT sku FROM inventory.parts)');
    const app = w.service.app;
    const refresher = new PartPriceRefresher(
      app.get(InventoryPricesClient),
      app.get(PartPricesRepository),
      createLogger('catalog-test', 'silent'),
      { pageSize: 7 },
    );
    const parts = (await w.db.query<{ n: number }>('SELECT count(*)::int AS n FROM inventory.parts')).rows[0].n;
    expect(parts).toBeGreaterThan(7 * 3);
    expect(await refresher.refreshAll()).toBe(parts);
    const match = await w.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM catalog.part_prices c
       JOIN inventory.parts p ON p.sku = c.sku AND p.unit_price_cents = c.unit_price_cents AND p.id = c.part_id`,
    );
    expect(match.rows[0].n).toBe(parts);
  });
});

describe('inventory stopped', () => {
  afterEach(async () => {
    // Whatever a test did, the next one finds inventory running again.
    if ((await call(w, inventory.listParts, w.admin, {})).status === 503) w.inventory = await startInventory();
  });

  it('the list and the calculator answer from the cache; adding parts to a service gets a fast 503', async () => {
    const part = await createPart(w, 700);
    const service = await createService(w, { laborHours: 1, parts: [{ partSku: part.sku, quantity: 3 }] });
    const list = (await listServices()).body;
    const estimate = (await quote([service.id])).body;
    await w.inventory.close();

    expect((await listServices()).body).toEqual(list);
    expect((await quote([service.id])).body).toEqual(estimate);
    expect((await getService(service.id)).body.priceCents).toBe(12_000 + 2_100);

    const body = newService({ parts: [{ partSku: part.sku, quantity: 1 }] });
    const [created, ms] = await timed(() => call(w, catalog.createService, w.admin, body));
    expect([created.status, created.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect(ms).toBeLessThan(1_000);
    expect(await servicesWithCode(w, body.code)).toBe(0);
    const reparted = await call(w, catalog.updateService, w.admin, {
      id: service.id,
      parts: [{ partSku: part.sku, quantity: 1 }],
    });
    expect(reparted.status).toBe(503);
    // Renaming or withdrawing needs no part, so it works while inventory is away.
    const renamed = await call(w, catalog.updateService, w.admin, {
      id: service.id,
      name: 'Renamed while inventory was away',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ parts: [{ partSku: part.sku, quantity: 3 }], priceCents: 14_100 });
  });

  it('a price the cache lacks is asked for once inventory is back (503 until then)', async () => {
    const part = await createPart(w, 321);
    const service = await createService(w, { laborHours: 0, parts: [{ partSku: part.sku, quantity: 1 }] });
    await w.inventory.close();
    await w.db.query('DELETE FROM catalog.part_prices WHERE sku = $1', [part.sku]);
    expect((await getService(service.id)).status).toBe(503);
    expect((await quote([service.id])).status).toBe(503);

    w.inventory = await startInventory();
    expect((await ok(w, catalog.getService, null, { id: service.id })).priceCents).toBe(321);
    expect(await cached(part.sku)).toMatchObject({ unit_price_cents: '321' });
  });

  it('the catalog starts without inventory, and refreshes every price once inventory is back', async () => {
    const part = await createPart(w, 4_321);
    const service = await createService(w, { laborHours: 0.5, parts: [{ partSku: 'BULB-H7', quantity: 1 }] });
    await w.inventory.close();
    await w.db.query('DELETE FROM catalog.part_prices WHERE sku = $1', [part.sku]);
    await w.service.close();
    const [restarted, ms] = await timed(() => startCatalog());
    w.service = restarted;
    expect(ms).toBeLessThan(3_000);
    expect((await getService(service.id)).status).toBe(200);

    w.inventory = await startInventory();
    // No request asks for that part: only the background refresh can bring its price back.
    await until('the background refresh to cache the price', async () => (await cached(part.sku)) !== undefined);
    expect(await cached(part.sku)).toMatchObject({ unit_price_cents: '4321' });
  });
});
