import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { Tracing } from './tracing/tracing';

const SECRET_KEY = randomBytes(24).toString('hex');
const DB_PASSWORD = `Pw-${randomBytes(8).toString('hex')}`;
const DATABASE_URL = `postgres://garage:${DB_PASSWORD}@db.internal:5432/garage`;
const saved = { SECRET_KEY: process.env.SECRET_KEY, DATABASE_URL: process.env.DATABASE_URL };

beforeAll(() => Object.assign(process.env, { SECRET_KEY, DATABASE_URL }));
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

function capture(): { sink: Writable; lines: () => Record<string, unknown>[]; text: () => string } {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString();
      done();
    },
  });
  return {
    sink,
    text: () => text,
    lines: () =>
      text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('createLogger', () => {
  it('writes JSON lines with the service, and no secret of the environment, whatever is logged', () => {
    const out = capture();
    const log = createLogger('auth', 'debug', out.sink);
    const err = new Error(`connect to ${DATABASE_URL} failed (key ${SECRET_KEY})`);
    log.error({ err, requestId: 'r-1' }, `cannot reach ${DATABASE_URL}`);
    log.warn({ err: `waiting: ${DATABASE_URL}` }, 'waiting for PostgreSQL');
    log.info({ body: { password: DB_PASSWORD, token: SECRET_KEY }, authorization: `Bearer ${SECRET_KEY}` }, 'request');
    const text = out.text();
    expect(text).not.toContain(SECRET_KEY);
    expect(text).not.toContain(DB_PASSWORD);
    const [failed, waiting, request] = out.lines();
    expect(failed).toMatchObject({ level: 50, service: 'auth', requestId: 'r-1' });
    expect(failed.msg).toBe('cannot reach postgres://garage:***@db.internal:5432/garage');
    expect((failed.err as { message: string }).message).toContain('postgres://garage:***@db.internal');
    expect(waiting.err).toContain('postgres://garage:***@');
    expect(request).toMatchObject({
      body: { password: '[redacted]', token: '[redacted]' },
      authorization: '[redacted]',
    });
  });

  it('names the trace of the work a line was written in', async () => {
    const tracing = Tracing.start('auth', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' });
    const out = capture();
    const log = createLogger('auth', 'info', out.sink);
    const work = tracing.begin('auth.login', 'server')!;
    await work.run(async () => {
      await Promise.resolve();
      log.info('inside, after an await');
    });
    work.end();
    log.info('outside');
    const [inside, outside] = out.lines();
    expect(inside.traceId).toBe(work.traceId);
    expect(outside).not.toHaveProperty('traceId');
    await tracing.shutdown();
  });
});
