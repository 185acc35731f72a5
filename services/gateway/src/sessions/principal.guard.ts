import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { DomainError, SessionStore } from '@garage/shared';
import type { GatewayRequest } from '../http/gateway-request.js';
import { SESSION_COOKIE } from './session-cookie.js';

/**
 * Resolves `Authorization: Bearer` or the `session` cookie into a principal from Redis.
 * Never rejects by itself (AccessGuard decides), except that a session store that is down
 * fails closed with 503 rather than treating the caller as anonymous.
 */
@Injectable()
export class PrincipalGuard implements CanActivate {
  constructor(private readonly sessions: SessionStore) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<GatewayRequest>();
    req.principal = null;
    const auth = req.headers.authorization;
    let token: string | undefined;
    if (auth && /^Bearer\s+/i.test(auth)) {
      token = auth.replace(/^Bearer\s+/i, '').trim();
      req.authVia = 'bearer';
    } else if (req.cookies?.[SESSION_COOKIE]) {
      token = req.cookies[SESSION_COOKIE];
      req.authVia = 'cookie';
    }
    if (!token) return true;
    try {
      req.principal = await this.sessions.resolve(token);
    } catch {
      throw new DomainError('SERVICE_UNAVAILABLE', 'Session store unavailable');
    }
    return true;
  }
}
