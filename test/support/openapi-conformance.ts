import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import type { HttpResult } from './http.js';

interface Operation {
  operationId: string;
  responses: Record<string, { content?: Record<string, unknown> }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
}

/** One reply checked against the document: the operation it belongs to and what does not match. */
export interface Conformance {
  operationId: string | null;
  status: number;
  problems: string[];
}

const DOC_ID = 'openapi.json';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i;

const escapePointer = (part: string) => part.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Checks HTTP replies against an OpenAPI 3.1 document: the status must be one the operation lists
 * (its `default` does not count: a reply the document does not name is a finding, not an "other
 * error"), and the body must match that response's schema (JSON Schema 2020-12, by ajv).
 */
export class OpenApiConformance {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly routes: Array<{ method: string; template: string; pattern: RegExp; operation: Operation }>;

  constructor(document: OpenApiDocument) {
    this.ajv.addFormat('uuid', UUID);
    this.ajv.addFormat('date-time', (s: string) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)));
    this.ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);
    // The whole document, so the schemas' `#/components/...` references resolve inside it.
    this.ajv.addSchema(document as object, DOC_ID);
    this.routes = Object.entries(document.paths)
      .flatMap(([template, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({
          method: method.toUpperCase(),
          template,
          pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`),
          operation,
        })),
      )
      // A literal segment wins over a parameter (`/api/availability/next` before any `{id}`).
      .sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
  }

  /** The operation that serves a method and URL path (the query is ignored), if the document has one. */
  operationOf(method: string, url: string): { template: string; operation: Operation } | undefined {
    const path = url.split('?')[0]!;
    return this.routes.find((r) => r.method === method.toUpperCase() && r.pattern.test(path));
  }

  /** What in a reply does not match the document (nothing when it conforms). */
  check(method: string, url: string, res: HttpResult<unknown>): Conformance {
    const route = this.operationOf(method, url);
    if (!route) return { operationId: null, status: res.status, problems: [`${method} ${url}: no such operation`] };
    const { template, operation } = route;
    const found = (problems: string[]): Conformance => ({
      operationId: operation.operationId,
      status: res.status,
      problems,
    });
    const response = operation.responses[String(res.status)];
    if (!response) {
      return found([`${operation.operationId}: status ${res.status} is not documented (${res.text.slice(0, 200)})`]);
    }
    if (!response.content) {
      return found(
        res.text === '' ? [] : [`${operation.operationId} ${res.status}: documented without a body, got one`],
      );
    }
    const type = res.headers.get('content-type') ?? '';
    const media = type.split(';')[0]!.trim();
    const documented = Object.keys(response.content);
    if (!documented.includes(media)) {
      return found([
        `${operation.operationId} ${res.status}: content-type ${type}, documented ${documented.join(', ')}`,
      ]);
    }
    // A text export (CSV) is documented as text: its media type is what there is to check.
    if (media !== 'application/json') return found([]);
    const pointer = [
      'paths',
      template,
      method.toLowerCase(),
      'responses',
      String(res.status),
      'content',
      'application/json',
      'schema',
    ]
      .map(escapePointer)
      .join('/');
    const validate = this.validatorFor(`${DOC_ID}#/${pointer}`);
    if (validate(res.body)) return found([]);
    return found(
      (validate.errors ?? []).map(
        (e) => `${operation.operationId} ${res.status}: body${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`,
      ),
    );
  }

  private validatorFor(ref: string): ValidateFunction {
    let validate = this.validators.get(ref);
    if (!validate) this.validators.set(ref, (validate = this.ajv.compile({ $ref: ref })));
    return validate;
  }
}
