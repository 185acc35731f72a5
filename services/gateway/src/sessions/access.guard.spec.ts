import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { z } from 'zod';
import { DomainError, defineMessage, type Access, type Principal } from '@garage/shared';
import { ACCESS_KEY, Route } from '../http/route.decorator.js';
import type { GatewayRequest } from '../http/gateway-request.js';
import { AccessGuard } from './access.guard.js';

const staff: Principal = {
  kind: 'user',
  id: '00000000-0000-4000-8000-000000000002',
  role: 'staff',
  branchIds: [],
  sessionId: 'b'.repeat(64),
};

/** A route handler carrying `access` (or none), called with a GET by `principal`. */
function verdict(access: Access | undefined, principal: Principal | null): string {
  const handler = () => undefined;
  if (access !== undefined) Reflect.defineMetadata(ACCESS_KEY, access, handler);
  const req = { method: 'GET', headers: {}, principal } as unknown as GatewayRequest;
  const context = {
    getHandler: () => handler,
    getClass: () => class {},
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
  try {
    return new AccessGuard(new Reflector(), new Set()).canActivate(context) ? 'ok' : 'refused';
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
}

describe('AccessGuard', () => {
  it('applies the route contract’s access', () => {
    expect(verdict('public', null)).toBe('ok');
    expect(verdict(['admin', 'staff'], null)).toBe('UNAUTHENTICATED');
    expect(verdict(['admin', 'staff'], staff)).toBe('ok');
    expect(verdict(['admin'], staff)).toBe('FORBIDDEN');
  });

  it('refuses a route that declares no rule, even to a signed-in admin, instead of letting it through', () => {
    expect(verdict(undefined, null)).toBe('FORBIDDEN');
    expect(verdict(undefined, { ...staff, role: 'admin' })).toBe('FORBIDDEN');
  });
});

describe('Route', () => {
  it('will not make a route of a services-only message', () => {
    const internal = defineMessage({
      pattern: 'inventory.secret',
      access: 'services',
      request: z.object({}),
      response: z.null(),
      http: { method: 'POST', path: '/api/secret', status: 200, summary: 'no', tag: 'x' },
    });
    expect(() => Route(internal)).toThrow('inventory.secret is for services only, not a route');
  });
});
