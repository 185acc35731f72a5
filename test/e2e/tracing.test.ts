import { randomBytes, randomUUID } from 'node:crypto';
import type { Availability, Booking, RunningService } from '@garage/shared';
import type { RunningAuthService } from '../../services/auth/src/auth.app.js';
import { http, loginStaff } from '../support/http.js';
import { openBranchAndCustomer, type Journey } from '../support/journey.js';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver.js';
import { freePort, spawnChild, waitForOk, type Child } from '../support/processes.js';
import { forgetEarlierEvents, startAuth, startCatalog } from '../support/system.js';
import { testEnv } from '../support/test-env.js';
import { EVENT_WAIT_MS, untilValue } from '../support/waits.js';

// The gateway, bookings and inventory run as processes of their own, with tracing on and exporting
// to a receiver this test runs (the real OTLP/HTTP exporter path), their debug logs collected.
// Auth and catalog run in this process with tracing off: a trace passes by what does not trace.
jest.setTimeout(120_000);

const SPAN_KIND = { server: 2, client: 3, producer: 4, consumer: 5 } as const;

// Secrets in the configuration of every process (Postgres here trusts local connections, so any
// password works): no output of any process may show them.
const SECRET_KEY = randomBytes(32).toString('hex');
const DB_PASSWORD = `Pw${randomBytes(12).toString('hex')}`;
const secretsEnv = () => {
  const db = new URL(testEnv().DATABASE_URL);
  db.password = DB_PASSWORD;
  return { SECRET_KEY, DATABASE_URL: db.toString() };
};

let receiver: OtlpReceiver;
let auth: RunningAuthService;
let catalog: RunningService;
const children: Record<string, Child> = {};
let url: string;

async function spawnService(name: string, env: Record<string, string>): Promise<Child> {
  const healthPort = await freePort();
  const child = spawnChild(process.execPath, [`services/${name}/dist/main.js`], {
    env: testEnv({
      HEALTH_PORT: String(healthPort),
      MIGRATE_ON_START: 'false',
      DEMO_DATA: 'true',
      LOG_LEVEL: 'debug',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      ...secretsEnv(),
      ...env,
    }),
  });
  children[name] = child;
  await waitForOk(`http://127.0.0.1:${healthPort}/health/ready`, child, 60_000);
  return child;
}

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  await forgetEarlierEvents();
  auth = await startAuth(secretsEnv());
  catalog = await startCatalog(secretsEnv());
  await Promise.all([spawnService('inventory', {}), spawnService('bookings', {})]);
  const port = await freePort();
  await spawnService('gateway', {
    PORT: String(port),
    HOST: '127.0.0.1',
    TRUSTED_PROXIES: '127.0.0.1,::1',
    HEALTH_CACHE_MS: '0',
    THROTTLE_ANON_PER_MINUTE: '100000',
    THROTTLE_ACCOUNT_PER_MINUTE: '100000',
    WEB_APP: 'false',
  });
  url = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await Promise.all(Object.values(children).map((c) => c.stop()));
  await Promise.all([auth?.close(), catalog?.close()]);
  await receiver?.close();
});

