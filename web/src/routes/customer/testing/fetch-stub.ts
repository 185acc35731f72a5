// Component tests only (the unit tier): the API answered by a stub instead of the gateway. Import
// this FIRST in a test file: the API client keeps the `fetch` it finds when its module loads.

export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

type Handler = (call: Call) => Response | undefined;
let handler: Handler = () => undefined;
export const calls: Call[] = [];

/** Sets how the stubbed API answers; an unhandled call gets 404. */
export function answerWith(next: Handler): void {
  handler = next;
  calls.length = 0;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** The API's error shape (API.md). */
export function problem(status: number, message: string, details?: { field?: string; message: string }[]): Response {
  return json(status, {
    statusCode: status,
    error: 'Error',
    message,
    requestId: 'test',
    ...(details ? { details } : {}),
  });
}

// openapi-fetch builds a Request from a path of this site: resolve it as a browser would.
const BaseRequest = globalThis.Request;
globalThis.Request = class extends BaseRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' && input.startsWith('/') ? `http://localhost${input}` : input, init);
  }
} as typeof Request;

globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const request = input instanceof Request ? input : new Request(input, init);
  const url = new URL(request.url);
  const text = await request.text();
  const call: Call = {
    method: request.method,
    path: url.pathname,
    query: url.searchParams,
    headers: request.headers,
    body: text ? JSON.parse(text) : undefined,
  };
  calls.push(call);
  return handler(call) ?? problem(404, 'Not found.');
};
