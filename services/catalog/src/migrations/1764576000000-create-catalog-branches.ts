import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The catalog schema and its branches: where, when open, how many bays, at what rates. */
export class CreateCatalogBranches1764576000000 implements MigrationInterface {
  name = 'CreateCatalogBranches1764576000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS catalog`);
    await q.query(`
      CREATE TABLE catalog.branches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        address text NOT NULL,
        timezone text NOT NULL,
        opening_hours jsonb NOT NULL,
        bays integer NOT NULL CHECK (bays BETWEEN 1 AND 200),
        labor_rate_cents integer NOT NULL CHECK (labor_rate_cents BETWEEN 0 AND 100000000),
        tax_rate_percent numeric(6, 3) NOT NULL CHECK (tax_rate_percent BETWEEN 0 AND 100),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX branches_name_lower_uq ON catalog.branches (lower(name))`);
    await q.query(`CREATE INDEX branches_active_name_idx ON catalog.branches (active, lower(name), id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE catalog.branches`);
    await q.query(`DROP SCHEMA catalog`);
  }
}
