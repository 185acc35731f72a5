import fc from 'fast-check';
import {
  headerValue,
  hostileJson,
  hostileString,
  objectJson,
  percentEncode,
  queryValue,
  uuidFor,
  type Known,
  type JsonSchema,
} from './fuzz-values.js';

/**
 * The route fuzzer's requests, generated from the OpenAPI document the gateway serves: a new
 * route is fuzzed as soon as its contract is in the document. Each request names who sends it
 * and how; the runner (test/e2e/fuzz.test.ts) adds that caller's session.
 */

export const CALLERS = ['anonymous', 'customer', 'staff', 'admin'] as const;
export type Caller = (typeof CALLERS)[number];

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface Operation {
  operationId: string;
  parameters?: Parameter[];
  security?: unknown[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

export interface FuzzDocument {
  paths: Record<string, Record<string, Operation>>;
}

/** One operation of the document, as the fuzzer needs it. */
export interface FuzzRoute {
  operationId: string;
  method: string;
  /** The OpenAPI path, `{id}` for parameters. */
  template: string;
  parameters: Parameter[];
  body?: JsonSchema;
  /** The document lists a security scheme: the route needs a session. */
  needsSession: boolean;
}

/** A request as generated: printed as it is when a property fails. */
export interface FuzzRequest {
  caller: Caller;
  /** How the caller's session travels: the `Authorization` header or the `session` cookie. */
  via: 'bearer' | 'cookie';
  /** Path and query string, already encoded. */
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** Sent twice at once, as a client retrying too early does: races on unique rows and keys. */
  twice: boolean;
}

/** Every operation of the document, in its order. */
export function routesOf(document: FuzzDocument): FuzzRoute[] {
  return Object.entries(document.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      operationId: op.operationId,
      method: method.toUpperCase(),
      template,
      parameters: op.parameters ?? [],
      body: op.requestBody?.content['application/json']?.schema,
      needsSession: (op.security ?? []).length > 0,
    })),
  );
}

/** The id pool a path parameter draws from: `/api/parts/{id}` names `parts`. */
function pathKind(template: string, param: string): string {
  const before = template.split(`/{${param}}`)[0]!.split('/').pop() ?? '';
  return before === 'service-catalog' ? 'services' : before;
}

/** A path segment: a UUID (real or not) or anything at all, percent-encoded or malformed. */
function pathSegment(known: Known, kind: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: uuidFor(known, kind) },
    {
      weight: 2,
      // `.` and `..` would be resolved away by the URL before it is sent.
      arbitrary: hostileString.filter((s) => s !== '' && s !== '.' && s !== '..').map(percentEncode),
    },
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '%00', '%C0%AF', '%2e%2e%2f', 'a;b=c', '%u0041') },
  );
}

/** The value one time in `oneIn`, else null. */
function rarely<T>(arbitrary: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });
}

/** Query names that try a parser's corners: prototype keys, brackets, repeats. */
const oddQueryName = fc.constantFrom(
  '__proto__',
  'constructor',
  '__proto__[role]',
  'constructor[prototype][x]',
  'a[b][c]',
  'limit[]',
  '',
  'x'.repeat(300),
);

/** The query string: documented parameters (valid or not), repeats, strangers and malformed escapes. */
function queryOf(route: FuzzRoute, known: Known): fc.Arbitrary<string> {
  const documented = route.parameters
    .filter((p) => p.in === 'query')
    .map((p) =>
      fc.record({
        present: p.required ? fc.integer({ min: 0, max: 19 }).map((n) => n > 0) : fc.boolean(),
        value: queryValue(p.schema ?? {}, { known, field: p.name }),
        repeat: rarely(hostileString, 20),
        name: fc.constant(p.name),
      }),
    );
  const strangers = fc.array(fc.tuple(fc.oneof(oddQueryName, fc.string({ maxLength: 10 })), hostileString), {
    maxLength: 2,
  });
  const malformed = fc.oneof(
    { weight: 12, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.constantFrom('&%', '&=&=', '&a=%zz', '&a=%E0%A4%A', '&&&', '&a=1;b=2') },
  );
  return fc
    .record({ params: fc.tuple(...documented), strangers: rarely(strangers, 8), malformed })
    .map(({ params, strangers: extra, malformed: tail }) => {
      const pairs: Array<[string, string]> = [];
      for (const p of params) {
        if (!p.present) continue;
        pairs.push([p.name, p.value]);
        if (p.repeat !== null) pairs.push([p.name, p.repeat]);
      }
      pairs.push(...(extra ?? []));
      const text = pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&') + tail;
      return text ? `?${text}` : '';
    });
}

/** Text that is not quite JSON, or JSON a body should never be. */
const MALFORMED_BODIES = [
  '',
  '{',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '{"a":1}{"b":2}',
  '[1,2',
  'nul',
  'NaN',
  '\ufeff{}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"\\u0000":1}',
  '{"__proto__":1}',
];

/** Bytes that are not UTF-8, inside a JSON string. */
const BROKEN_UTF8 = [
  [0xff, 0xfe],
  [0xc0, 0x80],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
];

