import { z } from 'zod';
import { PrincipalSchema, type Principal } from '../contracts/common.js';

/** What the gateway sends with every NATS request: who asks, what, and from where. */
export interface RpcEnvelope<P = unknown> {
  principal: Principal | null;
  payload: P;
  clientIp?: string;
}

export const RpcEnvelopeSchema = z.object({
  principal: PrincipalSchema.nullable(),
  payload: z.unknown(),
  clientIp: z.string().max(64).optional(),
});
