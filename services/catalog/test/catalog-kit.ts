import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DEMO_BRANCH_IDS, type Branch, type Part, type ServiceOffering } from '@garage/shared';
import { startSystem, type TestSystem } from '../../../test/support/system.js';
import { http, loginCustomer, loginStaff } from '../../../test/support/http.js';
import { testEnv } from '../../../test/support/test-env.js';

/** The whole system, everyone a catalog test talks as, and a direct line to the test database. */
export interface CatalogWorld {
  sys: TestSystem;
  url: string;
  admin: string;
  staff: string;
  customer: string;
  db: pg.Pool;
  close(): Promise<void>;
}

const STAFF_PASSWORD = 'Service-Desk-2026';

/** Starts the system and signs in an admin, a staff member and a customer. */
export async function startWorld(gateway: Record<string, string> = {}): Promise<CatalogWorld> {
  const sys = await startSystem({ gateway });
  const url = sys.url;
  const admin = await loginStaff(url, 'admin', 'admin123');
  const username = `cat-staff-${randomUUID().slice(0, 8)}`;
  const created = await http(url, 'POST', '/api/users', {
    token: admin,
    body: { username, password: STAFF_PASSWORD, role: 'staff', branchIds: [DEMO_BRANCH_IDS.downtown] },
  });
  if (created.status !== 201) throw new Error(`creating staff failed: ${created.status} ${created.text}`);
  const db = new pg.Pool({ connectionString: testEnv().DATABASE_URL, max: 2 });
  return {
    sys,
    url,
    admin,
    staff: await loginStaff(url, username, STAFF_PASSWORD),
    customer: await loginCustomer(url, 'john.smith@email.com', 'customer123'),
    db,
    async close() {
      await db.end();
      await sys.close();
    },
  };
}

/** A code, SKU or name no other test uses. */
export function fresh(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;
}

async function created<T>(w: CatalogWorld, path: string, body: Record<string, unknown>): Promise<T> {
  const res = await http<T>(w.url, 'POST', path, { token: w.admin, body });
  if (res.status !== 201) throw new Error(`POST ${path} failed: ${res.status} ${res.text}`);
  return res.body;
}

/** A part of the test's own, through inventory's API, so its price is what the test says. */
export function createPart(w: CatalogWorld, unitPriceCents: number): Promise<Part> {
  return created<Part>(w, '/api/parts', { sku: fresh('CT'), name: 'Catalog test part', unitPriceCents });
}

const ALL_DAY = { open: '08:00', close: '18:00' };

/** A branch of the test's own with the given rates. */
export function createBranch(w: CatalogWorld, laborRateCents: number, taxRatePercent: number): Promise<Branch> {
  return created<Branch>(w, '/api/branches', {
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
  return created<ServiceOffering>(w, '/api/service-catalog', newService(extra));
}

/** How many services have this code, straight from the database. */
export async function servicesWithCode(w: CatalogWorld, code: unknown): Promise<number> {
  const res = await w.db.query<{ n: number }>('SELECT count(*)::int AS n FROM catalog.services WHERE code = $1', [
    String(code),
  ]);
  return res.rows[0].n;
}

/** An http() that keeps every response's text, so a test file can check at its end that none leaked. */
export function recordingHttp() {
  const seen: string[] = [];
  const call = async <T = Record<string, unknown>>(...args: Parameters<typeof http>) => {
    const res = await http<T>(...args);
    seen.push(res.text);
    return res;
  };
  return { call, seen };
}
