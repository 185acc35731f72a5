import { Injectable } from '@nestjs/common';
import { BOOKING_STATUSES, type BookingStatus, Sql } from '@garage/shared';

export interface BookingsFigures {
  customers: number;
  vehicles: number;
  bookingsToday: number;
  bookingsByStatus: Record<BookingStatus, number>;
  revenueCentsThisMonth: number;
  activeTechnicians: number;
}

/**
 * The bookings part of the dashboard in one statement, its work bounded by time rather than by
 * history. $1 is the branches in scope, or null for the chain: then customers is left to the
 * gateway (auth's count of accounts) and vehicles counts every registered (active) vehicle, not claims; for branches
 * they are the distinct customers and vehicles ever booked there (an index-only scan).
 * bookingsByStatus counts bookings starting from the first of this month on: the month's outcomes
 * and everything still ahead. "Today" is each booking's branch-local date; the months are UTC.
 */
const FIGURES_SQL = `
  WITH recent AS (
    SELECT status FROM bookings.bookings
    WHERE ($1::uuid[] IS NULL OR branch_id = ANY($1::uuid[]))
      AND starts_at >= date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
  )
  SELECT
    (CASE WHEN $1::uuid[] IS NULL THEN 0 ELSE (SELECT count(DISTINCT customer_id) FROM bookings.bookings
      WHERE branch_id = ANY($1::uuid[])) END)::int AS customers,
    (CASE WHEN $1::uuid[] IS NULL THEN (SELECT count(*) FROM bookings.vehicles WHERE status = 'active')
          ELSE (SELECT count(DISTINCT vehicle_id) FROM bookings.bookings WHERE branch_id = ANY($1::uuid[])) END)::int
      AS vehicles,
    (SELECT count(*) FROM bookings.bookings
      WHERE ($1::uuid[] IS NULL OR branch_id = ANY($1::uuid[]))
        AND starts_at BETWEEN now() - interval '2 days' AND now() + interval '2 days'
        AND (starts_at AT TIME ZONE branch_timezone)::date = (now() AT TIME ZONE branch_timezone)::date)::int
      AS bookings_today,
    (SELECT coalesce(jsonb_object_agg(status, n), '{}') FROM
      (SELECT status, count(*)::int AS n FROM recent GROUP BY status) s) AS by_status,
    (SELECT coalesce(sum(total_cents), 0) FROM bookings.service_records
      WHERE ($1::uuid[] IS NULL OR branch_id = ANY($1::uuid[]))
        AND completed_at >= date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')::bigint AS revenue,
    (SELECT count(*) FROM bookings.technicians
      WHERE active AND ($1::uuid[] IS NULL OR branch_id = ANY($1::uuid[])))::int AS technicians`;

interface FiguresRow {
  customers: number;
  vehicles: number;
  bookings_today: number;
  by_status: Partial<Record<BookingStatus, number>>;
  revenue: string;
  technicians: number;
}

/** Counts for the dashboard and for the customers list; each is one statement, nothing per row. */
@Injectable()
export class DashboardRepository {
  constructor(private readonly sql: Sql) {}

  async figures(branchIds: string[] | null): Promise<BookingsFigures> {
    const [r] = await this.sql.rows<FiguresRow>(FIGURES_SQL, [branchIds]);
    const bookingsByStatus = Object.fromEntries(BOOKING_STATUSES.map((s) => [s, r.by_status[s] ?? 0])) as Record<
      BookingStatus,
      number
    >;
    return {
      customers: r.customers,
      vehicles: r.vehicles,
      bookingsToday: r.bookings_today,
      bookingsByStatus,
      revenueCentsThisMonth: Number(r.revenue),
      activeTechnicians: r.technicians,
    };
  }

  /** Vehicles and bookings of each customer asked about (0 for one with none), in one statement. */
  async customerCounts(customerIds: string[]) {
    const rows = await this.sql.rows<{ customer_id: string; vehicles: number; bookings: number }>(
      `SELECT c.id AS customer_id,
         (SELECT count(*) FROM bookings.vehicles v WHERE v.customer_id = c.id AND v.status = 'active')::int AS vehicles,
         (SELECT count(*) FROM bookings.bookings b WHERE b.customer_id = c.id)::int AS bookings
       FROM unnest($1::uuid[]) AS c(id)`,
      [[...new Set(customerIds)]],
    );
    return { items: rows.map((r) => ({ customerId: r.customer_id, vehicles: r.vehicles, bookings: r.bookings })) };
  }
}
