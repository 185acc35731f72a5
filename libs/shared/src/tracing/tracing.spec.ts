import { Writable } from 'node:stream';
import pino from 'pino';
import { Tracing, beginChildSpan, currentTraceparent, traceFields } from './tracing.js';

// Exporting goes nowhere here (a closed port): these are about context, ids and headers.
const tracing = Tracing.start('spec', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' });
afterAll(() => tracing.shutdown());

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';

describe('Tracing', () => {
  it('is off without OTEL_EXPORTER_OTLP_ENDPOINT: no span, the work runs as it is', async () => {
    const off = Tracing.start('spec', {});
    expect(off.enabled).toBe(false);
    expect(off.begin('x', 'server')).toBeUndefined();
    await expect(off.trace('x', 'server', undefined, async () => 42)).resolves.toBe(42);
  });

  it('continues a well-formed traceparent, in HTTP headers or NATS headers', () => {
    const fromHttp = tracing.begin('GET /x', 'server', { traceparent: `00-${TRACE}-${SPAN}-01` })!;
    const fromNats = tracing.begin('svc.x', 'server', {
      get: (k: string) => (k === 'traceparent' ? `00-${TRACE}-${SPAN}-01` : ''),
    })!;
    expect(fromHttp.traceId).toBe(TRACE);
    expect(fromNats.traceId).toBe(TRACE);
    fromHttp.run(() => expect(currentTraceparent()).toMatch(new RegExp(`^00-${TRACE}-[0-9a-f]{16}-01$`)));
    fromHttp.end();
    fromNats.end();
  });

  it.each(['garbage', `00-${'0'.repeat(32)}-${SPAN}-01`, `00-${TRACE}-${'0'.repeat(16)}-01`, `zz-${TRACE}-${SPAN}-01`])(
    'starts a new trace for the malformed traceparent %j',
    (traceparent) => {
      const work = tracing.begin('GET /x', 'server', { traceparent })!;
      expect(work.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(work.traceId).not.toBe(TRACE);
      expect(work.traceId).not.toBe('0'.repeat(32));
      work.end();
    },
  );

  it('gives child spans only inside traced work, and sends their traceparent on', () => {
    expect(beginChildSpan('client', () => ({ name: 'outside' }))).toBeUndefined();
    const work = tracing.begin('svc.x', 'server')!;
    const sent = new Map<string, string>();
    const child = work.run(() =>
      beginChildSpan('client', () => ({ name: 'other.y' }), { set: (k, v) => sent.set(k, v) }),
    );
    expect(child?.traceId).toBe(work.traceId);
    expect(sent.get('traceparent')).toMatch(new RegExp(`^00-${work.traceId}-[0-9a-f]{16}-01$`));
    child?.end();
    work.end();
  });

  it('puts the trace id on log lines written inside a span, and none outside', () => {
    let written = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        written += chunk.toString();
        done();
      },
    });
    const log = pino({ mixin: traceFields }, sink);
    const work = tracing.begin('svc.x', 'server', undefined, undefined, 'r1')!;
    work.run(() => log.info('inside'));
    log.info('outside');
    work.end();
    const [inside, outside] = written
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(inside).toMatchObject({ msg: 'inside', requestId: 'r1', traceId: work.traceId });
    expect(inside.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(outside.msg).toBe('outside');
    expect(outside).not.toHaveProperty('traceId');
    expect(currentTraceparent()).toBeNull();
  });
});
