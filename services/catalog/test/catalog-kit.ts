import { randomUUID } from 'node:crypto';
import {
  catalog,
  inventory,
  type Branch,
  type Part,
  type Principal,
  type RunningService,
  type ServiceOffering,
} from '@garage/shared';
import { forgetEarlierEvents, startCatalog, startInventory } from '../../../test/support/system.js';
import { ok, openLine, principal, startAlone, type ServiceLine } from '../../../test/support/service-tier.js';
import { testEnv } from '../../../test/support/test-env.js';
import { FakeInventory } from './fake-inventory.js';

/** The catalog service, a NATS line to it (as the gateway talks), the test database, and who a test talks as. */
export interface CatalogWorld extends ServiceLine {
  /** The running catalog; a test may restart it by assigning a new one. */
  service: RunningService;
  /** Present when the catalog runs alone: inventory's part prices come from here. */
  fakeInventory: FakeInventory | null;
  admin: Principal;
  /** Staff of a branch of their own (the catalog lets staff see what the public does not). */
  staff: Principal;
  customer: Principal;
}

/** The catalog with the real inventory service beside it, for the flows between the two. */
export interface CatalogAndInventory extends CatalogWorld {
  /** The running inventory; a test may stop it and assign a new one (close() stops the one running then). */
  inventory: RunningService;
}

const people = () => ({
  admin: principal('admin'),
  staff: principal('staff', [randomUUID()]),
  customer: principal('customer'),
});

/**
 * The service tier: the catalog alone on the real servers (demo branches and services loaded), its
 * part prices answered by a FakeInventory. For suites about the catalog's own rules.
 */
export async function startCatalogAlone(): Promise<CatalogWorld> {
  const world = await startAlone(
    'catalog-test',
    (line) => new FakeInventory(line.nc, testEnv().NATS_PREFIX),
    () => startCatalog(),
  );
  return Object.assign(world, { fakeInventory: world.fakes, ...people() });
}

/**
 * The catalog and the real inventory (whose prices it caches and whose events it reads), both with
 * their demo data, for the flows between them (part-prices.test.ts).
 */
export async function startWithInventory(): Promise<CatalogAndInventory> {
  await forgetEarlierEvents();
  const line = await openLine('catalog-test');
  const world: CatalogAndInventory = {
    ...line,
    inventory: await startInventory(),
    service: await startCatalog(),
    fakeInventory: null,
    ...people(),
    async close() {
      await Promise.all([world.service.close(), world.inventory.close()]);
      await line.close();
    },
  };
  return world;
}

/** A code, SKU or name no other test uses. */
export function fresh(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;
}

export type TestPart = Pick<Part, 'id' | 'sku' | 'unitPriceCents'>;

/** A part of the test's own at this price: in the fake when the catalog runs alone, else through inventory. */
export async function createPart(w: CatalogWorld, unitPriceCents: number): Promise<TestPart> {
  if (!w.fakeInventory) {
    return ok(w, inventory.createPart, w.admin, { sku: fresh('CT'), name: 'Catalog test part', unitPriceCents });
  }
  const { partId, sku } = w.fakeInventory.addPart(unitPriceCents);
  return { id: partId, sku, unitPriceCents };
}

const ALL_DAY = { open: '08:00', close: '18:00' };

/** A branch of the test's own with the given rates. */
export function createBranch(w: CatalogWorld, laborRateCents: number, taxRatePercent: number): Promise<Branch> {
  return ok(w, catalog.createBranch, w.admin, {
    name: fresh('Test Branch'),
    address: '7 Quote Street, Springfield',
    timezone: 'America/Chicago',
    openingHours: {
      monday: ALL_DAY,
      tuesday: ALL_DAY,
      wednesday: ALL_DAY,
      thursday: ALL_DAY,
      friday: ALL_DAY,
      saturday: null,
      sunday: null,
    },
    bays: 2,
    laborRateCents,
    taxRatePercent,
  });
}

/** The body of a valid new service; `extra` overrides fields. */
export function newService(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: fresh('T'),
    name: fresh('Test service'),
    description: 'Made by a test',
    category: 'Testing',
    durationMinutes: 30,
    laborHours: 0.5,
    parts: [],
    ...extra,
  };
}

export function createService(w: CatalogWorld, extra: Record<string, unknown> = {}): Promise<ServiceOffering> {
  return ok(w, catalog.createService, w.admin, newService(extra));
}

/** How many services have this code, straight from the database. */
export async function servicesWithCode(w: ServiceLine, code: unknown): Promise<number> {
  const res = await w.db.query<{ n: number }>('SELECT count(*)::int AS n FROM catalog.services WHERE code = $1', [
    String(code),
  ]);
  return res.rows[0].n;
}
