import { z } from 'zod';
import { PrincipalSchema, parsePrincipal, type Principal } from '../contracts/common.js';

/** What the gateway sends with every NATS request: who asks, what, and from where. */
export interface RpcEnvelope<P = unknown> {
  principal: Principal | null;
  payload: P;
  clientIp?: string;
  /** How long the caller waits for the answer; work still queued after that is pointless. */
  timeoutMs?: number;
  /** Set by the receiving service (epoch ms): when the caller will have given up. Not sent. */
  deadline?: number;
}

export const RpcEnvelopeSchema = z.object({
  principal: PrincipalSchema.nullable(),
  payload: z.unknown(),
  clientIp: z.string().max(64).optional(),
  timeoutMs: z.number().int().min(1).max(600_000).optional(),
});

/** Parses an envelope as RpcEnvelopeSchema does (hand-written: it runs on every message). */
export function parseEnvelope(value: unknown): RpcEnvelope | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const principal = v.principal === null || v.principal === undefined ? null : parsePrincipal(v.principal);
  if (v.principal && !principal) return null;
  if (v.clientIp !== undefined && (typeof v.clientIp !== 'string' || v.clientIp.length > 64)) return null;
  const timeoutMs = v.timeoutMs;
  if (
    timeoutMs !== undefined &&
    (!Number.isInteger(timeoutMs) || (timeoutMs as number) < 1 || (timeoutMs as number) > 600_000)
  ) {
    return null;
  }
  return {
    principal,
    payload: v.payload,
    clientIp: v.clientIp as string | undefined,
    timeoutMs: timeoutMs as number | undefined,
    deadline: timeoutMs === undefined ? undefined : Date.now() + (timeoutMs as number),
  };
}
