import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TracedWork, Tracing } from '@garage/shared';

const traced = new WeakMap<FastifyRequest, TracedWork>();

/**
 * A server span per HTTP request (while tracing is on): it continues the client's `traceparent`
 * when that is well formed (a malformed one is ignored, never an error), and the route's work runs
 * inside it, so the RPCs it sends and the log lines it writes carry its trace.
 */
export function traceRequests(fastify: FastifyInstance, tracing: Tracing): void {
  if (!tracing.enabled) return;
  fastify.addHook('onRequest', (req, _reply, done) => {
    const route = req.routeOptions.url ?? 'unmatched';
    const span = tracing.begin(
      `${req.method} ${route}`,
      'server',
      req.headers,
      { 'http.request.method': req.method, 'http.route': route },
      String(req.id),
    );
    if (!span) return done();
    traced.set(req, span);
    span.run(done);
  });
  // The body is read between onRequest and preHandler, outside any context: enter the span again.
  fastify.addHook('preHandler', (req, _reply, done) => {
    const span = traced.get(req);
    if (span) span.run(done);
    else done();
  });
  fastify.addHook('onResponse', (req, reply, done) => {
    const span = traced.get(req);
    if (span) {
      span.setAttribute('http.response.status_code', reply.statusCode);
      span.end(reply.statusCode >= 500);
    }
    done();
  });
}

/** The trace id of a request (for its access log line), undefined while tracing is off. */
export function traceIdOf(req: FastifyRequest): string | undefined {
  return traced.get(req)?.traceId;
}
