import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerException } from '@nestjs/throttler';
import { DomainError, SessionStore, SessionThrottle, clientBucket, type ThrottleWindow } from '@garage/shared';
import type { GatewayReply, GatewayRequest } from '../http/gateway-request.js';
import { SESSION_COOKIE } from './session-cookie.js';

/** Metadata `@SkipThrottle()` of @nestjs/throttler sets for the default throttler (the health routes use it). */
const SKIP_DEFAULT_THROTTLE = 'THROTTLER:SKIPdefault';

/**
 * First guard of every route: resolves `Authorization: Bearer` or the `session` cookie into a principal
 * and charges the general throttle (per account when signed in, per client IP otherwise) in ONE Redis
 * round trip (SessionThrottle). It never rejects an unknown token by itself (AccessGuard decides);
 * over the limit it answers 429 with Retry-After; a Redis that is down fails closed with 503.
 */
@Injectable()
export class SessionThrottleGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionStore,
    private readonly throttle: SessionThrottle,
    private readonly window: ThrottleWindow,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const req = http.getRequest<GatewayRequest>();
    req.principal = null;
    const token = tokenOf(req);
    const skip = this.reflector.getAllAndOverride<boolean | undefined>(SKIP_DEFAULT_THROTTLE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (skip) {
      if (token) req.principal = await this.resolve(token);
      return true;
    }
    const charge = await this.throttle.resolveAndCharge(token, `ip:${clientBucket(req.ip)}`, this.window);
    req.principal = charge.principal;
    const reply = http.getResponse<GatewayReply>();
    if (charge.isBlocked) {
      reply.header('retry-after', String(charge.timeToBlockExpire));
      throw new ThrottlerException();
    }
    reply.header('x-ratelimit-limit', String(charge.limit));
    reply.header('x-ratelimit-remaining', String(Math.max(0, charge.limit - charge.totalHits)));
    reply.header('x-ratelimit-reset', String(charge.timeToExpire));
    return true;
  }

  private async resolve(token: string) {
    try {
      return await this.sessions.resolve(token);
    } catch {
      throw new DomainError('SERVICE_UNAVAILABLE', 'Session store unavailable');
    }
  }
}

/** The session token of a request (bearer first, then the cookie); notes which one on the request. */
function tokenOf(req: GatewayRequest): string | undefined {
  const auth = req.headers.authorization;
  if (auth && /^Bearer\s+/i.test(auth)) {
    req.authVia = 'bearer';
    return auth.replace(/^Bearer\s+/i, '').trim();
  }
  if (req.cookies?.[SESSION_COOKIE]) {
    req.authVia = 'cookie';
    return req.cookies[SESSION_COOKIE];
  }
  return undefined;
}
