import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  Metrics,
  Tracing,
  connectNats,
  natsAuth,
  createLogger,
  createRedis,
  natsCheck,
  redisCheck,
  redisReady,
  startHealthServer,
} from '@garage/shared';
import type { GatewayConfig } from './config.js';
import { GatewayModule } from './gateway.module.js';
import { gatewayAdapter, secureHttpSurface } from './http/http-surface.js';
import { recordRequests } from './http/request-metrics.js';
import { connectionDrain } from './http/connection-drain.js';
import { traceRequests } from './http/request-tracing.js';
import { DEFAULT_WEB_ROOT, loadWebFiles } from './web/web-files.js';

export interface RunningGateway {
  app: NestFastifyApplication;
  url: string;
  /** SHUTDOWN_GRACE_MS: the time close() gets after SIGTERM. */
  shutdownGraceMs: number;
  /** Stops like SIGTERM does: /health/ready turns 503, the requests in hand finish, then NATS and Redis close. */
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
  const webFiles = config.WEB_APP ? await loadWebFiles(config.WEB_ROOT ?? DEFAULT_WEB_ROOT) : new Map();
  const app = await NestFactory.create<NestFastifyApplication>(
    GatewayModule.forRoot({ config, redis, nc, log, webFiles }),
    gatewayAdapter(config),
    {
      logger: ['error', 'warn'],
      // Fastify's own JSON parser only: Nest's would add a form (urlencoded) parser.
      bodyParser: false,
    },
  );
  const fastify = app.getHttpAdapter().getInstance();
  const metrics = new Metrics('gateway');
  const tracing = Tracing.start('gateway', config);
  traceRequests(fastify, tracing);
  recordRequests(fastify, metrics, log);
  const connections = connectionDrain(fastify);
  await secureHttpSurface(app, config);
  await app.listen(config.PORT, config.HOST);
  let draining = false;
  let closing: Promise<void> | undefined;
  const health = await startHealthServer({
    port: config.HEALTH_PORT,
    service: 'gateway',
    checks: { redis: redisCheck(redis), nats: natsCheck(nc) },
    metrics,
    draining: () => draining,
  });
  const address = fastify.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  log.info({ port, prefix: config.NATS_PREFIX, webApp: webFiles.size > 0 }, 'gateway listening');
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
    // Not ready (the balancer moves on); no new connections (connectionDrain); the requests in hand
    // are answered, each with `Connection: close`, and idle keep-alive connections are closed (Fastify).
    // A second call (a test's cleanup after a failed one) waits for the same drain.
    close() {
      closing ??= (async () => {
        draining = true;
        // Lame duck: not ready, still serving, until a balancer that follows readiness has moved on.
        if (config.SHUTDOWN_LAMEDUCK_MS) await new Promise((r) => setTimeout(r, config.SHUTDOWN_LAMEDUCK_MS));
        log.info('stopping: finishing the requests in hand');
        await connections.stopListening();
        await app.close();
        await nc.drain().catch(() => undefined);
        redis.disconnect();
        await tracing.shutdown();
        health.closeAllConnections();
        await new Promise<void>((done) => health.close(() => done()));
        log.info('stopped');
      })();
      return closing;
    },
  };
}
