import { Injectable } from '@nestjs/common';
import { wallClockOf } from '../scheduling/zoned-time.js';
import {
  type BookingStatus,
  type CostEstimate,
  decodeCursorOrThrow,
  pageFrom,
  type Tx,
  type PartLine,
  Sql,
} from '@garage/shared';
import { z } from 'zod';
import type { Hold } from '../scheduling/slot-grid.js';
import { BranchPageQuery } from '../db/branch-page.js';
import { BOOKING_COLUMNS, toBooking, type BookingRow, type PartsStatus, type StoredBooking } from './booking-row.js';

export interface NewBooking {
  id: string;
  customerId: string;
  vehicleId: string;
  branchId: string;
  branchTimezone: string;
  technicianId: string;
  bay: number;
  serviceIds: string[];
  startsAt: Date;
  endsAt: Date;
  quote: CostEstimate;
  parts: PartLine[];
  notes: string;
  status?: BookingStatus;
  /** The customer online, or staff at the desk (whose bookings the customer's cap does not count). */
  bookedBy: 'customer' | 'staff';
}

export interface BookingFilter {
  branchIds: string[] | null;
  customerId?: string;
  status?: BookingStatus;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
  newestFirst: boolean;
}

type Page = { items: StoredBooking[]; nextCursor: string | null };
const Cursor = z.object({ t: z.iso.datetime(), id: z.uuid() });
const LIVE = `status NOT IN ('cancelled', 'no_show')`;

/** Bookings in Postgres. The exclusion constraints, not this code, keep technicians and bays from overlapping. */
@Injectable()
export class BookingsRepository {
  constructor(private readonly sql: Sql) {}

  async findById(id: string): Promise<StoredBooking | null> {
    const row = await this.sql.one<BookingRow>(`SELECT ${BOOKING_COLUMNS} FROM bookings.bookings WHERE id = $1`, [id], {
      name: 'bookings.bookings.by-id',
    });
    return row ? toBooking(row) : null;
  }

