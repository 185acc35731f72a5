import { DomainError, type Principal } from '@garage/shared';
import { canonicalUuid } from '../db/uuid.js';

/** The branches a dashboard counts: the ids named, or every branch of the chain. */
export type DashboardScope = { branchIds: string[] } | 'whole-chain';

/**
 * Admins: the branch asked for, or the whole chain. Staff: the branch asked for if it is theirs
 * (FORBIDDEN otherwise), or all of theirs. Anyone else: FORBIDDEN.
 */
export function dashboardScope(principal: Principal, branchId: string | undefined): DashboardScope {
  const asked = branchId === undefined ? undefined : canonicalUuid(branchId);
  if (principal.role === 'admin') return asked ? { branchIds: [asked] } : 'whole-chain';
  if (principal.role !== 'staff') throw new DomainError('FORBIDDEN', 'You are not allowed to do this');
  const own = principal.branchIds.map(canonicalUuid);
  if (!asked) return { branchIds: own };
  if (!own.includes(asked)) throw new DomainError('FORBIDDEN', 'You may see only your own branches');
  return { branchIds: [asked] };
}
