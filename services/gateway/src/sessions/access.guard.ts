import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, authorize, type Access } from '@garage/shared';
import { ACCESS_KEY } from '../http/route.decorator.js';
import type { GatewayRequest } from '../http/gateway-request.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Role gate of each route from its contract's `access` (the owning service checks again) and CSRF defence: a state-changing
 * request authenticated by cookie must come from an allowed Origin.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly origins: ReadonlySet<string>,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const req = context.switchToHttp().getRequest<GatewayRequest>();
    if (req.principal && req.authVia === 'cookie' && !SAFE_METHODS.has(req.method) && !this.originAllowed(req)) {
      throw new DomainError('FORBIDDEN', 'Cross-site request refused: Origin is not allowed');
    }
    // A route without a rule is a mistake: it is refused, never let through.
    if (access === undefined) throw new DomainError('FORBIDDEN', 'You are not allowed to do this');
    authorize(access, req.principal ?? null);
    return true;
  }

  private originAllowed(req: GatewayRequest): boolean {
    const origin = req.headers.origin ?? originOf(req.headers.referer);
    return origin !== undefined && this.origins.has(origin);
  }
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
