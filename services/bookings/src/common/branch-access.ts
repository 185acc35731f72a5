import { DomainError, type Principal } from '@garage/shared';

/** Admins work at every branch; staff only at the branches in their branchIds. */
export function worksAt(principal: Principal, branchId: string): boolean {
  if (principal.role === 'admin') return true;
  return principal.role === 'staff' && principal.branchIds.some((b) => b.toLowerCase() === branchId.toLowerCase());
}

/** FORBIDDEN unless the caller works at the branch (staff of another branch may know it exists). */
export function assertWorksAt(principal: Principal, branchId: string): void {
  if (!worksAt(principal, branchId)) throw new DomainError('FORBIDDEN', 'You may work only at your own branches');
}

/**
 * The branches a staff/admin list covers: the asked one (if the caller works there), else every
 * branch of a staff member, or null for an admin's whole chain.
 */
export function branchScope(principal: Principal, branchId?: string): string[] | null {
  if (branchId) {
    assertWorksAt(principal, branchId);
    return [branchId];
  }
  return principal.role === 'admin' ? null : principal.branchIds.map((b) => b.toLowerCase());
}
