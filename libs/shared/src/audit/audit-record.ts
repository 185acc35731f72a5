import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../contracts/common.js';
import type { AuditAction, AuditRecord } from '../contracts/audit.contracts.js';

/** Who is behind the work in progress: set by `@Handles` for each message, read by `auditRecord`. */
interface CallContext {
  principal: Principal | null;
  clientIp?: string;
}

const calls = new AsyncLocalStorage<CallContext>();

/** Runs a handler with its caller known to everything it awaits (the audit entries it writes). */
export function runInCall<T>(context: CallContext, work: () => T): T {
  return calls.run(context, work);
}

export interface AuditInput {
  action: AuditAction;
  subject: { type: string; id: string };
  branchId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * An audit entry for a change the current call makes: the actor and address come from the call
 * (`@Handles`), or it is the system's own work (an event, a job). Written with
 * `appendEvent(tx, 'audit.<service>', auditRecord(…))` in the change's transaction.
 */
export function auditRecord(input: AuditInput): AuditRecord {
  const call = calls.getStore();
  const principal = call?.principal ?? null;
  return {
    id: randomUUID(),
    at: new Date().toISOString(),
    action: input.action,
    actor: principal
      ? { kind: principal.kind, id: principal.id, label: null }
      : { kind: call ? 'anonymous' : 'system', id: null, label: null },
    ip: call?.clientIp ?? null,
    branchId: input.branchId ?? null,
    subject: input.subject,
    before: input.before ?? null,
    after: input.after ?? null,
  };
}

/** The fields of `after` that differ from `before`, each side reduced to them (an update's entry). */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (keys.length === 0) return null;
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k] ?? null])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  };
}
