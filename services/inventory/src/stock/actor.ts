import { assertWorksAt, type Principal } from '@garage/shared';

/** Who a ledger row says made the change. */
export interface Actor {
  kind: 'user' | 'customer' | 'system';
  id: string;
}

/**
 * Internal messages (reservations from another service) carry no principal, and the envelope does
 * not say which service sent them, so the ledger names them as this one system caller.
 */
export const INTERNAL_CALLER: Actor = { kind: 'system', id: 'internal' };

/** Changes made because the bookings service said so in an event (booking.created, .cancelled, ...). */
export const BOOKINGS_SERVICE: Actor = { kind: 'system', id: 'bookings' };

/** Inventory itself: a waiting booking's parts held when stock arrived, not at anyone's request. */
export const INVENTORY_SERVICE: Actor = { kind: 'system', id: 'inventory' };

export function actorOf(principal: Principal | null): Actor {
  return principal ? { kind: principal.kind, id: principal.id } : INTERNAL_CALLER;
}

/** Staff change stock only at their own branches; admins everywhere. */
export function assertMayChangeStockAt(principal: Principal, branchId: string): void {
  assertWorksAt(principal, branchId, 'You may change stock only at your own branches');
}
