import type { MigrationInterface, QueryRunner } from 'typeorm';

/** How far ahead a branch takes bookings (bookings refuses a later start; availability offers none). */
export class BranchBookingHorizon1767300000000 implements MigrationInterface {
  name = 'BranchBookingHorizon1767300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE catalog.branches ADD COLUMN booking_horizon_days integer NOT NULL DEFAULT 90
        CHECK (booking_horizon_days BETWEEN 1 AND 365)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE catalog.branches DROP COLUMN booking_horizon_days`);
  }
}
