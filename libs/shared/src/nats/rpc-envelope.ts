import { z } from 'zod';
import { PrincipalSchema, parsePrincipal, type Principal } from '../contracts/common.js';

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

/** Parses an envelope as RpcEnvelopeSchema does (hand-written: it runs on every message). */
export function parseEnvelope(value: unknown): RpcEnvelope | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const principal = v.principal === null || v.principal === undefined ? null : parsePrincipal(v.principal);
  if (v.principal && !principal) return null;
  if (v.clientIp !== undefined && (typeof v.clientIp !== 'string' || v.clientIp.length > 64)) return null;
  return { principal, payload: v.payload, clientIp: v.clientIp as string | undefined };
}
