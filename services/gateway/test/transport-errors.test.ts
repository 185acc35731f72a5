import { connect } from 'node:net';
import { startGatewayForTest } from '../../../test/support/system.js';
import type { RunningGateway } from '../src/gateway.app.js';

// What the router and Node refuse before any route runs is answered like everything else: API.md's
// error body with the request id, and the security headers (found by the route fuzzer, issue 11 §8).
// The gateway alone: none of these reaches a service.

let gateway: RunningGateway;

beforeAll(async () => {
  gateway = await startGatewayForTest();
});

afterAll(async () => {
  await gateway?.close();
});

interface RawReply {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** Writes bytes to the gateway as they are and reads the one answer (the gateway closes the connection after it). */
function rawRequest(text: string): Promise<RawReply> {
  const { hostname, port } = new URL(gateway.url);
  return new Promise((done, fail) => {
    const socket = connect(Number(port), hostname, () => socket.write(text));
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('error', fail);
    socket.on('close', () => {
      const [head = '', body = ''] = received.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      );
      done({ status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(body || 'null') });
    });
  });
}

const send = (method: string, path: string, extra = '') =>
  rawRequest(`${method} ${path} HTTP/1.1\r\nHost: x\r\n${extra}Content-Length: 0\r\nConnection: close\r\n\r\n`);

function expectApiError(reply: RawReply, status: number, code: string): void {
  expect(reply.status).toBe(status);
  expect(reply.headers['content-type']).toMatch(/^application\/json/);
  expect(reply.headers['x-frame-options']).toBe('DENY');
  expect(reply.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  expect(reply.body).toEqual({
    statusCode: status,
    error: expect.any(String),
    code,
    message: expect.any(String),
    requestId: reply.headers['x-request-id'],
  });
}

it('a malformed % escape in a path parameter: 400 in the error shape, the URL not echoed', async () => {
  const reply = await send('POST', '/api/bookings/%E0%A4%A/cancel', 'X-Request-Id: bad-url-1\r\n');
  expectApiError(reply, 400, 'VALIDATION_FAILED');
  expect(reply.headers['x-request-id']).toBe('bad-url-1');
  expect(JSON.stringify(reply.body)).not.toContain('/api/bookings');
});

it('a path parameter longer than the router takes: 400 in the error shape', async () => {
  const reply = await send('POST', `/api/parts/${'A'.repeat(300)}/transfer`);
  expectApiError(reply, 400, 'VALIDATION_FAILED');
  expect(reply.body.message).toBe('A path segment is too long');
});

it('a URL and headers over 16 KiB: 431 in the error shape', async () => {
  const reply = await send('GET', `/api/branches?q=${'A'.repeat(17 * 1024)}`);
  expectApiError(reply, 431, 'REQUEST_HEADERS_TOO_LARGE');
  expect(reply.body.error).toBe('Request Header Fields Too Large');
  expect(reply.headers.connection).toBe('close');
});

it('bytes that are not HTTP: 400 in the error shape', async () => {
  const reply = await rawRequest('HELLO THERE\r\n\r\n');
  expectApiError(reply, 400, 'VALIDATION_FAILED');
});
