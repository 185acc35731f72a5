import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A vehicle's mileage may be unknown when its owner adds it: null until someone gives one. */
export class VehicleMileageOptional1766000000000 implements MigrationInterface {
  name = 'VehicleMileageOptional1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE bookings.vehicles ALTER COLUMN mileage DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE bookings.vehicles SET mileage = 0 WHERE mileage IS NULL`);
    await q.query(`ALTER TABLE bookings.vehicles ALTER COLUMN mileage SET NOT NULL`);
  }
}
