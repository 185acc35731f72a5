import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who made a booking: the customer online, or staff at the desk. The cap on a customer's live
 * bookings counts the ones they made themselves (staff are exempt), through a partial index that
 * holds only open bookings made online. Bookings made before this are counted as the customer's
 * own: who made them is not known, and counting them errs on the side of the cap.
 */
export class BookingsMadeBy1767200000000 implements MigrationInterface {
  name = 'BookingsMadeBy1767200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE bookings.bookings ADD COLUMN booked_by text NOT NULL DEFAULT 'customer'
        CHECK (booked_by IN ('customer', 'staff'))`);
    // From now on every insert says who made it.
    await q.query(`ALTER TABLE bookings.bookings ALTER COLUMN booked_by DROP DEFAULT`);
    await q.query(`
      CREATE INDEX bookings_customer_open_online_idx ON bookings.bookings (customer_id, ends_at)
      WHERE status IN ('requested', 'confirmed', 'checked_in', 'in_progress') AND booked_by = 'customer'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX bookings.bookings_customer_open_online_idx`);
    await q.query(`ALTER TABLE bookings.bookings DROP COLUMN booked_by`);
  }
}
