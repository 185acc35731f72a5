import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the booking-events consumer needs: the ids of events already applied (written in the same
 * transaction as the stock change, so a redelivered event changes nothing), and the order in which
 * reservations were made, so waiting ('short') bookings get arriving stock oldest first.
 */
export class AddProcessedEventsAndWaitingOrder1765500000000 implements MigrationInterface {
  name = 'AddProcessedEventsAndWaitingOrder1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inventory.processed_events (
        event_id uuid PRIMARY KEY,
        processed_at timestamptz NOT NULL DEFAULT now()
      )`);
    // created_at is the transaction's start time and can tie; an identity is the order of the claims.
    await q.query(`ALTER TABLE inventory.reservations ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY`);
    // A branch's waiting bookings, oldest first; only 'short' rows, so the index stays small.
    await q.query(
      `CREATE INDEX reservations_waiting_idx ON inventory.reservations (branch_id, seq) WHERE status = 'short'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX inventory.reservations_waiting_idx`);
    await q.query(`ALTER TABLE inventory.reservations DROP COLUMN seq`);
    await q.query(`DROP TABLE inventory.processed_events`);
  }
}
