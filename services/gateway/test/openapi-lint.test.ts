import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { buildOpenApi } from '../src/docs/openapi.js';
import { HTTP_CONTRACTS } from '../src/docs/docs.controller.js';
import { VERSION } from '../src/health/health.service.js';

// The document /api/docs/openapi.json serves, linted by Redocly CLI with its recommended rules,
// and checked for what API.md promises of errors.

const REDOCLY = resolve(__dirname, '../../../node_modules/@redocly/cli/bin/cli.js');
const document = buildOpenApi(HTTP_CONTRACTS, VERSION) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};

interface Operation {
  operationId: string;
  security: unknown[];
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
}

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: Array<{ pointer: string }>;
}

/**
 * Problems the recommended rules report that do not fit, each with why (none at the moment: the
 * health check, which takes no input, now documents Node's 431 for headers over its limit).
 * Anything else, error or warning, fails.
 */
const NOT_FITTING: Array<{ ruleId: string; pointer: string; why: string }> = [];

async function redoclyLint(doc: unknown): Promise<{ problems: LintProblem[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'openapi-lint-'));
  try {
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(doc, null, 1));
    // In a directory of its own, so no redocly.yaml anywhere changes the rules; no telemetry, no update check.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [REDOCLY, 'lint', 'openapi.json', '--extends=recommended', '--format=json'],
      {
        cwd: dir,
        env: {
          PATH: process.env.PATH ?? '',
          REDOCLY_TELEMETRY: 'off',
          REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
          REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
        },
        maxBuffer: 64 * 1024 * 1024,
      },
    ).catch((err: { stdout?: string; stderr?: string }) => {
      // Exit code 1 when there are errors: the report is still on stdout.
      if (err.stdout) return { stdout: err.stdout };
      throw new Error(`redocly lint did not run: ${err.stderr ?? String(err)}`);
    });
    return JSON.parse(stdout) as { problems: LintProblem[] };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ path, method, op })),
);
const contractPatterns = new Set(HTTP_CONTRACTS.map((c) => c.pattern));
const contractOperations = operations.filter(({ op }) => contractPatterns.has(op.operationId));

/** The `$ref`s of a response's JSON body schema, including those under oneOf/anyOf. */
function refsOf(response: Operation['responses'][string]): string[] {
  const schema = response.content?.['application/json']?.schema;
  if (!schema) return [];
  const branches = [schema, ...((schema.oneOf as unknown[]) ?? []), ...((schema.anyOf as unknown[]) ?? [])];
  return branches.flatMap((s) =>
    typeof (s as { $ref?: unknown }).$ref === 'string' ? [(s as { $ref: string }).$ref] : [],
  );
}

describe('the OpenAPI document', () => {
  it('passes redocly lint (recommended) with no errors and no warnings', async () => {
    const { problems } = await redoclyLint(document);
    const key = (ruleId: string, pointer: string) => `${ruleId} at ${pointer}`;
    const allowed = new Set(NOT_FITTING.map((p) => key(p.ruleId, p.pointer)));
    const reported = problems.map((p) => ({
      key: key(p.ruleId, p.location[0]?.pointer ?? ''),
      text: `${p.severity}: ${p.message}`,
    }));
    expect(reported.filter((p) => !allowed.has(p.key))).toEqual([]);
    // An exception that no longer happens is dropped from NOT_FITTING, not kept "just in case".
    expect([...allowed].filter((k) => !reported.some((p) => p.key === k))).toEqual([]);
  }, 60_000);

  it('also fails when the document has a problem (the check can fail)', async () => {
    const broken = structuredClone(document) as Record<string, unknown>;
    delete broken.servers;
    const { problems } = await redoclyLint(broken);
    expect(problems.map((p) => p.ruleId)).toContain('no-empty-servers');
  }, 60_000);

  it('has the Error schema of API.md', () => {
    expect(document.components.schemas.Error).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['statusCode', 'error', 'message']),
      properties: expect.objectContaining({
        statusCode: expect.any(Object),
        error: expect.any(Object),
        message: expect.any(Object),
        requestId: expect.any(Object),
        details: expect.any(Object),
      }),
    });
  });

  it('every error response of every operation has the Error body', () => {
    const offShape = operations.flatMap(({ path, method, op }) => {
      const errors = Object.entries(op.responses).filter(([status]) => status === 'default' || Number(status) >= 400);
      if (!errors.length) return [`${method} ${path}: no error response`];
      return errors
        .filter(([, response]) => !refsOf(response).includes('#/components/schemas/Error'))
        .map(([status]) => `${method} ${path} ${status}`);
    });
    expect(offShape).toEqual([]);
  });

  it('every route documents the errors API.md gives it: 400 for input, 401/403 with a session, 404 with an id, 429, 431, 503', () => {
    const missing = contractOperations.flatMap(({ path, method, op }) => {
      const expected = ['429', '431', '503']; // every route is throttled, forwarded over NATS, and behind Node's header limit
      if (op.requestBody || op.parameters?.some((p) => p.in === 'query') || method !== 'get') expected.push('400');
      if (op.security.length > 0) expected.push('401', '403');
      if (/\{\w+\}/.test(path)) expected.push('404');
      const absent = expected.filter((status) => !(status in op.responses));
      return absent.length ? [`${method} ${path}: ${absent.join(', ')}`] : [];
    });
    expect(contractOperations.length).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });
});
