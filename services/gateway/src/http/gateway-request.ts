import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '@garage/shared';

/** A request after the session guard: the principal (if any) and how it authenticated. */
export type GatewayRequest = FastifyRequest & {
  principal?: Principal | null;
  authVia?: 'bearer' | 'cookie';
};

export type GatewayReply = FastifyReply;
