import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The service catalog (what the chain sells, with its labour and parts) and catalog's own copy of
 * inventory's part prices, so pricing keeps working while inventory restarts.
 */
export class CreateCatalogServicesAndPartPrices1764748800000 implements MigrationInterface {
  name = 'CreateCatalogServicesAndPartPrices1764748800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE catalog.services (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
        category text NOT NULL CHECK (length(category) BETWEEN 1 AND 60),
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 1440),
        labor_hours numeric(5, 2) NOT NULL CHECK (labor_hours BETWEEN 0 AND 100),
        parts jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(parts) = 'array'),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT services_code_uq UNIQUE (code)
      )`);
    // One index per way the list is read: public (active only) or staff (all), each with or without ?category=.
    await q.query(`CREATE INDEX services_active_name_idx ON catalog.services (lower(name), id) WHERE active`);
    await q.query(`CREATE INDEX services_name_idx ON catalog.services (lower(name), id)`);
    await q.query(
      `CREATE INDEX services_active_category_name_idx ON catalog.services (lower(category), lower(name), id) WHERE active`,
    );
    await q.query(`CREATE INDEX services_category_name_idx ON catalog.services (lower(category), lower(name), id)`);

    await q.query(`
      CREATE TABLE catalog.part_prices (
        sku text PRIMARY KEY,
        part_id uuid NOT NULL,
        unit_price_cents bigint NOT NULL CHECK (unit_price_cents >= 0),
        price_version bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE catalog.part_prices`);
    await q.query(`DROP TABLE catalog.services`);
  }
}
