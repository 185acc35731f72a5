import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import { Histogram } from 'prom-client';
import {
  Metrics,
  connectNats,
  natsAuth,
  createLogger,
  createRedis,
  natsCheck,
  redisCheck,
  redisReady,
  startHealthServer,
} from '@garage/shared';
import { allowedOrigins, type GatewayConfig } from './config.js';
import { GatewayModule } from './gateway.module.js';
import { requestIdOf } from './http/request-id.js';
import { securityHeaders } from './http/security-headers.js';
import { DEFAULT_WEB_ROOT, loadWebFiles } from './web/web-files.js';

export const BODY_LIMIT_BYTES = 100 * 1024;
const SLOW_REQUEST_MS = 2000;

export interface RunningGateway {
  app: NestFastifyApplication;
  url: string;
  close(): Promise<void>;
}

/** Builds and starts the HTTP gateway on config.PORT (0 picks a free port). */
export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const log = createLogger('gateway', config.LOG_LEVEL);
  const redis = createRedis(config.REDIS_URL, 'gateway');
  // Sessions and the throttle fail fast while Redis is away: be connected before taking requests.
  await redisReady(redis).catch((err: Error) => {
    redis.disconnect();
    throw new Error(`Cannot reach Redis at ${new URL(config.REDIS_URL).host}: ${err.message}`);
  });
  const nc = await connectNats(config.NATS_URL, 'gateway', natsAuth(config));
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.TRUSTED_PROXIES.length ? config.TRUSTED_PROXIES : false,
    genReqId: requestIdOf,
    requestIdHeader: false,
    logger: false,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
  });
  const webFiles = config.WEB_APP ? await loadWebFiles(config.WEB_ROOT ?? DEFAULT_WEB_ROOT) : new Map();
  const app = await NestFactory.create<NestFastifyApplication>(
    GatewayModule.forRoot({ config, redis, nc, log, webFiles }),
    adapter,
    {
      logger: ['error', 'warn'],
      // Fastify's own JSON parser only: Nest's would add a form (urlencoded) parser.
      bodyParser: false,
    },
  );
  const fastify = app.getHttpAdapter().getInstance();
  const metrics = new Metrics('gateway');
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
    // Access log: every request at debug; at info only what ops must see (server errors, slow answers).
    const slow = reply.elapsedTime > SLOW_REQUEST_MS;
    if (reply.statusCode >= 500 || slow || log.isLevelEnabled('debug')) {
      const entry = {
        requestId: req.id,
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
  const staticHeaders = securityHeaders(config.PRODUCTION);
  fastify.addHook('onRequest', (req, reply, done) => {
    reply.headers(staticHeaders);
    reply.header('x-request-id', req.id);
    done();
  });
  // JSON only: a text/plain body is 415, not a string that fails validation later.
  // Forms are refused too: a cross-site <form> cannot post JSON, so nothing can be posted from one.
  fastify.removeContentTypeParser(['text/plain', 'application/x-www-form-urlencoded']);

  const origins = allowedOrigins(config);
  await app.register(cookie);
  await app.register(cors, {
    origin: (origin, cb) => cb(null, !origin || origins.includes(origin)),
    credentials: true,
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  });
  await app.listen(config.PORT, config.HOST);
  const health = await startHealthServer({
    port: config.HEALTH_PORT,
    service: 'gateway',
    checks: { redis: redisCheck(redis), nats: natsCheck(nc) },
    metrics,
  });
  const address = fastify.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  log.info({ port, prefix: config.NATS_PREFIX, webApp: webFiles.size > 0 }, 'gateway listening');
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((done) => health.close(() => done()));
      await app.close();
      await nc.drain().catch(() => undefined);
      redis.disconnect();
    },
  };
}
