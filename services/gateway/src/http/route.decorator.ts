import { Delete, Get, HttpCode, Patch, Post, Put, SetMetadata, applyDecorators } from '@nestjs/common';
import type { Access, MessageContract } from '@garage/shared';

export const ACCESS_KEY = 'garage:access';

const METHODS = { GET: Get, POST: Post, PATCH: Patch, PUT: Put, DELETE: Delete } as const;

/** Binds a controller method to a contract's HTTP route: method, path, success status and who may call it. */
export function Route(contract: MessageContract): MethodDecorator {
  const http = contract.http;
  if (!http) throw new Error(`Contract ${contract.pattern} has no HTTP binding`);
  if (contract.access === 'services') throw new Error(`Contract ${contract.pattern} is for services only, not a route`);
  return applyDecorators(
    METHODS[http.method](http.path),
    HttpCode(http.status),
    SetMetadata(ACCESS_KEY, contract.access),
  );
}

/** Marks a route as open to anyone (health, docs). */
export const Public = () => SetMetadata(ACCESS_KEY, 'public' satisfies Access);
