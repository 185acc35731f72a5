import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A VIN registered to one customer can be claimed by another: the claim is a vehicle row of the
 * claimant with status claim_pending (not bookable) until staff move the registered car to them or
 * reject it (claim_rejected). One active vehicle per VIN; one row per customer and VIN. Each
 * decision is kept in vehicle_claim_decisions: who moved which car from whom to whom, and when.
 */
export class VehicleOwnershipClaims1767400000000 implements MigrationInterface {
  name = 'VehicleOwnershipClaims1767400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE bookings.vehicles ADD COLUMN status text NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'claim_pending', 'claim_rejected'))`);
    await q.query(`DROP INDEX bookings.vehicles_vin_uq`);
    await q.query(`CREATE UNIQUE INDEX vehicles_vin_uq ON bookings.vehicles (vin) WHERE status = 'active'`);
    // The ?q= VIN prefix search covers claims too (COLLATE "C" of the column: LIKE 'PREFIX%').
    await q.query(`CREATE INDEX vehicles_vin_idx ON bookings.vehicles (vin)`);
    await q.query(`CREATE UNIQUE INDEX vehicles_customer_vin_uq ON bookings.vehicles (customer_id, vin)`);
    await q.query(
      `CREATE INDEX vehicles_claims_pending_idx ON bookings.vehicles (created_at, id) WHERE status = 'claim_pending'`,
    );
    await q.query(`
      CREATE TABLE bookings.vehicle_claim_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        claim_id uuid NOT NULL,
        vin text COLLATE "C" NOT NULL,
        claimant_id uuid NOT NULL,
        decision text NOT NULL CHECK (decision IN ('approved', 'rejected')),
        -- Approved: the car that moved and its owner before.
        vehicle_id uuid REFERENCES bookings.vehicles (id),
        previous_owner_id uuid,
        decided_by uuid NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX vehicle_claim_decisions_vin_idx ON bookings.vehicle_claim_decisions (vin, decided_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE bookings.vehicle_claim_decisions`);
    await q.query(`DELETE FROM bookings.vehicles WHERE status <> 'active'`);
    await q.query(`DROP INDEX bookings.vehicles_claims_pending_idx`);
    await q.query(`DROP INDEX bookings.vehicles_customer_vin_uq`);
    await q.query(`DROP INDEX bookings.vehicles_vin_idx`);
    await q.query(`DROP INDEX bookings.vehicles_vin_uq`);
    await q.query(`CREATE UNIQUE INDEX vehicles_vin_uq ON bookings.vehicles (vin)`);
    await q.query(`ALTER TABLE bookings.vehicles DROP COLUMN status`);
  }
}
