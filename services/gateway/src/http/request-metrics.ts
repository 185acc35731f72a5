import type { FastifyInstance } from 'fastify';
import { Histogram } from 'prom-client';
import type { Logger, Metrics } from '@garage/shared';
import { traceIdOf } from './request-tracing.js';

/** An answer slower than this is logged at warn, whatever its status. */
const SLOW_REQUEST_MS = 2000;

/**
 * Times every HTTP answer into `garage_http_request_duration_seconds{method,route,status}` and
 * writes the access log: every request at debug; at warn only what ops must see (server errors,
 * slow answers).
 */
export function recordRequests(fastify: FastifyInstance, metrics: Metrics, log: Logger): void {
  const httpDuration = new Histogram({
    name: 'garage_http_request_duration_seconds',
    help: 'HTTP requests served by the gateway, by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [metrics.registry],
  });
  // One labelled child per route and status, looked up by a string key: no label hashing per request.
  const byRoute = new Map<string, { observe(seconds: number): void }>();
  fastify.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions.url ?? 'unmatched';
    const key = `${req.method} ${route} ${reply.statusCode}`;
    let series = byRoute.get(key);
    if (!series) byRoute.set(key, (series = httpDuration.labels(req.method, route, String(reply.statusCode))));
    series.observe(reply.elapsedTime / 1000);
    const slow = reply.elapsedTime > SLOW_REQUEST_MS;
    if (reply.statusCode >= 500 || slow || log.isLevelEnabled('debug')) {
      const entry = {
        requestId: req.id,
        traceId: traceIdOf(req),
        method: req.method,
        route,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      };
      if (reply.statusCode >= 500 || slow) log.warn(entry, slow ? 'slow request' : 'request failed');
      else log.debug(entry, 'request');
    }
    done();
  });
}
