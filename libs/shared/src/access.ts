import type { Principal } from './contracts/common.js';
import type { Role } from './contracts/contract.js';
import { DomainError } from './errors.js';
import type { RpcEnvelope } from './nats/rpc-envelope.js';

/** The caller of a request that needs a session; UNAUTHENTICATED if there is none. */
export function signedIn(envelope: RpcEnvelope): Principal {
  if (!envelope.principal) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
  return envelope.principal;
}

/** The caller, if they hold one of the roles; FORBIDDEN otherwise. */
export function withRole(envelope: RpcEnvelope, ...roles: Role[]): Principal {
  const principal = signedIn(envelope);
  if (!roles.includes(principal.role)) throw new DomainError('FORBIDDEN', 'You are not allowed to do this');
  return principal;
}

/** Admins work at every branch; staff only at the branches in their branchIds (ids compared in lower case). */
export function worksAt(principal: Principal, branchId: string): boolean {
  if (principal.role === 'admin') return true;
  const branch = branchId.toLowerCase();
  return principal.role === 'staff' && principal.branchIds.some((b) => b.toLowerCase() === branch);
}

/** FORBIDDEN unless the caller works at the branch (staff of another branch may know it exists). */
export function assertWorksAt(
  principal: Principal,
  branchId: string,
  message = 'You may work only at your own branches',
): void {
  if (!worksAt(principal, branchId)) throw new DomainError('FORBIDDEN', message);
}

/**
 * The branches a staff/admin read covers: the asked one (if the caller works there), else every
 * branch of a staff member, or null for an admin's whole chain.
 */
export function branchScope(principal: Principal, branchId?: string): string[] | null {
  if (branchId) {
    assertWorksAt(principal, branchId);
    return [branchId.toLowerCase()];
  }
  return principal.role === 'admin' ? null : principal.branchIds.map((b) => b.toLowerCase());
}
