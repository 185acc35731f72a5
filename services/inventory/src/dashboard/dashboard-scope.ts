import { DomainError, branchScope, type Principal } from '@garage/shared';

/** The branches a dashboard counts: the ids named, or every branch of the chain. */
export type DashboardScope = { branchIds: string[] } | 'whole-chain';

/**
 * Admins: the branch asked for, or the whole chain. Staff: the branch asked for if it is theirs
 * (FORBIDDEN otherwise), or all of theirs. Anyone else: FORBIDDEN.
 */
export function dashboardScope(principal: Principal, branchId: string | undefined): DashboardScope {
  if (principal.role !== 'admin' && principal.role !== 'staff') {
    throw new DomainError('FORBIDDEN', 'You are not allowed to do this');
  }
  const branchIds = branchScope(principal, branchId);
  return branchIds ? { branchIds } : 'whole-chain';
}
