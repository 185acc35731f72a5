import type { Principal } from './contracts/common.js';
import type { Access } from './contracts/contract.js';
import { DomainError } from './errors.js';

/**
 * Checks a caller against a contract's `access` (the one place the rule is applied: the gateway's
 * guard and every service's `@Handles` call it). UNAUTHENTICATED without a session where one is
 * needed, FORBIDDEN for the wrong role.
 */
export function authorize(access: Access, principal: Principal | null): void {
  if (access === 'public') return;
  if (access === 'services') {
    if (principal?.role === 'customer') throw new DomainError('FORBIDDEN', 'You are not allowed to do this');
    return;
  }
  if (!principal) throw new DomainError('UNAUTHENTICATED', 'Sign in first: the session is missing, expired or revoked');
  if (access !== 'signed-in' && !access.includes(principal.role))
    throw new DomainError('FORBIDDEN', 'You are not allowed to do this');
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
