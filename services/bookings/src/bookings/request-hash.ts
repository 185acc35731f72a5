import { createHash } from 'node:crypto';
import type { bookings } from '@garage/shared';
import type { z } from 'zod';

/** A booking request as the contract parses it (the Idempotency-Key is not part of what was asked). */
export type BookingRequest = Omit<z.output<typeof bookings.createBooking.request>, 'idempotencyKey'>;

/**
 * What an Idempotency-Key's first request asked for, as a digest: parsed values (ids lower-cased,
 * the start as an instant), so the same request spelt differently is still the same.
 */
export function requestHash(r: BookingRequest): string {
  const canonical = [
    r.branchId,
    r.vehicleId,
    r.serviceIds,
    new Date(r.startsAt).toISOString(),
    r.technicianId ?? null,
    r.notes,
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
