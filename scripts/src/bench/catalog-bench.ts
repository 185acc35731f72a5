/**
 * Product-only endpoints of the catalog and inventory. There is no hand-written floor for them, so
 * they are measured on the product alone, the same way as the compared endpoints (warm-up, rounds,
 * drains, CPU per request), with demo ids picked from the API at run time.
 */
import { catalog, inventory } from '@garage/shared';
import { PROCESSES } from './comparison.js';
import type { Target } from './load.js';
import { micros, ms, rps, runLine, table, type SystemSummary } from './report.js';
import { INFRASTRUCTURE, LOAD_GENERATOR, OTHER, call, summarizeRuns, type Runner } from './runner.js';
import type { BenchSettings } from './settings.js';

/** Services priced per cost-calculator request. */
const SERVICES_PRICED = 3;
/** Available stock the adjusted part gets (a delivery) before its load, far above what ±1 can take away. */
const STOCK_HEADROOM = 1000;

export interface ProductOnlyEndpoint {
  name: string;
  method: 'GET' | 'POST';
  /** The route as printed (`:id` and `…` where demo ids go). */
  path: string;
  /** What each request carries, in words (the ids it was run with). */
  request: string;
  target: Target;
}

export interface ProductOnlyReport {
  name: string;
  method: string;
  path: string;
  request: string;
  connections: number;
  product: SystemSummary;
  /** Responses of every measured round by status code. */
  statusCodes: Record<string, number>;
  /** 409 responses (for the stock adjust: it reached the floor of zero stock), counted apart. */
  conflicts: number;
}

/** Demo data the product-only endpoints are called with, found through the API. */
export interface DemoIds {
  branch: { id: string; name: string };
  services: { id: string; code: string }[];
  part: { id: string; sku: string; available: number };
}

interface Parsed<T> {
  success: boolean;
  data?: T;
  error?: { message: string };
}

/** GETs a URL and checks the answer against the route's contract. */
async function fetchAs<T>(
  contract: { response: { safeParse(value: unknown): Parsed<T> } },
  url: string,
  token?: string,
): Promise<T> {
  const headers = token ? { authorization: `Bearer ${token}` } : undefined;
  const parsed = contract.response.safeParse(JSON.parse(await call({ url, method: 'GET', headers })));
  if (!parsed.success || parsed.data === undefined) {
    throw new Error(`GET ${url} answered outside its contract: ${parsed.error?.message.slice(0, 300)}`);
  }
  return parsed.data;
}

/** A route's path from its contract, with `:id` filled in if given. */
function pathOf(contract: { http?: { path: string } }, id?: string): string {
  if (!contract.http) throw new Error('a contract without an HTTP route');
  return id === undefined ? contract.http.path : contract.http.path.replace(':id', id);
}

const adjustBody = (branchId: string, delta: number, kind: 'adjust' | 'receive', reason: string) =>
  JSON.stringify({ branchId, delta, reason, kind });

/**
 * The first active branch, up to three active services priced at it (those with parts first, so the
 * calculator prices parts too), and the part with the most stock there; tops that stock up to
 * STOCK_HEADROOM + connections so the ±1 adjust load can never reach zero (409).
 */
