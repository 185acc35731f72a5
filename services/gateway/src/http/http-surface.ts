import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { allowedOrigins, type GatewayConfig } from '../config.js';
import { requestIdOf } from './request-id.js';
import { securityHeaders } from './security-headers.js';
import { clientErrorReply, frameworkErrorReply } from './transport-errors.js';

export const BODY_LIMIT_BYTES = 100 * 1024;

/**
 * Fastify as the gateway runs it: the body limit, trusted proxies only, our request ids, requests in hand
 * answered while closing, and API.md's error body for what the router and Node refuse before any route.
 */
export function gatewayAdapter(config: GatewayConfig): FastifyAdapter {
  const staticHeaders = securityHeaders(config.PRODUCTION);
  return new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.TRUSTED_PROXIES.length ? config.TRUSTED_PROXIES : false,
    genReqId: requestIdOf,
    requestIdHeader: false,
    logger: false,
    // While closing, a request on a connection already open is still answered (with `Connection:
    // close`), not refused: the client sent it before it could know, and a 503 would be a failure.
    return503OnClosing: false,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: frameworkErrorReply(staticHeaders),
    clientErrorHandler: clientErrorReply(staticHeaders),
  });
}

/**
 * What every answer and request meets before any route: the security headers and the request id
 * on every response, JSON-only bodies, the session cookie's parser and CORS for the allowed origins.
 */
export async function secureHttpSurface(app: NestFastifyApplication, config: GatewayConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
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
}