  /**
   * Serialises bookings of one branch-local day for the rest of the transaction. Without it, racing
   * inserts wait on each other inside the two exclusion constraints in opposite orders and deadlock
   * (1 s each before Postgres notices); with it they queue briefly and a loser fails at once with
   * 23P01. Per day, not per branch, so bookings for different days go in parallel; the rare job that
   * runs past local midnight is still held by the constraints (a deadlock there is retried).
   */
  async lockBranchDay(tx: Tx, b: Pick<NewBooking, 'branchId' | 'branchTimezone' | 'startsAt'>): Promise<void> {
    const day = wallClockOf(b.startsAt.getTime(), b.branchTimezone).date;
    await tx.rows(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))::text AS locked`, [
      `bookings:${b.branchId}:${day}`,
    ]);
  }

  /**
   * Serialises one customer's bookings for the rest of the transaction, so the count of their open
   * bookings and the insert that it allows cannot interleave with another booking of theirs. Taken
   * before lockBranchDay, always in that order.
   */
  async lockCustomer(tx: Tx, customerId: string): Promise<void> {
    await tx.rows(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))::text AS locked`, [
      `bookings:customer:${customerId}`,
    ]);
  }

  /** The customer's bookings made online that are still to come or under way (bookings_customer_open_online_idx). */
  async countOpenMadeOnline(tx: Tx, customerId: string): Promise<number> {
    const row = await tx.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM bookings.bookings
       WHERE customer_id = $1 AND booked_by = 'customer' AND ends_at > now()
         AND status IN ('requested', 'confirmed', 'checked_in', 'in_progress')`,
      [customerId],
    );
    return row?.n ?? 0;
  }

  /** Inserts in the caller's transaction; an overlap fails with SQLSTATE 23P01 naming the constraint. */
  async insert(tx: Tx, b: NewBooking): Promise<StoredBooking> {
    const rows = await tx.rows<BookingRow>(
      `INSERT INTO bookings.bookings (id, customer_id, vehicle_id, branch_id, branch_timezone, technician_id, bay,
         service_ids, starts_at, ends_at, quote, parts, notes, status, booked_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING ${BOOKING_COLUMNS}`,
      [
        b.id,
        b.customerId,
        b.vehicleId,
        b.branchId,
        b.branchTimezone,
        b.technicianId,
        b.bay,
        b.serviceIds,
        b.startsAt,
        b.endsAt,
        JSON.stringify(b.quote),
        JSON.stringify(b.parts),
        b.notes,
        b.status ?? 'requested',
        b.bookedBy,
      ],
    );
    return toBooking(rows[0]);
  }

  /**
   * ONE query for every live booking that holds the branch's bays or the given technicians in a
   * window (served by the exclusion constraints' gist indexes). A hold at another branch keeps the
   * technician busy but no bay here.
   */
  async holdsBetween(branchId: string, technicianIds: string[], from: number, to: number): Promise<Hold[]> {
    const rows = await this.sql.rows<{ technician_id: string; bay: number; branch_id: string; s: Date; e: Date }>(
      `SELECT technician_id, bay, branch_id, starts_at AS s, ends_at AS e FROM bookings.bookings
       WHERE (branch_id = $1 OR technician_id = ANY($2::uuid[])) AND ${LIVE}
         AND tstzrange(starts_at, ends_at, '[)') && tstzrange($3, $4, '[)')`,
      [branchId, technicianIds, new Date(from), new Date(to)],
      { name: 'bookings.bookings.holds-between' },
    );
    return rows.map((r) => ({
      technicianId: r.technician_id,
      bay: r.branch_id === branchId ? r.bay : null,
      startsAt: r.s.getTime(),
      endsAt: r.e.getTime(),
    }));
  }

  /**
   * Moves a booking from `from` to `to` only if it still is `from` (two staff racing: one wins);
   * null when it was not. partsStatus changes with it when given.
   */
  async transition(
    tx: Tx,
    id: string,
    from: BookingStatus,
    to: BookingStatus,
    partsStatus?: PartsStatus,
  ): Promise<StoredBooking | null> {
    const rows = await tx.rows<BookingRow>(
      `UPDATE bookings.bookings SET status = $3, parts_status = coalesce($4, parts_status), updated_at = now()
       WHERE id = $1 AND status = $2 RETURNING ${BOOKING_COLUMNS}`,
      [id, from, to, partsStatus ?? null],
    );
    return rows[0] ? toBooking(rows[0]) : null;
  }

  /** Sets partsStatus only from the given earlier states, so a late or repeated event never moves it back. */
  async advanceParts(id: string, to: PartsStatus, from: PartsStatus[]): Promise<boolean> {
    const rows = await this.sql.rows<{ id: string }>(
      `UPDATE bookings.bookings SET parts_status = $2, updated_at = now()
       WHERE id = $1 AND parts_status = ANY($3::text[]) RETURNING id`,
      [id, to, from],
    );
    return rows.length > 0;
  }

  /** A page by start time (oldest first for the desk, newest first for a customer); see BranchPageQuery. */
  async list(f: BookingFilter): Promise<Page> {
    const newest = Boolean(f.newestFirst);
    const q = new BranchPageQuery(f.limit).branches(f.branchIds);
    if (f.customerId) q.add((n) => `customer_id = ${n}`, f.customerId);
    if (f.status) q.add((n) => `status = ${n}`, f.status);
    if (f.from) q.add((n) => `starts_at >= ${n}::timestamptz`, f.from);
    if (f.to) q.add((n) => `starts_at < ${n}::timestamptz`, f.to);
    q.after(decodeCursorOrThrow(f.cursor, Cursor), 'starts_at', newest);
    const sql = q.sql(BOOKING_COLUMNS, 'bookings.bookings', 'starts_at', newest);
    const rows = await this.sql.rows<BookingRow>(sql, q.values);
    return pageFrom(rows, f.limit, toBooking, (r) => ({ t: r.starts_at.toISOString(), id: r.id }));
  }
}
