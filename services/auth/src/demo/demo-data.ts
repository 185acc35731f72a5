import type { DataSource } from 'typeorm';
import { DEMO_CUSTOMER_ID, Sql } from '@garage/shared';
import type { PasswordHasher } from '../passwords/password-hasher.js';
import { DEMO_ADMIN, DEMO_CUSTOMER } from './demo-credentials.js';

/** Loads the demo accounts if they are missing (idempotent; never run in production). Returns what it added. */
export async function loadDemoAccounts(db: DataSource, hasher: PasswordHasher): Promise<string[]> {
  const sql = new Sql(db);
  const added: string[] = [];
  const admin = await sql.rows(
    `INSERT INTO auth.users (username, role, branch_ids, status, password_hash)
     VALUES ($1, 'admin', '{}', 'active', $2) ON CONFLICT ((lower(username))) DO NOTHING RETURNING id`,
    [DEMO_ADMIN.username, await hasher.hash(DEMO_ADMIN.password)],
  );
  if (admin.length) added.push(`admin ${DEMO_ADMIN.username}`);
  const customer = await sql.rows(
    `INSERT INTO auth.customers (id, email, first_name, last_name, phone, status, password_hash)
     VALUES ($1, $2, $3, $4, $5, 'active', $6) ON CONFLICT DO NOTHING RETURNING id`,
    [
      DEMO_CUSTOMER_ID,
      DEMO_CUSTOMER.email,
      DEMO_CUSTOMER.firstName,
      DEMO_CUSTOMER.lastName,
      DEMO_CUSTOMER.phone,
      await hasher.hash(DEMO_CUSTOMER.password),
    ],
  );
  if (customer.length) added.push(`customer ${DEMO_CUSTOMER.email}`);
  return added;
}