/** The body: mostly an object for the schema, else hostile JSON, malformed text, broken UTF-8, or too much. */
function bodyOf(route: FuzzRoute, known: Known): fc.Arbitrary<string | Uint8Array | undefined> {
  const schema = route.body ?? { type: 'object', properties: {}, additionalProperties: false };
  const object = objectJson(schema, { known });
  return fc.oneof(
    { weight: route.body ? 16 : 1, arbitrary: object },
    { weight: 2, arbitrary: hostileJson },
    { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_BODIES) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...BROKEN_UTF8)
        .map((bytes) => Buffer.concat([Buffer.from('{"name":"'), Buffer.from(bytes), Buffer.from('"}')])),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(object, fc.integer({ min: 90 * 1024, max: 120 * 1024 }))
        .map(([json, size]) => `{"pad":"${'x'.repeat(size)}","body":${json}}`),
    },
    { weight: route.body ? 1 : 3, arbitrary: fc.constant(undefined) },
  );
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  'application/json;;;',
  'application/problem+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  '',
];

/** Headers a client may send badly: ids, proxies, origins, encodings, sessions that are not. */
function headersOf(route: FuzzRoute): fc.Arbitrary<Record<string, string>> {
  const declared = route.parameters
    .filter((p) => p.in === 'header')
    .map((p) =>
      fc
        .option(
          fc.oneof(
            {
              weight: 3,
              arbitrary:
                typeof p.schema?.pattern === 'string' ? fc.stringMatching(new RegExp(p.schema.pattern)) : headerValue,
            },
            { weight: 1, arbitrary: headerValue },
          ),
          // fc.option's freq: one in `freq` is left out.
          { freq: 3 },
        )
        .map((value) => [p.name.toLowerCase(), value] as const),
    );
  const odd: Array<fc.Arbitrary<readonly [string, string]>> = [
    headerValue.map((v) => ['x-request-id', v] as const),
    headerValue.map((v) => ['x-forwarded-for', v] as const),
    fc
      .oneof(fc.constantFrom('null', 'https://evil.example', 'http://localhost:5000'), headerValue)
      .map((v) => ['origin', v] as const),
    fc
      .oneof(
        fc.constantFrom('Bearer', 'Bearer ', 'Basic YWRtaW46YWRtaW4xMjM=', 'Bearer a.b.c'),
        headerValue.map((v) => `Bearer ${v}`),
      )
      .map((v) => ['authorization', v] as const),
    fc
      .oneof(
        headerValue.map((v) => `session=${v}`),
        headerValue,
      )
      .map((v) => ['cookie', v] as const),
    fc
      .oneof(fc.constantFrom('gzip', 'br', 'deflate', 'identity'), headerValue)
      .map((v) => ['content-encoding', v] as const),
    fc.oneof(fc.constantFrom(...CONTENT_TYPES), headerValue).map((v) => ['content-type', v] as const),
    headerValue.map((v) => ['accept-language', v] as const),
    fc.constantFrom('DELETE', 'PUT', 'GET').map((v) => ['x-http-method-override', v] as const),
  ];
  return fc
    .tuple(
      fc.tuple(...declared),
      fc.oneof(
        { weight: 3, arbitrary: fc.constant([]) },
        { weight: 1, arbitrary: fc.array(fc.oneof(...odd), { maxLength: 3 }) },
      ),
    )
    .map(([own, more]) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of own) if (value !== null) headers[name] = value;
      for (const [name, value] of more) headers[name] = value;
      return headers;
    });
}

/** Requests for one route, from any caller, with hostile paths, queries, headers and bodies. */
export function requestsFor(route: FuzzRoute, known: Known): fc.Arbitrary<FuzzRequest> {
  const segments = route.template.split('/').map((part) => {
    const param = /^\{(\w+)\}$/.exec(part)?.[1];
    return param ? pathSegment(known, pathKind(route.template, param)) : fc.constant(part);
  });
  const canHaveBody = route.method !== 'GET' && route.method !== 'HEAD';
  return fc
    .record({
      // Mostly someone signed in where a session is needed, or the request stops at the door.
      caller: route.needsSession
        ? fc.oneof(
            { weight: 1, arbitrary: fc.constant('anonymous' as const) },
            { weight: 6, arbitrary: fc.constantFrom('customer' as const, 'staff' as const, 'admin' as const) },
          )
        : fc.constantFrom(...CALLERS),
      via: fc.oneof(
        { weight: 4, arbitrary: fc.constant('bearer' as const) },
        { weight: 1, arbitrary: fc.constant('cookie' as const) },
      ),
      path: fc.tuple(...segments).map((parts) => parts.join('/')),
      query: queryOf(route, known),
      body: canHaveBody ? bodyOf(route, known) : fc.constant(undefined),
      headers: headersOf(route),
      twice: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    })
    .map(({ caller, via, path, query, body, headers, twice }) => ({
      caller,
      twice,
      via,
      url: path + query,
      headers:
        body !== undefined && !('content-type' in headers)
          ? { 'content-type': 'application/json', ...headers }
          : headers,
      ...(body !== undefined ? { body } : {}),
    }));
}
