import { z } from 'zod';
import { PrincipalSchema, parsePrincipal, type Principal } from '../contracts/common.js';

/**
 * A browser the gateway has seen sign in to an account before (its signed device cookie checked out):
 * the account it signed in to and the device's own id. Sign-in limits trust it more (OWASP device cookies).
 */
export interface TrustedDevice {
  kind: Principal['kind'];
  accountId: string;
  id: string;
}

/** What the gateway sends with every NATS request: who asks, what, and from where. */
export interface RpcEnvelope<P = unknown> {
  principal: Principal | null;
  payload: P;
  clientIp?: string;
  /** Sent with sign-ins only, when the client carries a valid device cookie. */
  device?: TrustedDevice;
  /** How long the caller waits for the answer; work still queued after that is pointless. */
  timeoutMs?: number;
  /** Set by the receiving service (epoch ms): when the caller will have given up. Not sent. */
  deadline?: number;
}

export const RpcEnvelopeSchema = z.object({
  principal: PrincipalSchema.nullable(),
  payload: z.unknown(),
  clientIp: z.string().max(64).optional(),
  device: z
    .object({ kind: z.enum(['user', 'customer']), accountId: z.string().min(1).max(64), id: z.string().min(1).max(64) })
    .optional(),
  timeoutMs: z.number().int().min(1).max(600_000).optional(),
});

/** Parses an envelope as RpcEnvelopeSchema does (hand-written: it runs on every message). */
export function parseEnvelope(value: unknown): RpcEnvelope | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const principal = v.principal === null || v.principal === undefined ? null : parsePrincipal(v.principal);
  if (v.principal && !principal) return null;
  if (v.clientIp !== undefined && (typeof v.clientIp !== 'string' || v.clientIp.length > 64)) return null;
  const device = v.device === undefined ? undefined : parseDevice(v.device);
  if (device === null) return null;
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
    device,
    timeoutMs: timeoutMs as number | undefined,
    deadline: timeoutMs === undefined ? undefined : Date.now() + (timeoutMs as number),
  };
}

function parseDevice(value: unknown): TrustedDevice | null {
  if (typeof value !== 'object' || value === null) return null;
  const { kind, accountId, id } = value as Record<string, unknown>;
  const short = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= 64;
  if ((kind !== 'user' && kind !== 'customer') || !short(accountId) || !short(id)) return null;
  return { kind, accountId, id };
}
