import { createHash } from 'node:crypto';

export interface BookingRequest {
  branchId: string;
  vehicleId: string;
  serviceIds: string[];
  startsAt: string;
  technicianId?: string;
  notes: string;
}

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
