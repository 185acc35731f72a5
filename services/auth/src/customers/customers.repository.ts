import { Injectable } from '@nestjs/common';
import { decodeCursorOrThrow, pageFrom, preparedQuery, type Customer } from '@garage/shared';
import { z } from 'zod';
import { DataSource, type Repository } from 'typeorm';
import { CustomerEntity } from './customer.entity.js';
import { customerSearchCondition } from './customer-search.js';
import type { AccountStatus } from '../users/user.entity.js';

interface CustomerRow {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  status: AccountStatus;
  created_at: Date;
}

const CUSTOMER_COLUMNS = 'id, email, first_name, last_name, phone, status, created_at';
/** Position in the by-name order: lower-cased last and first name, then id (index customers_name_idx). */
const NameCursor = z.object({ l: z.string(), f: z.string(), id: z.uuid() });

/** Customer accounts in Postgres. Hot reads use plain SQL rows (no entity hydration). */
@Injectable()
export class CustomersRepository {
  private readonly repo: Repository<CustomerEntity>;

  constructor(private readonly db: DataSource) {
    this.repo = db.getRepository(CustomerEntity);
  }

  async findById(id: string): Promise<Customer | null> {
    const sql = `SELECT ${CUSTOMER_COLUMNS} FROM auth.customers WHERE id = $1`;
    const rows = await preparedQuery<CustomerRow>(this.db, 'auth.customers.by-id', sql, [id]);
    return rows[0] ? toCustomer(rows[0]) : null;
  }

  /** A page of customers by last name, first name, id; `q` narrows to a name, email or phone match. One query. */
  async search(limit: number, cursor?: string, q?: string): Promise<{ items: Customer[]; nextCursor: string | null }> {
    const after = decodeCursorOrThrow(cursor, NameCursor);
    const params: unknown[] = [limit + 1];
    const where: string[] = [];
    if (after) {
      params.push(after.l, after.f, after.id);
      where.push(`(lower(last_name), lower(first_name), id) > ($2, $3, $4)`);
    }
    if (q) where.push(customerSearchCondition(q, params));
    // The cursor keeps Postgres's own lower() of the names, so the next page starts exactly where this one ended.
    const rows: (CustomerRow & { sort_l: string; sort_f: string })[] = await this.db.query(
      `SELECT ${CUSTOMER_COLUMNS}, lower(last_name) AS sort_l, lower(first_name) AS sort_f
       FROM auth.customers ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY lower(last_name), lower(first_name), id LIMIT $1`,
      params,
    );
    return pageFrom(rows, limit, toCustomer, (r) => ({ l: r.sort_l, f: r.sort_f, id: r.id }));
  }

  async count(): Promise<number> {
    const rows: { customers: number }[] = await this.db.query(`SELECT count(*)::int AS customers FROM auth.customers`);
    return rows[0]?.customers ?? 0;
  }

  /** The account with its password hash, for sign-in only. */
  findForLogin(email: string): Promise<CustomerEntity | null> {
    return this.repo.createQueryBuilder('c').where('lower(c.email) = lower(:email)', { email }).getOne();
  }

  findEntity(id: string): Promise<CustomerEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** Inserts a customer; returns null when the email is taken (case-insensitively). */
  async insertIfNew(
    customer: Pick<CustomerEntity, 'email' | 'firstName' | 'lastName' | 'phone' | 'status' | 'passwordHash'>,
  ): Promise<Customer | null> {
    const rows: CustomerRow[] = await this.db.query(
      `INSERT INTO auth.customers (email, first_name, last_name, phone, status, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ((lower(email))) DO NOTHING
       RETURNING ${CUSTOMER_COLUMNS}`,
      [customer.email, customer.firstName, customer.lastName, customer.phone, customer.status, customer.passwordHash],
    );
    return rows[0] ? toCustomer(rows[0]) : null;
  }

  async setStatus(id: string, status: AccountStatus): Promise<Customer | null> {
    const rows: [CustomerRow[], number] = await this.db.query(
      `UPDATE auth.customers SET status = $2, updated_at = now() WHERE id = $1 RETURNING ${CUSTOMER_COLUMNS}`,
      [id, status],
    );
    const updated = rows[0]?.[0];
    return updated ? toCustomer(updated) : null;
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.repo.update({ id }, { passwordHash });
  }

  async touchLogin(id: string): Promise<void> {
    await this.db.query(`UPDATE auth.customers SET last_login_at = now() WHERE id = $1`, [id]);
  }
}

/** The wire form of a customer (never the password hash). */
export function toCustomer(row: CustomerRow | CustomerEntity): Customer {
  const r = row as Partial<CustomerRow> & Partial<CustomerEntity>;
  return {
    id: row.id,
    email: row.email,
    firstName: (r.first_name ?? r.firstName) as string,
    lastName: (r.last_name ?? r.lastName) as string,
    phone: row.phone ?? null,
    status: row.status,
    createdAt: new Date((r.created_at ?? r.createdAt) as Date).toISOString(),
  };
}
