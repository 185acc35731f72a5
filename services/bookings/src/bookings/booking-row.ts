import type { Booking, BookingStatus, CostEstimate, PartLine } from '@garage/shared';

export type PartsStatus = Booking['partsStatus'];

/** A bookings.bookings row as pg returns it. */
export interface BookingRow {
  id: string;
  customer_id: string;
  vehicle_id: string;
  branch_id: string;
  technician_id: string;
  bay: number;
  service_ids: string[];
  starts_at: Date;
  ends_at: Date;
  status: BookingStatus;
  parts_status: PartsStatus;
  quote: CostEstimate;
  parts: PartLine[];
  notes: string;
  created_at: Date;
  updated_at: Date;
}

export const BOOKING_COLUMNS =
  'id, customer_id, vehicle_id, branch_id, technician_id, bay, service_ids, starts_at, ends_at, status, parts_status, quote, parts, notes, created_at, updated_at';

/** A booking with the frozen parts lines that the wire shape does not show. */
export type StoredBooking = Booking & { parts: PartLine[] };

export function toBooking(r: BookingRow): StoredBooking {
  return {
    id: r.id,
    customerId: r.customer_id,
    vehicleId: r.vehicle_id,
    branchId: r.branch_id,
    technicianId: r.technician_id,
    bay: r.bay,
    serviceIds: r.service_ids,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    status: r.status,
    partsStatus: r.parts_status,
    quote: r.quote,
    parts: r.parts,
    notes: r.notes,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The wire shape (BookingSchema): the parts lines stay inside the service. */
export function publicBooking(b: StoredBooking): Booking {
  const { parts: _parts, ...booking } = b;
  return booking;
}
