import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import pg from 'pg';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { DEMO_BRANCH_IDS, connectNats } from '@garage/shared';
import { startSystem, type TestSystem } from '../support/system.js';
import { freshIp, http, loginCustomer, loginStaff, type HttpResult } from '../support/http.js';
import { testEnv } from '../support/test-env.js';
import { dropDatabase, migratedDatabase } from '../support/databases.js';
import { OpenApiConformance, type OpenApiDocument } from '../support/openapi-conformance.js';
import {
  CALLERS,
  requestsFor,
  routesOf,
  type Caller,
  type FuzzDocument,
  type FuzzRequest,
  type FuzzRoute,
} from '../support/fuzz-requests.js';
import { errorShapeProblems, replyProblems } from '../support/fuzz-checks.js';
import { countChanges, eventsSettled, rowCounts, serviceTables, type RowCounts } from '../support/row-counts.js';
import type { Known } from '../support/fuzz-values.js';

// Issue 11 §8: every route of the OpenAPI document the gateway serves, fuzzed with hostile paths,
// queries, headers and bodies, as a customer, staff, an admin and nobody. Properties: never a 5xx;
// an error always in API.md's shape (and a status and body the document lists); a refused request
// changes nothing (the row count of every table of every service's schema is the same after it).
//
// `npm test` runs a fixed seed and a few requests per route; `npm run fuzz` (FUZZ=long) runs many
// with a random seed. FUZZ_SEED, FUZZ_RUNS (per route) and FUZZ_ONLY (operation ids, comma-separated)
// reproduce or narrow a run; a failure prints the command that replays it.

const LONG = process.env.FUZZ === 'long';
const RUNS = Number(process.env.FUZZ_RUNS || (LONG ? 200 : 4));
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : LONG ? randomBytes(4).readInt32LE() : 1101;
const ONLY = process.env.FUZZ_ONLY?.split(',').filter(Boolean);
/** Per route, shrinking included: a failure is reported with the smallest request found by then. */
const ROUTE_TIME_LIMIT_MS = LONG ? 180_000 : 10_000;
/** Enough failing routes to go on with: the report comes before Jest's timeout. */
const MAX_FAILING_ROUTES = LONG ? 20 : 5;

/** A route's own seed, from the run's and its operation id: the same with FUZZ_ONLY as without. */
function routeSeed(operationId: string): number {
  let hash = 0x811c9dc5;
  for (const ch of operationId) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193);
  return (SEED ^ hash) | 0;
}

const databaseUrl = (() => {
  const url = new URL(testEnv().DATABASE_URL);
  url.pathname += '_fuzz';
  return url.toString();
})();
let sys: TestSystem;
let api: OpenApiConformance;
let routes: FuzzRoute[];
let db: pg.Pool;
let nc: NatsConnection;
let jsm: JetStreamManager;
let tables: string[];
let counts: RowCounts;
let known: Known;
const tokens: Partial<Record<Caller, string>> = {};
const staffName = `fuzz-staff-${randomBytes(3).toString('hex')}`;
const STAFF_PASSWORD = 'Fuzz-Staff-Pass1';

/** Signs a caller in (again, after a fuzzed request logged it out or changed its account). */
async function signIn(caller: Caller): Promise<void> {
  if (caller === 'admin') tokens.admin = await loginStaff(sys.url, 'admin', 'admin123');
  if (caller === 'staff') tokens.staff = await loginStaff(sys.url, staffName, STAFF_PASSWORD);
  if (caller === 'customer') tokens.customer = await loginCustomer(sys.url, 'john.smith@email.com', 'customer123');
}

/** Unique values a list shows, by the body fields that take them (`partSku` names a part's `sku`). */
const UNIQUE_FIELDS: Record<string, Record<string, string[]>> = {
  branches: { name: ['name'] },
  parts: { sku: ['sku', 'partSku'] },
  services: { code: ['code'] },
  customers: { email: ['email'] },
  users: { username: ['username'] },
  vehicles: { vin: ['vin'], plate: ['plate'] },
};

