import { Injectable } from '@nestjs/common';
import {
  decodeCursorOrThrow,
  pageFrom,
  type Booking,
  type PartLine,
  type ServiceRecord,
  type Tx,
  Sql,
} from '@garage/shared';
import { z } from 'zod';
import { BranchPageQuery } from '../db/branch-page.js';

interface RecordRow {
  id: string;
  booking_id: string;
  customer_id: string;
  vehicle_id: string;
  branch_id: string;
  technician_id: string;
  services: ServiceRecord['services'];
  parts: ServiceRecord['parts'];
  labor_cents: number;
  parts_cents: number;
  tax_cents: number;
  total_cents: number;
  mileage: number | null;
  completed_at: Date;
}

type Page = { items: ServiceRecord[]; nextCursor: string | null };
const COLUMNS = `id, booking_id, customer_id, vehicle_id, branch_id, technician_id, services, parts, labor_cents,
  parts_cents, tax_cents, total_cents, mileage, completed_at`;
const Cursor = z.object({ t: z.iso.datetime(), id: z.uuid() });

/** Service records: what a completed booking did, written once from its frozen quote. */
/** What a service record is made of: the completed booking's ids, frozen quote and parts. */
export type FinishedJob = Pick<Booking, 'id' | 'customerId' | 'vehicleId' | 'branchId' | 'technicianId' | 'quote'> & {
  parts: PartLine[];
};

@Injectable()
export class ServiceRecordsRepository {
  constructor(private readonly sql: Sql) {}

  /** Writes the record of a booking that has just become completed, in that transaction. */
  async insertFor(tx: Tx, b: FinishedJob, mileage: number | null): Promise<void> {
    const q = b.quote;
    const services = q.lines.map((l) => ({
      serviceId: l.serviceId,
      name: l.name,
      laborCents: l.laborCents,
      partsCents: l.partsCents,
    }));
    await tx.rows(
      `INSERT INTO bookings.service_records (booking_id, customer_id, vehicle_id, branch_id, technician_id, services,
         parts, labor_cents, parts_cents, tax_cents, total_cents, mileage)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        b.id,
        b.customerId,
        b.vehicleId,
        b.branchId,
        b.technicianId,
        JSON.stringify(services),
        JSON.stringify(b.parts),
        q.laborCents,
        q.partsCents,
        q.taxCents,
        q.totalCents,
        mileage,
      ],
    );
  }

  /** A page, newest first, filtered by branches (null: all), vehicle or customer (see BranchPageQuery). */
  async list(f: {
    branchIds: string[] | null;
    vehicleId?: string;
    customerId?: string;
    limit: number;
    cursor?: string;
  }): Promise<Page> {
    const q = new BranchPageQuery(f.limit).branches(f.branchIds);
    if (f.vehicleId) q.add((n) => `vehicle_id = ${n}`, f.vehicleId);
    if (f.customerId) q.add((n) => `customer_id = ${n}`, f.customerId);
    q.after(decodeCursorOrThrow(f.cursor, Cursor), 'completed_at', true);
    const sql = q.sql(COLUMNS, 'bookings.service_records', 'completed_at', true);
    const rows = await this.sql.rows<RecordRow>(sql, q.values);
    return pageFrom(rows, f.limit, toRecord, (r) => ({ t: r.completed_at.toISOString(), id: r.id }));
  }
}

function toRecord(r: RecordRow): ServiceRecord {
  return {
    id: r.id,
    bookingId: r.booking_id,
    customerId: r.customer_id,
    vehicleId: r.vehicle_id,
    branchId: r.branch_id,
    technicianId: r.technician_id,
    services: r.services,
    parts: r.parts,
    laborCents: r.labor_cents,
    partsCents: r.parts_cents,
    taxCents: r.tax_cents,
    totalCents: r.total_cents,
    mileage: r.mileage,
    completedAt: r.completed_at.toISOString(),
  };
}
