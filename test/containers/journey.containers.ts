import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { loginStaff } from '../support/http.js';
import { bookFirstFreeSlot, bookingOf, completeBooking, openBranchAndCustomer, stockOf } from '../support/journey.js';
import { untilValue } from '../support/waits.js';

/**
 * Run by `npm run test:containers` (scripts/containers/test.sh) against the compose system it
 * started: everything through nginx over TLS, as a customer and the chain's staff would.
 */
const run = promisify(execFile);
const base = process.env.GARAGE_BASE_URL!;
const inventoryContainer = process.env.GARAGE_INVENTORY_CONTAINER!;
let admin: string;

beforeAll(async () => {
  if (!base) throw new Error('run through npm run test:containers');
  admin = await loginStaff(base, process.env.GARAGE_ADMIN_USERNAME!, process.env.GARAGE_ADMIN_PASSWORD!);
});

describe('the compose deployment, through nginx over TLS', () => {
  it('plain HTTP is redirected to HTTPS; /metrics is not reachable; /health is', async () => {
    const http = await fetch(`${process.env.GARAGE_HTTP_URL}/api/branches`, { redirect: 'manual' });
    expect(http.status).toBe(301);
    expect(http.headers.get('location')).toMatch(/^https:\/\//);
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
  });

  it("nginx serves the web app: / and a deep link are its HTML under the strict CSP; its script loads, cached and gzip'd", async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).toMatch(/style-src 'self';/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    const html = await page.text();
    expect(html).toContain('<div id="root">');
    const script = /<script type="module"[^>]* src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    // A deep link is the same page (the browser's router takes the path).
    const deep = await fetch(`${base}/book`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toBe(html);

    const asset = await fetch(`${base}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/^application\/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect((await asset.text()).length).toBeGreaterThan(1000);
    // A missing asset is a 404, and the API keeps its own 404 (the gateway serves no files here).
    expect((await fetch(`${base}/assets/index-00000000.js`)).status).toBe(404);
    const unknown = await fetch(`${base}/api/nope`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('a customer registers, adds a car and books; parts are reserved; staff complete it; stock is consumed', async () => {
    const journey = await openBranchAndCustomer(base, admin);
    const booking = await bookFirstFreeSlot(base, journey);
    await untilValue(
      'the booking to show its parts reserved',
      () => bookingOf(base, admin, booking.id),
      (b) => b.partsStatus === 'reserved',
      { timeoutMs: 60_000 },
    );
    expect(await stockOf(base, admin, journey)).toMatchObject({ onHand: 5, reserved: 2 });
    expect((await completeBooking(base, admin, booking.id)).status).toBe('completed');
    const after = await untilValue(
      'the parts to leave the shelf',
      () => stockOf(base, admin, journey),
      (s) => s.onHand === 3,
      { timeoutMs: 60_000 },
    );
    expect(after).toMatchObject({ onHand: 3, reserved: 0 });
  });

  it('with inventory killed a booking still succeeds, and its parts are reserved once inventory is back', async () => {
    const journey = await openBranchAndCustomer(base, admin);
    await run('podman', ['kill', inventoryContainer]);
    try {
      const booking = await bookFirstFreeSlot(base, journey);
      expect(booking.status).toBe('requested');
      expect((await bookingOf(base, admin, booking.id)).partsStatus).not.toBe('reserved');
      await run('podman', ['start', inventoryContainer]);
      await untilValue(
        'the booking to show its parts reserved once inventory is back',
        () => bookingOf(base, admin, booking.id),
        (b) => b.partsStatus === 'reserved',
        { timeoutMs: 120_000 },
      );
      expect(await stockOf(base, admin, journey)).toMatchObject({ onHand: 5, reserved: 2 });
    } finally {
      await run('podman', ['start', inventoryContainer]).catch(() => undefined);
    }
  });
});
