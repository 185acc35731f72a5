import type { Principal } from '@garage/shared';

/** Admins and staff see what the public does not (closed branches, withdrawn services). */
export function isStaff(principal: Principal | null): boolean {
  return principal?.role === 'admin' || principal?.role === 'staff';
}