export async function pickDemoIds(base: string, token: string, connections: number): Promise<DemoIds> {
  const branches = await fetchAs(catalog.listBranches, `${base}${pathOf(catalog.listBranches)}`);
  const branch = branches.items.find((b) => b.active);
  if (!branch) throw new Error('GET /api/branches lists no active branch (is the demo data loaded?)');

  const listed = await fetchAs(
    catalog.listServices,
    `${base}${pathOf(catalog.listServices)}?branchId=${branch.id}&limit=100`,
  );
  const active = listed.items.filter((svc) => svc.active);
  const services = [...active.filter((svc) => svc.parts.length), ...active.filter((svc) => !svc.parts.length)].slice(
    0,
    SERVICES_PRICED,
  );
  if (!services.length) throw new Error(`GET /api/service-catalog lists no active service at ${branch.name}`);
  if (services.length < SERVICES_PRICED) {
    console.warn(`⚠ only ${services.length} active service(s) to price; the cost calculator gets fewer`);
  }

  const parts = await fetchAs(
    inventory.listParts,
    `${base}${pathOf(inventory.listParts)}?branchId=${branch.id}&limit=100`,
    token,
  );
  const part = parts.items.reduce<(typeof parts.items)[number] | undefined>(
    (best, p) => (best === undefined || p.available > best.available ? p : best),
    undefined,
  );
  if (!part) throw new Error(`GET /api/parts?branchId= lists no part stocked at ${branch.name}`);
  let available = part.available;
  const wanted = STOCK_HEADROOM + connections;
  if (available < wanted) {
    const stocked = JSON.parse(
      await call({
        url: `${base}${pathOf(inventory.adjustStock, part.id)}`,
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: adjustBody(branch.id, wanted - available, 'receive', 'bench: stock headroom'),
      }),
    ) as { available: number };
    available = stocked.available;
  }
  const ids: DemoIds = {
    branch: { id: branch.id, name: branch.name },
    services: services.map((svc) => ({ id: svc.id, code: svc.code })),
    part: { id: part.id, sku: part.sku, available },
  };
  console.log(
    `Product-only endpoints use branch "${ids.branch.name}" (${ids.branch.id}), services ` +
      `${ids.services.map((svc) => svc.code).join(', ')}, part ${ids.part.sku} (${ids.part.id}; ${available} available).`,
  );
  return ids;
}

/** The catalog's and the inventory's endpoints, as their load targets. */
export function productOnlyEndpoints(base: string, token: string, ids: DemoIds): ProductOnlyEndpoint[] {
  const servicesPath = pathOf(catalog.listServices);
  const costPath = pathOf(catalog.calculateCost);
  const json = { 'content-type': 'application/json' };
  const admin = { ...json, authorization: `Bearer ${token}` };
  const adjust = (delta: number) => adjustBody(ids.branch.id, delta, 'adjust', 'bench: ±1 adjust');
  return [
    {
      name: 'service-catalog',
      method: 'GET',
      path: servicesPath,
      request: 'anonymous, first page (default limit)',
      target: { url: `${base}${servicesPath}`, method: 'GET' },
    },
    {
      name: 'branches',
      method: 'GET',
      path: pathOf(catalog.listBranches),
      request: 'anonymous, first page (default limit)',
      target: { url: `${base}${pathOf(catalog.listBranches)}`, method: 'GET' },
    },
    {
      name: 'service-catalog-branch',
      method: 'GET',
      path: `${servicesPath}?branchId=…`,
      request: `anonymous, priced at branch ${ids.branch.id}`,
      target: { url: `${base}${servicesPath}?branchId=${ids.branch.id}`, method: 'GET' },
    },
    {
      name: 'cost-calculator',
      method: 'POST',
      path: costPath,
      request: `anonymous, branch ${ids.branch.id}, services ${ids.services.map((svc) => svc.code).join(', ')}`,
      target: {
        url: `${base}${costPath}`,
        method: 'POST',
        headers: json,
        body: JSON.stringify({ branchId: ids.branch.id, serviceIds: ids.services.map((svc) => svc.id) }),
      },
    },
    {
      name: 'stock-adjust',
      method: 'POST',
      path: pathOf(inventory.adjustStock),
      request: `admin, part ${ids.part.sku} at branch ${ids.branch.id}, each connection +1 then −1 (kind 'adjust')`,
      target: {
        url: `${base}${pathOf(inventory.adjustStock, ids.part.id)}`,
        method: 'POST',
        headers: admin,
        body: adjust(1),
        alternate: [adjust(1), adjust(-1)],
      },
    },
  ];
}