/** What exists, for paths, id fields and unique fields; never the fuzzer's own accounts. */
async function knownRows(own: Set<string>): Promise<Known> {
  const lists: Record<string, string> = {
    branches: '/api/branches?includeInactive=true&limit=100',
    services: '/api/service-catalog?includeInactive=true&limit=100',
    parts: '/api/parts?limit=100',
    vehicles: '/api/vehicles?limit=100',
    technicians: '/api/technicians?includeInactive=true&limit=100',
    bookings: '/api/bookings?limit=100',
    customers: '/api/customers?limit=100',
    users: '/api/users?limit=100',
  };
  const ids: Record<string, string[]> = {};
  const values: Record<string, string[]> = {};
  for (const [kind, path] of Object.entries(lists)) {
    const res = await http<{ items: Array<Record<string, unknown>> }>(sys.url, 'GET', path, { token: tokens.admin });
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.text}`);
    const items = res.body.items.filter((item) => !own.has(String(item.id)));
    ids[kind] = [...new Set(items.map((item) => String(item.id)))];
    for (const [column, fields] of Object.entries(UNIQUE_FIELDS[kind] ?? {})) {
      const seen = [...new Set(items.map((item) => item[column]).filter((v): v is string => typeof v === 'string'))];
      for (const field of fields) values[field] = seen;
    }
  }
  return { ids, values };
}

beforeAll(async () => {
  // A database of the suite's own: the same demo data at every start (a seed replays the same run),
  // and no rows left by earlier suites for the purge jobs to delete while the counts are watched.
  await migratedDatabase(databaseUrl);
  const env = { DATABASE_URL: databaseUrl };
  sys = await startSystem({ auth: env, catalog: env, inventory: env, bookings: env });
  const served = await http<OpenApiDocument & FuzzDocument>(sys.url, 'GET', '/api/docs/openapi.json');
  expect(served.status).toBe(200);
  api = new OpenApiConformance(served.body);
  routes = routesOf(served.body).filter((r) => !ONLY || ONLY.includes(r.operationId));
  db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  nc = await connectNats(testEnv().NATS_URL, 'fuzz-test');
  jsm = await jetstreamManager(nc);

  await signIn('admin');
  const staff = await http(sys.url, 'POST', '/api/users', {
    token: tokens.admin,
    body: { username: staffName, password: STAFF_PASSWORD, role: 'staff', branchIds: [DEMO_BRANCH_IDS.downtown] },
  });
  expect(staff.status).toBe(201);
  await signIn('staff');
  await signIn('customer');
  const own = new Set<string>();
  for (const caller of ['admin', 'staff', 'customer'] as const) {
    const me = await http<{ user?: { id: string }; customer?: { id: string } }>(sys.url, 'GET', '/api/me', {
      token: tokens[caller],
    });
    const id = me.body.user?.id ?? me.body.customer?.id;
    if (!id) throw new Error(`GET /api/me as ${caller}: ${me.text}`);
    own.add(id);
  }
  known = await knownRows(own);
  tables = await serviceTables(db);
  await eventsSettled(db, jsm, tables);
  counts = await rowCounts(db, tables);
}, 60_000);

afterAll(async () => {
  await nc?.drain();
  await db?.end();
  await sys?.close();
  await dropDatabase(databaseUrl);
});

/** Sends a fuzzed request with its caller's session; a connection that fails is a reply of status 0. */
async function send(route: FuzzRoute, req: FuzzRequest): Promise<HttpResult<unknown>> {
  const headers = { ...req.headers };
  const token = tokens[req.caller];
  if (token && req.via === 'bearer') headers.authorization ??= `Bearer ${token}`;
  if (token && req.via === 'cookie') headers.cookie = `session=${token}`;
  try {
    const res = await fetch(`${sys.url}${req.url}`, {
      method: route.method,
      headers,
      body: req.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    return { status: res.status, headers: res.headers, body, text };
  } catch (err) {
    return { status: 0, headers: new Headers(), body: null, text: `no answer: ${(err as Error).message}` };
  }
}

/** What the run saw, to prove it went past the front door. */
const seen = {
  requests: 0,
  statuses: new Map<number, number>(),
  callers: new Set<Caller>(),
  routes: new Set<string>(),
};

/** The properties of one reply (a reply of status 0 is a connection that failed). */
function problemsOf(route: FuzzRoute, req: FuzzRequest, res: HttpResult<unknown>): string[] {
  seen.requests++;
  seen.statuses.set(res.status, (seen.statuses.get(res.status) ?? 0) + 1);
  seen.callers.add(req.caller);
  seen.routes.add(route.operationId);
  if (res.status === 0) return [res.text];
  return replyProblems(api, {
    method: route.method,
    url: req.url,
    needsSession: route.needsSession,
    anonymous: req.caller === 'anonymous',
    res,
  });
}

const SIGN_INS = new Set(['auth.login', 'auth.customer-login']);

/** One request (or two at once) and every property of its replies; row counts may move only on a success. */
async function exercise(route: FuzzRoute, req: FuzzRequest): Promise<string[]> {
  const replies = await Promise.all(req.twice ? [send(route, req), send(route, req)] : [send(route, req)]);
  const problems = replies.flatMap((res) => problemsOf(route, req, res));
  const ok = replies.some((res) => res.status >= 200 && res.status < 300);
  if (ok && route.method !== 'GET') {
    // A success may change things and set off events, and may have ended a session (logout).
    await eventsSettled(db, jsm, tables);
    for (const caller of CALLERS) {
      const token = tokens[caller];
      if (token && (await http(sys.url, 'GET', '/api/me', { token })).status === 401) await signIn(caller);
    }
  }
  const after = await rowCounts(db, tables);
  if (!ok) {
    // The one write a refusal makes on purpose: a refused sign-in is an audit log entry (README "The audit log").
    const changed = countChanges(counts, after).filter(
      (c) => !(SIGN_INS.has(route.operationId) && c.startsWith('auth.audit_entries:')),
    );
    const statuses = replies.map((res) => res.status).join(' and ');
    if (changed.length) problems.push(`refused with ${statuses}, yet rows changed: ${changed.join('; ')}`);
  }
  counts = after;
  return problems;
}

/** A readable counterexample: the request as sent, long strings cut. */
function show(req: FuzzRequest): string {
  const cut = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s);
  const body = req.body instanceof Uint8Array ? `bytes ${Buffer.from(req.body).toString('hex')}` : req.body;
  return JSON.stringify({ ...req, url: cut(req.url), body: body === undefined ? undefined : cut(body) }, null, 1);
}

describe('the fuzz properties', () => {
  const reply = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResult<unknown> => ({
    status,
    headers: new Headers({ 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'r-1', ...headers }),
    body,
    text: JSON.stringify(body),
  });
  const error = { statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED', message: 'no', requestId: 'r-1' };

  it('accept API.md error bodies and find everything else', () => {
    expect(errorShapeProblems(reply(400, error))).toEqual([]);
    expect(errorShapeProblems(reply(400, { ...error, details: [{ field: 'a', message: 'b' }] }))).toEqual([]);
    expect(errorShapeProblems(reply(400, { error: { code: 'X', message: 'nested' } }))).not.toEqual([]);
    expect(errorShapeProblems(reply(404, error))).toEqual([
      expect.stringMatching(/statusCode 400 ≠ HTTP 404/),
      expect.stringMatching(/error "Bad Request"/),
    ]);
    expect(errorShapeProblems(reply(400, { ...error, requestId: 'other' }))).toEqual([
      expect.stringMatching(/requestId/),
    ]);
    expect(errorShapeProblems(reply(400, { ...error, stack: 'at x.js:1' }))).toEqual([expect.stringMatching(/stack/)]);
    expect(errorShapeProblems(reply(400, 'Bad Request', { 'content-type': 'text/plain' }))).toHaveLength(2);
  });

  it('fail a 5xx, a leak, an undocumented status and a success without a session', () => {
    const branch = `/api/branches/${DEMO_BRANCH_IDS.downtown}`;
    const check = (method: string, url: string, res: HttpResult<unknown>, needs = false) =>
      replyProblems(api, { method, url, res, needsSession: needs, anonymous: true });
    expect(
      check('GET', branch, reply(500, { ...error, statusCode: 500, error: 'Internal Server Error' })),
    ).toContainEqual(expect.stringMatching(/^500: a server error/));
    expect(check('GET', branch, reply(400, { ...error, message: 'duplicate key value' }))).toContainEqual(
      expect.stringMatching(/leaks/),
    );
    expect(check('GET', branch, reply(418, { ...error, statusCode: 418, error: 'Error' }))).toContainEqual(
      expect.stringMatching(/status 418 is not documented/),
    );
    expect(check('GET', '/api/users', reply(200, { items: [], nextCursor: null }), true)).toContainEqual(
      expect.stringMatching(/without a session/),
    );
  });

  it('see a row that a request added', async () => {
    const before = await rowCounts(db, tables);
    const res = await http(sys.url, 'POST', '/api/customer-register', {
      body: {
        email: `fuzz-${randomBytes(4).toString('hex')}@example.com`,
        password: 'Fuzz-Customer-1',
        firstName: 'F',
        lastName: 'Z',
      },
      ip: freshIp(),
    });
    expect(res.status).toBe(201);
    expect(countChanges(before, await rowCounts(db, tables))).toEqual([
      expect.stringMatching(/^auth\.customers: (\d+) → /),
    ]);
    counts = await rowCounts(db, tables);
  });
});

describe('every route of the OpenAPI document, fuzzed', () => {
  it(
    `answers hostile requests from anyone without a 5xx, in the error shape, changing nothing when it refuses (seed ${SEED}, ${RUNS} per route)`,
    async () => {
      const failures: string[] = [];
      for (const route of routes) {
        if (failures.length >= MAX_FAILING_ROUTES) break;
        const details = await fc.check(
          fc.asyncProperty(requestsFor(route, known), async (req) => {
            const problems = await exercise(route, req);
            if (problems.length) throw new Error(problems.join('\n'));
          }),
          { numRuns: RUNS, seed: routeSeed(route.operationId), interruptAfterTimeLimit: ROUTE_TIME_LIMIT_MS },
        );
        if (!details.failed) continue;
        const example = details.counterexample?.[0];
        failures.push(
          [
            `${route.method} ${route.template} (${route.operationId}), after ${details.numRuns} requests:`,
            `  ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`,
            `  request: ${example ? show(example) : '?'}`,
            `  replay: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} FUZZ_ONLY=${route.operationId} npm run fuzz`,
          ].join('\n'),
        );
      }
      if (LONG || failures.length) {
        const statuses = [...seen.statuses]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}×${n}`)
          .join(' ');
        console.log(`fuzz: seed ${SEED}, ${seen.requests} requests over ${seen.routes.size} routes; ${statuses}`);
      }
      expect(failures).toEqual([]);
      // A run that never got past the front door proves little: every route, every caller, and
      // replies from each layer (validation, sessions, roles, lookups, successes).
      expect([...seen.routes].sort()).toEqual(routes.map((r) => r.operationId).sort());
      expect(routes.length).toBeGreaterThan(ONLY ? 0 : 40);
      expect([...seen.callers].sort()).toEqual([...CALLERS].sort());
      if (!ONLY)
        for (const status of [200, 400, 401, 403, 404]) expect(seen.statuses.get(status) ?? 0).toBeGreaterThan(0);
    },
    LONG ? 6 * 3600_000 : 120_000,
  );
});
