import { Injectable } from '@nestjs/common';
import { decodeCursorOrThrow, pageFrom, Sql, SqlParams, whereAll, type Customer, type Queryable } from '@garage/shared';
import { z } from 'zod';
import { customerSearchCondition } from './customer-search.js';
import type { AccountStatus } from '../users/users.repository.js';

interface CustomerRow {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  status: AccountStatus;
  created_at: Date;
}

/** A customer account with its password hash: for sign-in and password checks only, never sent. */
export interface CustomerAccount {
  id: string;
  email: string;
  status: AccountStatus;
  passwordHash: string;
}

export interface NewCustomer {
  email: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  status: AccountStatus;
  passwordHash: string;
}

const CUSTOMER_COLUMNS = 'id, email, first_name, last_name, phone, status, created_at';
const ACCOUNT_COLUMNS = 'id, email, status, password_hash';
/** Position in the by-name order: lower-cased last and first name, then id (index customers_name_idx). */
const NameCursor = z.object({ l: z.string(), f: z.string(), id: z.uuid() });

/** Customer accounts in Postgres (plain SQL rows; the hot read by id is a prepared statement). */
@Injectable()
export class CustomersRepository {
  constructor(private readonly sql: Sql) {}

  async findById(id: string): Promise<Customer | null> {
    const row = await this.sql.one<CustomerRow>(`SELECT ${CUSTOMER_COLUMNS} FROM auth.customers WHERE id = $1`, [id], {
      name: 'auth.customers.by-id',
    });
    return row ? toCustomer(row) : null;
  }

  /** A page of customers by last name, first name, id; `q` narrows to a name, email or phone match. One query. */
  async search(limit: number, cursor?: string, q?: string): Promise<{ items: Customer[]; nextCursor: string | null }> {
    const after = decodeCursorOrThrow(cursor, NameCursor);
    const p = new SqlParams();
    const limitParam = p.add(limit + 1);
    const where = whereAll([
      after && `(lower(last_name), lower(first_name), id) > (${p.add(after.l)}, ${p.add(after.f)}, ${p.add(after.id)})`,
      q && customerSearchCondition(q, p),
    ]);
    // The cursor keeps Postgres's own lower() of the names, so the next page starts exactly where this one ended.
    const rows = await this.sql.rows<CustomerRow & { sort_l: string; sort_f: string }>(
      `SELECT ${CUSTOMER_COLUMNS}, lower(last_name) AS sort_l, lower(first_name) AS sort_f
       FROM auth.customers ${where}
       ORDER BY lower(last_name), lower(first_name), id LIMIT ${limitParam}`,
      p.values,
    );
    return pageFrom(rows, limit, toCustomer, (r) => ({ l: r.sort_l, f: r.sort_f, id: r.id }));
  }

  async count(): Promise<number> {
    const row = await this.sql.one<{ customers: number }>(`SELECT count(*)::int AS customers FROM auth.customers`);
    return row?.customers ?? 0;
  }

  /** The account with its password hash, for sign-in only. */
  async findForLogin(email: string): Promise<CustomerAccount | null> {
    const row = await this.sql.one<AccountRow>(
      `SELECT ${ACCOUNT_COLUMNS} FROM auth.customers WHERE lower(email) = lower($1)`,
      [email],
    );
    return row ? toAccount(row) : null;
  }

  /** Whether an account has this email (case-insensitively): checked before a registration pays for a hash. */
  async emailTaken(email: string): Promise<boolean> {
    return (await this.sql.one(`SELECT 1 FROM auth.customers WHERE lower(email) = lower($1)`, [email])) !== null;
  }

  /** The account with its password hash, for a password change. */
  async findAccount(id: string): Promise<CustomerAccount | null> {
    const row = await this.sql.one<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM auth.customers WHERE id = $1`, [id]);
    return row ? toAccount(row) : null;
  }

  /** Inserts a customer; returns null when the email is taken (case-insensitively). */
  async insertIfNew(customer: NewCustomer): Promise<Customer | null> {
    const row = await this.sql.one<CustomerRow>(
      `INSERT INTO auth.customers (email, first_name, last_name, phone, status, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ((lower(email))) DO NOTHING
       RETURNING ${CUSTOMER_COLUMNS}`,
      [customer.email, customer.firstName, customer.lastName, customer.phone, customer.status, customer.passwordHash],
    );
    return row ? toCustomer(row) : null;
  }

  /** Sets the status; returns the customer and the status it had just before, or null if there is none. */
  async setStatus(
    id: string,
    status: AccountStatus,
    on: Queryable = this.sql,
  ): Promise<{ customer: Customer; before: AccountStatus } | null> {
    const row = await on.one<CustomerRow & { old_status: AccountStatus }>(
      `WITH old AS (SELECT id, status FROM auth.customers WHERE id = $1 FOR UPDATE)
       UPDATE auth.customers c SET status = $2, updated_at = now() FROM old WHERE c.id = old.id
       RETURNING c.id, c.email, c.first_name, c.last_name, c.phone, c.status, c.created_at, old.status AS old_status`,
      [id, status],
    );
    return row ? { customer: toCustomer(row), before: row.old_status } : null;
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.sql.rows(`UPDATE auth.customers SET password_hash = $2, updated_at = now() WHERE id = $1`, [
      id,
      passwordHash,
    ]);
  }

  async touchLogin(id: string): Promise<void> {
    await this.sql.rows(`UPDATE auth.customers SET last_login_at = now() WHERE id = $1`, [id]);
  }
}

interface AccountRow {
  id: string;
  email: string;
  status: AccountStatus;
  password_hash: string;
}

/** The wire form of a customer (never the password hash). */
export function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    phone: row.phone ?? null,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

function toAccount(row: AccountRow): CustomerAccount {
  return { id: row.id, email: row.email, status: row.status, passwordHash: row.password_hash };
}
