import { z } from 'zod';
import { ChainHealthSchema, type MessageContract } from '@garage/shared';
import { HEADER_FIELDS } from '../http/header-fields.js';

type JsonSchema = Record<string, unknown>;

const ErrorBody: JsonSchema = {
  type: 'object',
  required: ['statusCode', 'error', 'message'],
  properties: {
    statusCode: { type: 'integer' },
    error: { type: 'string' },
    code: { type: 'string' },
    message: { type: 'string' },
    requestId: { type: 'string' },
    details: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

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
    const pathParams = [...http.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
    const openPath = http.path.replace(/:(\w+)/g, '{$1}');
    const request = schemaOf(contract.request, 'input');
    const parameters: unknown[] = pathParams.map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string', format: 'uuid' },
    }));
    const operation: Record<string, unknown> = {
      operationId: contract.pattern,
      summary: http.summary,
      tags: [http.tag],
      parameters,
      security: contract.access === 'public' ? [] : [{ bearer: [] }, { cookie: [] }],
      description:
        contract.access === 'public'
          ? 'Public.'
          : `Who: ${contract.access === 'signed-in' ? 'any signed-in account' : (contract.access as readonly string[]).join(', ')}.`,
      responses: {
        [http.status]:
          http.status === 204
            ? { description: 'Done' }
            : { description: 'OK', content: { 'application/json': { schema: schemaOf(contract.response, 'output') } } },
        default: {
          description: 'Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
    // Fields that travel as headers (Idempotency-Key) are documented as such, never as body fields.
    const headerFields = Object.entries(HEADER_FIELDS[contract.pattern] ?? {});
    const requestProps = (request.properties as Record<string, JsonSchema> | undefined) ?? {};
    for (const [field, { header, description }] of headerFields) {
      parameters.push({ name: header, in: 'header', required: false, description, schema: requestProps[field] ?? {} });
    }
    const rest = withoutKeys(request, [...pathParams, ...headerFields.map(([field]) => field)]);
    if (http.method === 'GET') {
      const props = (rest.properties as Record<string, JsonSchema>) ?? {};
      const required = (rest.required as string[]) ?? [];
      for (const [name, schema] of Object.entries(props))
        parameters.push({ name, in: 'query', required: required.includes(name), schema });
    } else if (Object.keys((rest.properties as JsonSchema) ?? {}).length) {
      operation.requestBody = { required: true, content: { 'application/json': { schema: rest } } };
    }
    paths[openPath] = { ...paths[openPath], [http.method.toLowerCase()]: operation };
  }
  // The gateway's own routes that are no message contract: the chain's health, for monitoring and the console.
  const health = { 'application/json': { schema: schemaOf(ChainHealthSchema, 'output') } };
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
          200: { description: 'Healthy', content: health },
          503: { description: 'Degraded: what is down', content: health },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Garage chain API',
      version,
      description:
        'The HTTP contract of the gateway. Errors always have the `Error` shape; lists are paged with `limit` and `cursor`.',
    },
    paths,
    components: {
      schemas: { Error: ErrorBody },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'session' },
      },
    },
  };
}
