import { assertWorksAt, type Principal } from '@garage/shared';

/** Who a ledger row says made the change. */
export interface Actor {
  kind: 'user' | 'customer' | 'system';
  id: string;
}

/** Changes made because the bookings service said so in an event (booking.created, .cancelled, ...). */
export const BOOKINGS_SERVICE: Actor = { kind: 'system', id: 'bookings' };

/** Inventory itself: a waiting booking's parts held when stock arrived, not at anyone's request. */
export const INVENTORY_SERVICE: Actor = { kind: 'system', id: 'inventory' };

/** The person a stock change is made for, as the ledger names them. */
export function actorOf(principal: Principal): Actor {
  return { kind: principal.kind, id: principal.id };
}

/** Staff change stock only at their own branches; admins everywhere. */
export function assertMayChangeStockAt(principal: Principal, branchId: string): void {
  assertWorksAt(principal, branchId, 'You may change stock only at your own branches');
}
