import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTableSql } from '@garage/shared';

// Millisecond timestamps: list cursors carry them as ISO strings, which hold no microseconds.
const MS_NOW = `date_trunc('milliseconds', now())`;
const LIVE = `status NOT IN ('cancelled', 'no_show')`;

/**
 * The bookings schema: vehicles, technicians, bookings (with the exclusion constraints that make
 * a double-booked technician or bay impossible), Idempotency-Keys, service records, and the outbox
 * of booking events.
 */
export class CreateBookingsSchema1765000000000 implements MigrationInterface {
  name = 'CreateBookingsSchema1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS bookings`);
    // Trusted since PG 13; database-wide, so IF NOT EXISTS (another schema may want it too).
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await this.createVehicles(q);
    await this.createTechnicians(q);
    await this.createBookings(q);
    await this.createIdempotencyKeys(q);
    await this.createServiceRecords(q);
    for (const sql of outboxTableSql('bookings')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA bookings CASCADE`);
  }

  private async createVehicles(q: QueryRunner): Promise<void> {
    // COLLATE "C": the btree indexes also serve `LIKE 'PREFIX%'` (the ?q= VIN or plate search).
    await q.query(`
      CREATE TABLE bookings.vehicles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL,
        vin text COLLATE "C" NOT NULL CHECK (vin ~ '^[A-HJ-NPR-Z0-9]{17}$'),
        plate text COLLATE "C" NOT NULL CHECK (length(plate) BETWEEN 1 AND 15),
        make text NOT NULL CHECK (length(make) BETWEEN 1 AND 40),
        model text NOT NULL CHECK (length(model) BETWEEN 1 AND 60),
        year integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
        mileage integer NOT NULL CHECK (mileage BETWEEN 0 AND 3000000),
        created_at timestamptz NOT NULL DEFAULT ${MS_NOW},
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX vehicles_vin_uq ON bookings.vehicles (vin)`);
    await q.query(`CREATE INDEX vehicles_plate_idx ON bookings.vehicles (plate)`);
    await q.query(`CREATE INDEX vehicles_customer_idx ON bookings.vehicles (customer_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX vehicles_created_idx ON bookings.vehicles (created_at DESC, id DESC)`);
  }

  private async createTechnicians(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bookings.technicians (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        branch_id uuid NOT NULL,
        skills text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX technicians_branch_name_idx ON bookings.technicians (branch_id, lower(name), id)`);
    await q.query(`CREATE INDEX technicians_name_idx ON bookings.technicians (lower(name), id)`);
  }

  private async createBookings(q: QueryRunner): Promise<void> {
    // branch_timezone is the branch's zone when booked, so SQL can find "today" at the branch.
    await q.query(`
      CREATE TABLE bookings.bookings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL,
        vehicle_id uuid NOT NULL REFERENCES bookings.vehicles (id),
        branch_id uuid NOT NULL,
        branch_timezone text NOT NULL,
        technician_id uuid NOT NULL REFERENCES bookings.technicians (id),
        bay integer NOT NULL CHECK (bay >= 1),
        service_ids uuid[] NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
        status text NOT NULL DEFAULT 'requested'
          CHECK (status IN ('requested', 'confirmed', 'checked_in', 'in_progress', 'completed', 'cancelled', 'no_show')),
        parts_status text NOT NULL DEFAULT 'pending'
          CHECK (parts_status IN ('pending', 'reserved', 'awaiting_parts', 'released', 'consumed')),
        quote jsonb NOT NULL,
        parts jsonb NOT NULL,
        notes text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT bookings_technician_no_overlap EXCLUDE USING gist
          (technician_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) WHERE (${LIVE}),
        CONSTRAINT bookings_bay_no_overlap EXCLUDE USING gist
          (branch_id WITH =, bay WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) WHERE (${LIVE})
      )`);
    // The bay constraint's gist index also serves availability's "live bookings at a branch in a window".
    await q.query(`CREATE INDEX bookings_branch_starts_idx ON bookings.bookings (branch_id, starts_at, id)`);
    await q.query(`CREATE INDEX bookings_branch_status_idx ON bookings.bookings (branch_id, status, starts_at, id)`);
    await q.query(`CREATE INDEX bookings_status_starts_idx ON bookings.bookings (status, starts_at, id)`);
    await q.query(`CREATE INDEX bookings_starts_idx ON bookings.bookings (starts_at, id)`);
    await q.query(`CREATE INDEX bookings_customer_idx ON bookings.bookings (customer_id, starts_at DESC, id DESC)`);
    await q.query(`CREATE INDEX bookings_vehicle_idx ON bookings.bookings (vehicle_id, starts_at DESC)`);
  }

  private async createIdempotencyKeys(q: QueryRunner): Promise<void> {
    // Written in the booking's own transaction: the primary key makes concurrent duplicates wait, then lose.
    await q.query(`
      CREATE TABLE bookings.idempotency_keys (
        principal_kind text NOT NULL,
        principal_id uuid NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        -- Deferred: the key is claimed first in the transaction, before the booking row exists.
        booking_id uuid NOT NULL REFERENCES bookings.bookings (id) DEFERRABLE INITIALLY DEFERRED,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (principal_kind, principal_id, key)
      )`);
    await q.query(`CREATE INDEX idempotency_keys_created_idx ON bookings.idempotency_keys (created_at)`);
  }

  private async createServiceRecords(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bookings.service_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        booking_id uuid NOT NULL UNIQUE REFERENCES bookings.bookings (id),
        customer_id uuid NOT NULL,
        vehicle_id uuid NOT NULL REFERENCES bookings.vehicles (id),
        branch_id uuid NOT NULL,
        technician_id uuid NOT NULL,
        services jsonb NOT NULL,
        parts jsonb NOT NULL,
        labor_cents integer NOT NULL,
        parts_cents integer NOT NULL,
        tax_cents integer NOT NULL,
        total_cents integer NOT NULL,
        mileage integer,
        completed_at timestamptz NOT NULL DEFAULT ${MS_NOW}
      )`);
    for (const column of ['vehicle_id', 'branch_id', 'customer_id']) {
      await q.query(
        `CREATE INDEX service_records_${column}_idx ON bookings.service_records (${column}, completed_at DESC, id DESC)`,
      );
    }
    await q.query(
      `CREATE INDEX service_records_completed_idx ON bookings.service_records (completed_at DESC, id DESC)`,
    );
  }
}