/** The JSON log lines a process wrote (its other output, if any, left out). */
function logLines(child: Child): Record<string, unknown>[] {
  return child
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Waits until the receiver holds a span matching `match`, and returns it. */
async function spanWhere(what: string, match: (s: ReceivedSpan) => boolean): Promise<ReceivedSpan> {
  const found = await untilValue(
    what,
    () => receiver.spans.find(match),
    (s) => s !== undefined,
    { timeoutMs: EVENT_WAIT_MS, detail: () => receiver.spans.map((s) => `${s.service} ${s.name}`).join(', ') },
  );
  return found!;
}

async function book(j: Journey, requestId: string): Promise<Booking> {
  const date = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const slots = await http<Availability>(
    url,
    'GET',
    `/api/availability?branchId=${j.branch.id}&serviceIds=${j.service.id}&date=${date}`,
  );
  expect(slots.status).toBe(200);
  const booked = await http<Booking>(url, 'POST', '/api/bookings', {
    token: j.customer,
    headers: { 'idempotency-key': randomUUID(), 'x-request-id': requestId },
    body: {
      branchId: j.branch.id,
      vehicleId: j.vehicle.id,
      serviceIds: [j.service.id],
      startsAt: slots.body.slots[0].startsAt,
    },
  });
  expect(booked.status).toBe(201);
  return booked.body;
}

it('follows one booking from its HTTP request through the RPC, the event and inventory, in spans and logs', async () => {
  const admin = await loginStaff(url, 'admin', 'admin123');
  const j = await openBranchAndCustomer(url, admin);
  const requestId = `trace-${randomUUID()}`;
  await book(j, requestId);

  const request = await spanWhere('the gateway span of the booking request', (s) => {
    return s.service === 'gateway' && s.attributes['garage.request_id'] === requestId;
  });
  expect(request).toMatchObject({ name: 'POST /api/bookings', kind: SPAN_KIND.server, parentSpanId: '' });
  const traceId = request.traceId;
  expect(traceId).toMatch(/^[0-9a-f]{32}$/);
  const inTrace = (service: string, name: string) => (s: ReceivedSpan) =>
    s.traceId === traceId && s.service === service && s.name === name;

  const rpcOut = await spanWhere('the gateway RPC span', inTrace('gateway', 'bookings.create'));
  const rpcIn = await spanWhere('the bookings RPC span', inTrace('bookings', 'bookings.create'));
  const published = await spanWhere('the publish span', inTrace('bookings', 'publish booking.created'));
  const handled = await spanWhere('inventory handling the event', inTrace('inventory', 'handle booking.created'));
  expect(rpcOut).toMatchObject({ kind: SPAN_KIND.client, parentSpanId: request.spanId });
  expect(rpcIn).toMatchObject({ kind: SPAN_KIND.server, parentSpanId: rpcOut.spanId });
  expect(published.kind).toBe(SPAN_KIND.producer);
  expect(handled).toMatchObject({ kind: SPAN_KIND.consumer, parentSpanId: published.spanId });
  // The publish continues the transaction that wrote the event: a child of the bookings RPC's work.
  const writer = receiver.spans.find((s) => s.spanId === published.parentSpanId);
  expect(writer).toMatchObject({ service: 'bookings', traceId });
  // SQL in both services, each query a child span in the same trace (its text, never its values).
  const bookingsSql = await spanWhere('a bookings INSERT', (s) => inTrace('bookings', 'INSERT')(s));
  const inventorySql = await spanWhere('an inventory query while handling', (s) => {
    return s.traceId === traceId && s.service === 'inventory' && s.attributes['db.system.name'] === 'postgresql';
  });
  expect(String(bookingsSql.attributes['db.query.text'])).toMatch(/^\s*INSERT INTO bookings\./);
  expect(inventorySql.kind).toBe(SPAN_KIND.client);

  // The logs of that work carry the same trace id: the gateway's request line, inventory's handling.
  const access = await untilValue(
    'the gateway request log line',
    () => logLines(children.gateway).find((l) => l.requestId === requestId),
    (l) => l !== undefined,
  );
  expect(access).toMatchObject({ service: 'gateway', traceId, route: '/api/bookings', status: 201 });
  const answered = await untilValue(
    "bookings' log line of its answer",
    () => logLines(children.bookings).find((l) => l.msg === 'answered' && l.requestId === requestId),
    (l) => l !== undefined,
  );
  expect(answered).toMatchObject({ service: 'bookings', pattern: 'bookings.create', outcome: 'ok', traceId });
  const handling = await untilValue(
    "inventory's log line for the event",
    () => logLines(children.inventory).find((l) => l.msg === 'event handled' && l.traceId === traceId),
    (l) => l !== undefined,
    { timeoutMs: EVENT_WAIT_MS },
  );
  expect(handling).toMatchObject({ service: 'inventory', type: 'booking.created' });
});

it("continues a client's traceparent and ignores a malformed one", async () => {
  const parentTrace = randomBytes(16).toString('hex');
  const parentSpan = randomBytes(8).toString('hex');
  const continued = await http(url, 'GET', '/api/health', {
    headers: { traceparent: `00-${parentTrace}-${parentSpan}-01`, 'x-request-id': 'traced-continued' },
  });
  expect(continued.status).toBe(200);
  const span = await spanWhere(
    'the continued request span',
    (s) => s.attributes['garage.request_id'] === 'traced-continued',
  );
  expect(span).toMatchObject({ service: 'gateway', traceId: parentTrace, parentSpanId: parentSpan });
  // The trace goes on into the services the health check asks.
  await spanWhere(
    'a service answering inside the client trace',
    (s) => s.traceId === parentTrace && s.service === 'bookings',
  );

  for (const [i, bad] of ['garbage', `00-${'0'.repeat(32)}-${parentSpan}-01`, `00-${parentTrace}-zz-01`].entries()) {
    const requestId = `traced-malformed-${i}`;
    const res = await http(url, 'GET', '/api/health', { headers: { traceparent: bad, 'x-request-id': requestId } });
    expect(res.status).toBe(200);
    const fresh = await spanWhere(`the span of a request with traceparent ${bad}`, (s) => {
      return s.attributes['garage.request_id'] === requestId;
    });
    expect(fresh.parentSpanId).toBe('');
    expect(fresh.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(fresh.traceId).not.toBe(parentTrace);
  }
});

it('shows no secret of its configuration in any output, debug lines and shutdown included', async () => {
  const outputs = Object.entries(children);
  await Promise.all(outputs.map(([, c]) => c.stop()));
  for (const [name, child] of outputs) {
    expect({ name, logged: logLines(child).length > 1 }).toEqual({ name, logged: true });
    for (const secret of [SECRET_KEY, DB_PASSWORD])
      expect({ name, leaks: child.output().includes(secret) }).toEqual({ name, leaks: false });
  }
});