/** Checks that every target answers 2xx once before any load, so a broken route fails in seconds. */
export async function checkProductOnly(list: ProductOnlyEndpoint[]): Promise<void> {
  for (const e of list) await call(e.target);
}

/** Rounds of one product-only endpoint: warm-up before the first, drains between. */
export async function benchProductOnly(runner: Runner, e: ProductOnlyEndpoint): Promise<ProductOnlyReport> {
  const { s } = runner;
  console.log(`\n${e.method} ${e.path} (${s.connections} connections; product only, no floor)`);
  const runs = [];
  for (let round = 0; round < s.rounds; round++) {
    const warmup = round === 0 ? s.warmupSeconds : 0;
    const m = await runner.measure(e.target, s.connections, warmup, s.seconds);
    const label = `product round ${round + 1}`;
    console.log(runLine(label, m.result, [...PROCESSES.product, LOAD_GENERATOR, INFRASTRUCTURE, OTHER]));
    runner.flagDisturbance(label, m.result);
    runs.push(m);
  }
  const statusCodes: Record<string, number> = {};
  for (const m of runs) {
    for (const [code, count] of Object.entries(m.result.statusCodes))
      statusCodes[code] = (statusCodes[code] ?? 0) + count;
  }
  return {
    name: e.name,
    method: e.method,
    path: e.path,
    request: e.request,
    connections: s.connections,
    product: summarizeRuns(runs, PROCESSES.product),
    statusCodes,
    conflicts: statusCodes['409'] ?? 0,
  };
}

/** "3× 500, 2× error/timeout": the failed requests of a report by status code. */
function describeFailures(r: ProductOnlyReport): string {
  const codes = Object.entries(r.statusCodes).filter(([code]) => !code.startsWith('2'));
  const other = r.product.failed - codes.reduce((n, [, count]) => n + count, 0);
  const parts = codes.map(([code, count]) => `${count}× ${code}`);
  if (other > 0) parts.push(`${other}× error/timeout`);
  return parts.join(', ');
}

/** The product-only tables: throughput and latency, then CPU per request of each product process. */
export function formatProductOnly(reports: ProductOnlyReport[]): string {
  if (!reports.length) return '';
  const disturbed = (r: ProductOnlyReport) => (r.product.rounds.some((run) => run.disturbed) ? ' *' : '');
  const out = [
    `Product only: catalog and inventory (NO floor to compare with; ${reports[0].connections} connections, ` +
      `${reports[0].product.rounds.length} round(s), req/s averaged, percentiles over every measured request)`,
    '',
    table(
      ['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx/failed', '409'],
      reports.map((r) => [
        `${r.method} ${r.path}${disturbed(r)}`,
        rps(r.product.reqPerSec),
        ms(r.product.p50),
        ms(r.product.p99),
        String(r.product.failed),
        String(r.conflicts),
      ]),
    ),
  ];
  const failures = reports.filter((r) => r.product.failed).map((r) => `${r.path}: ${describeFailures(r)}`);
  if (failures.length) out.push('', `⚠ non-2xx or failed requests: ${failures.join('; ')}`);
  if (reports.some((r) => Object.keys(r.product.cpuMicrosPerRequest).length)) {
    const names = [...PROCESSES.product, INFRASTRUCTURE, LOAD_GENERATOR, 'machine'];
    out.push(
      '',
      'CPU per request, product only (µs per 2xx response)',
      '',
      table(
        ['endpoint', ...names],
        reports.map((r) => [`${r.method} ${r.path}`, ...names.map((n) => micros(r.product.cpuMicrosPerRequest[n]))]),
      ),
    );
  }
  if (reports.some((r) => disturbed(r))) out.push('', '* other work on the machine kept cores busy during these runs');
  return out.join('\n');
}

/** Seconds of load the product-only endpoints add (start-up and settling come on top). */
export function productOnlySeconds(s: BenchSettings): number {
  return 5 * (s.warmupSeconds + s.rounds * s.seconds);
}
