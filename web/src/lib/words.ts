// Plain words for states: what a customer or a service desk would say.

import type { DeadLetterQuery } from '../api/types';

export const BOOKING_STATUS_WORDS: Record<string, string> = {
  requested: 'Requested',
  confirmed: 'Confirmed',
  checked_in: 'Checked in',
  in_progress: 'Being worked on',
  completed: 'Ready to collect',
  cancelled: 'Cancelled',
  no_show: 'Missed',
};

export const PARTS_STATUS_WORDS: Record<string, string> = {
  pending: 'Checking the parts',
  reserved: 'Parts set aside',
  awaiting_parts: 'We are waiting for a part',
  released: 'Parts released',
  consumed: 'Parts fitted',
};

export function bookingStatusWords(status: string): string {
  return BOOKING_STATUS_WORDS[status] ?? status;
}

export function partsStatusWords(status: string): string {
  return PARTS_STATUS_WORDS[status] ?? status;
}

/** The durable consumers, by what they do (every one the API knows: the type check says if one is missing). */
export const CONSUMER_WORDS: Record<NonNullable<DeadLetterQuery['durable']>, string> = {
  'inventory-bookings': 'Inventory: parts for bookings',
  'bookings-parts-status': 'Bookings: parts status',
  'catalog-part-prices': 'Catalog: part prices',
  'auth-audit': 'Audit log',
};

/** The events the services tell each other, in plain words. */
export const EVENT_WORDS: Record<NonNullable<DeadLetterQuery['type']>, string> = {
  'booking.created': 'Booking made',
  'booking.cancelled': 'Booking cancelled',
  'booking.no_show': 'Customer did not come',
  'booking.completed': 'Booking completed',
  'inventory.parts_reserved': 'Parts set aside',
  'inventory.shortage': 'Parts short',
  'part.price_changed': 'Part price changed',
  'audit.catalog': 'Catalog change (audit)',
  'audit.inventory': 'Inventory change (audit)',
  'audit.bookings': 'Bookings change (audit)',
};

export function consumerWords(durable: string): string {
  return (CONSUMER_WORDS as Record<string, string>)[durable] ?? durable;
}

export function eventWords(type: string): string {
  return (EVENT_WORDS as Record<string, string>)[type] ?? type;
}

/** A car's standing: its owner's, or a claim on a VIN that is on file for someone else. */
export const VEHICLE_STATUS_WORDS: Record<string, string> = {
  active: 'Confirmed',
  claim_pending: 'Being checked',
  claim_rejected: 'Not confirmed',
};

export function vehicleStatusWords(status: string): string {
  return VEHICLE_STATUS_WORDS[status] ?? status;
}
