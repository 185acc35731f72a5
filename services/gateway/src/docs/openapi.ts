import { ChainHealthSchema, type MessageContract } from '@garage/shared';
import { HEADER_FIELDS } from '../http/header-fields.js';
import { ERROR_REF, ERROR_SCHEMA, HEADERS_TOO_LARGE, errorResponse, errorResponsesOf } from './error-responses.js';
import { schemaOf, type JsonSchema } from './json-schema.js';

function withoutKeys(schema: JsonSchema, keys: string[]): JsonSchema {
  const properties = { ...((schema.properties as JsonSchema | undefined) ?? {}) };
  for (const key of keys) delete properties[key];
  const required = ((schema.required as string[] | undefined) ?? []).filter((k) => !keys.includes(k));
  return { ...schema, properties, required };
}

/** The OpenAPI 3.1 document of the gateway, generated from the wire contracts of libs/shared. */
export function buildOpenApi(contracts: MessageContract[], version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const contract of contracts) {
    const http = contract.http;
    if (!http) continue;
    const access = contract.access;
    const pathParams = [...http.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
    const openPath = http.path.replace(/:(\w+)/g, '{$1}');
    const request = schemaOf(contract.request, 'input');
    const response = schemaOf(contract.response, 'output');
    const parameters: Array<{ name: string; in: string } & JsonSchema> = pathParams.map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string', format: 'uuid' },
    }));
    // Fields that travel as headers (Idempotency-Key) are documented as such, never as body fields.
    const headerFields = Object.entries(HEADER_FIELDS[contract.pattern] ?? {});
    const requestProps = (request.properties as Record<string, JsonSchema> | undefined) ?? {};
    for (const [field, { header, description }] of headerFields) {
      parameters.push({ name: header, in: 'header', required: false, description, schema: requestProps[field] ?? {} });
    }
    const rest = withoutKeys(request, [...pathParams, ...headerFields.map(([field]) => field)]);
    const operation: Record<string, unknown> = {
      operationId: contract.pattern,
      summary: http.summary,
      tags: [http.tag],
      parameters,
      security: access === 'public' ? [] : [{ bearer: [] }, { cookie: [] }],
      description:
        access === 'public'
          ? 'Public.'
          : `Who: ${access === 'signed-in' ? 'any signed-in account' : (access as readonly string[]).join(', ')}.`,
    };
    if (http.method === 'GET') {
      const props = (rest.properties as Record<string, JsonSchema>) ?? {};
      const required = (rest.required as string[]) ?? [];
      for (const [name, schema] of Object.entries(props))
        parameters.push({ name, in: 'query', required: required.includes(name), schema });
    } else if (Object.keys((rest.properties as JsonSchema) ?? {}).length) {
      operation.requestBody = { required: true, content: { 'application/json': { schema: rest } } };
    }
    operation.responses = {
      [http.status]:
        http.status === 204
          ? { description: 'Done' }
          : { description: 'OK', content: { [http.produces ?? 'application/json']: { schema: response } } },
      ...errorResponsesOf({
        http,
        access,
        parameters,
        request: rest,
        signsIn: Object.hasOwn((response.properties as JsonSchema | undefined) ?? {}, 'token'),
        idempotent: headerFields.some(([, { header }]) => header === 'Idempotency-Key'),
      }),
    };
    paths[openPath] = { ...paths[openPath], [http.method.toLowerCase()]: operation };
  }
  Object.assign(paths, healthPaths());
  return {
    openapi: '3.1.0',
    info: {
      title: 'Garage chain API',
      version,
      description:
        'The HTTP contract of the gateway. Errors always have the `Error` shape; lists are paged with `limit` and `cursor`.',
      // The code is proprietary (package.json: UNLICENSED); SPDX has no identifier for that, so a LicenseRef.
      license: { name: 'Proprietary: all rights reserved (UNLICENSED)', identifier: 'LicenseRef-Proprietary' },
    },
    // Relative: the gateway that serves this document, wherever it is deployed.
    servers: [{ url: '/', description: 'The gateway serving this document' }],
    paths,
    components: {
      schemas: { Error: ERROR_SCHEMA },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'session' },
      },
    },
  };
}

/** The gateway's own routes that are no message contract: the chain's health, for monitoring and the console. */
function healthPaths(): Record<string, Record<string, unknown>> {
  const health = schemaOf(ChainHealthSchema, 'output');
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, operationId] of [
    ['/health', 'gateway.health'],
    ['/api/health', 'gateway.api-health'],
  ]) {
    paths[path] = {
      get: {
        operationId,
        summary: "The whole chain's health (the original's format)",
        tags: ['Monitoring'],
        security: [],
        description: 'Public. 503 with the same body when any dependency is down.',
        responses: {
          200: { description: 'Healthy', content: { 'application/json': { schema: health } } },
          503: {
            description:
              'Degraded: the health body says what is down. Or, for a request that carries a session while the session store is down, an `Error`.',
            content: { 'application/json': { schema: { oneOf: [health, { $ref: ERROR_REF }] } } },
          },
          431: errorResponse(431, [HEADERS_TOO_LARGE]),
          default: errorResponse(500, ['Unexpected: something failed that should not have']),
        },
      },
    };
  }
  return paths;
}
