import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trigram indexes so staff can search customers (`auth.customers.search` ?q=) by any part of the
 * name, email or phone without a table scan. Each index is on exactly the expression the search
 * query uses, or the planner cannot pick it.
 */
export class IndexCustomerSearch1764921600000 implements MigrationInterface {
  name = 'IndexCustomerSearch1764921600000';

  async up(q: QueryRunner): Promise<void> {
    // Database-wide and also created by inventory: this lock (held to the end of the migration's
    // transaction) keeps two services migrating at once from racing on it.
    await q.query(`SELECT pg_advisory_xact_lock(hashtext('garage:create-extension'))`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(
      `CREATE INDEX customers_full_name_trgm_idx ON auth.customers
       USING gin ((first_name || ' ' || last_name) gin_trgm_ops)`,
    );
    await q.query(`CREATE INDEX customers_email_trgm_idx ON auth.customers USING gin (email gin_trgm_ops)`);
    // Digits only: "+1 555 0100", "555-0100" and "5550100" are the same number to whoever searches.
    await q.query(
      `CREATE INDEX customers_phone_digits_trgm_idx ON auth.customers
       USING gin ((regexp_replace(phone, '[^0-9]', '', 'g')) gin_trgm_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX auth.customers_phone_digits_trgm_idx`);
    await q.query(`DROP INDEX auth.customers_email_trgm_idx`);
    await q.query(`DROP INDEX auth.customers_full_name_trgm_idx`);
  }
}
