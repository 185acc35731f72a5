import type { MigrationInterface, QueryRunner } from 'typeorm';

const LIVE = `status NOT IN ('cancelled', 'no_show')`;

/**
 * A car cannot be booked twice at overlapping times: an exclusion constraint over live bookings,
 * like the technician and bay ones. EXCLUDE has no NOT VALID, so rows that already overlap would
 * stop the migration; cancelling them would change customers' bookings behind their backs. Instead
 * each live booking that overlaps an earlier-made live booking of the same car is marked
 * `grandfathered_car_overlap` and left out of the constraint: the unmarked ones overlap nowhere, and
 * every booking made from now on is checked against them.
 */
export class OneCarOneBookingAtATime1767100000000 implements MigrationInterface {
  name = 'OneCarOneBookingAtATime1767100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE bookings.bookings ADD COLUMN grandfathered_car_overlap boolean NOT NULL DEFAULT false`);
    await q.query(`
      UPDATE bookings.bookings b SET grandfathered_car_overlap = true
      WHERE b.${LIVE} AND EXISTS (
        SELECT 1 FROM bookings.bookings e
        WHERE e.vehicle_id = b.vehicle_id AND e.${LIVE}
          AND (e.created_at, e.id) < (b.created_at, b.id)
          AND tstzrange(e.starts_at, e.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)'))`);
    await q.query(`
      ALTER TABLE bookings.bookings ADD CONSTRAINT bookings_vehicle_no_overlap EXCLUDE USING gist
        (vehicle_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
        WHERE (${LIVE} AND NOT grandfathered_car_overlap)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE bookings.bookings DROP CONSTRAINT bookings_vehicle_no_overlap`);
    await q.query(`ALTER TABLE bookings.bookings DROP COLUMN grandfathered_car_overlap`);
  }
}
