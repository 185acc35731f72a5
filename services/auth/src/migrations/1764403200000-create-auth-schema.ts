import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The auth schema: staff/admin users and customers, with case-insensitive unique logins. */
export class CreateAuthSchema1764403200000 implements MigrationInterface {
  name = 'CreateAuthSchema1764403200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS auth`);
    await q.query(`
      CREATE TABLE auth.users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL CHECK (length(username) BETWEEN 3 AND 64),
        role text NOT NULL CHECK (role IN ('admin', 'staff')),
        branch_ids uuid[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'pending')),
        password_hash text NOT NULL,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_username_lower_uq ON auth.users (lower(username))`);
    await q.query(`
      CREATE TABLE auth.customers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
        first_name text NOT NULL,
        last_name text NOT NULL,
        phone text,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'pending')),
        password_hash text NOT NULL,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX customers_email_lower_uq ON auth.customers (lower(email))`);
    await q.query(`CREATE INDEX customers_name_idx ON auth.customers (lower(last_name), lower(first_name), id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE auth.customers`);
    await q.query(`DROP TABLE auth.users`);
    await q.query(`DROP SCHEMA auth`);
  }
}
